"""Turn the items under one heading into pieces a section can hold: paragraphs (with emphasis), lists, tables,
charts, pictures saved to the assets folder, org and party charts, and party role lines."""

from __future__ import annotations

import re

from annual_docx._import.graphics import graphic
from annual_docx._import.lines import award_names, group_lines, numbered_list
from annual_docx._import.piece import Context, Piece
from annual_docx._import.tables import table_block
from annual_docx._ooxml.outline import Item, Para, Table

__all__ = ["Context", "Piece", "award_names", "markup", "numbered_list", "pieces"]

_LINE_BREAK = re.compile(r"(?<=[^\x00-\x7f])\n|\n(?=[^\x00-\x7f])")  # beside CJK text a break joins with nothing
_CAPTION = re.compile(r"^图\s*\d+(?:[-－.．]\d+)?[\s\u3000:：.．]*")


def _escape(text: str) -> str:
    return text.replace("*", "\\*")


def markup(para: Para) -> str:
    """Return the paragraph in ParagraphBlock syntax: ``**bold**``, ``*楷体*``; literal stars escaped."""
    out: list[str] = []
    merged: list[tuple[str, str]] = []
    for run in para.runs:
        mark = "**" if run.bold and run.text.strip() else "*" if run.kai and run.text.strip() else ""
        if merged and merged[-1][1] == mark:
            merged[-1] = (merged[-1][0] + run.text, mark)
        else:
            merged.append((run.text, mark))
    for text, mark in merged:
        core = text.strip()
        if mark and core:
            lead, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}{mark}{_escape(core)}{mark}{tail}")
        else:
            out.append(_escape(text))
    return "".join(out).strip()


def _caption_text(item: Item | None) -> str:
    """Return the text of a caption paragraph (style 题注/Caption or starting 图N), its lines joined; else ""."""
    if not isinstance(item, Para) or not (item.style_name.lower() in ("caption", "题注")
                                          or _CAPTION.match(item.text.strip())):
        return ""
    text = _LINE_BREAK.sub("", item.text.strip()).replace("\n", " ")  # a line break in a caption is layout
    return text if len(text) <= 80 else ""


def _caption(items: list[Item], index: int, above: bool = False) -> tuple[str, int]:
    """Return the caption of the graphic ``items[index]`` (its 图N number dropped) and how many items after it it
    used: the paragraph after it, or with ``above`` the one before it (consumed there, see :func:`_caption_ahead`)."""
    if above:
        text = _caption_text(items[index - 1]) if index else ""
        return (_CAPTION.sub("", text).strip() or text, 0) if text else ("", 0)
    text = _caption_text(items[index + 1]) if index + 1 < len(items) else ""
    return (_CAPTION.sub("", text).strip() or text, 1) if text else ("", 0)


def _is_graphic(item: Item) -> bool:
    return not isinstance(item, (Para, Table))


def captions_above(items: list[Item]) -> bool:
    """Return whether this document sets captions above its pictures (statistical bulletins: 图1 … then the chart):
    more graphics have a caption right before them than right after. Each caption then goes with the graphic after
    it, not with the one before it (which would give every picture the next one's caption)."""
    before = after = 0
    for i, item in enumerate(items):
        if _is_graphic(item):
            before += bool(i and _caption_text(items[i - 1]))
            after += bool(i + 1 < len(items) and _caption_text(items[i + 1]))
    return before > after


def _caption_ahead(items: list[Item], index: int) -> bool:
    """Return whether ``items[index]`` is the caption of the graphic right after it."""
    return index + 1 < len(items) and _is_graphic(items[index + 1]) and bool(_caption_text(items[index]))


def pieces(items: list[Item], path: str, ctx: Context) -> list[Piece]:
    """Return the pieces of ``items`` in order (once per list: pictures are saved once); ``path`` names the
    section in notes."""
    known = ctx.memo.get(id(items))
    if known is None or known[0] is not items:
        known = ctx.memo[id(items)] = (items, _pieces(items, path, ctx))  # the list is kept, so its id stays its own
    return known[1]


def _pieces(items: list[Item], path: str, ctx: Context) -> list[Piece]:
    out: list[Piece] = []
    index = 0
    above = captions_above(items)
    while index < len(items):
        item = items[index]
        if isinstance(item, Para):
            text = item.text.strip()
            if not text or (above and _caption_ahead(items, index)):  # a caption above goes with its graphic
                index += 1
                continue
            if _is_table_title(items, index):
                index += 1
                block = table_block(items[index], text)  # type: ignore[arg-type]
                if block:
                    out.append(Piece("block", data=block))
                index += 1
                continue
            mark = markup(item)
            out.append(Piece("paragraph", text, mark if mark != _escape(text) else ""))
        elif isinstance(item, Table):
            block = table_block(item, None)
            if block:
                out.append(Piece("block", data=block))
        else:
            caption, used = _caption(items, index, above)
            out.extend(graphic(item, caption, path, ctx))
            index += used
        index += 1
    return group_lines(out, path, ctx)


def _is_table_title(items: list[Item], index: int) -> bool:
    item = items[index]
    if index + 1 >= len(items) or not isinstance(items[index + 1], Table) or not isinstance(item, Para):
        return False
    return item.style == "TableTitle" or item.style_name == "表题" or bool(re.match(r"^表\s*\d+", item.text.strip()))
