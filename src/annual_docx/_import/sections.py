"""Map the heading tree of an imported document to report sections (the current flat model: a section of level-1
heading holds items or breakdowns one level down; deeper headings are kept as paragraphs)."""

from __future__ import annotations

import re
from typing import Any

from .headings import Node
from .pieces import Context, Piece, award_names, numbered_list, pieces

_TOTAL = re.compile(r"^(?P<title>.+?)\s*[（(]共(?P<n>\d+)人[）)]$")


def _flatten(node: Node) -> list[Any]:
    """Return the items under ``node`` with every sub-heading turned back into a paragraph of its own text."""
    from .._ooxml.outline import Para

    out: list[Any] = list(node.content)
    for child in node.children:
        out.append(Para(child.text))
        out.extend(_flatten(child))
    return out


def _blocks(items: list[Piece], path: str, ctx: Context, lead_paragraphs: bool = True) -> dict[str, Any]:
    """Return ``paragraphs`` (plain ones before anything else) and ``blocks`` of ``items``."""
    paragraphs: list[str] = []
    blocks: list[dict[str, Any]] = []
    index = 0
    while lead_paragraphs and index < len(items) and items[index].kind == "paragraph" and not items[index].markup:
        paragraphs.append(items[index].text)
        index += 1
    rest = items[index:]
    i = 0
    while i < len(rest):
        piece = rest[i]
        if piece.kind == "paragraph":
            run = 0
            while i + run < len(rest) and rest[i + run].kind == "paragraph" and not rest[i + run].markup:
                run += 1
            listed = numbered_list(rest[i:i + run]) if run >= 2 else None
            if listed:
                blocks.append(listed)
                i += run
                continue
            blocks.append({"type": "paragraph", "text": piece.markup or piece.text.replace("*", "\\*")})
        elif piece.kind == "block":
            blocks.append(piece.data)
        elif piece.kind == "category":
            blocks.append(_category_block(piece, path, ctx))
        elif piece.kind == "roles":
            blocks.append({"type": "paragraph", "text": piece.data["name"]})
            blocks += [{"type": "paragraph", "text": f"{r['title']}：{r['name']}"} for r in piece.data["roles"]]
            ctx.note(path, "职务名单不在党组织一节，按段落保留 / role lines outside a party section kept as text")
        else:
            text = piece.data.get("caption") or piece.data.get("alt") or ""
            ctx.note(path, "本节的图片或组织图无法放在这里，只保留了题注 / a picture here has no place in this "
                           "kind of section; its caption was kept as text")
            if text:
                blocks.append({"type": "paragraph", "text": text.replace("*", "\\*")})
        i += 1
    out: dict[str, Any] = {}
    if paragraphs:
        out["paragraphs"] = paragraphs
    if blocks:
        out["blocks"] = blocks
    return out


def _category_block(piece: Piece, path: str, ctx: Context) -> dict[str, Any]:
    data = piece.data
    if "block" in data:
        return dict(data["block"])
    ctx.note(path, f"“{data['title']}”的{data['kind']}图在本节只能画成柱状图 / the {data['kind']} chart "
                   f"{data['title']!r} is drawn as a bar chart here (pies belong to personnel breakdowns)")
    block = {"type": "chart", "title": data["title"] or data.get("caption") or "图表", "chart": "bar",
             "labels": list(data["categories"]), "series": {data["title"] or "数值": list(data["categories"].values())}}
    if data.get("unit"):
        block["unit"] = data["unit"]
    if data.get("caption"):
        block["caption"] = data["caption"]
    return block


def section(node: Node, path: str, ctx: Context) -> dict[str, Any]:
    """Return the section dict of a level-1 heading."""
    own = pieces(node.content, path, ctx)
    out: dict[str, Any] = {"title": node.title}
    if node.guessed:
        ctx.note(path, node.guessed)
    if node.children:
        breakdowns = _breakdowns(node, path, ctx)
        if breakdowns is not None:
            out["kind"] = "personnel"
            out["breakdowns"] = breakdowns
            out.update(_blocks(own, path, ctx))
            ctx.note(path, "编制、在职人数不在文档中 / establishment and staff are not in the document")
            return out
        items = _items(node, path, ctx)
        if items is not None:
            out["kind"] = "work_items"
            out["items"], moved = items
            body = _blocks(own, path, ctx)
            out.update(body)
            if moved:
                extra = _blocks(moved, path, ctx, lead_paragraphs=False).get("blocks", [])
                out["blocks"] = [*out.get("blocks", []), *extra]
            return out
        ctx.note(path, "小标题下没有正文，按段落保留 / sub-headings without text kept as paragraphs")
        own = pieces(_flatten(node), path, ctx)
    return out | _leaf(own, path, ctx)


