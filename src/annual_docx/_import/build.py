"""Put an imported document together as report data: title, organisation, year, numbering, opening, sections,
落款 and official parts, with notes saying what was guessed."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from annual_docx._import.frontmatter import layout_rows, split_frame
from annual_docx._import.headings import Node, build_tree, find_headings, number_value
from annual_docx._import.pieces import Context, pieces
from annual_docx._import.sections import content, section
from annual_docx._ooxml.outline import Outline, Para

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_SUFFIX = re.compile(r"(?:年度)?(?:工作)?(?:年报|年度报告|工作报告|工作总结|报告|总结)(?:[（(].*[）)])?$")


def report_data(outline: Outline, ctx: Context) -> dict[str, Any]:
    """Return the report of ``outline`` as plain data (validate it with ``annual_docx.validate``)."""
    items = [row for item in outline.items for row in layout_rows(item)]
    for what in outline.skipped:
        ctx.note("", what)
    frame = split_frame(items, set(find_headings(items)), outline.core_title)
    for key, message in frame.notes.items():
        ctx.note(key, message)
    lead, roots = build_tree(frame.body)
    data: dict[str, Any] = {}
    title = frame.title.strip()
    year, organisation = _year_org(title, frame.signature, frame.date, ctx)
    if organisation is not None:
        data["organisation"] = organisation
    if year is not None:
        data["year"] = year
    default = f"{year}年度{organisation}工作年报" if year is not None and organisation is not None else ""
    if title != default:
        data["title"] = title  # "" when the document has no title: none is made up from year and organisation
    numbering = _numbering(roots, ctx)
    if numbering != ["一、", "（一）", "1.", "（1）"][:len(numbering)]:  # the GB/T 9704 order is the default
        data["numbering"] = numbering
    if not roots:
        ctx.note("sections[0]", "文档中没有找到标题，正文放在一节“正文”中 / no headings found: the body is one "
                                "section titled 正文")
        roots, lead = [Node("正文", "无", 1, content=lead, numbered=False)], []
    opening = _opening(lead, roots, ctx)
    if opening:
        data["opening"] = opening
    data["sections"] = [section(node, f"sections[{n}]", ctx) for n, node in enumerate(roots)]
    if frame.signature:
        data["signature"] = frame.signature
    if frame.date:
        data["date"] = frame.date
    for n, attachment in enumerate(frame.official.get("attachments", [])):
        items = attachment.pop("items", [])
        path = f"official.attachments[{n}]"
        attachment.update(content(pieces(items, path, ctx), path, ctx))
    official = {k: v for k, v in frame.official.items() if v}
    if official:
        data["official"] = official
    return data


def _year_org(title: str, signature: str | None, date: Any, ctx: Context) -> tuple[int | None, str | None]:
    """Return the year and organisation the document states (None where it states none: nothing is made up)."""
    match = _YEAR.search(title)
    if match:
        year = int(match[1])
    elif date is not None:
        year = date.year - 1
        ctx.note("year", "年度按成文日期的上一年推断 / year guessed as the year before the date")
    else:
        year = None
        ctx.note("year", "文件未写年度，未填 year / the document states no year: year is left out")
    organisation = signature or ""
    if not organisation:
        name = _YEAR.sub("", title, count=1) if match else title
        name = _SUFFIX.sub("", name).strip()
        organisation = name
        if organisation:
            ctx.note("organisation", "单位名称取自标题 / organisation taken from the title")
    if not organisation:
        ctx.note("organisation", "文件未写单位名称，未填 organisation / the document names no organisation: "
                                 "organisation is left out")
        return year, None
    return year, organisation


def _numbering(roots: list[Node], ctx: Context) -> list[str]:
    """Return the number style of each level (the most common one there) and settle each heading against it: a
    heading in another style, or numbered out of sequence, keeps its text as written and is left unnumbered."""
    styles: list[str] = []
    level = roots
    while level and len(styles) < 4:
        counts = Counter(n.style for n in level)
        style = counts.most_common(1)[0][0]
        if style != "无" and style in styles:
            style = "无"  # a number style already used above: keep these headings' numbers as written
        styles.append(style)
        if len(counts) > 1:
            ctx.note("numbering", f"第{len(styles)}级标题的序号不一致，取最多的“{style}” / level {len(styles)} mixes "
                                  f"number styles; the most common one is used")
        level = [c for n in level for c in n.children]
    _settle(roots, styles, 0)
    return styles or ["一、"]


def _settle(nodes: list[Node], styles: list[str], depth: int) -> None:
    if depth >= len(styles):
        return
    style, n = styles[depth], 0
    for node in nodes:
        if style == "无":
            node.title = node.text or node.title
        elif node.style == style:
            n += 1
            if style != "【】" and number_value(node.text) != n:
                node.title, node.numbered = node.text, False
                node.note = "序号与顺序不符，按原文保留 / number out of sequence: kept as written"
                n -= 1
        else:
            node.title, node.numbered = node.text or node.title, False
        _settle(node.children, styles, depth + 1)


def _opening(lead: list[Any], roots: list[Node], ctx: Context) -> list[str]:
    """Return the plain paragraphs before the first heading; what follows them there (a table, a picture…) moves
    to the start of the first section, since the opening holds text only."""
    out: list[str] = []
    index = 0
    while index < len(lead) and isinstance(lead[index], Para):
        item = lead[index]
        if item.text.strip():
            out.append(item.text.strip())
            if any((r.bold or r.kai) and r.text.strip() for r in item.runs):
                ctx.note("opening", "开头段落的加粗/楷体没有保留 / bold or 楷体 in the opening is not kept")
        index += 1
    if index < len(lead):
        roots[0].content[:0] = lead[index:]
        ctx.note("sections[0]", "第一个标题前的表格、图片移到了第一节开头 / tables or pictures before the first "
                                "heading were moved to the start of the first section")
    return out
