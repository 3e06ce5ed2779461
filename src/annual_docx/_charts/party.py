"""Draw the party branch chart (党组织架构图): each branch a box, its committee roles as boxes below it.

It speaks the org chart's visual language (same boxes, connectors and layout): the branch is a root box, each role a
box with the post on the first line and the person's name on the second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes

from annual_docx._charts._orglayout import layout_org
from annual_docx._charts._orgtypes import OrgBox
from annual_docx._charts._png import ChartImage
from annual_docx._charts._theme import check_text
from annual_docx._charts.org import draw_org, tree_image
from annual_docx._fonts import chart_font


@dataclass(frozen=True)
class Branch:
    """A party branch (支部) and its committee roles as (post, name) pairs: ``("书记", "孔德安")``."""

    name: str
    roles: tuple[tuple[str, str], ...]


def party_boxes(branches: Sequence[Branch]) -> list[OrgBox]:
    """Return the branches as org-chart trees: the branch over one box per role (post, then name)."""
    return [OrgBox(b.name, None, tuple(OrgBox(post, person) for post, person in b.roles)) for b in branches]


def draw_party(ax: Axes, branches: Sequence[Branch], *, max_width_mm: float | None = None) -> Axes:
    """Lay out and draw the branches and their roles on ``ax`` (1 data unit = 1 mm); return ``ax``."""
    return draw_org(ax, layout_org(party_boxes(branches), max_width_mm=max_width_mm))


def party_chart(
    branches: Sequence[Branch],
    *,
    title: str | None = None,
    font: str | None = None,
    width_mm: float = 156,
    source: str | None = None,
    svg: bool = False,
) -> ChartImage:
    """Return the party branch chart as a 300 dpi PNG no wider than ``width_mm``, with a full Chinese description."""
    family = font or chart_font()
    for i, branch in enumerate(branches):
        check_text(branch.name, family, f"branches[{i}].name")
        for j, (post, person) in enumerate(branch.roles):
            check_text(post, family, f"branches[{i}].roles[{j}].title")
            check_text(person, family, f"branches[{i}].roles[{j}].name")
    return tree_image(
        party_boxes(branches),
        describe_party(branches, title),
        title=title,
        font=family,
        width_mm=width_mm,
        source=source,
        svg=svg,
    )


def describe_party(branches: Sequence[Branch], title: str | None = None) -> str:
    """Return e.g. "党组织架构图：图书馆支部，书记孔德安，组织委员王建伟。"."""
    parts = [
        f"{b.name}，" + "，".join(f"{post}{person}" for post, person in b.roles) if b.roles else b.name
        for b in branches
    ]
    head = f"党组织架构图（{title}）" if title else "党组织架构图"
    return f"{head}：{'；'.join(parts)}。"
