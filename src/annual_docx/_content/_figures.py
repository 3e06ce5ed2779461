"""Figures and tables across the document: photo galleries and tables as lazily written WordprocessingML, and the
numbering of every caption (图1 below a figure) and table title (表1 above a table), set alike: ``图1 标题``,
``表1 标题``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from annual_docx._content._piece import Block

GALLERY_WIDTH_MM = 150.0  # the 156 mm type area less the cells' margins
GALLERY_GAP_MM = 4.0
SEPARATOR = " "
"""Between a figure's or table's number and its title: ``图1 组织结构图``, ``表1 主要业务指标``."""
_TYPED = re.compile(r"^[图表]\s*\d+(?:[-.－—]\d+)?[\s\u3000.:：、]*")  # a number typed into a title by hand


def numbered(label: str, n: int, title: str) -> str:
    """Return ``title`` numbered ``{label}{n}``; a number typed into it by hand (``表1　…``) is replaced."""
    return f"{label}{n}{SEPARATOR}{_TYPED.sub('', title, count=1) or title}"


@dataclass(frozen=True)
class Gallery:
    """Pictures laid out in a borderless table; renders itself as WordprocessingML for ``{{p b.xml }}``."""

    pictures: tuple[Any, ...]
    captions: tuple[str, ...]
    per_row: int

    def __html__(self) -> str:
        from annual_docx._ooxml import body, table

        cells = [(picture.inline(), caption) for picture, caption in zip(self.pictures, self.captions, strict=True)]
        return body.markup(table.gallery(cells, self.per_row))

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

    def elements(self) -> list[Any]:
        """Return the title paragraph and ``w:tbl``; ValueError when the rows do not line up."""
        from annual_docx._ooxml import table

        return table.official_table(self.header, self.rows, title=self.title, aligns=self.aligns,
                                    totals=self.totals, weights=self.weights, size=self.size,
                                    repeat_header=self.repeat_header)

    def __html__(self) -> str:
        from annual_docx._ooxml import body

        return body.markup(self.elements())

    def __str__(self) -> str:
        return self.__html__()


def number_figures(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with each captioned figure's caption numbered in order (``图1 曲阜市图书馆组织结构图``;
    captions in a gallery count too) and each titled table's title numbered (``表1 主要业务指标``)."""
    out, figures, tables = [], 0, 0
    for block in blocks:
        if block.kind == "figure" and block.text:
            figures += 1
            block = replace(block, text=numbered("图", figures, block.text))
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
