"""The one measure of how wide text is set in a CJK font, for line breaking (titles, the 落款), table columns, the
``check`` table and chart labels."""

from __future__ import annotations

from unicodedata import east_asian_width


def text_width(text: str, narrow: float = 0.5) -> float:
    """Return the width of ``text`` in 字 (full-width characters): East Asian wide and full-width characters 1, every
    other character ``narrow`` (½ in body text; charts use 0.6 em for their sans face's Latin)."""
    return sum(1.0 if east_asian_width(ch) in "WF" else narrow for ch in text)