def _leaf(own: list[Piece], path: str, ctx: Context) -> dict[str, Any]:
    kinds = {p.kind for p in own}
    if "roles" in kinds:
        first = next(i for i, p in enumerate(own) if p.kind == "roles")
        branches = [{"name": p.data["name"], "roles": p.data["roles"]} for p in own if p.kind == "roles"]
        chart = next((p for p in own if p.kind == "party_chart"), None)
        out: dict[str, Any] = {"kind": "party", "branches": branches, "chart": chart is not None}
        if chart is not None and chart.data.get("caption"):
            out["caption"] = chart.data["caption"]
        rest = [p for p in own[first:] if p.kind not in ("roles", "party_chart")]
        out.update(_merge(_blocks(own[:first], path, ctx), _blocks(rest, path, ctx, lead_paragraphs=False)))
        return out
    if "org" in kinds:
        first = next(i for i, p in enumerate(own) if p.kind == "org")
        org = own[first]
        out = {"kind": "org_chart", "units": [_unit(u) for u in org.data["units"]]}
        if org.data.get("caption"):
            out["caption"] = org.data["caption"]
        rest = list(own[first + 1:])
        out.update(_merge(_blocks(own[:first], path, ctx), _blocks(rest, path, ctx, lead_paragraphs=False)))
        return out
    if "picture" in kinds:
        first = next(i for i, p in enumerate(own) if p.kind == "picture")
        lead = own[:first]
        between = [p for p in own[first:] if p.kind != "picture"]
        pictures = [p.data for p in own if p.kind == "picture"]
        names = award_names([p for p in lead if p.kind == "paragraph"][-len(lead):]) if lead else None
        if names and all(p.kind == "paragraph" for p in lead):
            out = {"kind": "awards", "awards": [{"name": n} for n in names], "photos": pictures}
            return out | _blocks(between, path, ctx, lead_paragraphs=False)
        out = {"kind": "photos", "photos": pictures}
        widths = [p.get("width_mm", 120) for p in pictures]
        if len(pictures) > 1 and max(widths) < 100:
            out["per_row"] = max(1, min(3, round(150 / max(widths))))
        if between and any(own.index(p) < own.index(q) for p in between for q in own if q.kind == "picture"):
            ctx.note(path, "图片移到了本节文字之后的位置之前 / text after the pictures comes after them, text "
                           "between pictures was moved after them")
        return out | _merge(_blocks(lead, path, ctx), _blocks(between, path, ctx, lead_paragraphs=False))
    names = award_names(own)
    if names and len(names) >= 1 and all(p.kind == "paragraph" for p in own):
        return {"kind": "awards", "awards": [{"name": n} for n in names]}
    return {"kind": "text"} | _blocks(own, path, ctx)


def _merge(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    out = dict(first)
    if second.get("paragraphs"):
        out["blocks"] = [*out.get("blocks", []), *({"type": "paragraph", "text": t.replace("*", "\\*")}
                                                   for t in second["paragraphs"])]
    if second.get("blocks"):
        out["blocks"] = [*out.get("blocks", []), *second["blocks"]]
    return out


def _unit(unit: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": unit.name}
    if unit.head:
        out["head"] = unit.head
    if unit.children:
        out["children"] = [_unit(c) for c in unit.children]
    if unit.guides:
        out["guides"] = list(unit.guides)
    return out


def _breakdowns(node: Node, path: str, ctx: Context) -> list[dict[str, Any]] | None:
    """Return the breakdowns when every sub-heading holds paragraphs and exactly one whole-number category chart."""
    out = []
    for child in node.children:
        if child.children:
            return None
        own = pieces(child.content, path, ctx)
        charts = [p for p in own if p.kind == "category"]
        if len(charts) != 1 or any(p.kind not in ("paragraph", "category") for p in own) or \
                any(p.markup for p in own if p.kind == "paragraph"):
            return None
        data = charts[0].data
        if not all(isinstance(v, int) and v >= 0 for v in data["categories"].values()) or data["unit"] not in ("",
                                                                                                             "人"):
            return None
        title = child.title
        total = sum(data["categories"].values())
        match = _TOTAL.match(title)
        breakdown: dict[str, Any] = {"title": match["title"] if match else title,
                                     "categories": data["categories"]}
        paragraphs = [p.text for p in own if p.kind == "paragraph"]
        if paragraphs:
            breakdown["paragraphs"] = paragraphs
        breakdown["chart"] = data["kind"] if data["kind"] in ("pie", "bar", "barh") else "pie"
        if breakdown["chart"] == "pie" and total == 0:
            breakdown["chart"] = "bar"
        if not (match and int(match["n"]) == total):
            breakdown["show_total"] = False
        out.append(breakdown)
    return out


def _items(node: Node, path: str, ctx: Context) -> tuple[list[dict[str, Any]], list[Piece]] | None:
    """Return the work items of the sub-headings, and the pieces that must move after them (tables, charts…)."""
    items: list[dict[str, Any]] = []
    moved: list[Piece] = []
    for n, child in enumerate(node.children):
        own = pieces(_flatten(child) if child.children else child.content, f"{path}.items[{n}]", ctx)
        if child.children:
            ctx.note(f"{path}.items[{n}]", "更深一级的标题按段落保留 / deeper headings kept as paragraphs")
        own = [Piece("paragraph", p.text) if p.kind == "block" and p.text else p for p in own]  # lists as text
        paragraphs = [p.text for p in own if p.kind == "paragraph"]
        if not paragraphs:
            return None
        if any(p.markup for p in own):
            ctx.note(f"{path}.items[{n}]", "工作事项的段落不保留加粗/楷体 / emphasis dropped in work-item text")
        first_other = next((i for i, p in enumerate(own) if p.kind != "paragraph"), len(own))
        if first_other < len(own):
            if n != len(node.children) - 1:
                ctx.note(path, "小标题下的表格、图表移到了本节末尾 / tables and charts under a sub-heading were "
                               "moved to the end of the section")
            moved += own[first_other:]
            paragraphs = [p.text for p in own[:first_other] if p.kind == "paragraph"]
            if not paragraphs:
                return None
        if child.guessed:
            ctx.note(f"{path}.items[{n}]", child.guessed)
        items.append({"title": child.title, "paragraphs": paragraphs})
    return items, moved
