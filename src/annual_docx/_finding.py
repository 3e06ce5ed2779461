"""One row of ``check``: the item, what GB/T 9704 asks, what the document has, where, and whether it passes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

WORDS = 12  # characters of a paragraph quoted to name it


@dataclass(frozen=True)
class Finding:
    """One row of the check: what is checked, what GB/T 9704 asks, what the document has, and whether it passes;
    ``where`` names the paragraph (its number and first words) when the row is about one paragraph."""

    item: str
    expected: str
    found: str
    ok: bool
    where: str = ""


def quote(n: int, text: str) -> str:
    """Name paragraph ``n`` by its first words: ``第12段「（一）基本情况…」 / paragraph 12``."""
    clean = " ".join(text.split())
    head = clean[:WORDS] + ("…" if len(clean) > WORDS else "")
    return f"第{n}段「{head}」 / paragraph {n}"


def text_width(text: str) -> float:
    """Return the width of ``text`` in 字 (full-width characters 1, half-width ones ½)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text if c not in "\t\n")
