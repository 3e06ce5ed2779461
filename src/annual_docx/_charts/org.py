"""Draw an organisation chart: a tidy layered tree of boxes joined by orthogonal connectors.

``layout_org`` is pure geometry in millimetres (no matplotlib), so the layout is testable on its own; ``draw_org``
draws a layout on an Axes; ``org_chart`` does both and returns the PNG.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from annual_docx._charts._png import ChartImage, chart_image, new_figure
from annual_docx._charts._theme import (
    INK,
    LABEL_PT,
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
from annual_docx._fonts import chart_font
from annual_docx.errors import ChartError

MAX_WIDTH_MM: Final = 156.0
_MARGIN_MM: Final = 2.0
_TITLE_MM: Final = 9.0
# Multiples of the em (the font size in mm).
_LINE: Final = 1.35  # line pitch of horizontal text
_CHAR: Final = 1.15  # character pitch of vertical text
_PAD_X: Final = 0.7
_PAD_Y: Final = 0.5
_PAD_V: Final = 0.45  # side padding of vertical boxes
_COLUMN_GAP: Final = 0.35
_LEVEL_GAP: Final = 2.2
_SIBLING_GAP: Final = 1.0
_SIBLING_GAP_VERTICAL: Final = 0.6
_ROOT_GAP: Final = 3.0
_BASELINE: Final = 0.37  # the baseline lies this far below the visual centre of CJK text


@dataclass(frozen=True)
class OrgBox:
    """One unit of an organisation chart, with its head (shown on a second line) and sub-units."""

    name: str  # e.g. "馆长室" or "外借部"
    head: str | None = None  # e.g. "馆长 孔德安"
    children: tuple[OrgBox, ...] = ()


@dataclass(frozen=True)
class PlacedBox:
    """A box of the laid-out chart: its unit, position (top left) and size in mm, and its parent's index."""

    name: str
    head: str | None
    x: float
    y: float
    width: float
    height: float
    depth: int
    parent: int | None
    vertical: bool  # one character per line, columns from right to left

    @property
    def center_x(self) -> float:
        """Return the x of the box's centre."""
        return self.x + self.width / 2


@dataclass(frozen=True)
class OrgLayout:
    """Boxes (in pre-order), connector segments, overall size in mm and the font size the boxes were sized for."""

    boxes: tuple[PlacedBox, ...]
    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...]
    width: float
    height: float
    font_pt: float


def layout_org(roots: Sequence[OrgBox], *, max_width_mm: float | None = None) -> OrgLayout:
    """Return a tidy layout of the trees; set levels in vertical text, then a smaller font, until it fits."""
    if not roots:
        raise ChartError("组织结构图没有单位 / the organisation chart has no units")
    nodes = list(_walk(roots))
    depths = sorted({d for _, d, _ in nodes})
    for font_pt in (LABEL_PT, SMALL_PT):
        vertical: set[int] = set()
        while True:
            layout = _layout(nodes, font_pt, frozenset(vertical))
            if max_width_mm is None or layout.width <= max_width_mm:
                return layout
            candidates = [d for d in depths if d not in vertical and (d > 0 or len(roots) > 1)]
            if not candidates:
                break
            # Turn the level whose horizontal boxes take the most room to vertical text.
            vertical.add(max(candidates, key=lambda d: (sum(b.width for b in layout.boxes if b.depth == d), d)))
    raise ChartError(
        f"组织结构图在{max_width_mm:g}毫米宽度内放不下 / the organisation chart does not fit in {max_width_mm:g} mm"
    )


