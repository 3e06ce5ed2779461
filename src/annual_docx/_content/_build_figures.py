"""Builders of the blocks drawn or placed as figures: charts, org charts, party branches, breakdowns, photos and
honours (a breakdown's lint rule, its categories adding up to the total it names, is its model's
``lint_problems``)."""

from __future__ import annotations

from collections.abc import Iterator

from annual_docx._content._drawing import chart_error_at
from annual_docx._content._piece import Block
from annual_docx._content._registry import Scope, block_type
from annual_docx._model import schema_blocks as sb
from annual_docx._model import schema_figures as sf
from annual_docx._model import schema_parts as sp
from annual_docx.gbt9704 import FULL_SPACE


@block_type(sb.ChartBlock, "图表（折线图、柱状图、堆叠图、条形图、饼图）")
def chart(block: sb.ChartBlock, scope: Scope) -> Iterator[Block]:
    """The chart as a figure; its caption is numbered 图N."""
    with chart_error_at(scope.path):
        yield scope.drawer.series_chart(block, block.title)


@block_type(sf.OrgChartBlock, "组织结构图")
def org_chart(block: sf.OrgChartBlock, scope: Scope) -> Iterator[Block]:
    """The org chart drawn from the tree of units."""
    with chart_error_at(scope.path):
        yield scope.drawer.org_chart(block.units, block.caption, block.engine)


@block_type(sf.PartyBlock, "党组织（支部名单及架构图）")
def party(block: sf.PartyBlock, scope: Scope) -> Iterator[Block]:
    """Each branch's name and its role lines lined up, then the branch chart."""
    for branch in block.branches:
        yield Block("group", branch.name)
        yield from (Block("role", line) for line in role_lines(branch.roles))
    if block.chart:
        with chart_error_at(scope.path):
            yield scope.drawer.party_chart(block)


@block_type(sf.BreakdownBlock, "分类统计（标题、文字、图表及合计核对）")
def breakdown(block: sf.BreakdownBlock, scope: Scope) -> Iterator[Block]:
    """A heading one level down (with 共N人), the text, and a pie, donut or bar chart, kept on one page when they
    fit."""
    total = f"（共{block.total}{block.unit}）" if block.show_total else ""
    yield scope.heading(block.title + total)
    yield from (Block("paragraph", p, keep=block.chart != "none") for p in block.paragraphs)
    if block.chart != "none":
        with chart_error_at(scope.path):
            yield scope.drawer.category_chart(block.title, list(block.categories.items()), block.chart, block.unit,
                                              engine=block.engine)


@block_type(sf.PhotosBlock, "照片（每行一至三张）")
def photos(block: sf.PhotosBlock, scope: Scope) -> Iterator[Block]:
    """One figure per photo, or a gallery of 2–3 a row; alt text falls back to the section's title."""
    if block.per_row > 1:
        yield scope.drawer.gallery(block.photos, block.per_row, scope.section_title)
    else:
        yield from (scope.drawer.photo(p, scope.section_title) for p in block.photos)


@block_type(sf.AwardsBlock, "荣誉（编号列表，可附证书照片）")
def awards(block: sf.AwardsBlock, scope: Scope) -> Iterator[Block]:
    """A numbered line per honour in quotation marks, each followed by its picture; then the photos."""
    for n, award in enumerate(block.awards, start=1):
        yield Block("paragraph", f"{scope.item_number(n)}{quoted(award.name)}")
        if award.picture:
            yield scope.drawer.photo(award.picture, award.name)
    yield from (scope.drawer.photo(p, scope.section_title) for p in block.photos)


def quoted(name: str) -> str:
    """Return an honour's name in Chinese quotation marks, unless it starts with them; quotation marks inside
    become single ones (‘’), as quotes within quotes are written (GB/T 15834)."""
    if name.startswith(("“", "《", "\"")):
        return name
    return "“" + name.replace("“", "‘").replace("”", "’") + "”"


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


def role_lines(roles: list[sp.Role]) -> list[str]:
    """Return ``职务：姓名`` lines with posts and names padded so the columns line up."""
    post_width = max(len(r.title) for r in roles)
    name_width = max(len(r.name) for r in roles)
    return [f"{spread(r.title, post_width)}：{spread(r.name, name_width)}" for r in roles]
