"""Read a native chart back from its chart part (``c:chartSpace``): kind, title, and the cached categories and
values (``c:cat`` / ``c:val`` caches) that Word, WPS and LibreOffice write beside the embedded workbook."""

from __future__ import annotations

import math

from annual_docx._ooxml.chart import PLOTS, Plot
from annual_docx._ooxml.ns import A_NS, C_NS
from annual_docx._ooxml.outline import Chart, Series
from annual_docx._ooxml.props import Element

C = f"{{{C_NS}}}"
A = f"{{{A_NS}}}"
_SAME_AS = {"pie3DChart": "pieChart", "ofPieChart": "pieChart", "bar3DChart": "barChart", "line3DChart": "lineChart",
            "area3DChart": "areaChart"}
"""Plot elements read as another: 3-D and pie-of-pie charts as the flat ones."""
_READ_ONLY = {"areaChart": "area"}
"""Native kinds read but never written (``PLOTS`` holds those the writer draws)."""


def _points(ref: Element | None) -> list[tuple[int, str]]:
    """Return ``(idx, text)`` of every cached point under ``ref`` (the first level of a multi-level cache)."""
    if ref is None:
        return []
    level = ref.find(f".//{C}lvl")
    scope = level if level is not None else ref
    out = []
    for pt in scope.iter(C + "pt"):
        value = pt.find(C + "v")
        try:
            idx = int(pt.get("idx") or 0)
        except ValueError:
            continue
        if 0 <= idx < 10_000:
            out.append((idx, value.text or "" if value is not None else ""))
    return out


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _kind(plot: Element) -> tuple[str, Element | None]:
    for element in plot:
        name = element.tag.removeprefix(C)
        name = _SAME_AS.get(name, name)
        if name in _READ_ONLY:
            return _READ_ONLY[name], element
        shape = Plot(name)
        if name == "barChart":
            direction = element.find(C + "barDir")
            grouping = element.find(C + "grouping")
            horizontal = direction is not None and direction.get("val") == "bar"
            stacked = grouping is not None and (grouping.get("val") or "").endswith("tacked")
            shape = Plot(name, "bar" if horizontal else "col", stacked)
        kind = next((k for k, p in PLOTS.items() if p == shape), None)
        if kind is not None:
            return kind, element
    first = next((e for e in plot if e.tag.endswith("Chart")), None)
    return "other", first


def read_chart(space: Element, alt: str = "") -> Chart:
    """Return the chart ``space`` (a ``c:chartSpace`` root) holds, from its caches; empty when it has none."""
    chart = space.find(C + "chart")
    title = ""
    if chart is not None and chart.find(C + "title") is not None:
        title = "".join(t.text or "" for t in chart.find(C + "title").iter(A + "t")).strip()  # type: ignore[union-attr]
    plot = chart.find(C + "plotArea") if chart is not None else None
    kind, group = _kind(plot) if plot is not None else ("other", None)
    categories: list[str] = []
    series: list[Series] = []
    for ser in group.iter(C + "ser") if group is not None else ():
        name_el = ser.find(C + "tx")
        name = "".join(v.text or "" for v in name_el.iter(C + "v")) if name_el is not None else ""
        values = _points(ser.find(C + "val") if ser.find(C + "val") is not None else ser.find(C + "yVal"))
        cats = _points(ser.find(C + "cat") if ser.find(C + "cat") is not None else ser.find(C + "xVal"))
        count = max([i + 1 for i, _ in values] + [i + 1 for i, _ in cats] + [0])
        if cats and not categories:
            by_idx = dict(cats)
            categories = [by_idx.get(i, "") for i in range(count)]
        by_idx = dict(values)
        series.append(Series(name.strip() or f"系列{len(series) + 1}",
                             [_number(by_idx[i]) if i in by_idx else None for i in range(count)]))
    width = max((len(s.values) for s in series), default=0)
    if len(categories) < width:
        categories += [str(i + 1) for i in range(len(categories), width)]
    if not title and len(series) == 1:
        title = series[0].name
    return Chart(kind, title, categories, series, alt)
