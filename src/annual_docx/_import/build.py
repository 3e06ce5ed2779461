"""Put an imported document together as report data: title, organisation, year, numbering, opening, sections,
落款 and official parts, with notes saying what was guessed."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from annual_docx._import.frontmatter import Frame, layout_rows, split_frame
from annual_docx._import.govinfo_in import govinfo_data
from annual_docx._import.headings import Node, build_tree, headings_of, number_value
from annual_docx._import.lines import FORM_FIELDS
from annual_docx._import.pieces import Context, pieces
from annual_docx._import.sections import content, section
from annual_docx._ooxml.outline import Item, Outline, Para, Table
from annual_docx._roles import Line, Plain, recognise
from annual_docx.schema import GBT_NUMBERING

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_SUFFIX = re.compile(r"(?:年度)?(?:工作)?(?:年报|年度报告|工作报告|工作总结|报告|总结)(?:[（(].*[）)])?$")


def report_data(outline: Outline, ctx: Context) -> dict[str, Any]:
    """Return the report of ``outline`` as plain data (validate it with ``annual_docx.validate``)."""
    items = [row for item in outline.items for row in layout_rows(item)]
    for what in outline.skipped:
        ctx.note("", what)
    frame = split_frame(items, recognise([_line(i) for i in items]))
    for key, message in frame.notes.items():
        ctx.note(key, message)
    lead, roots = build_tree(frame.body, headings_of(frame.body, frame.roles))
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
    # 题注行 only where a 主送 follows (a speech: byline, then 各位代表：); otherwise the lines open the text, as before
    byline_opening = [] if frame.official.get("recipients") else frame.byline
    if frame.byline and not byline_opening:
        data["byline"] = frame.byline  # kept between the title and the 主送, in order
    numbering = _numbering(roots, ctx)
    if numbering != ["一、", "（一）", "1.", "（1）"][:len(numbering)]:  # the GB/T 9704 order is the default
        data["numbering"] = numbering
    if not roots and not all(isinstance(i, Para) or _cover_rows(i) for i in lead):  # tables, pictures: a section
        ctx.note("sections[0]", "文档中没有标题，表格和图片放在一节不编号的“正文”中 / no headings: tables and pictures "
                                "are kept in one unnumbered section titled 正文")
        roots, lead = [Node("正文", "无", 1, content=lead, numbered=False)], []
    govinfo = govinfo_data(title, lead, roots, ctx)
    if govinfo is not None:  # that kind has no byline: its lines open the text, as before
        if frame.byline:
            govinfo["opening"] = frame.byline + govinfo.get("opening", [])
        return govinfo | _closing(frame, ctx, None)
    opening = byline_opening + _opening(lead, roots, ctx)
    if not opening and not roots and data.get("title"):  # a title and nothing else: the line is the text
        opening, data["title"] = [data["title"]], ""
    if not opening and not roots:  # no text at all: one empty section holds the place of the body
        ctx.note("sections[0]", "文档没有正文 / the document has no body text")
        roots = [Node("正文", "无", 1, numbered=False)]
    if opening:
        data["opening"] = opening
    data["sections"] = [section(node, f"sections[{n}]", ctx) for n, node in enumerate(roots)]  # none: body text only
    return data | _closing(frame, ctx, data.get("numbering", list(GBT_NUMBERING)))


def _closing(frame: Frame, ctx: Context, numbering: list[str] | None) -> dict[str, Any]:
    """The 落款 and the official parts of ``frame``: attachments with their content, their headings as sections
    numbered per the report's ``numbering`` (None: the attachments keep their headings as paragraphs)."""
    data: dict[str, Any] = {}
    if frame.signature:
        data["signature"] = frame.signature
    if frame.date:
        data["date"] = frame.date
    for n, attachment in enumerate(frame.official.get("attachments", [])):
        items, roles = attachment.pop("items", []), attachment.pop("roles", [])
        path = f"official.attachments[{n}]"
        lead, roots = build_tree(items, headings_of(items, roles)) if numbering is not None else (items, [])
        attachment.update(content(pieces(lead, path, ctx), path, ctx))
        if roots and numbering is not None:  # headings start again at level 1, numbered like the body's
            _settle(roots, [*numbering, *["无"] * (4 - len(numbering))], 0)
            attachment["sections"] = [section(node, f"{path}.sections[{k}]", ctx) for k, node in enumerate(roots)]
    official = {k: v for k, v in frame.official.items() if v}
    if official:
        data["official"] = official
    return data


def _cover_rows(item: Item) -> list[str]:
    """The rows of a cover's small table of fields (班级 | 2019级1班 | 学号 | …) as ``栏目：内容`` lines; none for
    any other item or table."""
    if not isinstance(item, Table) or not 1 <= len(item.rows) <= 12 or item.columns > 6:
        return []
    rows = [[c.text.strip() for c in row if c.text.strip()] for row in item.rows]
    cells = [c for row in rows for c in row]
    labels = {"".join(c.rstrip("：:").split()) for c in cells}
    if not cells or any(len(c) > 40 for c in cells) or not labels & FORM_FIELDS:
        return []
    out = []
    for row in rows:
        pairs = [f"{row[k].rstrip('：:')}：{row[k + 1]}" if k + 1 < len(row) else row[k] for k in range(0, len(row), 2)]
        if pairs:
            out.append("　".join(pairs))
    return out


def _line(item: Item) -> Line:
    """The recogniser's view of an item: a paragraph as it is, a table or picture as an object line."""
    return item if isinstance(item, Para) else Plain(place="object")


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
    while index < len(lead) and (isinstance(lead[index], Para) or _cover_rows(lead[index])):
        item = lead[index]
        if isinstance(item, Table):  # a cover's table of fields (班级、学号、姓名…) stays at the top, as lines
            out += _cover_rows(item)
            ctx.note("opening", "封面表格按“栏目：内容”逐行保留在开头 / the cover's table is kept at the top as "
                                "field lines")
        elif item.text.strip():
            out.append(item.text.strip())
            if any((r.bold or r.kai) and r.text.strip() for r in item.runs):
                ctx.note("opening", "开头段落的加粗/楷体没有保留 / bold or 楷体 in the opening is not kept")
        index += 1
    if index < len(lead):
        roots[0].content[:0] = lead[index:]
        ctx.note("sections[0]", "第一个标题前的表格、图片移到了第一节开头 / tables or pictures before the first "
                                "heading were moved to the start of the first section")
    return out
