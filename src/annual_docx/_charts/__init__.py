"""Charts for the report as 300 dpi PNGs (and SVG on request), drawn from data alone.

Each chart kind has a drawing function that takes an ``Axes`` and data, draws and returns the ``Axes`` (``draw_pie``,
``draw_bar``, ``draw_series_bar``, ``draw_line``, ``draw_org``, ``draw_party``), and a function that returns a
finished ``ChartImage`` with alt text (``category_chart``, ``series_bar_chart``, ``line_chart``, ``org_chart``,
``party_chart``). ``chart_style`` applies the one theme.

The names load on first use, so the pure parts (the org chart's layout, which native org charts use too) come
without matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "Branch": "_orgtypes",
    "ChartImage": "_png",
    "OrgBox": "_orgtypes",
    "OrgLayout": "_orgtypes",
    "OrgLink": "_orgtypes",
    "PlacedBox": "_orgtypes",
    "category_chart": "personnel",
    "chart_style": "_theme",
    "draw_bar": "bar",
    "draw_line": "line",
    "draw_org": "org",
    "draw_party": "party",
    "draw_pie": "pie",
    "draw_series_bar": "bar",
    "layout_org": "_orglayout",
    "line_chart": "line",
    "org_chart": "org",
    "party_chart": "party",
    "series_bar_chart": "bar",
}
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


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
