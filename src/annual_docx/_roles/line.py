"""What the recogniser reads of a paragraph: :class:`Line`, the one paragraph record both readers provide
(``_ooxml.body_facts.Para`` for ``check``, ``_ooxml.outline.Para`` for ``import``), and :class:`Plain`, a small
implementation for tests and for the items that are not paragraphs (tables, pictures)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Line(Protocol):
    """A paragraph as the recogniser sees it. ``text`` is what a reader sees, Word's automatic number included;
    ``auto_label`` is that number when Word draws it (``（三）``), else ``""``; ``outline`` the effective outline
    level (0-based, None for body text); ``place`` is ``body``, ``table``, ``box`` (text box) or ``object`` (a table
    or picture standing for itself in the importer's list)."""

    @property
    def text(self) -> str: ...
    @property
    def style(self) -> str: ...
    @property
    def style_name(self) -> str: ...
    @property
    def outline(self) -> int | None: ...
    @property
    def auto_label(self) -> str: ...
    @property
    def align(self) -> str | None: ...
    @property
    def size_pt(self) -> float | None: ...
    @property
    def color(self) -> str | None: ...
    @property
    def bold(self) -> bool: ...
    @property
    def place(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Plain:
    """A :class:`Line` made directly (tests; the importer's tables and pictures, with ``place="object"``)."""

    text: str = ""
    style: str = ""
    style_name: str = ""
    outline: int | None = None
    auto_label: str = ""
    align: str | None = None
    size_pt: float | None = None
    color: str | None = None
    bold: bool = False
    place: str = "body"
