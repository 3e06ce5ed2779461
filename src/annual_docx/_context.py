"""Turn a :class:`Report` into what the template needs: a flat list of blocks with literal numbers and pictures.

The template walks ``blocks`` once; each block has a ``kind`` (``heading1``–``heading4``, ``paragraph``, ``figure``,
``group``, ``role``) that picks its Word style, a ``text`` and, for figures, an ``image``. Pictures are made by a
factory the caller passes in, so this module stays free of docxtpl.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from . import schema as s
from ._blocks import content_blocks
from ._chart_cache import ChartLike, cached_chart
from ._numbering import HEADING_LEVEL, heading_text, number
from ._official import official_context
from ._title import title_lines

PictureFactory = Callable[[bytes | Path, float, str], Any]
"""``(PNG bytes or image path, width in mm, alt text) -> object`` placed in the document by ``{{ b.image }}``."""

FULL_SPACE = "\u3000"
BODY_CHARS = 28  # characters in a full line of 三号 body text (GB/T 9704 5.2.3)


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of the document body."""

    kind: str
    text: str = ""
    image: Any = None
    xml: Any = None  # tables and page breaks: WordprocessingML spliced in by ``{{p b.xml }}``


@dataclass(frozen=True)
class Signature:
    """落款: the signing organisation and the date, with right indents (in characters) per GB/T 9704 7.3.5.2."""

    name: str
    date: str
    name_right: float
    date_right: float


def build_context(report: s.Report, picture: PictureFactory) -> dict[str, Any]:
    """Return the template context for ``report``: title, opening paragraphs, blocks and the signature."""
    builder = _Builder(report.numbering, picture)
    blocks: list[Block] = []
    for index, section in enumerate(report.sections, start=1):
        blocks.append(builder.heading(0, index, section.title))
        blocks += [Block("paragraph", p) for p in section.paragraphs]
        blocks += builder.section_body(section)
        blocks += content_blocks(section.blocks, f"sections[{index - 1}].blocks")
    return {
        "title": report.full_title,
        "title_text": "\n".join(title_lines(report.full_title)),  # a line break between lines (7.3.1 trapezoid)
        "organisation": report.organisation,
        "year": report.year,
        "opening": list(report.opening),
        "blocks": number_figures(blocks),
        "signature": signature(report.signature, report.date),
        "official": official_context(report.official),
    }


class _Builder:
    def __init__(self, numbering: Sequence[str], picture: PictureFactory) -> None:
        self.numbering = numbering
        self.picture = picture

    def heading(self, level: int, n: int, title: str) -> Block:
        """Return a heading at nesting ``level`` (0 = section) numbered ``n`` in that level's style."""
        style = self.numbering[level] if level < len(self.numbering) else "无"
        return Block(f"heading{HEADING_LEVEL[style] or min(level + 1, 4)}", heading_text(style, n, title))

    def item_number(self, n: int) -> str:
        style = self.numbering[1] if len(self.numbering) > 1 else "无"
        return "" if style in ("【】", "无") else number(style, n)

    def section_body(self, section: s.Section) -> Iterator[Block]:
        if isinstance(section, s.WorkItemsSection):
            for n, item in enumerate(section.items, start=1):
                yield self.heading(1, n, item.title)
                yield from (Block("paragraph", p) for p in item.paragraphs)
        elif isinstance(section, s.OrgChartSection):
            yield self.org_chart(section)
        elif isinstance(section, s.PartySection):
            for branch in section.branches:
                yield Block("group", branch.name)
                yield from (Block("role", line) for line in role_lines(branch.roles))
        elif isinstance(section, s.PersonnelSection):
            for n, breakdown in enumerate(section.breakdowns, start=1):
                total = f"（共{breakdown.total}人）" if breakdown.show_total else ""
                yield self.heading(1, n, breakdown.title + total)
                yield from (Block("paragraph", p) for p in breakdown.paragraphs)
                if breakdown.chart != "none":
                    yield self.category_chart(breakdown)
        elif isinstance(section, s.PhotoSection):
            yield from (self.photo(p, section.title) for p in section.photos)
        elif isinstance(section, s.AwardsSection):
            for n, award in enumerate(section.awards, start=1):
                yield Block("paragraph", f"{self.item_number(n)}{quoted(award.name)}")
                if award.picture:
                    yield self.photo(award.picture, award.name)
            yield from (self.photo(p, section.title) for p in section.photos)

    def photo(self, pic: s.Picture, fallback: str) -> Block:
        alt = pic.alt or pic.caption or fallback
        return Block("figure", pic.caption or "", self.picture(pic.path, pic.width_mm, alt))

    def category_chart(self, breakdown: s.Breakdown) -> Block:
        kind: Literal["pie", "bar"] = "bar" if breakdown.chart == "bar" else "pie"
        data = list(breakdown.categories.items())

        def draw() -> ChartLike:
            from ._charts import category_chart

            return category_chart(breakdown.title, data, kind=kind, draw_title=False)

        chart = cached_chart(["category", breakdown.title, data, kind], draw)
        return Block("figure", "", self.picture(chart.png, chart.width_mm, chart.alt_text))

    def org_chart(self, section: s.OrgChartSection) -> Block:
        def draw() -> ChartLike:
            from ._charts import org_chart

            return org_chart([org_box(u) for u in section.units], title=None)

        spec = ["org", [u.model_dump(mode="json") for u in section.units]]
        chart = cached_chart(spec, draw)
        return Block("figure", section.caption or "", self.picture(chart.png, chart.width_mm, chart.alt_text))


