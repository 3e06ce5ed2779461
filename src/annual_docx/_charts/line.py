"""Draw a trend over several years (外借册次 2016–2020): one line per series, told apart by shade, marker and dash."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from annual_docx._charts._chart_facts import describe_series, series_kind_name
from annual_docx._charts._fonts import chart_font
from annual_docx._charts._frame import (
    Series,
    TickLabels,
    add_axes,
    axes_size_pt,
    check_width,
    clean_series,
    format_label,
    framed_figure,
)
from annual_docx._charts._png import ChartImage, chart_image
from annual_docx._charts._theme import (
    DASHES,
    LABEL_PT,
    LINE,
    MARKERS,
    PT_TO_MM,
    SMALL_PT,
    chart_style,
    check_text,
    current_font,
    em_width,
    palette,
)

GRID: Final = "#d9d9d9"


def draw_line(ax: Axes, labels: Sequence[str], series: Series, *, unit: str = "") -> Axes:
    """Draw one line per series over ``labels`` with a value axis from zero; a single line gets its values written.

    Several series get a legend on top; lines differ in grey level, marker shape and dash, so print stays readable.
    """
    font = current_font()
    for i, label in enumerate(labels):
        check_text(label, font, f"labels[{i}]")
    for i, (name, _) in enumerate(series):
        check_text(name, font, f"series[{i}].name")
    check_text("单位：" + unit + "0123456789.", font, "unit")
    colours = palette(len(series), lines=True)
    xs = list(range(len(labels)))
    top = max(max(values) for _, values in series) or 1.0
    for k, (name, values) in enumerate(series):
        ax.plot(
            xs,
            values,
            color=colours[k],
            lw=1.6,
            linestyle=DASHES[k % len(DASHES)],
            marker=MARKERS[k % len(MARKERS)],
            markersize=5,
            markerfacecolor=colours[k] if k % 2 == 0 else "white",
            markeredgecolor=colours[k],
            label=name,
            clip_on=False,
        )
    ax.set_xticks(xs, list(labels))
    ax.set_xlim(-0.4, len(labels) - 0.6)
    ax.set_ylim(0, top * 1.2)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, min_n_ticks=3))
    ax.yaxis.set_major_formatter(TickLabels())
    ax.grid(axis="y", color=GRID, lw=0.5)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=3)
    ax.tick_params(axis="x", length=3, pad=3)
    if unit:
        ax.text(0.0, 1.02, f"单位：{unit}", transform=ax.transAxes, ha="left", va="bottom", fontsize=SMALL_PT)
    if len(series) == 1:
        slot_pt = axes_size_pt(ax)[0] / len(labels)
        texts = [format_label(v) for v in series[0][1]]
        if max(em_width(t) for t in texts) * SMALL_PT < slot_pt:
            values = series[0][1]
            for x, v, t in zip(xs, values, texts, strict=True):
                # Above the point, unless the point is a dip (the line arrives from above): then below it.
                near = [values[k] for k in (x - 1, x + 1) if 0 <= k < len(values)]
                below = bool(near) and v < min(near)
                ax.annotate(
                    t,
                    (x, v),
                    xytext=(0, -6 if below else 6),
                    textcoords="offset points",
                    ha="center",
                    va="top" if below else "bottom",
                    fontsize=SMALL_PT,
                )
    else:
        ax.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=len(series),
            handlelength=2.4,
            columnspacing=1.5,
            borderaxespad=0.3,
        )
    ax.spines["bottom"].set_color(LINE)
    return ax


def line_chart(
    title: str | None,
    labels: Sequence[str | int],
    series: Sequence[tuple[str, Sequence[int | float]]],
    *,
    unit: str = "",
    source: str | None = None,
    font: str | None = None,
    width_mm: float = 140,
    draw_title: bool = True,
    svg: bool = False,
) -> ChartImage:
    """Return a line chart of one or more series over the labels (usually years) as a 300 dpi PNG."""
    check_width(width_mm)
    names, data = clean_series(labels, series)
    family = font or chart_font()
    with chart_style(family, [title or "", source or "", unit, *names, *(name for name, _ in data)]):
        check_text(unit, family, "unit")
        fig, top, bottom = framed_figure(width_mm, width_mm * 0.45, title if draw_title else None, source, family)
        tick_mm = max(em_width(format_label(max(max(v) for _, v in data) * 1.2)) + 1, 3) * LABEL_PT * PT_TO_MM
        band = (2.4 if len(data) > 1 else 1.6) * LABEL_PT * PT_TO_MM  # legend row, or just the unit
        ax = add_axes(fig, tick_mm, 6.0, bottom + 8.0, top + band)
        draw_line(ax, names, data, unit=unit)
        return chart_image(fig, describe_series(title, names, data, unit, series_kind_name("line")), svg=svg)
