"""The parts of a 公文 for ``check``: a thin adapter over the one structure recogniser (``annual_docx._roles``, shared
with ``import``) that keeps the ``Parts`` API the check items read — ``parts.roles``, ``parts.of(role)`` and
``parts.headings`` (a paragraph's number → its heading level)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annual_docx._ooxml.body_facts import BodyFacts, Para
from annual_docx._roles import Recogniser, Role
from annual_docx._roles.heading import style_level
from annual_docx._roles.text import ARABIC_DATE, CAPTION, DATE, DOC_NUMBER, LABEL, compact, is_red, number_of

__all__ = ["ARABIC_DATE", "CAPTION", "DATE", "DOC_NUMBER", "LABEL", "Parts", "classify", "compact", "is_red",
           "number_level", "style_level"]

# roles the check items read under another name; the rest are left out of every item (bylines, instruction lines,
# the label of a file that is itself an attachment, table and text-box paragraphs, tables and pictures)
_AS = {"heading": "heading", "body": "body", "item": "body", "toc": "body", "title": "title", "issuer": "issuer",
       "number": "number", "signer": "signer", "signer_names": "signer_names", "recipients": "recipients",
       "note": "note", "signature": "signature", "date": "date", "label": "label",
       "attachment_title": "attachment_title", "caption": "caption", "record": "record", "group": "group"}


@dataclass
class Parts:
    """The paragraphs of each part, in reading order; ``headings`` maps a paragraph to its level (1–4)."""

    roles: dict[str, list[Para]] = field(default_factory=dict)
    headings: dict[int, int] = field(default_factory=dict)

    def of(self, role: str) -> list[Para]:
        return self.roles.get(role, [])

    def add(self, p: Para, role: Role) -> None:
        """File ``p`` under the part ``role`` names (a heading with its level)."""
        kind = _AS.get(role.kind)
        if kind is None:
            return
        if kind == "heading":
            self.headings[p.n] = role.level
        if kind == "title" and role.part:  # a title after an attachment label inside the file
            kind = "attachment_title"
        self.roles.setdefault(kind, []).append(p)
        if kind == "signer" and DOC_NUMBER.search(p.text):  # 发文字号 and 签发人 on one line (GB/T 9704 7.2.5)
            self.roles.setdefault("number", []).append(p)


def number_level(text: str) -> int | None:
    """The heading level the number at the start of ``text`` marks (一、→1, （一）→2, 1.→3, （1）→4), if any."""
    return number_of(text)[1] or None


def classify(body: BodyFacts) -> Parts:
    """Return the parts of the document ``body``."""
    parts = Parts()
    names = body.style_names
    rec: Recogniser[Para] = Recogniser()
    for p in body.paragraphs:
        if not p.style_name:
            p.style_name = names.get(p.style, "")
        for q, role in rec.feed(p):
            parts.add(q, role)
    for q, role in rec.finish():
        parts.add(q, role)
    return parts
