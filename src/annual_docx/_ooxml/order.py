"""The schema's child order of ``w:pPr`` and ``w:rPr`` (ECMA-376 Part 1, 17.3.1.26 and 17.3.2.28) and the one
insert that keeps it, for raw XML edited after it was built; and the one way to take a tag's local name."""

from __future__ import annotations

from collections.abc import Sequence

from annual_docx._ooxml.props import Element

PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
    "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
    "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath",
)


def local_name(node: Element | str | bytes) -> str:
    """Return an element's tag, or an attribute's Clark name, without its namespace (``{…/main}p`` → ``p``)."""
    name = node.decode() if isinstance(node, bytes) else node if isinstance(node, str) else str(node.tag)
    return name.rsplit("}", 1)[-1]


def insert_in_order(parent: Element, child: Element, order: Sequence[str]) -> None:
    """Insert ``child`` into ``parent`` where ``order`` (the schema's sequence, e.g. :data:`PPR_ORDER`) puts it:
    before the first existing child that comes later."""
    rank = order.index(local_name(child))
    for i, existing in enumerate(parent):
        local = local_name(existing)
        if local in order and order.index(local) > rank:
            parent.insert(i, child)
            return
    parent.append(child)
