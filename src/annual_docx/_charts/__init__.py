"""Charts for the report: category counts as a donut or bars, and the organisation chart, as 300 dpi PNGs.

Each chart family has a drawing function that takes data and an ``Axes`` (``draw_pie``, ``draw_bar``, ``draw_org``)
and a function that returns a finished ``ChartImage`` (``category_chart``, ``org_chart``).
"""

from __future__ import annotations

from annual_docx._charts._png import ChartImage
from annual_docx._charts._theme import chart_style
from annual_docx._charts.org import OrgBox, OrgLayout, PlacedBox, draw_org, layout_org, org_chart
from annual_docx._charts.personnel import category_chart, draw_bar, draw_pie

__all__ = [
    "ChartImage",
    "OrgBox",
    "OrgLayout",
    "PlacedBox",
    "category_chart",
    "chart_style",
    "draw_bar",
    "draw_org",
    "draw_pie",
    "layout_org",
    "org_chart",
]