def draw_org(ax: Axes, layout: OrgLayout) -> Axes:
    """Draw the layout's boxes, texts and connectors on ``ax`` at 1 data unit = 1 mm, centred; return ``ax``."""
    fig = ax.figure
    width_mm = ax.bbox.width / fig.dpi * 25.4
    height_mm = ax.bbox.height / fig.dpi * 25.4
    font = current_font()
    em = layout.font_pt * PT_TO_MM
    for (x1, y1), (x2, y2) in layout.segments:
        ax.plot([x1, x2], [y1, y2], color=LINE, lw=0.8, solid_capstyle="projecting")
    for i, box in enumerate(layout.boxes):
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
    roots: Sequence[OrgBox], *, title: str | None = None, font: str | None = None, width_mm: float = 156
) -> ChartImage:
    """Return the organisation chart as a 300 dpi PNG no wider than ``width_mm``, with a full Chinese description."""
    if not 40 <= width_mm <= MAX_WIDTH_MM:
        raise ChartError(f"图表宽度须在40至156毫米之间 / the chart width must be 40–156 mm, not {width_mm}")
    if not roots:
        raise ChartError("组织结构图没有单位 / the organisation chart has no units")
    family = font or chart_font()
    for i, (box, _, _) in enumerate(_walk(roots)):
        check_text(box.name, family, f"units[{i}].name")
        check_text(box.head or "", family, f"units[{i}].head")
    if title:
        check_text(title, family, "title")
    try:
        layout = layout_org(roots, max_width_mm=width_mm - 2 * _MARGIN_MM)
    except ChartError as exc:
        raise ChartError(
            f"组织结构图在{width_mm:g}毫米宽度内放不下（已改竖排并缩小到{SMALL_PT:g}磅）"
            f" / the organisation chart does not fit in {width_mm:g} mm, even in vertical text at {SMALL_PT:g} pt"
        ) from exc
    title_mm = _TITLE_MM if title else 0.0
    fig_w = min(width_mm, max(layout.width + 2 * _MARGIN_MM, em_width(title or "") * TITLE_PT * PT_TO_MM + 4))
    fig_h = layout.height + 2 * _MARGIN_MM + title_mm
    fig = new_figure(fig_w, fig_h)
    with chart_style(family):
        if title:
            fig.text(
                0.5, 1 - title_mm / 2 / fig_h, title, ha="center", va="center", fontsize=TITLE_PT, fontweight="bold"
            )
        ax = fig.add_axes((0, 0, 1, 1 - title_mm / fig_h))
        draw_org(ax, layout)
        return chart_image(fig, describe(roots, title))


def describe(roots: Sequence[OrgBox], title: str | None = None) -> str:
    """Return the tree in words: "组织结构图：馆长室（馆长 孔德安）下设办公室、采编部……。"."""
    phrases: list[str] = []

    def mention(box: OrgBox) -> str:
        return f"{box.name}（{box.head}）" if box.head else box.name

    def visit(box: OrgBox, first: bool) -> None:
        label = mention(box) if first else box.name
        if box.children:
            phrases.append(f"{label}下设{'、'.join(mention(c) for c in box.children)}")
        elif first:
            phrases.append(label)
        for child in box.children:
            visit(child, first=False)

    for root in roots:
        visit(root, first=True)
    head = f"组织结构图（{title}）" if title else "组织结构图"
    return f"{head}：{'；'.join(phrases)}。"


_Node = tuple[OrgBox, int, int | None]  # box, depth, parent index (pre-order)


def _walk(roots: Sequence[OrgBox]) -> Iterator[_Node]:
    """Yield every box in pre-order with its depth and its parent's pre-order index."""
    count = 0
    stack: list[tuple[OrgBox, int, int | None]] = [(r, 0, None) for r in reversed(roots)]
    while stack:
        box, depth, parent = stack.pop()
        if not box.name.strip():
            raise ChartError("组织结构图中有单位没有名称 / an organisation unit has no name")
        me = count
        count += 1
        yield box, depth, parent
        stack.extend((c, depth + 1, me) for c in reversed(box.children))


def _box_size(box: OrgBox, em: float, vertical: bool) -> tuple[float, float]:
    """Return (width, height) in mm of a box for the given em, in horizontal or vertical text."""
    lines = [box.name] + ([box.head] if box.head else [])
    if vertical:
        tallest = max(sum(0.5 if ch.isspace() else 1.0 for ch in line) for line in lines)
        cols = len(lines)
        return (cols + (cols - 1) * _COLUMN_GAP + 2 * _PAD_V) * em, (tallest * _CHAR + 2 * _PAD_Y) * em
    return (max(max(em_width(t) for t in lines), 3.0) + 2 * _PAD_X) * em, (len(lines) * _LINE + 2 * _PAD_Y) * em


