"""Draw category counts as a pie or a donut (a ring): count and share beside each wedge, a donut's total in its hole,
a full legend."""

from __future__ import annotations

import math
from typing import Final, Literal

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle, Wedge

from annual_docx._charts._frame import Categories, axes_size_pt, format_label, shares
from annual_docx._charts._theme import (
    INK,
    LABEL_PT,
    LINE,
    PT_TO_MM,
    SMALL_PT,
    TITLE_PT,
    Fonts,
    check_text,
    current_font,
    em_width,
    palette,
)
from annual_docx.errors import ChartError

_HOLE: Final = 0.58  # inner radius of the donut, as a share of the outer radius
_ELBOW: Final = 1.08  # leader lines bend at this radius …
_LABEL_X: Final = 1.2  # … and end at this |x|, where the label starts
_MIN_RADIUS_PT: Final = 3 * LABEL_PT
_KEY_PITCH: Final = 1.7  # line pitch of the key, in ems


def draw_pie(
    ax: Axes, categories: Categories, *, unit: str = "人", legend: Literal["right", "below"] = "right",
    hole: bool = True,
) -> Axes:
    """Draw a donut of ``categories`` (``hole=False``: a pie, no hole and no total in it): count and share beside each
    wedge, every category (zeros too) in the key."""
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
    w_pt, h_pt = axes_size_pt(ax)
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
            Wedge((0, 0), 1.0, angle - sweep, angle, width=1 - _HOLE if hole else None, facecolor=colours[i],
                  edgecolor="white", lw=1.2)
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

    if hole:
        _draw_total(ax, f"共{format_label(total)}{unit}", 2 * _HOLE * r * 0.85, font)

    fills = [(colours[i], colours[i]) if i in colours else ("white", LINE) for i in range(len(categories))]
    half_w, half_h = w_pt / 2 / r, (h_pt - band) / 2 / r
    if legend == "right":
        legend_x = _LABEL_X + (label_pt + 1.5 * LABEL_PT) / r
        _draw_key(
            ax,
            legend_texts,
            fills,
            left=legend_x,
            top=len(categories) * _KEY_PITCH * LABEL_PT / 2 / r,
            ncol=1,
            column=0.0,
            r=r,
        )
        mid = (legend_x + legend_pt / r - _LABEL_X - label_pt / r) / 2  # centre ring, labels and legend together
        ax.set_xlim(mid - half_w, mid + half_w)
        ax.set_ylim(-half_h, half_h)
    else:
        column = legend_pt + 1.5 * LABEL_PT
        left = -(ncol * column - 1.5 * LABEL_PT) / 2 / r
        _draw_key(ax, legend_texts, fills, left=left, top=-half_h - 0.5 * LABEL_PT / r, ncol=ncol, column=column, r=r)
        ax.set_xlim(-half_w, half_w)
        ax.set_ylim(-half_h - band / r, half_h)
    ax.set_axis_off()
    return ax


def _draw_key(
    ax: Axes,
    texts: list[str],
    fills: list[tuple[str, str]],
    *,
    left: float,
    top: float,
    ncol: int,
    column: float,
    r: float,
) -> None:
    """Draw the key: per category a 1-em square (fill, edge) and its text, row by row in ``ncol`` columns.

    ``left`` and ``top`` are in data units (1 = ``r`` points), ``column`` is the column pitch in points. Drawn as
    plain squares and texts rather than a matplotlib Legend, which costs about a quarter of a donut's drawing time.
    """
    em = LABEL_PT / r
    for k, (text, (face, edge)) in enumerate(zip(texts, fills, strict=True)):
        row, col = divmod(k, ncol)
        x = left + col * column / r
        y = top - (row + 0.5) * _KEY_PITCH * em
        ax.add_patch(Rectangle((x, y - em / 2), em, em, facecolor=face, edgecolor=edge, lw=0.8))
        ax.text(x + 1.6 * em, y, text, ha="left", va="center", color=INK, gid="key")


def pie_plan(data: Categories, unit: str, width_mm: float) -> tuple[Literal["right", "below"], float]:
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


def _pie_texts(categories: Categories, unit: str, *, align: bool) -> tuple[dict[int, str], list[str]]:
    """Return the wedge labels ("2人（14.3%）") by category index, and the legend entries ("高级职称　2人").

    ``align`` pads the names with ideographic spaces so the counts of a one-column legend line up.
    """
    pct = shares(categories)
    labels = {i: f"{format_label(v)}{unit}（{pct[i]}）" for i, (_, v) in enumerate(categories) if v > 0}
    widest = max(em_width(name) for name, _ in categories)
    pads = [1 + round(widest - em_width(name)) if align else 1 for name, _ in categories]
    legend = [f"{name}{'　' * pad}{format_label(v)}{unit}" for (name, v), pad in zip(categories, pads, strict=True)]
    return labels, legend


def _draw_total(ax: Axes, text: str, room_pt: float, font: Fonts) -> None:
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
    return (math.ceil(n / ncol) * _KEY_PITCH + 1.0) * LABEL_PT


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
