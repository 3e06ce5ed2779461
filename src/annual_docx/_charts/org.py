"""Draw an organisation chart: boxes sized to their Chinese text, orthogonal connectors, dotted 指导 links.

``layout_org`` (in ``_orglayout``) is pure geometry in millimetres, so the layout is testable on its own; ``draw_org``
draws a layout on an Axes; ``org_chart`` does both and returns the PNG.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from annual_docx._charts._fonts import chart_font
from annual_docx._charts._frame import SOURCE_MM, TITLE_MM, check_width, framed_figure
from annual_docx._charts._orglayout import (
    CHAR_PITCH,
    COLUMN_GAP,
    LINE_PITCH,
    LINK_LABEL,
    DoesNotFit,
    does_not_fit,
    layout_org,
    walk,
)
from annual_docx._charts._orgtext import describe
from annual_docx._charts._orgtypes import OrgBox, OrgLayout, PlacedBox
from annual_docx._charts._png import ChartImage, chart_image
from annual_docx._charts._theme import (
    INK,
    LINE,
    NAVY,
    PALE,
    PT_TO_MM,
    SMALL_PT,
    TITLE_PT,
    chart_style,
    check_text,
    current_font,
    em_width,
)
from annual_docx.errors import ChartError
from annual_docx.gbt9704 import TYPE_WIDTH_MM

_MARGIN_MM: Final = 2.0
MAX_HEIGHT_MM: Final = 225.0  # the height of the GB/T 9704 type area: a chart must fit on one page
_BASELINE: Final = 0.37  # the baseline lies this far below the visual centre of CJK text


def draw_org(ax: Axes, layout: OrgLayout) -> Axes:
    """Draw the layout's boxes, texts, connectors and 指导 links on ``ax`` at 1 data unit = 1 mm; return ``ax``."""
    fig = ax.figure
    width_mm = ax.bbox.width / fig.dpi * 25.4
    height_mm = ax.bbox.height / fig.dpi * 25.4
    font = current_font()
    em = layout.font_pt * PT_TO_MM
    for (x1, y1), (x2, y2) in layout.segments:
        ax.plot([x1, x2], [y1, y2], color=LINE, lw=0.8, solid_capstyle="projecting")
    for link in layout.links:
        xs, ys = zip(*link.points, strict=True)
        ax.plot(xs, ys, color=LINE, lw=0.9, linestyle=(0, (1.5, 1.5)), dash_capstyle="round")
        straight = len(link.points) == 2
        ax.text(
            *link.label_at,
            check_text(LINK_LABEL, font, "guides"),
            ha="center",
            va="center",
            fontsize=SMALL_PT,
            color=INK,
            bbox=None if straight else {"facecolor": "white", "edgecolor": "none", "pad": 0.5},
        )
    for i, box in enumerate(layout.boxes):
        if box.hidden:
            continue
        root = box.depth == 0
        ax.add_patch(
            Rectangle(
                (box.x, box.y), box.width, box.height, facecolor=PALE if root else "white", edgecolor=NAVY, lw=0.9
            )
        )
        for text, x, y, is_name in _placements(box, em):
            weight = "bold" if root and is_name else "normal"
            ax.text(
                x,
                y + _BASELINE * em,
                check_text(text, font, f"units[{i}]"),
                ha="center",
                va="baseline",
                fontsize=layout.font_pt,
                fontweight=weight,
                color=INK,
            )
    # Limits last (plotting autoscales): 1 data unit = 1 mm, the layout centred, y growing downwards.
    left = (layout.width - width_mm) / 2
    top = (layout.height - height_mm) / 2
    ax.set_xlim(left, left + width_mm)
    ax.set_ylim(top + height_mm, top)
    ax.set_axis_off()
    return ax


