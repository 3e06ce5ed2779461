"""What the 公文 checks know about a document's body: its paragraphs and tables in reading order (filled by
``paragraphs.read_body``), and ``number``, the guarded reading of a numeric attribute."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    """A border line: its width in eighths of a point and its colour (``auto`` when unset)."""

    size: int
    color: str


@dataclass(slots=True)
class Para:
    """One paragraph as the checker sees it. ``place`` is ``body``, ``table`` (in a table cell) or ``box`` (in a
    text box); indents are in characters of the paragraph's own size; ``pinned_bottom`` says the paragraph sits in a
    text box or frame aligned to the bottom of the page or type area; ``lines`` are the colours of drawn lines and
    of the paragraph's borders; ``text`` starts with ``auto_label``, the number Word draws, when it has one. It is a
    ``_roles.Line``: the structure recogniser reads it."""

    n: int
    text: str
    style: str
    place: str
    section: int
    align: str | None = None
    left: float = 0.0
    right: float = 0.0
    first: float = 0.0
    east_asia: str | None = None
    size_pt: float | None = None
    color: str | None = None
    bold: bool = False
    outline: int | None = None
    page_break_before: bool = False
    borders: dict[str, Rule] = field(default_factory=dict)
    drawings: tuple[tuple[int, int], ...] = ()
    lines: tuple[str, ...] = ()
    pinned_bottom: bool = False
    style_name: str = ""
    auto_label: str = ""  # the number Word's automatic numbering draws (also at the start of ``text``)
    spacing: tuple[str, int] = ("", 0)  # line spacing (lineRule, w:line in twips or 240ths of a line); ("", 0) unset


@dataclass(frozen=True)
class TableFacts:
    """A table: the paragraph number of its first cell, its first words, width and indent in twips (None when given
    in percent or automatic), its outer and inner horizontal rules, and where it is (``body`` or ``box``)."""

    n: int
    first_words: str
    width: int | None
    indent: int
    borders: dict[str, Rule]
    place: str
    section: int
    pinned_bottom: bool = False


@dataclass
class BodyFacts:
    """Every paragraph and table in reading order, and each section's type area (width, height in twips)."""

    paragraphs: list[Para] = field(default_factory=list)
    tables: list[TableFacts] = field(default_factory=list)
    sections: list[tuple[int, int]] = field(default_factory=list)
    style_names: dict[str, str] = field(default_factory=dict)


def number(value: str | None) -> int | None:
    """Return ``value`` as an int (decimals truncated), or None when it is missing, absurdly long or not a number."""
    if value is None or len(value) > 12:
        return None
    try:
        return int(float(value))
    except (ValueError, OverflowError):  # "abc", "nan"; "1e999" is infinite
        return None
