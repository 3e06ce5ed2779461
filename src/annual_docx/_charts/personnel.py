"""Draw category counts (职称结构, 学历结构 …) as a donut or a bar chart."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final, Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Wedge

from annual_docx._charts._png import ChartImage, chart_image, new_figure
from annual_docx._charts._theme import (
    INK,
    LABEL_PT,
    LINE,
    NAVY,
    PT_TO_MM,
    SMALL_PT,
    TITLE_PT,
    chart_style,
    check_text,
    current_font,
    em_width,
    palette,
)
from annual_docx._fonts import chart_font
from annual_docx.errors import ChartError

Categories = Sequence[tuple[str, float]]

MAX_WIDTH_MM: Final = 156.0
_HOLE: Final = 0.58  # inner radius of the donut, as a share of the outer radius
_ELBOW: Final = 1.08  # leader lines bend at this radius …
_LABEL_X: Final = 1.2  # … and end at this |x|, where the label starts
_BAR_MM: Final = 12.0  # widest bar
_SLOT_MM: Final = 30.0  # widest room per bar
_MIN_RADIUS_PT: Final = 3 * LABEL_PT


def format_value(value: float) -> str:
    """Return ``value`` without a trailing ``.0`` and with at most two decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def shares(categories: Categories) -> list[str]:
    """Return each category's share of the total as ``"14.3%"`` (``"0.0%"`` when the total is zero)."""
    total = sum(v for _, v in categories)
    return [f"{(v / total * 100 if total else 0.0):.1f}%" for _, v in categories]


def draw_pie(
    ax: Axes, categories: Categories, *, unit: str = "人", legend: Literal["right", "below"] = "right"
) -> Axes:
    """Draw a donut of ``categories``: count and share beside each wedge, every category (zeros too) in the legend."""
    font = current_font()
    total = sum(v for _, v in categories)
    if total <= 0:
        raise ChartError("饼图至少需要一个大于0的数值 / a pie chart needs at least one value above zero")
    labels, legend_texts = _pie_texts(categories, unit, align=legend == "right")
    for i, text in [*labels.items(), *enumerate(legend_texts)]:
        check_text(text, font, _field(i))
    drawn = list(labels)
    colours = dict(zip(drawn, palette(len(drawn)), strict=True))

    # Work in points with the outer radius r as the data unit, so the limits (and the labels) follow the axes' shape.
    w_pt, h_pt = _axes_size_pt(ax)
    label_pt = max(em_width(t) for t in labels.values()) * LABEL_PT
    legend_pt = (max(em_width(t) for t in legend_texts) + 2.2) * LABEL_PT
    ncol = _legend_columns(len(categories), legend_pt, w_pt) if legend == "below" else 1
    band = _legend_band_pt(len(categories), ncol) if legend == "below" else 0.0
    r = _ring_radius(w_pt, h_pt - band, label_pt, legend_pt if legend == "right" else 0.0)
    if r < _MIN_RADIUS_PT:
        raise ChartError("图表太小，放不下饼图的标注 / the chart is too small for the pie's labels")

    angle = 90.0
    mids: dict[int, float] = {}
    for i in drawn:
        sweep = categories[i][1] / total * 360
        ax.add_patch(
            Wedge((0, 0), 1.0, angle - sweep, angle, width=1 - _HOLE, facecolor=colours[i], edgecolor="white", lw=1.2)
        )
        mids[i] = math.radians(angle - sweep / 2)
        angle -= sweep

    y_max = ((h_pt - band) / 2 - 0.7 * LABEL_PT) / r
    for side in (1, -1):
        wanted = sorted((math.sin(mids[i]) * 1.1, i) for i in drawn if (math.cos(mids[i]) >= 0) == (side == 1))
        wanted.reverse()
        ys = _spread([y for y, _ in wanted], 1.3 * LABEL_PT / r, y_max)
        for y, (_, i) in zip(ys, wanted, strict=True):
            cx, cy = math.cos(mids[i]), math.sin(mids[i])
            ax.plot([cx, cx * _ELBOW, side * (_LABEL_X - 0.03)], [cy, cy * _ELBOW, y], color=LINE, lw=0.6)
            ax.text(side * _LABEL_X, y, labels[i], ha="left" if side == 1 else "right", va="center", color=INK)

    _draw_total(ax, f"共{format_value(total)}{unit}", 2 * _HOLE * r * 0.85, font)

    handles = [
        Patch(facecolor=colours[i], edgecolor=colours[i]) if i in colours else Patch(facecolor="white", edgecolor=LINE)
        for i in range(len(categories))
    ]
    style = {"handlelength": 1.0, "handleheight": 1.0, "handletextpad": 0.6, "labelspacing": 0.7, "borderpad": 0.0}
    anchor = ax.transData
    half_w, half_h = w_pt / 2 / r, (h_pt - band) / 2 / r
    if legend == "right":
        legend_x = _LABEL_X + (label_pt + 1.5 * LABEL_PT) / r
        ax.legend(
            handles, legend_texts, loc="center left", bbox_to_anchor=(legend_x, 0), bbox_transform=anchor, **style
        )
        mid = (legend_x + legend_pt / r - _LABEL_X - label_pt / r) / 2  # centre ring, labels and legend together
        ax.set_xlim(mid - half_w, mid + half_w)
        ax.set_ylim(-half_h, half_h)
    else:
        ax.legend(
            handles,
            legend_texts,
            loc="upper center",
            bbox_to_anchor=(0, -half_h),
            bbox_transform=anchor,
            ncol=ncol,
            **style,
        )
        ax.set_xlim(-half_w, half_w)
        ax.set_ylim(-half_h - band / r, half_h)
    ax.set_axis_off()
    return ax


