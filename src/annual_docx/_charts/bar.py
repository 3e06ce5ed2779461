"""Draw bars: one series of categories (vertical or horizontal), or several series grouped or stacked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.ticker import MaxNLocator

from annual_docx._charts._chart_facts import describe_series, series_kind_name
from annual_docx._charts._fonts import chart_font
from annual_docx._charts._frame import (
    Categories,
    Series,
    TickLabels,
    add_axes,
    axes_size_pt,
    check_width,
    clean_series,
    format_label,
    framed_figure,
)
from annual_docx._charts._png import MM_PER_INCH, ChartImage, chart_image
from annual_docx._charts._theme import (
    INK,
    LABEL_PT,
    NAVY,
    PT_TO_MM,
    SMALL_PT,
    chart_style,
    check_text,
    current_font,
    em_width,
    palette,
    text_on,
)

BAR_MM: Final = 12.0  # widest bar
_GROUP: Final = 0.72  # share of a group's slot its bars take


def draw_bar(ax: Axes, categories: Categories, *, unit: str = "人", horizontal: bool | None = None) -> Axes:
    """Draw one bar per category with its value at the bar's end; ``horizontal=None`` turns bars sideways if needed."""
    font = current_font()
    names = [check_text(name, font, f"categories[{i}]") for i, (name, _) in enumerate(categories)]
    values = [v for _, v in categories]
    texts = [check_text(f"{format_label(v)}{unit}", font, f"categories[{i}]") for i, v in enumerate(values)]
    if horizontal is None:
        slot_pt = max(em_width(t) for t in names + texts) * LABEL_PT + LABEL_PT
        horizontal = slot_pt * len(names) > axes_size_pt(ax)[0]
    positions = list(range(len(names)))
    length_pt = axes_size_pt(ax)[1 if horizontal else 0]
    thickness = min(0.55, BAR_MM / (length_pt / len(names) * PT_TO_MM))
    if horizontal:
        bars = ax.barh(positions, values, height=thickness, color=NAVY)
    else:
        bars = ax.bar(positions, values, width=thickness, color=NAVY)
    _value_axis(ax, names, max(values) or 1.0, horizontal)
    ax.bar_label(bars, labels=texts, padding=3, color=INK, fontsize=LABEL_PT)
    return ax


def draw_series_bar(
    ax: Axes,
    labels: Sequence[str],
    series: Series,
    *,
    unit: str = "",
    stacked: bool = False,
    horizontal: bool = False,
) -> Axes:
    """Draw several series over the same labels as grouped (side by side) or stacked bars, with a legend on top.

    Values are written on grouped bars, inside stacked segments and above each stack where they fit at >= 9 pt.
    """
    font = current_font()
    for i, label in enumerate(labels):
        check_text(label, font, f"labels[{i}]")
    for i, (name, _) in enumerate(series):
        check_text(name, font, f"series[{i}].name")
    check_text("单位：" + unit + "0123456789.", font, "unit")
    colours = palette(len(series))
    positions = list(range(len(labels)))
    along_pt = axes_size_pt(ax)[1 if horizontal else 0]
    slot_pt = along_pt / len(labels)
    width = min(_GROUP, BAR_MM / PT_TO_MM / slot_pt * (len(series) if not stacked else 1))
    each = width if stacked else width / len(series)
    base = [0.0] * len(labels)
    containers: list[BarContainer] = []
    for k, (name, values) in enumerate(series):
        shift = 0.0 if stacked else (k - (len(series) - 1) / 2) * each
        where = [p + shift for p in positions]
        start = list(base) if stacked else [0.0] * len(labels)
        if horizontal:
            bars = ax.barh(where, values, height=each, left=start, color=colours[k], label=name, edgecolor="white")
        else:
            bars = ax.bar(where, values, width=each, bottom=start, color=colours[k], label=name, edgecolor="white")
        bars.set_label(name)
        containers.append(bars)
        if stacked:
            base = [b + v for b, v in zip(base, values, strict=True)]
    top = max(base) if stacked else max(max(v) for _, v in series)
    _value_axis(ax, list(labels), top or 1.0, horizontal)
    bar_pt = each * slot_pt
    value_pt = axes_size_pt(ax)[0 if horizontal else 1] / (1.25 if horizontal else 1.18) / (top or 1.0)
    labelled = True
    for bars, colour, (_, values) in zip(containers, colours, series, strict=True):
        texts = [format_label(v) if v or not stacked else "" for v in values]  # 0 on a zero bar, not in a zero segment
        if bar_pt < (SMALL_PT * 1.2 if horizontal else max(em_width(t) for t in texts) * SMALL_PT + 2):
            labelled = False  # too thin for a number: the value axis and the alt text carry the values
            continue
        if stacked:  # a number inside each segment long enough to hold it
            room = [
                v * value_pt - (em_width(t) * SMALL_PT if horizontal else SMALL_PT * 1.3)
                for v, t in zip(values, texts, strict=True)
            ]
            shown = [t if r > 0 else "" for t, r in zip(texts, room, strict=True)]
            labelled = labelled and all(shown[i] or not values[i] for i in range(len(values)))
            ax.bar_label(bars, labels=shown, label_type="center", color=text_on(colour), fontsize=SMALL_PT)
        else:
            ax.bar_label(bars, labels=texts, padding=2, color=INK, fontsize=SMALL_PT)
    if stacked and bar_pt >= (
        SMALL_PT * 1.2 if horizontal else max(em_width(format_label(t)) for t in base) * SMALL_PT
    ):
        totals = [format_label(t) for t in base]
        ax.bar_label(containers[-1], labels=totals, padding=2, color=INK, fontsize=SMALL_PT, fontweight="bold")
    if not labelled:
        _show_value_axis(ax, horizontal)
    if unit:
        ax.text(0.0, 1.02, f"单位：{unit}", transform=ax.transAxes, ha="left", va="bottom", fontsize=SMALL_PT)
    ax.legend(
        loc="lower right" if unit else "lower center",
        bbox_to_anchor=(1.0 if unit else 0.5, 1.0),
        ncol=len(series),
        handlelength=1.0,
        handleheight=1.0,
        columnspacing=1.5,
        borderaxespad=0.3,
    )
    return ax


