"""The one structure recogniser of a 公文 or report, shared by ``check`` and ``import``: fed paragraphs in reading
order, it says what each one is — 版头 (issuer, 发文字号, 签发人), title lines, byline, 主送, headings by level (run-in
ones included), body, list items, captions, 附件说明, 落款, attachment labels and titles, 版记.

``Recogniser`` streams (a head buffer until the body starts, a short tail window for the 落款; memory does not grow
with the document); ``recognise(lines)`` is the whole-list form the importer uses. A line is anything with the
attributes of :class:`Line` — ``_ooxml.body_facts.Para`` (check) and ``_ooxml.outline.Para`` (import) both are."""

from __future__ import annotations

from annual_docx._roles.line import Line, Plain
from annual_docx._roles.role import Role
from annual_docx._roles.stream import Recogniser, recognise

__all__ = ["Line", "Plain", "Recogniser", "Role", "recognise"]