def draw_bar(ax: Axes, categories: Categories, *, unit: str = "人", horizontal: bool | None = None) -> Axes:
    """Draw one bar per category with its value at the bar's end; ``horizontal=None`` turns bars sideways if needed."""
    font = current_font()
    names = [check_text(name, font, _field(i)) for i, (name, _) in enumerate(categories)]
    values = [v for _, v in categories]
    texts = [check_text(f"{format_value(v)}{unit}", font, _field(i)) for i, v in enumerate(values)]
    top = max(values) or 1.0
    if horizontal is None:
        width_pt = _axes_size_pt(ax)[0]
        slot_pt = max(em_width(t) for t in names + texts) * LABEL_PT + LABEL_PT
        horizontal = slot_pt * len(names) > width_pt
    positions = list(range(len(names)))
    if horizontal:
        bars = ax.barh(
            positions, values, height=min(0.55, _BAR_MM / (_axes_size_pt(ax)[1] / len(names) / 72 * 25.4)), color=NAVY
        )
        ax.set_yticks(positions, names)
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.25)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
        ax.tick_params(axis="y", length=0, pad=4)
    else:
        bars = ax.bar(
            positions, values, width=min(0.55, _BAR_MM / (_axes_size_pt(ax)[0] / len(names) / 72 * 25.4)), color=NAVY
        )
        ax.set_xticks(positions, names)
        ax.set_ylim(0, top * 1.18)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.tick_params(axis="x", length=0, pad=4)
    ax.bar_label(bars, labels=texts, padding=3, color=INK, fontsize=LABEL_PT)
    return ax


