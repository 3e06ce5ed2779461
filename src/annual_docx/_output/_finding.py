"""One row of ``check``: the item, what GB/T 9704 asks (and in which clause), what the document has, where, and how
it stands — ``severity`` is ``pass``, ``violation``, ``note`` (a practice the standard does not require: never a
violation) or ``not_applicable`` (the item does not apply to this kind of document)."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Final, Literal

from annual_docx._textwidth import text_width as cjk_width

WORDS = 12  # characters of a paragraph quoted to name it
Severity = Literal["pass", "violation", "note", "not_applicable"]
"""How a row stands (public as ``annual_docx.Severity``; the ``severity`` key of ``check --json``)."""
PASS: Final = "pass"
VIOLATION: Final = "violation"
NOTE: Final = "note"
NOT_APPLICABLE: Final = "not_applicable"
SEVERITIES: tuple[Severity, ...] = typing.get_args(Severity)
PRACTICE = "—"  # the clause of a note: a Word practice, not a clause of GB/T 9704


@dataclass(frozen=True)
class Finding:
    """One row of the check: what is checked, what GB/T 9704 asks, what the document has, and whether it passes;
    ``where`` names the paragraph (its number and first words) when the row is about one paragraph; ``clause`` is
    the clause of GB/T 9704-2012 that asks it (``—`` for a practice the standard does not require). ``severity``
    defaults to ``pass`` or ``violation`` by ``ok``; a ``note`` or ``not_applicable`` row is always ``ok``."""

    item: str
    expected: str
    found: str
    ok: bool
    where: str = ""
    clause: str = ""
    severity: Severity | Literal[""] = ""

    def __post_init__(self) -> None:
        if self.severity not in ("", *SEVERITIES):
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.severity in (NOTE, NOT_APPLICABLE):
            object.__setattr__(self, "ok", True)
        elif not self.severity or self.severity in (PASS, VIOLATION):
            object.__setattr__(self, "severity", PASS if self.ok else VIOLATION)


def note(item: str, expected: str, found: str, usual: bool, where: str = "") -> Finding:
    """A row about a practice GB/T 9704 does not require (Times New Roman for Latin text, the zh-CN tag, no theme
    fonts): ``pass`` when the document follows it, else ``note`` — never a violation."""
    return Finding(item, expected, found, True, where, PRACTICE, PASS if usual else NOTE)


def quote(n: int, text: str) -> str:
    """Name paragraph ``n`` by its first words: ``第12段「（一）基本情况…」 / paragraph 12``."""
    clean = " ".join(text.split())
    head = clean[:WORDS] + ("…" if len(clean) > WORDS else "")
    return f"第{n}段「{head}」 / paragraph {n}"


def text_width(text: str) -> float:
    """Return the width of ``text`` in 字 (full-width characters 1, half-width ones ½), tabs and line breaks aside."""
    return cjk_width(text.replace("\t", "").replace("\n", ""))
