"""One row of ``check``: the item, what GB/T 9704 asks, what the document has, where, and whether it passes."""

from __future__ import annotations

from dataclasses import dataclass

from annual_docx._textwidth import text_width as cjk_width

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
    """Return the width of ``text`` in 字 (full-width characters 1, half-width ones ½), tabs and line breaks aside."""
    return cjk_width(text.replace("\t", "").replace("\n", ""))
