"""Charts for the report as 300 dpi PNGs (and SVG on request), drawn from data alone.

Each chart kind has a drawing function that takes an ``Axes`` and data, draws and returns the ``Axes`` (``draw_pie``,
``draw_bar``, ``draw_series_bar``, ``draw_line``, ``draw_org``, ``draw_party``), and a function that returns a
finished ``ChartImage`` with alt text (``category_chart``, ``series_bar_chart``, ``line_chart``, ``org_chart``,
``party_chart``). ``chart_style`` applies the one theme.
"""

from __future__ import annotations

from annual_docx._charts._orglayout import layout_org
from annual_docx._charts._orgtypes import OrgBox, OrgLayout, OrgLink, PlacedBox
from annual_docx._charts._png import ChartImage
from annual_docx._charts._theme import chart_style
from annual_docx._charts.bar import draw_bar, draw_series_bar, series_bar_chart
from annual_docx._charts.line import draw_line, line_chart
from annual_docx._charts.org import draw_org, org_chart
from annual_docx._charts.party import Branch, draw_party, party_chart
from annual_docx._charts.personnel import category_chart
from annual_docx._charts.pie import draw_pie

__all__ = [
    "Branch",
    "ChartImage",
    "OrgBox",
    "OrgLayout",
    "OrgLink",
    "PlacedBox",
    "category_chart",
    "chart_style",
    "draw_bar",
    "draw_line",
    "draw_org",
    "draw_party",
    "draw_pie",
    "draw_series_bar",
    "layout_org",
    "line_chart",
    "org_chart",
    "party_chart",
    "series_bar_chart",
]
