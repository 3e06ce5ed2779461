"""Native (editable) Word charts from report data: the :class:`ChartSpec` of a breakdown or a series chart.

The specs carry what the matplotlib pictures show — the one-hue palette, value and percentage labels, the legend,
the unit, the alt text — sized for the 156 mm type area; ``_ooxml.chart`` writes them as chart parts. Nothing here
imports matplotlib: a report whose charts are all native never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from annual_docx._charts._chart_facts import (
    describe_categories,
    describe_series,
    needs_horizontal,
    palette,
    series_kind_name,
)
from annual_docx._charts._fonts import FANGSONG, HEITI, LATIN
from annual_docx._charts._kinds import KINDS, CategoryKindName, SeriesKindName
from annual_docx._ooxml.chart import CHART_KINDS, ChartFonts, ChartKind, ChartSpec
from annual_docx.errors import ChartError

WIDTH_MM: Final = 140.0  # as wide as the image charts; the type area is 156 mm
FONTS: Final = ChartFonts(east_asian=FANGSONG, latin=LATIN, title_east_asian=HEITI)
_ROW_MM: Final = 9.0  # room per bar of a horizontal bar chart


def unit_format(unit: str) -> str:
    """Return the Excel number format that writes a value followed by ``unit``: ``General"人"``."""
    return f'General"{unit}"' if unit and '"' not in unit else "General"


def native_kind(name: str) -> ChartKind:
    """Return ``name`` as a kind the native chart writer draws; a registry entry naming another is a bug."""
    for known in CHART_KINDS:
        if known == name:
            return known
    raise ValueError(f"the native chart writer draws no {name!r} chart")


def category_spec(
    title: str, categories: Sequence[tuple[str, float]], *, kind: CategoryKindName = "donut",
    unit: str = "人",
) -> ChartSpec:
    """Return the native chart of category counts (职称结构 …): a pie or a donut with counts and shares and the legend
    at its right, or bars with their counts (``barh``, or ``bar`` whose names are too long to stand side by side:
    sideways, first category on top)."""
    names = tuple(name for name, _ in categories)
    values = tuple(float(v) for _, v in categories)
    entry = KINDS[kind]
    if entry.one_series and not any(values):
        raise ChartError("饼图至少需要一个大于0的数值 / a pie chart needs at least one value above zero")
    data = list(zip(names, values, strict=True))
    if entry.sideways is not None and needs_horizontal(data, unit, WIDTH_MM):  # as the picture: long names lie sideways
        entry = KINDS[entry.sideways]
    alt = describe_categories(title, data, unit, entry.name)
    native = native_kind(entry.native)
    if entry.one_series:
        return ChartSpec(native, names, ((title, values),), tuple(palette(len(names))),
                         FONTS, WIDTH_MM, max(60.0, len(names) * 8.0 + 16), alt, unit_format(unit), legend="right")
    height = len(names) * _ROW_MM + 14 if entry.horizontal else WIDTH_MM * 0.45
    return ChartSpec(native, names, ((title, values),), tuple(palette(1)), FONTS, WIDTH_MM, height, alt,
                     unit_format(unit), legend="none")


def series_spec(
    title: str, chart: SeriesKindName, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
    *, unit: str = "", source: str | None = None,
) -> ChartSpec:
    """Return the native chart of figures over labels (usually years): lines with markers and their values, or
    grouped or stacked bars either way; the unit written top left, the legend above when there are several series,
    the ``source`` note under the chart."""
    data = tuple((name, tuple(float(v) for v in values)) for name, values in series)
    entry = KINDS[chart]
    alt = describe_series(title, labels, data, unit, series_kind_name(chart))
    if entry.horizontal:
        per_label = 6.0 if entry.stacked else 4.0 * len(data)
        height = max(45.0, len(labels) * per_label + 16)
    else:
        height = WIDTH_MM * 0.45
    legend: Literal["top", "none"] = "top" if len(data) > 1 else "none"
    colours = palette(len(data), lines=entry.lines)
    return ChartSpec(native_kind(entry.native), tuple(labels), data, tuple(colours), FONTS, WIDTH_MM,
                     height + (8 if legend != "none" else 0), alt, legend=legend, note=f"单位：{unit}" if unit else "",
                     source=source or "")
