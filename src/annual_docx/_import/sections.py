"""Map the heading tree of an imported document to the report's tree of sections (four levels), each holding its
paragraphs and blocks in document order; deeper headings are kept as paragraphs."""

from __future__ import annotations

import re
from typing import Any

from annual_docx._charts._kinds import KINDS
from annual_docx._import.headings import Node
from annual_docx._import.pieces import Context, Piece, award_names, numbered_list, pieces

MAX_DEPTH = 4
_TOTAL = re.compile(r"^(?P<title>.+?)\s*[（(]共(?P<n>\d+)(?P<unit>[^）)\d]{1,3})[）)]$")
_TABLE_NUMBER = re.compile(r"^表\s*\d+(?:[-.－—]\d+)?[\s\u3000.:：、]*")


def _escape(text: str) -> str:
    return text.replace("*", "\\*")


def _flatten(node: Node) -> list[Any]:
    """Return the items under ``node`` with every sub-heading turned back into a paragraph of its own text."""
    from annual_docx._ooxml.outline import Para

    out: list[Any] = list(node.content)
    for child in node.children:
        out.append(Para(child.text))
        out.extend(_flatten(child))
    return out


def content(own: list[Piece], path: str, ctx: Context, lead: bool = True) -> dict[str, Any]:
    """Return ``paragraphs`` (the plain ones before anything else, when ``lead``) and ``blocks`` of ``own``."""
    run = 0
    while lead and run < len(own) and own[run].kind == "paragraph" and not own[run].markup:
        run += 1
    index = next((k for k in range(run) if award_names(own[k:run]) or (run - k >= 2 and numbered_list(own[k:run]))),
                 run)  # a list closing the run of plain paragraphs is a block, not text
    paragraphs = [p.text for p in own[:index]]
    blocks = _blocks(own[index:], path, ctx)
    out: dict[str, Any] = {}
    if paragraphs:
        out["paragraphs"] = paragraphs
    if blocks:
        out["blocks"] = blocks
    return out


def _blocks(own: list[Piece], path: str, ctx: Context) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    i = 0
    while i < len(own):
        piece = own[i]
        if piece.kind == "paragraph":
            run = _plain_run(own, i)
            awards = award_names(own[i:i + run])
            if awards:
                pictures = _picture_run(own, i + run)
                block: dict[str, Any] = {"type": "awards", "awards": [{"name": n} for n in awards]}
                if pictures:
                    block["photos"] = [p.data for p in own[i + run:i + run + pictures]]
                blocks.append(block)
                i += run + pictures
                continue
            listed = numbered_list(own[i:i + run]) if run >= 2 else None
            if listed:
                blocks.append(listed)
                i += run
                continue
            blocks.append({"type": "paragraph", "text": piece.markup or _escape(piece.text)})
        elif piece.kind == "block":
            data = dict(piece.data)
            if data.get("type") == "table" and data.get("title"):
                data["title"] = _TABLE_NUMBER.sub("", data["title"]).strip() or data["title"]
            blocks.append(data)
        elif piece.kind == "category":
            blocks.append(_chart_of(piece))
        elif piece.kind == "picture":
            run = _picture_run(own, i)
            photos = [p.data for p in own[i:i + run]]
            block = {"type": "photos", "photos": photos}
            widths = [p.get("width_mm", 120) for p in photos]
            if len(photos) > 1 and max(widths) < 100:
                block["per_row"] = max(1, min(3, round(150 / max(widths))))
            blocks.append(block)
            i += run
            continue
        elif piece.kind == "roles":
            branches = [{"name": piece.data["name"], "roles": piece.data["roles"]}]
            while i + 1 < len(own) and own[i + 1].kind == "roles":
                i += 1
                branches.append({"name": own[i].data["name"], "roles": own[i].data["roles"]})
            block = {"type": "party", "branches": branches, "chart": False}
            if i + 1 < len(own) and own[i + 1].kind == "party_chart":
                i += 1
                block["chart"] = True
                if own[i].data.get("caption"):
                    block["caption"] = own[i].data["caption"]
            blocks.append(block)
        elif piece.kind == "org":
            block = {"type": "org_chart", "units": [_unit(u) for u in piece.data["units"]]}
            if piece.data.get("caption"):
                block["caption"] = piece.data["caption"]
            blocks.append(block)
        elif piece.kind == "party_chart":
            ctx.note(path, "党组织架构图前没有名单，只保留了题注 / a party chart without role lines: caption kept")
            if piece.data.get("caption"):
                blocks.append({"type": "paragraph", "text": _escape(piece.data["caption"])})
        i += 1
    return blocks


