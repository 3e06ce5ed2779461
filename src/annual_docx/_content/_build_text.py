"""Builders of the text blocks: paragraphs with emphasis, lists, 大事记 and page breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from markupsafe import Markup

from annual_docx._content._piece import HEADING_KINDS, Block
from annual_docx._content._registry import Scope, block_type
from annual_docx._model import schema_blocks as sb
from annual_docx._numbering import chinese_number
from annual_docx._ooxml import body as ooxml_body
from annual_docx._ooxml.inline import Segment, has_scripts, split_scripts
from annual_docx.gbt9704 import FANGSONG, FULL_SPACE, HEADING_FACES, KAITI

_EMPHASIS = re.compile(r"\\\*|\*\*(.+?)\*\*|\*(.+?)\*", re.S)


@dataclass(frozen=True)
class RichParagraph:
    """A body paragraph of ``(text, marks)`` runs (:mod:`annual_docx._ooxml.inline`); renders itself as
    WordprocessingML for ``{{p b.xml }}``, in the 正文（与下段同页） style when ``keep``."""

    segments: tuple[Segment, ...]
    keep: bool = False

    def __html__(self) -> str:
        style = "BodyKeep" if self.keep else "Normal"
        return ooxml_body.markup([ooxml_body.rich_paragraph(self.segments, style=style, kai_font=KAITI)])

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class KeptLine:
    """A line the template sets in a paragraph style without keep-with-next (a party's role line, ``RoleList``),
    kept on the page of what follows: the same text in the same style, with keep-with-next set on the paragraph."""

    text: str
    style: str

    def __html__(self) -> str:
        return ooxml_body.markup([ooxml_body.rich_paragraph(((self.text, None),), style=self.style, keep=True)])

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class RunInParagraph:
    """A body paragraph opened by its section's heading (run-in, 段首标题): the heading in the look of its Word
    heading ``level`` (一、 黑体, （一） 楷体, 1. 仿宋 bold, （1） 仿宋), then the text in the body face; the paragraph
    keeps the heading's outline level, so Word's navigation pane shows it."""

    level: int
    heading: str
    segments: tuple[Segment, ...]
    keep: bool = False

    def __html__(self) -> str:
        face, bold = HEADING_FACES[self.level]
        return ooxml_body.markup([ooxml_body.run_in_paragraph(
            self.heading, face, bold, self.level - 1, self.segments, FANGSONG, keep=self.keep, kai_font=KAITI)])

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class InlineRuns:
    """Text with superscripts or subscripts for a plain-text tag (an opening paragraph's ``{{ p }}``): renders as
    runs in place of the tag."""

    segments: tuple[Segment, ...]

    def __html__(self) -> str:
        return ooxml_body.runs_in_text(self.segments)

    def __str__(self) -> str:
        return "".join(text for text, _ in self.segments)


def plain_text(text: str) -> str | InlineRuns:
    """Return text for a plain-text tag: as it is, or as runs when it has superscripts or subscripts."""
    return InlineRuns(tuple(split_scripts(text))) if has_scripts(text) else text


def scripted_texts(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with the superscripts and subscripts of headings and figure captions (set by plain-text
    tags, ``{{ b.text }}``) as runs in place of the tag; the last step, after numbering, since the text becomes
    WordprocessingML."""
    out = []
    for block in blocks:
        if block.kind in (*HEADING_KINDS, "figure") and not isinstance(block.text, Markup) \
                and has_scripts(block.text):  # (a caption of several lines is already markup: left as it is)
            block = replace(block, text=Markup(ooxml_body.runs_in_text(split_scripts(block.text))))
        out.append(block)
    return out


@block_type(sb.ParagraphBlock, "段落（可加粗、楷体强调）")
def paragraph(block: sb.ParagraphBlock, scope: Scope) -> Iterator[Block]:
    """One body paragraph; ``**加粗**`` runs bold, ``*引文*`` runs in 楷体, ``^{上标}`` ``_{下标}``."""
    yield Block("xml", xml=RichParagraph(tuple(inline(block.text))))


def text_paragraph(text: str) -> Block:
    """Return a plain body paragraph (no emphasis markup: stars stay stars); with superscripts or subscripts
    (``^{…}``, ``_{…}``) it is laid out as runs."""
    if has_scripts(text):
        return Block("xml", xml=RichParagraph(tuple(split_scripts(text))))
    return Block("paragraph", text)


def run_in(level: int, heading: str, text: str) -> Block:
    """Return the paragraph ``text`` opened by the run-in ``heading`` of Word heading ``level``."""
    return Block("xml", xml=RunInParagraph(level, heading, tuple(split_scripts(text))))


def kept(block: Block) -> Block:
    """Return ``block`` kept on the page of what follows, if it is a paragraph of text (else as it is)."""
    if block.kind == "paragraph":
        return replace(block, keep=True)
    if isinstance(block.xml, RichParagraph | RunInParagraph):
        return replace(block, xml=replace(block.xml, keep=True))
    return block


@block_type(sb.ListBlock, "列表（1. （1） 或“一是……”）")
def numbered_list(block: sb.ListBlock, scope: Scope) -> Iterator[Block]:
    """One paragraph per item, or one ``一是……；二是……。`` sentence."""
    yield from (text_paragraph(line) for line in list_lines(block))


@block_type(sb.ChronologyBlock, "大事记")
def chronology(block: sb.ChronologyBlock, scope: Scope) -> Iterator[Block]:
    """One paragraph per event: the date, an ideographic space, the event."""
    yield from (text_paragraph(f"{e.date}{FULL_SPACE}{e.event}") for e in block.events)


PAGE_BREAK = Block("xml", xml=Markup(ooxml_body.markup([ooxml_body.page_break()])))


@block_type(sb.PageBreakBlock, "分页")
def page_break(block: sb.PageBreakBlock, scope: Scope) -> Iterator[Block]:
    """A page break: what follows starts on a new page."""
    yield PAGE_BREAK


def breaks_before_headings(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with a page break that directly follows headings moved before them: a section whose
    first block is a page break starts on the new page, instead of leaving its heading at the foot of the last."""
    out: list[Block] = []
    for block in blocks:
        if block == PAGE_BREAK:
            start = len(out)
            while start and out[start - 1].kind in HEADING_KINDS:
                start -= 1
            out.insert(start, block)
        else:
            out.append(block)
    return out


def emphasis(text: str) -> list[tuple[str, str | None]]:
    """Split ``text`` into ``(text, emphasis)`` runs: ``**加粗**`` → bold, ``*引文*`` → kai (楷体);
    ``\\*`` is a star."""
    out: list[tuple[str, str | None]] = []
    plain, position = "", 0
    for match in _EMPHASIS.finditer(text):
        plain += text[position:match.start()]
        position = match.end()
        if match.group(0) == "\\*":
            plain += "*"
            continue
        if plain:
            out.append((plain, None))
            plain = ""
        out.append((match.group(1), "bold") if match.group(1) is not None else (match.group(2), "kai"))
    plain += text[position:]
    if plain:
        out.append((plain, None))
    return out


def inline(text: str) -> list[Segment]:
    """Return ``text`` as runs with every inline mark: emphasis (:func:`emphasis`), then superscripts and
    subscripts inside each run (``**10^{6}**`` is bold throughout)."""
    return [part for piece, marks in emphasis(text) for part in split_scripts(piece, marks)]


def list_lines(block: sb.ListBlock) -> list[str]:
    """Return a list's paragraphs: ``1.甲`` lines, or one ``一是甲；二是乙。`` sentence."""
    if block.style == "一是":
        parts = [f"{chinese_number(n)}是{item.rstrip('；;。.')}" for n, item in enumerate(block.items, start=1)]
        return [f"{block.lead or ''}{'；'.join(parts)}。"]
    if block.style == "（1）":
        return [f"（{n}）{item}" for n, item in enumerate(block.items, start=1)]
    return [f"{n}.{item}" for n, item in enumerate(block.items, start=1)]