def category_chart(
    title: str,
    categories: Sequence[tuple[str, int | float]],
    *,
    unit: str = "人",
    kind: Literal["pie", "bar"] = "pie",
    font: str | None = None,
    width_mm: float = 140,
    draw_title: bool = True,
) -> ChartImage:
    """Return a titled donut or bar chart of category counts as a 300 dpi PNG with a full Chinese description.

    ``draw_title=False`` leaves the title out of the picture (the document's heading already says it) but keeps it
    in the alt text.
    """
    if kind not in ("pie", "bar"):
        raise ChartError(f"未知的图表类型 {kind!r} / unknown chart kind {kind!r} (use 'pie' or 'bar')")
    if not 60 <= width_mm <= MAX_WIDTH_MM:
        raise ChartError(f"图表宽度须在60至156毫米之间 / the chart width must be 60–156 mm, not {width_mm}")
    data = _clean(categories)
    if kind == "pie" and not any(v for _, v in data):
        raise ChartError("饼图至少需要一个大于0的数值 / a pie chart needs at least one value above zero")
    family = font or chart_font()
    check_text(title, family, "title")
    check_text(unit, family, "unit")
    title_mm = 9.0 if title.strip() and draw_title else 0.0
    with chart_style(family):
        if kind == "pie":
            legend, plot_h = _pie_plan(data, unit, width_mm)
            fig = new_figure(width_mm, plot_h + title_mm)
            draw_pie(_add_axes(fig, 2.0, 2.0, 2.0, 2.0 + title_mm), data, unit=unit, legend=legend)
        elif _needs_horizontal(data, unit, width_mm):
            fig = new_figure(width_mm, len(data) * 8.0 + 8 + title_mm)
            draw_bar(_add_axes(fig, _name_column_mm(data), 4.0, 4.0, 3.0 + title_mm), data, unit=unit, horizontal=True)
        else:
            side = max(4.0, (width_mm - len(data) * _SLOT_MM) / 2)  # at most _SLOT_MM per bar, centred
            fig = new_figure(width_mm, max(width_mm * 0.4, 45.0) + title_mm)
            draw_bar(_add_axes(fig, side, side, 10.0, 3.0 + title_mm), data, unit=unit, horizontal=False)
        if title_mm:
            y = 1 - title_mm / 2 / (fig.get_size_inches()[1] * 25.4)
            fig.text(0.5, y, title, ha="center", va="center", fontsize=TITLE_PT, fontweight="bold")
        return chart_image(fig, _alt_text(title, data, unit, kind))


def _pie_plan(data: Categories, unit: str, width_mm: float) -> tuple[Literal["right", "below"], float]:
    """Return where the donut's legend goes and the height (mm) the donut, labels and legend need."""
    labels, legend_texts = _pie_texts(data, unit, align=True)
    label_pt = max(em_width(t) for t in labels.values()) * LABEL_PT
    legend_pt = (max(em_width(t) for t in legend_texts) + 2.2) * LABEL_PT
    height_mm = width_mm * 0.42
    w_pt, h_pt = (width_mm - 4) / PT_TO_MM, (height_mm - 4) / PT_TO_MM
    r = _ring_radius(w_pt, h_pt, label_pt, legend_pt)
    if r < _MIN_RADIUS_PT * 1.2:  # too cramped beside the ring: legend below it
        return "below", height_mm + _legend_band_pt(len(data), _legend_columns(len(data), legend_pt, w_pt)) * PT_TO_MM
    # A ring narrowed by its labels needs less height: trim the blank bands above and below it.
    needed_pt = max(2 * (1.12 * r + LABEL_PT), _legend_band_pt(len(data), 1))
    return "right", round(min(height_mm, needed_pt * PT_TO_MM + 4), 1)


def _add_axes(fig: Figure, left: float, right: float, bottom: float, top: float) -> Axes:
    """Return new axes inset by the given margins (mm) from the figure's edges."""
    width_in, height_in = fig.get_size_inches()
    w, h = width_in * 25.4, height_in * 25.4
    return fig.add_axes((left / w, bottom / h, 1 - (left + right) / w, 1 - (bottom + top) / h))


def _alt_text(title: str, data: Categories, unit: str, kind: str) -> str:
    """Return e.g. "职称结构饼图：高级职称2人（14.3%），…，共14人。"."""
    parts = [f"{name}{format_value(v)}{unit}（{p}）" for (name, v), p in zip(data, shares(data), strict=True)]
    total = format_value(sum(v for _, v in data))
    return f"{title.strip()}{'饼图' if kind == 'pie' else '柱状图'}：{'，'.join(parts)}，共{total}{unit}。"


