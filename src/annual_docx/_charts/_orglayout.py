"""Lay out an organisation chart: a tidy layered tree in millimetres, pure geometry with no matplotlib.

Parents sit centred over their children and no boxes overlap. To fit a width the layout turns wide levels to
vertical text, wraps a long row of leaf units into several rows (joined by a trunk through a gap in each row), then
tries a smaller font. A dotted "指导" link joins two units of one level: straight across when they are neighbours
with room for the label between them, otherwise through a lane below their level.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Final

from annual_docx._charts._chart_facts import LABEL_PT, PT_TO_MM, SMALL_PT, em_width
from annual_docx._charts._orgtypes import OrgBox, OrgLayout, OrgLink, PlacedBox, Point
from annual_docx.errors import ChartError

# Multiples of the em (the font size in mm).
LINE_PITCH: Final = 1.35  # line pitch of horizontal text
CHAR_PITCH: Final = 1.15  # character pitch of vertical text
COLUMN_GAP: Final = 0.35
_PAD_X: Final = 0.7
_PAD_Y: Final = 0.5
_PAD_V: Final = 0.45  # side padding of vertical boxes
_LEVEL_GAP: Final = 2.2
_SIBLING_GAP: Final = 1.0
_SIBLING_GAP_VERTICAL: Final = 0.6
_ROOT_GAP: Final = 3.0
_TRUNK: Final = 1.0  # width of the gap a wrapped row leaves for the trunk
_LANE: Final = 1.8  # extra height below a level that carries a link lane
LINK_LABEL: Final = "指导"

_Node = tuple[OrgBox | None, int, int | None]  # box (None: a trunk gap), depth, parent index (pre-order)


def layout_org(
    roots: Sequence[OrgBox], *, max_width_mm: float | None = None, max_height_mm: float | None = None
) -> OrgLayout:
    """Return a tidy layout of the trees; use vertical text, wrapped rows, then a smaller font, until it fits."""
    if not roots:
        raise ChartError("组织结构图没有单位 / the organisation chart has no units")
    plain: list[_Node] = list(walk(roots))
    pairs = _link_pairs(roots)
    widest = max((len(box.children) for box, _, _ in walk(roots) if _leaf_parent(box)), default=0)
    rows = sorted({math.ceil(widest / k) for k in range(2, widest + 1)} - {widest}, reverse=True)
    split = False
    for font_pt in (LABEL_PT, SMALL_PT):
        for per_row in [None, *rows]:
            nodes = plain if per_row is None else list(_wrapped(roots, per_row))
            level = {box.name: d for box, d, _ in nodes if box is not None}
            if any(level[a] != level[b] for a, b in pairs):
                split = True  # wrapping put two linked units on different rows
                continue
            depths = sorted({d for _, d, _ in nodes})
            vertical: set[int] = set()
            while True:
                layout = _layout(nodes, font_pt, frozenset(vertical), pairs)
                if max_height_mm is not None and layout.height > max_height_mm:
                    break  # too tall: vertical text would only make it taller
                if max_width_mm is None or layout.width <= max_width_mm:
                    return layout
                candidates = [d for d in depths if d not in vertical and (d > 0 or len(roots) > 1)]
                if not candidates:
                    break
                # Turn the level whose horizontal boxes take the most room to vertical text.
                vertical.add(max(candidates, key=lambda d: (sum(b.width for b in layout.boxes if b.depth == d), d)))
    raise DoesNotFit(does_not_fit(max_width_mm, max_height_mm, split), split_link=split)


class DoesNotFit(ChartError):
    """The chart fits the size in no way tried; ``split_link`` says a 指导 link prevented wrapping."""

    def __init__(self, detail: str, path: str = "", *, split_link: bool = False) -> None:
        self.split_link = split_link
        super().__init__(detail, path)


def does_not_fit(width_mm: float | None, height_mm: float | None, split_link: bool) -> str:
    """Return the message for a chart that fits the size in no way tried; ``split_link`` says a link prevented one."""
    size = f"{width_mm or 0:g}×{height_mm:g}" if height_mm is not None else f"{width_mm or 0:g}"
    why = (
        "（有指导关系的两个单位分行后不在同一行，请把它们排得靠近些）"
        " / (wrapping would put two units joined by a 指导 link on different rows: list them closer together)"
        if split_link
        else ""
    )
    return (
        f"组织结构图在{size}毫米内放不下（已试竖排、分行和{SMALL_PT:g}磅字）"
        f" / the organisation chart does not fit in {size} mm, even wrapped, in vertical text at {SMALL_PT:g} pt{why}"
    )


def walk(roots: Sequence[OrgBox]) -> Iterator[tuple[OrgBox, int, int | None]]:
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


def _leaf_parent(box: OrgBox) -> bool:
    return len(box.children) > 2 and not any(c.children for c in box.children)


def _wrapped(roots: Sequence[OrgBox], per_row: int) -> Iterator[_Node]:
    """Yield the nodes in pre-order with every long row of leaf units broken into rows of at most ``per_row``."""
    count = 0

    def emit(box: OrgBox | None, depth: int, parent: int | None, kids: Sequence[OrgBox]) -> Iterator[_Node]:
        nonlocal count
        me = count
        count += 1
        yield box, depth, parent
        if box is not None and _leaf_parent(box) and len(kids) > per_row:
            yield from row(kids, depth + 1, me)
        else:
            for child in kids:
                yield from emit(child, depth + 1, me, child.children)

    def row(leaves: Sequence[OrgBox], depth: int, parent: int) -> Iterator[_Node]:
        here, rest = leaves[:per_row], leaves[per_row:]
        half = (len(here) + 1) // 2
        for leaf in here[:half]:
            yield from emit(leaf, depth, parent, ())
        if rest:  # the trunk gap, parent of the next row
            nonlocal count
            gap = count
            count += 1
            yield None, depth, parent
            yield from row(rest, depth + 1, gap)
        for leaf in here[half:]:
            yield from emit(leaf, depth, parent, ())

    for root in roots:
        yield from emit(root, 0, None, root.children)


def _link_pairs(roots: Sequence[OrgBox]) -> tuple[tuple[str, str], ...]:
    """Return (guiding, guided) unit names, checking each named unit exists once and sits on the same level."""
    nodes = list(walk(roots))
    depth: dict[str, int] = {}
    seen: set[str] = set()
    for box, d, _ in nodes:
        if box.name in depth:
            seen.add(box.name)
        depth[box.name] = d
    pairs = []
    for box, d, _ in nodes:
        for name in box.guides:
            if name not in depth:
                raise ChartError(f"“{box.name}”指导的单位“{name}”不在组织结构中 / guides: no unit named {name!r}")
            if name in seen or box.name in seen:
                raise ChartError(f"指导关系中的单位名称重复：{name} / guides: more than one unit is named {name!r}")
            if depth[name] != d or name == box.name:
                raise ChartError(
                    f"指导关系只能连接同一层级的两个单位：{box.name}—{name}"
                    f" / guides: {box.name!r} and {name!r} must be two units on the same level"
                )
            pairs.append((box.name, name))
    return tuple(pairs)


def box_size(box: OrgBox, em: float, vertical: bool) -> tuple[float, float]:
    """Return (width, height) in mm of a box for the given em, in horizontal or vertical text."""
    lines = [box.name] + ([box.head] if box.head else [])
    if vertical:
        tallest = max(sum(0.5 if ch.isspace() else 1.0 for ch in line) for line in lines)
        cols = len(lines)
        return (cols + (cols - 1) * COLUMN_GAP + 2 * _PAD_V) * em, (tallest * CHAR_PITCH + 2 * _PAD_Y) * em
    return (max(max(em_width(t) for t in lines), 3.0) + 2 * _PAD_X) * em, (len(lines) * LINE_PITCH + 2 * _PAD_Y) * em


def _layout(
    nodes: list[_Node], font_pt: float, vertical: frozenset[int], pairs: tuple[tuple[str, str], ...]
) -> OrgLayout:
    """Return the layout with the given font size, the given levels in vertical text and the given links."""
    em = font_pt * PT_TO_MM
    sizes = [box_size(box, em, d in vertical) if box else (_TRUNK * em, 0.0) for box, d, _ in nodes]
    index = {box.name: i for i, (box, _, _) in enumerate(nodes) if box is not None}
    linked = {frozenset((index[a], index[b])) for a, b in pairs}
    label_gap = (em_width(LINK_LABEL) * SMALL_PT * PT_TO_MM) + 2 * em
    kids: list[list[int]] = [[] for _ in nodes]
    for i, (_, _, parent) in enumerate(nodes):
        if parent is not None:
            kids[parent].append(i)
    depth_of = [d for _, d, _ in nodes]
    levels = max(depth_of) + 1
    level_h = [max(h for (_, h), d in zip(sizes, depth_of, strict=True) if d == level) for level in range(levels)]
    offset = [0.0] * len(nodes)  # centre x relative to the parent's centre (roots: absolute, set below)
    Contour = list[tuple[float, float]]  # per level below a subtree's top: (leftmost, rightmost) x

    def gap_at(depth: int) -> float:
        return (_SIBLING_GAP_VERTICAL if depth in vertical else _SIBLING_GAP) * em

    def pack(children: list[int], depth: int, base_gap: float | None = None) -> Contour:
        """Place sibling subtrees as close as their contours allow, centred on the midpoint of the outer children."""
        row: Contour = []
        positions: list[float] = []
        for n, child in enumerate(children):
            contour = place(child)
            gaps = [base_gap or gap_at(depth + k) for k in range(len(contour))]
            if n and frozenset((children[n - 1], child)) in linked:
                gaps[0] = max(gaps[0], label_gap)  # room for the 指导 label between linked neighbours
            shift = max((row[k][1] - contour[k][0] + gaps[k] for k in range(min(len(row), len(contour)))), default=0.0)
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

    # Links between boxes that are not neighbours with room for the label need a lane below their level.
    order = {d: sorted((i for i, di in enumerate(depth_of) if di == d), key=lambda i: centre[i]) for d in range(levels)}
    straight: set[frozenset[int]] = set()
    lane_levels: set[int] = set()
    for pair in linked:
        a, b = sorted(pair, key=lambda i: centre[i])
        row_d = order[depth_of[a]]
        gap = (centre[b] - sizes[b][0] / 2) - (centre[a] + sizes[a][0] / 2)
        if row_d.index(b) == row_d.index(a) + 1 and gap >= label_gap - 1e-9:
            straight.add(pair)
        else:
            lane_levels.add(depth_of[a])
    extra = [_LANE * em if d in lane_levels else 0.0 for d in range(levels)]
    level_top = [sum(level_h[:d]) + sum(extra[:d]) + d * _LEVEL_GAP * em for d in range(levels)]

    boxes = tuple(
        PlacedBox(
            box.name if box else "",
            box.head if box else None,
            centre[i] - sizes[i][0] / 2,
            level_top[d],
            sizes[i][0],
            level_h[d],
            d,
            parent,
            d in vertical,
            box is None,
        )
        for i, (box, d, parent) in enumerate(nodes)
    )
    segments: list[tuple[Point, Point]] = []
    for i, children in enumerate(kids):
        top, bottom = boxes[i].y, boxes[i].y + boxes[i].height
        if boxes[i].hidden:
            segments.append(((centre[i], top), (centre[i], bottom)))  # the trunk passes through the row's gap
        if not children:
            continue
        bus = bottom + extra[depth_of[i]] + _LEVEL_GAP * em / 2
        child_top = boxes[children[0]].y
        xs = [centre[c] for c in children]
        segments.append(((centre[i], bottom), (centre[i], bus)))
        if len(children) > 1:
            segments.append(((min(xs), bus), (max(xs), bus)))
        segments.extend(((x, bus), (x, child_top)) for x in xs)
    links = tuple(_route(boxes, index[a], index[b], frozenset((index[a], index[b])) in straight, em) for a, b in pairs)
    return OrgLayout(boxes, tuple(segments), hi - lo, level_top[-1] + level_h[-1] + extra[-1], font_pt, links)


def _route(boxes: tuple[PlacedBox, ...], source: int, target: int, straight: bool, em: float) -> OrgLink:
    """Return the dotted path from ``source`` to ``target``: straight between neighbours, else through the lane."""
    a, b = boxes[source], boxes[target]
    step = 1 if b.center_x > a.center_x else -1
    if straight:
        y = a.y + a.height / 2
        x1 = a.center_x + step * a.width / 2
        x2 = b.center_x - step * b.width / 2
        return OrgLink(source, target, ((x1, y), (x2, y)), ((x1 + x2) / 2, y - 0.75 * SMALL_PT * PT_TO_MM))
    bottom = a.y + a.height
    lane = bottom + _LANE * em / 2
    x1 = a.center_x + step * a.width / 4
    x2 = b.center_x - step * b.width / 4
    points = ((x1, bottom), (x1, lane), (x2, lane), (x2, bottom))
    return OrgLink(source, target, points, ((x1 + x2) / 2, lane))