def org_chart(
    roots: Sequence[OrgBox],
    *,
    title: str | None = None,
    font: str | None = None,
    width_mm: float = round(TYPE_WIDTH_MM),  # 156: an int, as the documented signature shows
    source: str | None = None,
    svg: bool = False,
) -> ChartImage:
    """Return the organisation chart as a 300 dpi PNG no wider than ``width_mm``, with a full Chinese description."""
    return tree_image(roots, describe(roots, title), title=title, font=font, width_mm=width_mm, source=source, svg=svg)


def tree_image(
    roots: Sequence[OrgBox],
    alt_text: str,
    *,
    title: str | None,
    font: str | None,
    width_mm: float,
    source: str | None,
    svg: bool,
    prefix: str = "units",
) -> ChartImage:
    """Return a tree of boxes (org or party chart) laid out to fit ``width_mm``, with the given alt text."""
    check_width(width_mm, 40)
    if not roots:
        raise ChartError("组织结构图没有单位 / the organisation chart has no units")
    family = font or chart_font()
    for box, field in _fields(roots, prefix):
        check_text(box.name, family, f"{field}.name")
        check_text(box.head or "", family, f"{field}.head")
    bands = (TITLE_MM if (title or "").strip() else 0.0) + (SOURCE_MM if (source or "").strip() else 0.0)
    try:
        layout = layout_org(
            roots, max_width_mm=width_mm - 2 * _MARGIN_MM, max_height_mm=MAX_HEIGHT_MM - 2 * _MARGIN_MM - bands
        )
    except DoesNotFit as exc:  # name the size the caller asked for, not the size inside the margins
        raise ChartError(does_not_fit(width_mm, MAX_HEIGHT_MM, exc.split_link)) from exc
    title_w = em_width(title or "") * TITLE_PT * PT_TO_MM + 4
    source_w = em_width(source or "") * SMALL_PT * PT_TO_MM + 4
    fig_w = min(width_mm, max(layout.width + 2 * _MARGIN_MM, title_w, source_w))
    with chart_style(family, [title or "", source or "", *(f"{b.name}{b.head or ''}" for b, _, _ in walk(roots))]):
        fig, top, bottom = framed_figure(fig_w, layout.height + 2 * _MARGIN_MM, title, source, family)
        fig_h = layout.height + 2 * _MARGIN_MM + top + bottom
        draw_org(fig.add_axes((0, bottom / fig_h, 1, 1 - (top + bottom) / fig_h)), layout)
        return chart_image(fig, alt_text, svg=svg)


def _fields(roots: Sequence[OrgBox], prefix: str) -> Iterator[tuple[OrgBox, str]]:
    """Yield every box with its path in the report: ``units[0].children[2]``."""
    for i, root in enumerate(roots):
        yield root, f"{prefix}[{i}]"
        yield from _fields(root.children, f"{prefix}[{i}].children")


def _placements(box: PlacedBox, em: float) -> Iterator[tuple[str, float, float, bool]]:
    """Yield (text, x, y, is_name) of every text piece of a box: whole lines, or single characters in vertical text."""
    lines = [box.name] + ([box.head] if box.head else [])
    if not box.vertical:
        top = box.y + (box.height - len(lines) * LINE_PITCH * em) / 2
        for k, line in enumerate(lines):
            yield line, box.center_x, top + (k + 0.5) * LINE_PITCH * em, k == 0
        return
    cols = len(lines)
    block = (cols + (cols - 1) * COLUMN_GAP) * em
    for k, line in enumerate(lines):  # the first line (the name) is the rightmost column
        x = box.center_x + block / 2 - (k * (1 + COLUMN_GAP) + 0.5) * em
        pitch = [0.5 if ch.isspace() else 1.0 for ch in line]
        y = box.y + (box.height - sum(pitch) * CHAR_PITCH * em) / 2
        for ch, p in zip(line, pitch, strict=True):
            if not ch.isspace():
                yield ch, x, y + 0.5 * CHAR_PITCH * em, k == 0
            y += p * CHAR_PITCH * em
