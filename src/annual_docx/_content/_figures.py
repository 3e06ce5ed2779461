"""Figures and tables across the document: photo galleries and tables as lazily written WordprocessingML, and the
numbering of every caption (图1 below a figure) and table title (表1 above a table), set alike: ``图1 标题``,
``表1 标题``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from annual_docx._content._piece import Block
from annual_docx._textwidth import text_width
from annual_docx.gbt9704 import CHARS_PER_LINE, TYPE_WIDTH

GALLERY_WIDTH_MM = 150.0  # the 156 mm type area less the cells' margins
GALLERY_GAP_MM = 4.0
SEPARATOR = " "
"""Between a figure's or table's number and its title: ``图1 组织结构图``, ``表1 主要业务指标``."""
_TYPED = re.compile(r"^[图表]\s*\d+(?:[-.－—]\d+)?[\s\u3000.:：、]*")  # a number typed into a title by hand


_CELL_PT = TYPE_WIDTH / CHARS_PER_LINE / 20  # Word's character grid cell (15.8 pt), wider than a 14 pt caption's
_NO_LINE_START = set("，。、；：？！）》」』”’…—·%％")
_NO_LINE_END = set("（《「『“‘")


def caption_lines(text: str, width_twips: int) -> list[str]:
    """Return the lines a caption is set in within ``width_twips``: one line when it fits, else lines of balanced
    width (the longer above, never one character alone on the last line), broken where neither line starts with
    closing punctuation nor ends with an opening one. A full-width character counts as one grid cell (Word's
    character grid puts a 14 pt caption in a 15.8 pt cell; LibreOffice sets it narrower), so the breaks are ours in
    both."""
    units = max(1, int(width_twips / 20 / _CELL_PT))  # full-width characters a line holds
    if text_width(text) <= units:
        return [text]
    cuts = [0, *(i for i in range(1, len(text)) if text[i] not in _NO_LINE_START and text[i - 1] not in _NO_LINE_END),
            len(text)]
    lines = _balanced(text, cuts, units)
    return lines or [text]  # nothing fits the rules (a line longer than the cell): let the page wrap it


def _balanced(text: str, cuts: list[int], units: int) -> list[str] | None:
    """Return ``text`` cut at some of ``cuts`` into the fewest lines of at most ``units`` cells, no line but the
    first a single character, the widest line as narrow as can be (ties: the longer lines above)."""
    width = [0.0]
    for ch in text:
        width.append(width[-1] + text_width(ch))
    end = len(cuts) - 1
    for count in range(2, len(cuts)):
        # rows[j][k]: the best (widest line, line widths negated) of j lines ending at cuts[k], and the cut before
        rows: list[dict[int, tuple[tuple[float, tuple[float, ...]], int]]] = [{0: ((0.0, ()), 0)}]
        for _ in range(count):
            row: dict[int, tuple[tuple[float, tuple[float, ...]], int]] = {}
            for i, ((widest, widths), _) in rows[-1].items():
                for k in range(i + 1, len(cuts)):
                    w = width[cuts[k]] - width[cuts[i]]
                    if w > units:
                        break
                    if w > 1 or i == 0:  # no character alone on a line below the first
                        key = (max(widest, w), (*widths, -w))
                        if k not in row or key < row[k][0]:
                            row[k] = (key, i)
            rows.append(row)
        if end in rows[-1]:
            lines, k = [], end
            for j in range(count, 0, -1):
                i = rows[j][k][1]
                lines.append(text[cuts[i]:cuts[k]])
                k = i
            return lines[::-1]
    return None


def numbered(label: str, n: int, title: str) -> str:
    """Return ``title`` numbered ``{label}{n}``; a number typed into it by hand (``表1　…``) is replaced."""
    return f"{label}{n}{SEPARATOR}{_TYPED.sub('', title, count=1) or title}"


@dataclass(frozen=True)
class Gallery:
    """Pictures laid out in a borderless table; renders itself as WordprocessingML for ``{{p b.xml }}``."""

    pictures: tuple[Any, ...]
    captions: tuple[str, ...]
    per_row: int
    keep: bool = False  # kept on the page of what follows (the 落款)

    def __html__(self) -> str:
        from annual_docx._ooxml import body, table

        room = table.column_widths(self.per_row)[0] - 2 * table.CELL_MARGIN  # a cell's width less its margins
        cells = [(picture.inline(), "\n".join(caption_lines(caption, room)) if caption else caption)
                 for picture, caption in zip(self.pictures, self.captions, strict=True)]
        return body.markup(table.gallery(cells, self.per_row, to_next=self.keep))

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class KeptFigure:
    """A figure (its picture or chart, and its caption, numbered) kept on the page of what follows, the 落款: laid
    out like the template's figure paragraphs, each with keep-with-next; renders itself for ``{{p b.xml }}``."""

    image: Any  # what ``{{ b.image }}`` places: a picture, a native chart or drawing
    caption: str

    def __html__(self) -> str:
        from annual_docx._ooxml import body

        return body.figure_paragraphs(str(self.image), self.caption)

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class Table:
    """A 公文 table with its title above; renders itself as WordprocessingML for ``{{p b.xml }}``."""

    header: Sequence[Any]
    rows: Sequence[Sequence[Any]]
    title: str | None = None
    aligns: Sequence[str | None] | None = None
    totals: Sequence[str] | None = None
    weights: Sequence[float] | None = None
    size: int | None = None  # half-points; None keeps the styles' 四号
    repeat_header: bool = True
    keep: bool = False  # its end kept on the page of what follows (the 落款)

    def elements(self) -> list[Any]:
        """Return the title paragraph and ``w:tbl``; ValueError when the rows do not line up."""
        from annual_docx._ooxml import table

        return table.official_table(self.header, self.rows, title=self.title, aligns=self.aligns,
                                    totals=self.totals, weights=self.weights, size=self.size,
                                    repeat_header=self.repeat_header, to_next=self.keep)

    def __html__(self) -> str:
        from annual_docx._ooxml import body

        return body.markup(self.elements())

    def __str__(self) -> str:
        return self.__html__()


def number_figures(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with each captioned figure's caption numbered in order (``图1 曲阜市图书馆组织结构图``;
    captions in a gallery count too) and each titled table's title numbered (``表1 主要业务指标``)."""
    from annual_docx._ooxml.body import lines_text

    out, figures, tables = [], 0, 0
    for block in blocks:
        if block.kind == "figure" and block.text:
            figures += 1
            lines = caption_lines(numbered("图", figures, block.text), TYPE_WIDTH)
            block = replace(block, text=lines[0] if len(lines) == 1 else lines_text(lines))
        elif isinstance(block.xml, Gallery):
            captions = []
            for caption in block.xml.captions:
                figures += bool(caption)
                captions.append(numbered("图", figures, caption) if caption else "")
            block = replace(block, xml=replace(block.xml, captions=tuple(captions)))
        elif isinstance(block.xml, Table) and block.xml.title:
            tables += 1
            block = replace(block, xml=replace(block.xml, title=numbered("表", tables, block.xml.title)))
        out.append(block)
    return out
