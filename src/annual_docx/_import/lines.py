"""Runs of plain paragraphs that are really one thing: party role lines under a branch name, a 大事记, a
``一是……；二是……。`` sentence, a numbered list, a list of honours."""

from __future__ import annotations

import re
from typing import Any

from annual_docx._import.piece import Context, Piece

_ROLE = re.compile(r"^(?P<title>[^：:\s][^：:]{0,12})[：:]\s*(?P<name>\S.{0,15})$")
_CHRONO = re.compile(r"^(?P<date>\d{1,2}月\d{1,2}日(?:[-—至]\d{1,2}日)?)\u3000(?P<event>.+)$", re.S)
_NUMBERED = {"1.": re.compile(r"^(\d{1,3})[.．](?!\d)\s*(.+)$", re.S),
             "（1）": re.compile(r"^[（(](\d{1,3})[）)]\s*(.+)$", re.S)}
_AWARD = re.compile(r"^\d{1,3}[.．、]?\s*(“[^”]+”)$")
FORM_FIELDS = frozenset(("姓名", "学号", "班级", "专业", "学院", "院系", "系别", "年级", "指导教师", "指导老师", "导师",
                         "学生", "学生姓名", "课程", "课程名称", "题目", "日期", "性别", "电话", "联系电话", "填表人",
                         "填报人", "审核人", "单位", "部门", "职称", "编号"))
"""Labels of a cover page or form (姓名：张三), never a party role line."""


def group_lines(pieces_in: list[Piece], path: str, ctx: Context) -> list[Piece]:
    """Group consecutive paragraphs into role lists (职务：姓名 under a branch name), numbered lists, 一是 lists
    and 大事记."""
    out: list[Piece] = []
    index = 0
    while index < len(pieces_in):
        piece = pieces_in[index]
        if piece.kind != "paragraph" or piece.markup:
            out.append(piece)
            index += 1
            continue
        roles = _run(pieces_in, index + 1, lambda p: _role(p.text) is not None)
        if roles >= 2 and _role(piece.text) is None and len(piece.text) <= 30:
            lines = [_role(p.text) for p in pieces_in[index + 1:index + 1 + roles]]
            out.append(Piece("roles", data={"name": piece.text, "roles": [r for r in lines if r]}))
            index += 1 + roles
            continue
        chrono = _run(pieces_in, index, lambda p: bool(_CHRONO.match(p.text)))
        if chrono >= 2:
            events = [_CHRONO.match(p.text) for p in pieces_in[index:index + chrono]]
            out.append(Piece("block", data={"type": "chronology", "events": [
                {"date": m["date"], "event": m["event"]} for m in events if m]}))
            index += chrono
            continue
        out.append(_one_shi(piece) or piece)
        index += 1
    return out


def _run(items: list[Piece], start: int, test: Any) -> int:
    count = 0
    while start + count < len(items) and items[start + count].kind == "paragraph" and \
            not items[start + count].markup and test(items[start + count]):
        count += 1
    return count


def _role(text: str) -> tuple[str, str] | dict[str, str] | None:
    match = _ROLE.match(text.strip())
    if not match:
        return None
    title, name = re.sub(r"\s", "", match["title"]), re.sub(r"\s", "", match["name"])
    if not 2 <= len(title) <= 6 or not 2 <= len(name) <= 5 or re.search(r"[，。；、\d]", title + name):
        return None
    if title in FORM_FIELDS:  # a cover page's fields: kept as they are
        return None
    return {"title": title, "name": name}


def _one_shi(piece: Piece) -> Piece | None:
    """Return a 一是…；二是…。 sentence as a list block when the list prints back as exactly that text."""
    from annual_docx._content._build_text import list_lines
    from annual_docx._model.schema_blocks import ListBlock

    match = re.match(r"^(?P<lead>.*?)一是(?P<rest>.+)$", piece.text, re.S)
    if not match or "二是" not in match["rest"] or not piece.text.endswith("。"):
        return None
    parts = re.split(r"；[一二三四五六七八九十]+是", match["rest"][:-1])
    lead = match["lead"] or None
    if len(parts) < 2:
        return None
    try:
        block = ListBlock(type="list", style="一是", lead=lead, items=parts)
    except ValueError:
        return None
    if list_lines(block) != [piece.text]:
        return None
    data: dict[str, Any] = {"type": "list", "style": "一是", "items": parts}
    if lead:
        data["lead"] = lead
    return Piece("block", piece.text, data=data)


def award_names(paragraphs: list[Piece]) -> list[str] | None:
    """Return the honours of ``1.“名称”`` lines, or None if any line is something else."""
    names = []
    for piece in paragraphs:
        match = _AWARD.match(piece.text.replace(" ", "")) if piece.kind == "paragraph" and not piece.markup else None
        if not match:
            return None
        names.append(match[1][1:-1])
    return names or None


def numbered_list(paragraphs: list[Piece]) -> dict[str, Any] | None:
    """Return ``1.甲`` / ``（1）甲`` lines numbered from 1 as a list block."""
    for style, pattern in _NUMBERED.items():
        matches = [pattern.match(p.text) if p.kind == "paragraph" and not p.markup else None for p in paragraphs]
        if len(matches) >= 2 and all(m and int(m[1]) == n for n, m in enumerate(matches, start=1)):
            return {"type": "list", "style": style, "items": [m[2].strip() for m in matches if m]}
    return None
