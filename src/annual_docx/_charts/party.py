"""Draw the party branch chart (党组织架构图): each branch a box, its committee roles as boxes below it.

It speaks the org chart's visual language (same boxes, connectors and layout): the branch is a root box, each role a
box with the post on the first line and the person's name on the second.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from annual_docx._charts._fonts import chart_font
from annual_docx._charts._orglayout import layout_org
from annual_docx._charts._orgtext import describe_party
from annual_docx._charts._orgtypes import Branch as Branch  # the party chart's data lives with the org chart's
from annual_docx._charts._orgtypes import party_boxes
from annual_docx._charts._png import ChartImage
from annual_docx._charts._theme import check_text
from annual_docx._charts.org import draw_org, tree_image
from annual_docx.gbt9704 import TYPE_WIDTH_MM


def draw_party(ax: Axes, branches: Sequence[Branch], *, max_width_mm: float | None = None) -> Axes:
    """Lay out and draw the branches and their roles on ``ax`` (1 data unit = 1 mm); return ``ax``."""
    return draw_org(ax, layout_org(party_boxes(branches), max_width_mm=max_width_mm))


def party_chart(
    branches: Sequence[Branch],
    *,
    title: str | None = None,
    font: str | None = None,
    width_mm: float = round(TYPE_WIDTH_MM),  # 156: an int, as the documented signature shows
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
