"""Body pieces spliced into the template by ``{{p b.xml }}``: paragraphs with emphasis, page breaks, and the XML
text docxtpl receives."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from markupsafe import Markup, escape

from annual_docx._ooxml.inline import Segment, runs, split_scripts
from annual_docx._ooxml.props import Element, el
from annual_docx.gbt9704 import KAITI


def markup(elements: Sequence[Element]) -> str:
    """Return ``elements`` as the XML text that replaces a ``{{p … }}`` paragraph (escaped for docxtpl by the
    adapter, ``_docxtpl.protect``, when the tag writes it)."""
    return "".join(etree.tostring(e, encoding="unicode") for e in elements)


def lines_text(lines: Sequence[str]) -> Markup:
    """Return ``lines`` as the text of one run broken by ``w:br`` where a template's ``{{ }}`` sits inside ``w:t``
    (each line escaped): ``a</w:t><w:br/><w:t xml:space="preserve">b``."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(escape(line) for line in lines)


def figure_paragraphs(image: str, caption: str, keep_next: bool = True) -> str:
    """Return a figure laid out as the template's figure paragraphs lay it out — the picture in ``Figure`` (in
    ``FigureAlone`` without a caption) and the caption below it in ``Caption`` — with ``w:keepNext`` on each when
    ``keep_next`` (the figure stays on the page of what follows). ``image`` is the run markup a picture or chart
    writes where a ``{{ }}`` tag sits inside ``w:t`` (``</w:t></w:r><w:r><w:drawing>…``); ``caption`` is text, or
    markup meant for inside ``w:t`` (a caption of several lines, superscripts)."""
    keep = "<w:keepNext/>" if keep_next else ""
    open_run, close_run = '<w:r><w:t xml:space="preserve">', "</w:t></w:r>"
    style = "Figure" if caption else "FigureAlone"
    out = f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{open_run}{image}{close_run}</w:p>'
    if caption:
        out += f'<w:p><w:pPr><w:pStyle w:val="Caption"/>{keep}</w:pPr>{open_run}{escape(caption)}{close_run}</w:p>'
    return out


def rich_paragraph(segments: Sequence[Segment], style: str = "Normal", kai_font: str = KAITI, *,
                   keep: bool = False) -> Element:
    """Return a paragraph in ``style`` whose runs are ``(text, marks)`` with marks None or ``bold``, ``kai`` (the
    楷体 used for quotations), ``superscript``, ``subscript`` joined by ``+``; fonts otherwise come from the style.
    With ``keep`` the paragraph itself keeps with the next and its lines together (for a style that does not)."""
    return el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": style}),
                              el("w:keepNext") if keep else None, el("w:keepLines") if keep else None),
              *runs(segments, kai_font=kai_font))


def run_in_paragraph(heading: str, heading_face: str, bold: bool, outline_level: int,
                     segments: Sequence[Segment], body_face: str, keep: bool = False,
                     kai_font: str = KAITI) -> Element:
    """Return a body paragraph (正文) opened by a run-in heading: ``heading`` in ``heading_face`` (bold when
    ``bold``), then ``segments`` in ``body_face``; the paragraph carries ``outline_level`` (0-based,
    ``w:outlineLvl``) so Word's navigation pane lists it as a heading, and, with ``keep``, is kept on the page of
    what follows (set on the paragraph, so every run-in heading of a level keeps one style). Every run names its
    East Asian face."""
    head = runs(split_scripts(heading, "bold" if bold else None), heading_face, kai_font)
    return el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": "Normal"}),
                              el("w:keepNext") if keep else None, el("w:keepLines") if keep else None,
                              el("w:outlineLvl", {"w:val": outline_level})),
              *head, *runs(segments, body_face, kai_font))


def runs_in_text(segments: Sequence[Segment]) -> str:
    """Return ``segments`` as runs that take the place of a ``{{ … }}`` tag inside a template run's ``w:t``: the
    template's run is closed before them and an empty one opened after (how a plain-text tag such as an opening
    paragraph gets superscripts and subscripts)."""
    inner = "".join(etree.tostring(r, encoding="unicode") for r in runs(segments))
    return f'</w:t></w:r>{inner}<w:r><w:t xml:space="preserve">'


def page_break() -> Element:
    """Return an empty paragraph holding a page break."""
    return el("w:p", None, el("w:r", None, el("w:br", {"w:type": "page"})))
