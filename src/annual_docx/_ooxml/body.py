"""Body pieces spliced into the template by ``{{p b.xml }}``: paragraphs with emphasis, page breaks, and the XML
text docxtpl receives."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from markupsafe import Markup, escape

from annual_docx._ooxml.props import Element, el, w_text


def markup(elements: Sequence[Element]) -> str:
    """Return ``elements`` as the XML text that replaces a ``{{p … }}`` paragraph (escaped for docxtpl by the
    adapter, ``_docxtpl.protect``, when the tag writes it)."""
    return "".join(etree.tostring(e, encoding="unicode") for e in elements)


def lines_text(lines: Sequence[str]) -> Markup:
    """Return ``lines`` as the text of one run broken by ``w:br`` where a template's ``{{ }}`` sits inside ``w:t``
    (each line escaped): ``a</w:t><w:br/><w:t xml:space="preserve">b``."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(escape(line) for line in lines)


def rich_paragraph(segments: Sequence[tuple[str, str | None]], style: str = "Normal",
                   kai_font: str = "楷体_GB2312") -> Element:
    """Return a paragraph in ``style`` whose runs are ``(text, emphasis)`` with emphasis None, ``bold`` or ``kai``
    (the 楷体 used for quotations); fonts otherwise come from the style."""
    runs = []
    for text, emphasis in segments:
        props = None
        if emphasis == "bold":
            props = el("w:rPr", None, el("w:b"), el("w:bCs"))
        elif emphasis == "kai":
            props = el("w:rPr", None, el("w:rFonts", {"w:eastAsia": kai_font}))
        runs.append(el("w:r", None, props, w_text(text)))
    return el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": style})), *runs)


def page_break() -> Element:
    """Return an empty paragraph holding a page break."""
    return el("w:p", None, el("w:r", None, el("w:br", {"w:type": "page"})))
