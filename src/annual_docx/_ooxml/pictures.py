"""A picture's ``wp:inline`` described by its alt text, and the run markup that places it in a ``{{ }}`` tag."""

from __future__ import annotations

from lxml import etree

from annual_docx._ooxml.ns import WP_NS
from annual_docx._ooxml.props import Element

_DOC_PR = f"{{{WP_NS}}}docPr"


def described_inline(inline: Element, alt: str, name: str) -> Element:
    """Set ``alt`` as the description (alt text) and ``name`` as the name of a ``wp:inline`` picture; return it."""
    doc_pr = inline.find(_DOC_PR)
    if doc_pr is not None:
        doc_pr.set("descr", alt)
        doc_pr.set("name", name)
    return inline


def picture_run_markup(inline: Element) -> str:
    """Return the run markup that replaces a ``{{ image }}`` tag's text: the tag's run closed, a run holding
    ``inline``, a text run reopened."""
    xml = etree.tostring(inline, encoding="unicode", pretty_print=True)  # as python-docx's ``xml``, written once
    return f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
