"""The unit the template lays out: one paragraph-sized piece of the document body (a leaf module, no imports)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HEADING_KINDS = ("heading1", "heading2", "heading3", "heading4")


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of the document body.

    ``kind`` picks the template paragraph: ``heading1``–``heading4``, ``paragraph``, ``figure`` (``image`` and a
    ``text`` caption), ``group`` and ``role`` (party lists), or ``xml`` (tables, galleries, rich paragraphs and page
    breaks: WordprocessingML spliced in by ``{{p b.xml }}``). A ``paragraph`` with ``keep`` is set in the
    ``BodyKeep`` style (keep with next); a ``figure`` without a caption in ``FigureAlone`` (no keep with next, so
    a heading after it is not chained to it).
    """

    kind: str
    text: str = ""
    image: Any = None
    xml: Any = None
    keep: bool = False  # a paragraph kept on the page of what follows (a breakdown's text stays with its chart)
