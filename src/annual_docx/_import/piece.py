"""What the importer makes of the items under one heading: pieces, and the context they are made in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annual_docx._ooxml.outline import Item


@dataclass
class Piece:
    """One thing a section holds: ``kind`` is paragraph, block, picture, category, org, party_chart or roles."""

    kind: str
    text: str = ""  # plain text of a paragraph
    markup: str = ""  # the paragraph with **bold** / *楷体* marks (ParagraphBlock syntax)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """Where pictures go and what was guessed: notes by report path."""

    assets: Path
    base_dir: Path
    notes: dict[str, list[str]] = field(default_factory=dict)
    pictures: int = 0
    memo: dict[int, tuple[list[Item], list[Piece]]] = field(default_factory=dict)  # by id of the item list

    def note(self, path: str, message: str) -> None:
        self.notes.setdefault(path, [])
        if message not in self.notes[path]:
            self.notes[path].append(message)
