"""Escape text for XML written as strings (chart parts and their workbooks are built as text: faster than a tree)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def text(value: str) -> str:
    """Return ``value`` escaped for element content (``&``, ``<``, ``>``)."""
    return escape(value)


def attr(value: str) -> str:
    """Return ``value`` as a quoted attribute value, ``"…"`` with ``&``, ``<``, ``"`` and line breaks escaped."""
    return quoteattr(value, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
