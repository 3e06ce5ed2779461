"""A 政府信息公开工作年度报告 imported as ``kind: govinfo``: recognised by its title and its national section headings
(一、总体情况 … 六、其他需要报告的事项), its tables 二、三、四 read back by their national labels (``govinfo.labels``,
matched the way ``govinfo.keys`` matches a clerk's row names), so next year's report keeps the numbers and their
relations. When a table cannot be read by its labels the document is imported as an ordinary report, with a note."""

from __future__ import annotations

import re
from typing import Any

from annual_docx._import.headings import Node
from annual_docx._import.pieces import Context
from annual_docx._import.sections import section
from annual_docx._ooxml.outline import Item, Para, Table
from annual_docx.govinfo import keys
from annual_docx.govinfo import labels as L

_TITLE = re.compile(r"^(?P<organ>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*政府信息公开(?:工作)?年度?报告$")
_PROSE = {0: "overview", 4: "problems", 5: "other"}
_SUBNUMBERS = {"（一）": "（一）", "1.": "1."}


def _section_index(title: str) -> int | None:
    folded = keys.fold(title)
    for index, heading in enumerate(L.HEADINGS):
        if folded in {keys.fold(h) for h in (heading, *L.HEADING_VARIANTS.get(index, ()))}:
            return index
    return None


def _tables(node: Node) -> list[Table]:
    found = [item for item in node.content if isinstance(item, Table)]
    return found + [t for child in node.children for t in _tables(child)]


def _value(text: str) -> int | str:
    """A cell's number as the report file writes it: a whole number as an int, any other as written."""
    return int(text) if text.isdigit() else text


def _is_number(text: str) -> bool:
    try:
        keys.number(text, "")
    except ValueError:
        return False
    return bool(text.strip())


def _table2(table: Table) -> dict[str, list[int | str]] | None:
    rows = {keys.fold(row): (row, len(block.columns)) for block in L.TABLE2 for row in block.rows}
    out: dict[str, list[int | str]] = {}
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        if texts and keys.fold(texts[0]) in rows:
            label, width = rows[keys.fold(texts[0])]
            numbers = texts[1:]
            if len(numbers) != width or not all(_is_number(n) for n in numbers):
                return None
            out[label] = [_value(n) for n in numbers]
    return out if len(out) == len(rows) else None


def _table3(table: Table) -> dict[str, Any] | None:
    leaves = {keys.fold(path[-1]): path for path in L.ROWS3}
    out: dict[str, Any] = {}
    found = 0
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        at = next((k for k, t in enumerate(texts) if keys.fold(t) in leaves), None)
        if at is None:
            continue
        numbers = texts[at + 1:]
        if len(numbers) not in (6, 7) or not all(_is_number(n) for n in numbers):
            return None
        path = leaves[keys.fold(texts[at])]
        level = out
        for label in path[:-1]:
            level = level.setdefault(label, {})
        level[path[-1]] = [_value(n) for n in numbers]
        found += 1
    return out if found == len(L.ROWS3) else None


def _table4(table: Table) -> dict[str, list[int | str]] | None:
    width = len(L.RESULTS4)
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        if len(texts) == width * len(L.GROUPS4) and all(_is_number(t) for t in texts):
            return {group: [_value(t) for t in texts[k * width:(k + 1) * width]] for k, group in enumerate(L.GROUPS4)}
    return None


def govinfo_data(title: str, lead: list[Item], roots: list[Node], ctx: Context) -> dict[str, Any] | None:
    """Return the ``kind: govinfo`` data of a 政府信息公开工作年度报告, or None when the document is not one (or its
    tables cannot be read by their labels: then it is noted, and imported as an ordinary report)."""
    match = _TITLE.match(title.strip())
    if not match:
        return None
    by_index = {index: node for node in roots if (index := _section_index(node.title)) is not None}
    if len(by_index) < 4 or not all(i in by_index for i in _PROSE):
        return None
    tables = [t for node in roots for t in _tables(node)]
    proactive = next((r for t in tables if (r := _table2(t)) is not None), None)
    requests = next((r for t in tables if (r := _table3(t)) is not None), None)
    reviews = next((r for t in tables if (r := _table4(t)) is not None), None)
    if proactive is None or requests is None or reviews is None:
        ctx.note("", "政府信息公开工作年度报告的表二至表四无法按国家格式的标签读取，按普通报告导入 / the tables of "
                     "this 政府信息公开 report could not be read by their national labels: imported as an ordinary "
                     "report")
        return None
    data: dict[str, Any] = {"kind": "govinfo", "organisation": match["organ"].strip() or None,
                            "year": int(match["year"])}
    if data["organisation"] is None:
        return None
    opening = [item.text.strip() for item in lead if isinstance(item, Para) and item.text.strip()]
    if opening:
        data["opening"] = opening
    headings: dict[str, str] = {}
    for index, node in sorted(by_index.items()):
        if node.title != L.HEADINGS[index]:
            headings["一二三四五六"[index]] = node.title
        if index in _PROSE:
            prose = section(node, _PROSE[index], ctx)
            data[_PROSE[index]] = {k: v for k, v in prose.items() if k in ("paragraphs", "blocks", "sections")}
        elif any(isinstance(i, Para) and i.text.strip() for i in node.content):
            ctx.note("", f"“{node.title}”一节表格以外的文字未导入（表格由程序按国家格式生成）/ the text beside the "
                         "table of this section is not kept: the table is printed in the national format")
    data |= {"proactive": proactive, "requests": requests, "reviews": reviews}
    if headings:
        data["headings"] = headings
    subs = {child.style for node in by_index.values() for child in node.children}
    if subs and subs <= {"（一）", "1."} and len(subs) == 1:
        data["subheading_numbering"] = _SUBNUMBERS[subs.pop()]
    elif subs:
        data["subheading_numbering"] = "无"
    return data
