"""Shared pieces of every data chart: checked data (numbers that remember how they were written kept so), axes placed
in mm, title and source note; numbers as text come from the one formatter (``annual_docx._numbers.format_label``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from annual_docx._charts._chart_facts import Categories as Categories  # shared with native charts
from annual_docx._charts._chart_facts import Series as Series
from annual_docx._charts._chart_facts import shares as shares
from annual_docx._charts._png import new_figure
from annual_docx._charts._theme import INK, SMALL_PT, TITLE_PT, check_text
from annual_docx._numbers import format_label as format_label
from annual_docx._numbers import format_ticks, source_of
from annual_docx.errors import ChartError
from annual_docx.gbt9704 import TYPE_WIDTH_MM

MAX_WIDTH_MM: Final = TYPE_WIDTH_MM
TITLE_MM: Final = 9.0  # band above the plot holding the title
SOURCE_MM: Final = 6.5  # band below the plot holding the source note


class TickLabels(Formatter):
    """A value axis's labels, written by the one formatter with every tick in view (``format_ticks``: 万/亿 for
    large counts, as reports write them; never matplotlib's scientific offset such as ``1e6``)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_ticks([x])[0]

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        return format_ticks([float(v) for v in values])


def check_width(width_mm: float, smallest: float = 60) -> None:
    """Raise ChartError unless the chart width lies between ``smallest`` and the 公文 type area's width
    (``gbt9704.TYPE_WIDTH_MM``)."""
    if not smallest <= width_mm <= MAX_WIDTH_MM:
        raise ChartError(
            f"图表宽度须在{smallest:g}至{MAX_WIDTH_MM:g}毫米之间 / "
            f"the chart width must be {smallest:g}–{MAX_WIDTH_MM:g} mm, not {width_mm}"
        )


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ChartError(f"“{what}”的数值须为非负数 / the value of {what!r} must be a number >= 0, not {value!r}")
    return value if source_of(value) is not None else float(value)  # keeps 156.40 written


def clean_categories(categories: Sequence[tuple[str, int | float]]) -> list[tuple[str, float]]:
    """Return the categories as (name, float) pairs, or raise ChartError on empty, negative or non-finite data."""
    if not categories:
        raise ChartError("图表没有数据 / the chart has no categories")
    data = []
    for i, (name, value) in enumerate(categories):
        if not isinstance(name, str) or not name.strip():
            raise ChartError(f"第{i + 1}个类别没有名称 / category {i} has no name")
        data.append((name.strip(), _number(value, name)))
    return data


def clean_series(
    labels: Sequence[str | int], series: Sequence[tuple[str, Sequence[int | float]]]
) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """Return the x labels as text and each series as (name, values), one value per label; ChartError otherwise."""
    names = [str(label).strip() for label in labels]
    if not names or not all(names):
        raise ChartError("图表的横轴标签不能为空 / the chart needs non-empty labels (e.g. years)")
    if not series:
        raise ChartError("图表没有数据系列 / the chart has no series")
    out = []
    for i, (name, values) in enumerate(series):
        if not isinstance(name, str) or not name.strip():
            raise ChartError(f"第{i + 1}个数据系列没有名称 / series {i} has no name")
        if len(values) != len(names):
            raise ChartError(
                f"数据系列“{name}”有{len(values)}个数值，应为{len(names)}个 / series {name!r} has {len(values)} "
                f"values for {len(names)} labels"
            )
        out.append((name.strip(), [_number(v, f"{name}（{label}）") for v, label in zip(values, names, strict=True)]))
    return names, out


def add_axes(fig: Figure, left: float, right: float, bottom: float, top: float) -> Axes:
    """Return new axes inset by the given margins (mm) from the figure's edges."""
    width_in, height_in = fig.get_size_inches()
    w, h = width_in * 25.4, height_in * 25.4
    return fig.add_axes((left / w, bottom / h, 1 - (left + right) / w, 1 - (bottom + top) / h))


def axes_size_pt(ax: Axes) -> tuple[float, float]:
    """Return the printed width and height of ``ax`` in points."""
    scale = 72 / ax.figure.dpi
    return ax.bbox.width * scale, ax.bbox.height * scale


def framed_figure(
    width_mm: float, plot_mm: float, title: str | None, source: str | None, font: str
) -> tuple[Figure, float, float]:
    """Return a figure with room for the title above and the source note below a plot ``plot_mm`` tall.

    Also returns the heights (mm) of the top and bottom bands, to add to the plot's own margins.
    """
    title = (title or "").strip()
    source = (source or "").strip()
    top = TITLE_MM if title else 0.0
    bottom = SOURCE_MM if source else 0.0
    fig = new_figure(width_mm, plot_mm + top + bottom)
    height = plot_mm + top + bottom
    if title:
        check_text(title, font, "title")
        fig.text(0.5, 1 - top / 2 / height, title, ha="center", va="center", fontsize=TITLE_PT, fontweight="bold")
    if source:
        check_text(source, font, "source")
        fig.text(2 / width_mm, 2 / height, source, ha="left", va="bottom", fontsize=SMALL_PT, color=INK)
    return fig, top, bottom
