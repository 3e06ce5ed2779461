"""Pieces of XML written as strings (chart parts, their workbooks and shape drawings are built as text: faster
than a tree): escaping, DrawingML colour fills, millimetres in EMU."""

from __future__ import annotations

from typing import Final

EMU_PER_MM: Final = 36000


def text(value: str) -> str:
    """Return ``value`` escaped for element content (``&``, ``<``, ``>``)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """Return ``value`` as a quoted attribute value, ``"…"`` with ``&``, ``<``, ``"`` and line breaks escaped.
    (Not xml.sax.saxutils: it imports urllib.request, which costs every import of the package.)"""
    escaped = text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return f'"{escaped}"'


def emu(mm: float) -> int:
    """Return ``mm`` millimetres in EMU (English Metric Units, 36,000 to the millimetre)."""
    return round(mm * EMU_PER_MM)


def solid_fill(colour: str) -> str:
    """Return a DrawingML solid fill of ``colour`` (``#1f3a5f``)."""
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:solidFill>'