def number_figures(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with each captioned figure's caption numbered in order: ``图1 曲阜市图书馆组织结构图``."""
    numbered, n = [], 0
    for block in blocks:
        if block.kind == "figure" and block.text:
            n += 1
            block = replace(block, text=f"图{n} {block.text}")
        numbered.append(block)
    return numbered


def org_box(unit: s.OrgUnit) -> Any:
    """Return the chart's ``OrgBox`` tree for ``unit``."""
    from ._charts import OrgBox

    return OrgBox(unit.name, unit.head, tuple(org_box(c) for c in unit.children))


def quoted(name: str) -> str:
    """Return an honour's name in Chinese quotation marks, unless it already has them."""
    return name if name.startswith(("“", "《", "\"")) else f"“{name}”"


def spread(text: str, width: int) -> str:
    """Return ``text`` padded with ideographic spaces to ``width`` characters, spaces spread between characters
    (``spread("书记", 4) == "书\u3000\u3000记"``)."""
    missing = width - len(text)
    if missing <= 0:
        return text
    if len(text) <= 1:
        return text + FULL_SPACE * missing
    gaps = len(text) - 1
    out = text[0]
    for i, ch in enumerate(text[1:]):
        out += FULL_SPACE * (missing // gaps + (1 if i < missing % gaps else 0)) + ch
    return out


def role_lines(roles: list[s.Role]) -> list[str]:
    """Return ``职务：姓名`` lines with posts and names padded so the columns line up."""
    post_width = max(len(r.title) for r in roles)
    name_width = max(len(r.name) for r in roles)
    return [f"{spread(r.title, post_width)}：{spread(r.name, name_width)}" for r in roles]


def chinese_date(date: dt.date) -> str:
    """Return ``date`` as GB/T 9704 writes it: ``2021年1月5日`` (no zero padding)."""
    return f"{date.year}年{date.month}月{date.day}日"


def text_width(text: str) -> float:
    """Return the width of ``text`` in full-width characters (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def signature(name: str | None, date: dt.date | None) -> Signature | None:
    """Return the 落款 layout: name 2 characters from the right, the date starting 2 characters right of the name;
    a date longer than that sits 2 characters from the right and pushes the name left (GB/T 9704 7.3.5.2)."""
    if not name and not date:
        return None
    name = name or ""
    date_text = chinese_date(date) if date else ""
    name_w, date_w = text_width(name), text_width(date_text)
    name_right = 2.0
    date_right = name_right + name_w - 2 - date_w
    if date_text and date_right < 2:
        date_right = 2.0
        name_right = date_right + date_w + 2 - name_w
    return Signature(name, date_text, name_right, max(date_right, 0.0))