def _plain_run(own: list[Piece], start: int) -> int:
    run = 0
    while start + run < len(own) and own[start + run].kind == "paragraph" and not own[start + run].markup:
        run += 1
    return max(run, 1)


def _picture_run(own: list[Piece], start: int) -> int:
    run = 0
    while start + run < len(own) and own[start + run].kind == "picture":
        run += 1
    return run


def _chart_of(piece: Piece) -> dict[str, Any]:
    """Return a category chart (pie, or a one-series bar) as a chart block."""
    data = piece.data
    if "block" in data:
        return dict(data["block"])
    block: dict[str, Any] = {"type": "chart", "title": data["title"] or data.get("caption") or "图表",
                             "chart": data["kind"],
                             "labels": list(data["categories"]),
                             "series": {data["title"] or "数值": list(data["categories"].values())}}
    if data.get("unit"):
        block["unit"] = data["unit"]
    if data.get("caption"):
        block["caption"] = data["caption"]
    return block


def _unit(unit: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": unit.name}
    if unit.head:
        out["head"] = unit.head
    if unit.children:
        out["children"] = [_unit(c) for c in unit.children]
    if unit.guides:
        out["guides"] = list(unit.guides)
    return out


def section(node: Node, path: str, ctx: Context, depth: int = 1) -> dict[str, Any]:
    """Return the section of heading ``node`` at ``depth`` (1 = 一、), with its subsections."""
    out: dict[str, Any] = {"title": node.title}
    if not node.numbered:
        out["numbered"] = False
    if node.run_in:
        out["run_in"] = True
    if node.guessed:
        ctx.note(path, node.guessed)
    if node.note:
        ctx.note(path, node.note)
    if node.children and depth >= MAX_DEPTH:
        ctx.note(path, "第五级及更深的标题按段落保留 / headings below the fourth level kept as paragraphs")
        return out | content(pieces(_flatten(node), path, ctx), path, ctx)
    out |= content(pieces(node.content, path, ctx), path, ctx)
    if node.run_in and out.get("paragraphs"):  # the heading opened its first paragraph
        out = {"title": out.pop("title"), **({"numbered": False} if not node.numbered else {}), "run_in": True,
               **{k: v for k, v in out.items() if k != "numbered"}}
    breakdowns = [_breakdown(child, path, ctx) for child in node.children]
    if node.children and all(b is not None for b in breakdowns):
        out["blocks"] = [*out.get("blocks", []), *breakdowns]
    elif node.children:
        out["sections"] = [section(child, f"{path}.sections[{n}]", ctx, depth + 1)
                           for n, child in enumerate(node.children)]
    return out


def _breakdown(node: Node, path: str, ctx: Context) -> dict[str, Any] | None:
    """Return a breakdown block for a sub-heading holding plain paragraphs and one whole-number category chart."""
    if node.children or not node.numbered:
        return None
    own = pieces(node.content, path, ctx)
    charts = [p for p in own if p.kind == "category"]
    if len(charts) != 1 or any(p.kind not in ("paragraph", "category") for p in own) or \
            any(p.markup for p in own if p.kind == "paragraph") or own[-1].kind != "category":
        return None
    data = charts[0].data
    values = data["categories"]
    if not all(isinstance(v, int) and v >= 0 for v in values.values()) or data.get("caption"):
        return None
    match = _TOTAL.match(node.title)
    total = sum(values.values())
    unit = match["unit"] if match else data["unit"]
    if not unit or (data["unit"] and data["unit"] != unit):
        return None  # a count needs its unit: from （共N人） or from the chart
    block: dict[str, Any] = {"type": "breakdown", "title": match["title"] if match else node.title,
                             "categories": values}
    paragraphs = [p.text for p in own if p.kind == "paragraph"]
    if paragraphs:
        block["paragraphs"] = paragraphs
    kind = KINDS[data["kind"]]  # a kind of category counts (graphics and alt_text read them from the registry)
    block["chart"] = "bar" if kind.one_series and total == 0 else kind.name  # a pie needs a count above zero
    if unit != "人":
        block["unit"] = unit
    if not (match and int(match["n"]) == total):
        block["show_total"] = False
    return block
