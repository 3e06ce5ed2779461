"""Draw category counts (职称结构, 学历结构 …) as a pie, a donut, vertical bars or horizontal bars."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from annual_docx._charts._chart_facts import describe_categories, needs_horizontal
from annual_docx._charts._fonts import chart_font
from annual_docx._charts._frame import (
    Categories,
    add_axes,
    check_width,
    clean_categories,
    framed_figure,
)
from annual_docx._charts._kinds import KINDS, CategoryKindName
from annual_docx._charts._png import ChartImage, chart_image
from annual_docx._charts._theme import LABEL_PT, PT_TO_MM, chart_style, check_text, em_width
from annual_docx._charts.bar import draw_bar
from annual_docx._charts.pie import draw_pie, pie_plan
from annual_docx.errors import ChartError

CategoryKind = CategoryKindName

_SLOT_MM: Final = 30.0  # widest room per bar


def category_chart(
    title: str,
    categories: Sequence[tuple[str, int | float]],
    *,
    unit: str = "人",
    kind: CategoryKind = "donut",
    font: str | None = None,
    width_mm: float = 140,
    draw_title: bool = True,
    source: str | None = None,
    svg: bool = False,
) -> ChartImage:
    """Return a pie, donut, bar (sideways if the names need it) or horizontal bar chart of category counts as a PNG.

    ``draw_title=False`` leaves the title out of the picture (the document's heading already says it) but keeps it
    in the alt text; ``source`` adds a note under the chart; ``svg`` adds an SVG copy.
    """
    entry = KINDS.get(kind)
    if entry is None or entry.category_alt is None:
        raise ChartError(f"未知的图表类型 {kind!r} / unknown chart kind {kind!r} (use 'pie', 'donut', 'bar' or 'barh')")
    check_width(width_mm)
    data = clean_categories(categories)
    if entry.one_series and not any(v for _, v in data):
        raise ChartError("饼图至少需要一个大于0的数值 / a pie chart needs at least one value above zero")
    family = font or chart_font()
    check_text(title, family, "title")
    check_text(unit, family, "unit")
    shown = title if draw_title else None
    if entry.sideways is not None and needs_horizontal(data, unit, width_mm):  # long names lie sideways
        entry = KINDS[entry.sideways]
    horizontal = entry.horizontal
    with chart_style(family, [title, unit, source or "", *(name for name, _ in data)]):
        if entry.one_series:
            legend, plot_h = pie_plan(data, unit, width_mm)
            fig, top, bottom = framed_figure(width_mm, plot_h, shown, source, family)
            draw_pie(add_axes(fig, 2.0, 2.0, 2.0 + bottom, 2.0 + top), data, unit=unit, legend=legend,
                     hole=entry.hole)
        elif horizontal:
            fig, top, bottom = framed_figure(width_mm, len(data) * 8.0 + 8, shown, source, family)
            ax = add_axes(fig, _name_column_mm(data), 4.0, 4.0 + bottom, 3.0 + top)
            draw_bar(ax, data, unit=unit, horizontal=True)
        else:
            side = max(4.0, (width_mm - len(data) * _SLOT_MM) / 2)  # at most _SLOT_MM per bar, centred
            fig, top, bottom = framed_figure(width_mm, max(width_mm * 0.4, 45.0), shown, source, family)
            draw_bar(add_axes(fig, side, side, 10.0 + bottom, 3.0 + top), data, unit=unit, horizontal=False)
        return chart_image(fig, describe_categories(title, data, unit, entry.name), svg=svg)


def _name_column_mm(data: Categories) -> float:
    return max(em_width(n) for n, _ in data) * LABEL_PT * PT_TO_MM + 4