def _clean(categories: Sequence[tuple[str, int | float]]) -> list[tuple[str, float]]:
    """Return the categories as (name, float) pairs, or raise ChartError on empty, negative or non-finite data."""
    if not categories:
        raise ChartError("图表没有数据 / the chart has no categories")
    data = []
    for i, item in enumerate(categories):
        name, value = item
        if not isinstance(name, str) or not name.strip():
            raise ChartError(f"第{i + 1}个类别没有名称 / category {i} has no name")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise ChartError(f"“{name}”的数值须为非负数 / the value of {name!r} must be a number >= 0, not {value!r}")
        data.append((name.strip(), float(value)))
    return data


def _needs_horizontal(data: Categories, unit: str, width_mm: float) -> bool:
    slot_em = max(em_width(t) for t in [n for n, _ in data] + [format_value(v) + unit for _, v in data]) + 1
    return slot_em * LABEL_PT * PT_TO_MM * len(data) > width_mm - 10


def _name_column_mm(data: Categories) -> float:
    return max(em_width(n) for n, _ in data) * LABEL_PT * PT_TO_MM + 4


def _pie_texts(categories: Categories, unit: str, *, align: bool) -> tuple[dict[int, str], list[str]]:
    """Return the wedge labels ("2人（14.3%）") by category index, and the legend entries ("高级职称　2人").

    ``align`` pads the names with ideographic spaces so the counts of a one-column legend line up.
    """
    pct = shares(categories)
    labels = {i: f"{format_value(v)}{unit}（{pct[i]}）" for i, (_, v) in enumerate(categories) if v > 0}
    widest = max(em_width(name) for name, _ in categories)
    pads = [1 + round(widest - em_width(name)) if align else 1 for name, _ in categories]
    legend = [f"{name}{'　' * pad}{format_value(v)}{unit}" for (name, v), pad in zip(categories, pads, strict=True)]
    return labels, legend


def _draw_total(ax: Axes, text: str, room_pt: float, font: str) -> None:
    """Write the total in the donut's hole, on two lines or not at all if one line at >= 9 pt does not fit."""
    check_text(text, font, "total")
    size = min(TITLE_PT, room_pt / em_width(text))
    if size < SMALL_PT:
        text = f"{text[0]}\n{text[1:]}"
        size = min(TITLE_PT, room_pt * 0.9 / em_width(text[2:]))
    if size >= SMALL_PT:
        ax.text(0, 0, text, ha="center", va="center", fontsize=size, fontweight="bold", color=INK, linespacing=1.2)


def _ring_radius(w_pt: float, h_pt: float, label_pt: float, legend_pt: float) -> float:
    """Return the largest outer radius (pt) leaving room for the labels beside the ring and a legend at its right."""
    room = legend_pt + 1.5 * LABEL_PT if legend_pt else 0.0
    return min((w_pt - 2 * label_pt - room - 1.5 * LABEL_PT) / (2 * _LABEL_X), (h_pt / 2 - LABEL_PT) / 1.12)


def _legend_columns(n: int, legend_pt: float, w_pt: float) -> int:
    return max(1, min(n, int((w_pt + 1.5 * LABEL_PT) // (legend_pt + 1.5 * LABEL_PT))))


def _legend_band_pt(n: int, ncol: int) -> float:
    return (math.ceil(n / ncol) * 1.7 + 1.0) * LABEL_PT


def _axes_size_pt(ax: Axes) -> tuple[float, float]:
    """Return the printed width and height of ``ax`` in points."""
    scale = 72 / ax.figure.dpi
    return ax.bbox.width * scale, ax.bbox.height * scale


def _spread(ys: list[float], gap: float, limit: float) -> list[float]:
    """Return ``ys`` (sorted high to low) moved apart by at least ``gap`` and kept within ``±limit``."""
    out: list[float] = []
    for y in ys:
        out.append(min(y, limit, out[-1] - gap) if out else min(y, limit))
    for k in range(len(out) - 1, -1, -1):
        out[k] = max(out[k], -limit if k == len(out) - 1 else out[k + 1] + gap)
    return out


def _field(index: int) -> str:
    return f"categories[{index}]"
