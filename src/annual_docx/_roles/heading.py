"""Whether a body line is a heading, at which level, and where a run-in heading ends.

A heading is known by its style (Heading 1–4, 标题 1–4), its outline level, or its number (一、 （一） 1. （1）, typed
or drawn by Word's automatic numbering) after leading spaces of any kind. A numbered line is a heading when it is
short and not an item (ending in ； ， or ：, or a （一） inside a 第X条 article); a numbered paragraph whose first
sentence (up to 。！？) is short and goes on with body text is a run-in heading:
「（一）坚持稳中求进，推动经济回升向好。全年……」 — the heading is the number and that first sentence. Whether a short
numbered line that could be a list item (``listable``) is one is decided by the lines around it
(``_roles.stream``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annual_docx._roles.line import Line
from annual_docx._roles.text import compact, first_sentence, number_of

_HEADING_NAME = re.compile(r"(?:heading|标题)([1-9])")
SHORT = 50  # characters of a whole-line heading at most
RUN_IN = 60  # characters of a run-in heading's sentence at most
_ITEM_END = ("；", ";", "，", ",")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A heading found: level, number style, run-in split (0: whole line), and whether it is a short numbered line
    that a list of its kind around it would turn into an item."""

    level: int
    number: str
    split: int = 0
    listable: bool = False


@functools.cache
def _named(style: str, name: str) -> int:
    m = _HEADING_NAME.fullmatch(compact(name).lower()) or _HEADING_NAME.fullmatch(style.lower())
    return int(m.group(1)) if m else 0


def style_level(line: Line) -> tuple[int, bool]:
    """The heading level ``line``'s style name or outline level gives (1–4, 0 for none), and whether it came from the
    style's name (a Heading style holds the whole line; an outline level may open a run-in paragraph)."""
    named = _named(line.style, line.style_name or line.style)
    if 1 <= named <= 4:
        return named, True
    if line.outline is not None and 0 <= line.outline <= 3:
        return line.outline + 1, False
    return 0, False


def heading(line: Line, in_article: bool, open_level: int, compacted: str | None = None) -> Candidate | None:
    """Return the heading ``line`` is, or None; ``in_article``: a 第X条 article is open (its （一） are items);
    ``open_level``: the level of the last heading (a level-3/4 run-in heading needs one above it); ``compacted``:
    the text without spaces, when the caller has it."""
    text = line.text
    if not (compacted if compacted is not None else compact(text)):
        return None
    number, level, end = number_of(text)
    by_style, named = style_level(line)
    rest = text[end:]
    if by_style and named:  # a Heading N style says the level; the number is the writer's
        return Candidate(by_style, number)
    if by_style and not number:
        return Candidate(by_style, number)
    if not number:
        return None
    if in_article and not by_style:
        return None
    if number == "【】":
        return Candidate(level, number, listable=True)
    if number in ("第一章", "第一节"):  # a chapter or section of a regulation: a short line of its own
        return Candidate(level, number) if len(compact(text)) <= SHORT and not compact(text).endswith(
            ("。", "；", "，", "：")) else None
    if number == "1.1":  # a decimal number heads a short line of its own, never a sentence (「72.6 万户次，…」)
        stripped = compact(text)
        return Candidate(level, number) if len(stripped) <= SHORT and not any(
            c in stripped for c in "。；，：！？;,:") else None
    if number == "一是":  # a short line of its own, never a sentence opening a paragraph
        stripped = compact(text)
        return Candidate(level, number) if len(stripped) <= SHORT and not stripped.endswith(
            ("。", "；", "，", "：", "！")) and open_level and not by_style else None
    body = rest.rstrip()
    if not compact(body) or (body.endswith(_ITEM_END) and not by_style):
        return None
    stop = first_sentence(body)
    head = body[:stop] if stop else body
    tail = body[stop:].strip() if stop else ""
    if any(c in head for c in "：:；;") and not by_style:
        return None  # a term and its explanation, a list's lead-in
    size = len(compact(head))
    if not tail:
        if by_style:
            return Candidate(level, number)
        return Candidate(level, number, 0, listable=level >= 3 and number != "1.1") if size <= SHORT else None
    if size > RUN_IN:
        return Candidate(level, number) if by_style else None
    if level >= 3 and open_level < level - 1 and not by_style:
        return None
    return Candidate(level, number, end + stop)
