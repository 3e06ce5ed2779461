"""What a line is: :class:`Role`."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = frozenset((
    "issuer", "number", "signer", "signer_names", "instruction", "lead_label", "title", "byline", "recipients",
    "heading", "body", "item", "caption", "note", "signature", "date", "label", "attachment_title", "record",
    "table", "box", "object", "empty", "group", "toc", "contents"))


@dataclass(frozen=True, slots=True)
class Role:
    """The part a line belongs to. ``kind`` is one of :data:`KINDS`; a heading has its ``level`` (1–4: 一、 （一）
    1. （1） or its style) and ``number`` (the number style, ``""`` for an unnumbered styled heading); a run-in
    heading's ``split`` is how many characters of the text the heading takes (number and heading sentence; 0: the
    whole line is the heading); ``contents`` is the unstyled title of a table of contents (「目 录」); ``part`` is 0
    in the main document and k in attachment k."""

    kind: str
    level: int = 0
    number: str = ""
    split: int = 0
    part: int = 0

    @property
    def run_in(self) -> bool:
        return self.split > 0
