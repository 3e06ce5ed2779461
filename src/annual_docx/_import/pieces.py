"""Turn the items under one heading into pieces a section can hold: paragraphs (with emphasis), lists, tables,
charts, pictures saved to the assets folder, org and party charts, and party role lines."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._ooxml.outline import Chart, Image, Item, Para, Table
from . import alt_text
from .tables import table_block

_CAPTION = re.compile(r"^图\s*\d+(?:[-－.．]\d+)?[\s\u3000:：.．]*")
_ROLE = re.compile(r"^(?P<title>[^：:\s][^：:]{0,12})[：:]\s*(?P<name>\S.{0,15})$")
_CHRONO = re.compile(r"^(?P<date>\d{1,2}月\d{1,2}日(?:[-—至]\d{1,2}日)?)\u3000(?P<event>.+)$", re.S)
_NUMBERED = {"1.": re.compile(r"^(\d{1,3})[.．](?!\d)\s*(.+)$", re.S),
             "（1）": re.compile(r"^[（(](\d{1,3})[）)]\s*(.+)$", re.S)}
_AWARD = re.compile(r"^\d{1,3}[.．、]?\s*(“[^”]+”)$")


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


def _caption(items: list[Item], index: int) -> tuple[str, int]:
    """Return the caption after ``items[index]`` (its 图N number dropped) and how many items it used."""
    if index + 1 < len(items):
        nxt = items[index + 1]
        captioned = isinstance(nxt, Para) and (nxt.style_name.lower() in ("caption", "题注")
                                               or bool(_CAPTION.match(nxt.text.strip())))
        if isinstance(nxt, Para) and captioned and nxt.text.strip() and len(nxt.text.strip()) <= 80:
            return _CAPTION.sub("", nxt.text.strip()).strip() or nxt.text.strip(), 1
    return "", 0


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
    while index < len(items):
        item = items[index]
        if isinstance(item, Para):
            text = item.text.strip()
            if not text:
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
            caption, used = _caption(items, index)
            out.extend(_graphic(item, caption, path, ctx))
            index += used
        index += 1
    return _group_lines(out, path, ctx)


def _is_table_title(items: list[Item], index: int) -> bool:
    item = items[index]
    if index + 1 >= len(items) or not isinstance(items[index + 1], Table) or not isinstance(item, Para):
        return False
    return item.style == "TableTitle" or item.style_name == "表题" or bool(re.match(r"^表\s*\d+", item.text.strip()))


def _graphic(item: Image | Chart, caption: str, path: str, ctx: Context) -> list[Piece]:
    if isinstance(item, Chart):
        return chart_pieces(item, caption, path, ctx)
    category = alt_text.category_chart(item.alt)
    if category is not None:
        return [Piece("category", data={"title": category.title, "kind": category.kind, "unit": category.unit,
                                        "categories": category.categories, "caption": caption})]
    series = alt_text.series_chart(item.alt)
    if series is not None:
        block = {"type": "chart", "title": series.title or caption or "图表", "chart": series.kind,
                 "labels": series.labels, "series": series.series}
        if series.unit:
            block["unit"] = series.unit
        if caption:
            block["caption"] = caption
        if series.kind == "bar":
            ctx.note(path, "柱状图的方向（竖/横）按竖向推断 / bar direction guessed as vertical")
        return [Piece("block", data=block)]
    units = alt_text.org_chart(item.alt)
    if units is not None:
        return [Piece("org", data={"units": units, "caption": caption})]
    if alt_text.is_party_chart(item.alt):
        return [Piece("party_chart", data={"caption": caption})]
    return picture(item, caption, path, ctx)


def picture(item: Image, caption: str, path: str, ctx: Context) -> list[Piece]:
    """Save the picture to the assets folder and return its piece; a format Word shows but the report model does
    not take (EMF, WMF…) is converted with Pillow when it can be, else its caption is kept as text."""
    data, ext = item.data, item.ext
    if ext not in ("png", "jpeg"):
        try:
            from PIL import Image as PILImage

            with PILImage.open(io.BytesIO(data)) as img:
                buffer = io.BytesIO()
                img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB").save(buffer, "PNG")
            data, ext = buffer.getvalue(), "png"
        except Exception:  # Pillow cannot read EMF/WMF on Linux, nor damaged pictures
            ctx.note(path, f"一张 {ext.upper() or '未知'} 格式的图片无法转换，只保留了题注 / a {ext or 'unknown'} "
                           f"picture could not be converted; only its caption was kept")
            text = caption or item.alt
            return [Piece("paragraph", text)] if text else []
    ctx.pictures += 1
    ctx.assets.mkdir(parents=True, exist_ok=True)
    target = ctx.assets / f"picture-{ctx.pictures:02d}.{'jpg' if ext == 'jpeg' else ext}"
    target.write_bytes(data)
    try:
        relative = target.resolve().relative_to(ctx.base_dir.resolve()).as_posix()
    except ValueError:
        relative = str(target.resolve())
    entry: dict[str, Any] = {"path": relative}
    if caption:
        entry["caption"] = caption
    if item.alt and item.alt != caption:
        entry["alt"] = item.alt
    if item.width_mm:
        entry["width_mm"] = round(min(max(item.width_mm, 10.5), 156.0), 1)
    return [Piece("picture", data=entry)]


def chart_pieces(chart: Chart, caption: str, path: str, ctx: Context) -> list[Piece]:
    """Return a native chart as a category chart (pie, one-series bar) or a chart block; data a chart block cannot
    hold (negative or missing values) as a table."""
    series = [s for s in chart.series if s.values]
    if not series:
        ctx.note(path, "一个图表没有缓存数据，只保留了标题 / a chart without cached data: only its title was kept")
        text = caption or chart.title or chart.alt
        return [Piece("paragraph", text)] if text else []
    labels: list[str | int] = [int(c) if re.fullmatch(r"\d{4}", c) else (c or str(i + 1))
                               for i, c in enumerate(chart.categories)]
    clean = all(v is not None and v >= 0 for s in series for v in s.values)
    one_count = len(series) == 1 and clean and all(float(v or 0).is_integer() for v in series[0].values)
    if chart.kind in ("pie", "doughnut") and len(series) >= 1 and clean:
        values = series[0].values
        cats = {str(label): (int(v) if v is not None and v.is_integer() else v or 0)
                for label, v in zip(labels, values, strict=False)}
        return [Piece("category", data={"title": chart.title, "kind": "pie", "unit": "", "categories": cats,
                                        "caption": caption, "native": True, "integers": one_count})]
    if not clean or chart.kind == "other" or len(set(map(str, labels))) != len(labels):
        ctx.note(path, f"图表“{chart.title}”的数据无法作为图表保留，已转为表格 / chart {chart.title!r} kept as a "
                       f"table of its data")
        rows = [[str(label), *(s.values[i] if i < len(s.values) else None for s in series)]
                for i, label in enumerate(labels)]
        table: dict[str, Any] = {"type": "table", "header": ["", *(s.name for s in series)], "rows": rows}
        if chart.title:
            table["title"] = chart.title
        return [Piece("block", data=table)]
    kind = {"area": "line"}.get(chart.kind, chart.kind)
    if kind != chart.kind:
        ctx.note(path, f"{chart.kind} 图表按 {kind} 导入 / a {chart.kind} chart imported as {kind}")
    block: dict[str, Any] = {"type": "chart", "title": chart.title or caption or "图表", "chart": kind,
                             "labels": labels, "series": {s.name: [v or 0 for v in s.values] for s in series}}
    if caption:
        block["caption"] = caption
    if one_count and kind in ("bar", "barh"):
        return [Piece("category", data={"title": chart.title, "kind": kind, "unit": "", "caption": caption,
                                        "categories": {str(k): int(v or 0) for k, v in zip(labels, series[0].values,
                                                                                          strict=False)},
                                        "native": True, "block": block, "integers": True})]
    return [Piece("block", data=block)]


def _group_lines(pieces_in: list[Piece], path: str, ctx: Context) -> list[Piece]:
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
    return {"title": title, "name": name}


def _one_shi(piece: Piece) -> Piece | None:
    """Return a 一是…；二是…。 sentence as a list block when the list prints back as exactly that text."""
    from .._build_text import list_lines
    from ..schema_blocks import ListBlock

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