def series_bar_chart(
    title: str | None,
    labels: Sequence[str | int],
    series: Sequence[tuple[str, Sequence[int | float]]],
    *,
    unit: str = "",
    stacked: bool = False,
    horizontal: bool = False,
    source: str | None = None,
    font: str | None = None,
    width_mm: float = 140,
    draw_title: bool = True,
    svg: bool = False,
) -> ChartImage:
    """Return grouped or stacked bars of several series (e.g. 外借册次 by year and reader group) as a 300 dpi PNG."""
    check_width(width_mm)
    names, data = clean_series(labels, series)
    family = font or chart_font()
    name_mm = max(em_width(n) for n in names) * LABEL_PT * PT_TO_MM + 4 if horizontal else 4.0
    plot_mm = max(45.0, len(names) * (6.0 if stacked else 4.0 * len(data)) + 16) if horizontal else width_mm * 0.45
    with chart_style(family, [title or "", source or "", unit, *names, *(name for name, _ in data)]):
        check_text(unit, family, "unit")
        fig, top, bottom = framed_figure(width_mm, plot_mm, title if draw_title else None, source, family)
        legend_mm = LABEL_PT * PT_TO_MM * 2.2
        ax = add_axes(fig, name_mm, 4.0, bottom + (4.0 if horizontal else 9.0), top + legend_mm)
        draw_series_bar(ax, names, data, unit=unit, stacked=stacked, horizontal=horizontal)
        kind = series_kind_name("stacked_bar" if stacked else "bar")
        return chart_image(fig, describe_series(title, names, data, unit, kind), svg=svg)


def _value_axis(ax: Axes, names: list[str], top: float, horizontal: bool) -> None:
    """Put the names on the category axis and hide the value axis (the bars carry their numbers)."""
    positions = list(range(len(names)))
    if horizontal:
        ax.set_yticks(positions, names)
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.25)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
        ax.tick_params(axis="y", length=0, pad=4)
    else:
        ax.set_xticks(positions, names)
        ax.set_ylim(0, top * 1.18)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.tick_params(axis="x", length=0, pad=4)


def _show_value_axis(ax: Axes, horizontal: bool) -> None:
    """Bring back a light value axis with ticks, for bars too thin to carry their numbers: round ticks labelled by
    the one formatter (in 万 or 亿 for large counts, as reports write them; never a scientific offset such as
    ``1e6``), the axes moved in so that no label is cut off at the figure's edge or runs into the source note."""
    low, high = ax.get_xlim() if horizontal else ax.get_ylim()
    ticks = [float(t) for t in MaxNLocator(nbins=5, min_n_ticks=3).tick_values(low, high) if low <= t <= high]
    if horizontal:
        ax.set_xticks(ticks)
        ax.xaxis.set_major_formatter(TickLabels())
        ax.spines["bottom"].set_visible(True)
        ax.tick_params(axis="x", bottom=True, labelbottom=True, length=3, labelsize=SMALL_PT)
    else:
        ax.set_yticks(ticks)
        ax.yaxis.set_major_formatter(TickLabels())
        ax.spines["left"].set_visible(True)
        ax.tick_params(axis="y", left=True, labelleft=True, length=3, labelsize=SMALL_PT)
    _keep_labels_inside(ax, horizontal)


def _keep_labels_inside(ax: Axes, horizontal: bool) -> None:
    """Move the axes' edges in until the value axis's labels lie 1 mm inside the figure and above any note under
    the plot (the source); measured on the laid-out labels, so a label's real width counts, not an estimate."""
    fig = ax.get_figure()
    assert fig is not None
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    margin = fig.dpi / MM_PER_INCH  # 1 mm in pixels
    width, height = fig.bbox.width, fig.bbox.height
    plot_bottom = ax.get_position().y0 * height
    below = [t.get_window_extent(renderer).y1 for t in fig.texts if t.get_window_extent(renderer).y1 <= plot_bottom]
    floor = max(below, default=0.0) + margin
    for _ in range(4):  # moving an edge moves the ticks a little: measure again until all fit
        box = (ax.xaxis if horizontal else ax.yaxis).get_tightbbox(renderer)
        if box is None:
            return
        left = max(0.0, margin - box.x0) / width
        right = max(0.0, box.x1 - (width - margin)) / width
        up = max(0.0, floor - box.y0) / height if horizontal else 0.0
        if left <= 0 and right <= 0 and up <= 0:
            return
        pos = ax.get_position()
        ax.set_position((pos.x0 + left, pos.y0 + up, pos.width - left - right, pos.height - up))
