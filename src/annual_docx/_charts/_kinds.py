"""One registry of chart kinds: for each value of a chart's ``chart:`` field (``line``, ``stacked_barh``, ``donut`` …),
its model name, picture drawer, native Word chart, importer mapping and docs entry, declared once in :data:`KINDS`.

Everything that tells chart kinds apart asks the entry instead of testing the name: the models (``SeriesChart.chart``,
``Breakdown.chart``) take their ``Literal`` from here; ``_content/_drawing.py`` calls ``draw`` for a picture and
``_native`` builds the native chart of kind ``native`` (a ``c:chartSpace`` kind ``_ooxml/chart.py`` writes); the
alt text names the kind by ``series_alt`` / ``category_alt`` and the importer reads those names, and a native
chart's kind (``_ooxml/chart_in.py``), back through :func:`from_alt_text` and :func:`from_native`.

``tests/test_chart_registry.py`` fails when a kind lacks one of these: a name in the ``Literal`` without an entry (or
the other way round), a drawer that does not import, a native kind the writer does not know, an alt-text name the
importer cannot read back, or a row in the chart kind table of ``docs/report-format.md``. Nothing here imports
matplotlib.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

SeriesKindName = Literal["line", "bar", "stacked_bar", "barh", "stacked_barh", "pie", "donut"]
"""The ``chart:`` values of a chart block (figures over labels), in the JSON Schema's order."""
CategoryKindName = Literal["donut", "pie", "bar", "barh"]
"""The ``chart:`` values of a breakdown (category counts) besides ``none``, in the JSON Schema's order."""

_CATEGORIES: Final = "annual_docx._charts.personnel:category_chart"


@dataclass(frozen=True)
class ChartKind:
    """Everything about one chart kind.

    ``draw`` is the picture drawer of figures over labels (``module:function``, called with ``options`` as keyword
    arguments), ``draw_categories`` the one of category counts (a breakdown's chart; called with ``kind=``); a kind
    with ``one_series`` (pie, donut) has only the latter, a chart block of it is drawn as category counts.
    ``native`` is the kind of the native Word chart (``_ooxml.chart.ChartKind``); ``imported_from`` the native kinds
    the importer reads as this one (``_ooxml.outline.Chart.kind``). ``series_alt`` names it in the alt text of a
    chart over labels, ``category_alt`` in the alt text of category counts. ``chinese`` and ``english`` are its docs
    entry (and the breakdown's field description).
    """

    name: str
    chinese: str
    english: str
    native: str
    imported_from: tuple[str, ...]
    draw: str | None = None
    series_alt: str | None = None
    draw_categories: str | None = None
    category_alt: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    lines: bool = False  # thin lines: their palette stops at a mid tone that still prints clearly
    one_series: bool = False  # pie and donut: one series with a value above zero, drawn as category counts
    hole: bool = False  # a ring with the total in its hole
    horizontal: bool = False  # bars lying sideways, first label on top
    stacked: bool = False  # several series stacked in one bar per label
    sideways: str | None = None  # the kind category bars become when their names are too long to stand side by side

    def drawer(self) -> Callable[..., Any]:
        """Return the picture drawer of figures over labels (imports the chart code on first use)."""
        return _function(self.draw, self.name)

    def category_drawer(self) -> Callable[..., Any]:
        """Return the picture drawer of category counts (imports the chart code on first use)."""
        return _function(self.draw_categories, self.name)


def _function(where: str | None, name: str) -> Callable[..., Any]:
    if where is None:
        raise ValueError(f"chart kind {name!r} has no such drawer")
    module, _, function = where.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found


_SERIES_BARS: Final = "annual_docx._charts.bar:series_bar_chart"
KINDS: Final[dict[str, ChartKind]] = {kind.name: kind for kind in (
    ChartKind("line", "折线图", "lines with markers and their values", "line", ("line", "area"),
              draw="annual_docx._charts.line:line_chart", series_alt="折线图", lines=True),
    ChartKind("bar", "柱状图", "upright bars, grouped side by side", "bar", ("bar",),
              draw=_SERIES_BARS, series_alt="分组柱状图", draw_categories=_CATEGORIES, category_alt="柱状图",
              sideways="barh"),
    ChartKind("stacked_bar", "堆积柱状图", "upright bars, stacked", "stacked_bar", ("stacked_bar",),
              draw=_SERIES_BARS, series_alt="堆积柱状图", options={"stacked": True}, stacked=True),
    ChartKind("barh", "条形图", "sideways bars, grouped", "barh", ("barh",),
              draw=_SERIES_BARS, series_alt="分组柱状图", draw_categories=_CATEGORIES, category_alt="条形图",
              options={"horizontal": True}, horizontal=True),
    ChartKind("stacked_barh", "堆积条形图", "sideways bars, stacked", "stacked_barh", ("stacked_barh",),
              draw=_SERIES_BARS, series_alt="堆积柱状图", options={"stacked": True, "horizontal": True},
              horizontal=True, stacked=True),
    ChartKind("pie", "饼图", "a pie of one series", "pie", ("pie",),
              draw_categories=_CATEGORIES, category_alt="饼图", one_series=True),
    ChartKind("donut", "环形图", "a ring with the total in its hole", "doughnut", ("doughnut",),
              draw_categories=_CATEGORIES, category_alt="环形图", one_series=True, hole=True),
)}


def kind(name: str) -> ChartKind:
    """Return the entry of chart kind ``name``; the models accept only registered names, so a miss is a bug."""
    return KINDS[name]


def category_kind(name: str) -> CategoryKindName:
    """Return ``name`` as a breakdown's chart kind (a kind with an alt-text name of category counts)."""
    for known in get_args(CategoryKindName):
        if known == name:
            found: CategoryKindName = known
            return found
    raise ValueError(f"chart kind {name!r} does not draw category counts")


def category_kinds() -> list[ChartKind]:
    """Return the kinds a breakdown may take, in the order of :data:`CategoryKindName`."""
    return [KINDS[name] for name in get_args(CategoryKindName)]


def breakdown_help() -> str:
    """Return the description of a breakdown's ``chart`` field, written from the registry."""
    kinds = category_kinds()
    chinese = "、".join(f"{k.name} {k.chinese}" for k in kinds)
    english = "; ".join(f"{k.name}: {k.english}" for k in kinds)
    return f"{chinese}、none 不画；默认 donut / {english}; none: no chart (donut by default)"


def from_alt_text(name: str, *, categories: bool) -> str | None:
    """Return the kind the alt-text name ``name`` stands for (``饼图`` → ``pie``; over labels ``分组柱状图`` →
    ``bar``, the first kind so named: the alt text does not tell the direction), or None."""
    for entry in KINDS.values():
        if (entry.category_alt if categories else entry.series_alt) == name:
            return entry.name
    return None


def alt_text_names(*, categories: bool) -> list[str]:
    """Return every alt-text name of charts of category counts (or of charts over labels), longest first."""
    names = {k.category_alt if categories else k.series_alt for k in KINDS.values()} - {None}
    return sorted((n for n in names if n is not None), key=lambda n: (-len(n), n))


def from_native(native: str) -> ChartKind | None:
    """Return the kind a native chart of kind ``native`` (``_ooxml.outline.Chart.kind``) is imported as, or None
    when no kind reads it (its data is kept as a table)."""
    return next((k for k in KINDS.values() if native in k.imported_from), None)