def _layout(nodes: list[_Node], font_pt: float, vertical: frozenset[int]) -> OrgLayout:
    """Return the layout with the given font size and the given levels in vertical text."""
    em = font_pt * PT_TO_MM
    sizes = [_box_size(box, em, depth in vertical) for box, depth, _ in nodes]
    kids: list[list[int]] = [[] for _ in nodes]
    for i, (_, _, parent) in enumerate(nodes):
        if parent is not None:
            kids[parent].append(i)
    depth_of = [d for _, d, _ in nodes]
    level_h = [
        max(h for (_, h), d in zip(sizes, depth_of, strict=True) if d == level) for level in range(max(depth_of) + 1)
    ]
    level_top = [sum(level_h[:level]) + level * _LEVEL_GAP * em for level in range(len(level_h))]
    offset = [0.0] * len(nodes)  # centre x relative to the parent's centre (roots: absolute, set below)
    Contour = list[tuple[float, float]]  # per level below a subtree's top: (leftmost, rightmost) x

    def gap_at(depth: int) -> float:
        return (_SIBLING_GAP_VERTICAL if depth in vertical else _SIBLING_GAP) * em

    def pack(children: list[int], depth: int, fixed_gap: float | None = None) -> Contour:
        """Place sibling subtrees as close as their contours allow, centred on the midpoint of the outer children."""
        row: Contour = []
        positions: list[float] = []
        for child in children:
            contour = place(child)
            shift = max(
                (
                    row[k][1] - contour[k][0] + (fixed_gap or gap_at(depth + k))
                    for k in range(min(len(row), len(contour)))
                ),
                default=0.0,
            )
            positions.append(shift)
            row = [
                (min(row[k][0], lo + shift), max(row[k][1], hi + shift)) if k < len(row) else (lo + shift, hi + shift)
                for k, (lo, hi) in enumerate(contour)
            ] + row[len(contour) :]
        mid = (positions[0] + positions[-1]) / 2
        for child, position in zip(children, positions, strict=True):
            offset[child] = position - mid
        return [(lo - mid, hi - mid) for lo, hi in row]

    def place(i: int) -> Contour:
        half = sizes[i][0] / 2
        return [(-half, half)] + (pack(kids[i], depth_of[i] + 1) if kids[i] else [])

    roots = [i for i, (_, _, parent) in enumerate(nodes) if parent is None]
    row = pack(roots, 0, _ROOT_GAP * em)
    lo, hi = min(left for left, _ in row), max(right for _, right in row)
    centre = [0.0] * len(nodes)
    for i, (_, _, parent) in enumerate(nodes):  # pre-order: a parent comes before its children
        centre[i] = offset[i] + (centre[parent] if parent is not None else -lo)

    boxes = tuple(
        PlacedBox(
            box.name,
            box.head,
            centre[i] - sizes[i][0] / 2,
            level_top[d],
            sizes[i][0],
            level_h[d],
            d,
            parent,
            d in vertical,
        )
        for i, (box, d, parent) in enumerate(nodes)
    )
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for i, children in enumerate(kids):
        if not children:
            continue
        bottom = boxes[i].y + boxes[i].height
        bus = bottom + _LEVEL_GAP * em / 2
        child_top = boxes[children[0]].y
        xs = [centre[c] for c in children]
        segments.append(((centre[i], bottom), (centre[i], bus)))
        if len(children) > 1:
            segments.append(((min(xs), bus), (max(xs), bus)))
        segments.extend(((x, bus), (x, child_top)) for x in xs)
    return OrgLayout(boxes, tuple(segments), hi - lo, level_top[-1] + level_h[-1], font_pt)


def _placements(box: PlacedBox, em: float) -> Iterator[tuple[str, float, float, bool]]:
    """Yield (text, x, y, is_name) of every text piece of a box: whole lines, or single characters in vertical text."""
    lines = [box.name] + ([box.head] if box.head else [])
    if not box.vertical:
        top = box.y + (box.height - len(lines) * _LINE * em) / 2
        for k, line in enumerate(lines):
            yield line, box.center_x, top + (k + 0.5) * _LINE * em, k == 0
        return
    cols = len(lines)
    block = (cols + (cols - 1) * _COLUMN_GAP) * em
    for k, line in enumerate(lines):  # the first line (the name) is the rightmost column
        x = box.center_x + block / 2 - (k * (1 + _COLUMN_GAP) + 0.5) * em
        pitch = [0.5 if ch.isspace() else 1.0 for ch in line]
        y = box.y + (box.height - sum(pitch) * _CHAR * em) / 2
        for ch, p in zip(line, pitch, strict=True):
            if not ch.isspace():
                yield ch, x, y + 0.5 * _CHAR * em, k == 0
            y += p * _CHAR * em
