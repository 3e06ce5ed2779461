"""Pieces of XML written as strings (chart parts, their workbooks and shape drawings are built as text: faster
than a tree): escaping, DrawingML colour fills, millimetres in EMU."""

from __future__ import annotations

from typing import Final
from xml.sax.saxutils import escape, quoteattr

EMU_PER_MM: Final = 36000


def text(value: str) -> str:
    """Return ``value`` escaped for element content (``&``, ``<``, ``>``)."""
    return escape(value)


def attr(value: str) -> str:
    """Return ``value`` as a quoted attribute value, ``"…"`` with ``&``, ``<``, ``"`` and line breaks escaped."""
    return quoteattr(value, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def emu(mm: float) -> int:
    """Return ``mm`` millimetres in EMU (English Metric Units, 36,000 to the millimetre)."""
    return round(mm * EMU_PER_MM)


def solid_fill(colour: str) -> str:
    """Return a DrawingML solid fill of ``colour`` (``#1f3a5f``)."""
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:solidFill>'
