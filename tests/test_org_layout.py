"""Org chart layout beyond one row: long rows wrapped at 156 mm, several roots, dotted 指导 links."""

from __future__ import annotations

import itertools
import random

import pytest

from annual_docx._charts import OrgBox, OrgLayout, PlacedBox, layout_org, org_chart
from annual_docx.errors import ChartError

from .test_charts import _assert_tidy

WIDTH = 152  # 156 mm less the chart's margins


def _rooms(n: int, head: bool = True) -> list[OrgBox]:
    return [
        OrgBox(
            "文化和旅游局",
            "局长 某某",
            tuple(OrgBox(f"第{i}图书室", "主任 某某" if head else None) for i in range(1, n + 1)),
        )
    ]


def _connected(layout: OrgLayout) -> None:
    """Assert every visible non-root box is reached by a connector ending on its top centre."""
    ends = {(round(x2, 6), round(y2, 6)) for _, (x2, y2) in layout.segments}
    for box in layout.boxes:
        if box.parent is not None and not box.hidden:
            assert (round(box.center_x, 6), round(box.y, 6)) in ends


@pytest.mark.parametrize(("n", "head"), [(30, True), (30, False), (45, True), (60, False)])
def test_thirty_or_more_units_on_one_level_wrap_to_fit_156mm(n: int, head: bool) -> None:
    """30–60 units under one parent wrap into rows that fit 152 mm at >= 9 pt, tidy and all connected."""
    layout = layout_org(_rooms(n, head), max_width_mm=WIDTH)
    assert layout.width <= WIDTH
    assert layout.font_pt >= 9
    visible = [b for b in layout.boxes if not b.hidden]
    assert len(visible) == n + 1
    assert len({b.depth for b in visible}) > 2  # the units sit on more than one row
    _assert_tidy(layout)
    _connected(layout)


def test_wrapped_rows_hang_on_a_trunk_through_each_row() -> None:
    """Each wrapped row leaves a gap for the trunk, which runs through it as one vertical segment."""
    layout = layout_org(_rooms(30), max_width_mm=WIDTH)
    gaps = [b for b in layout.boxes if b.hidden]
    assert gaps
    for gap in gaps:
        assert ((gap.center_x, gap.y), (gap.center_x, gap.y + gap.height)) in layout.segments
        below = [b for b in layout.boxes if b.parent == layout.boxes.index(gap)]
        assert below and all(b.depth == gap.depth + 1 for b in below)


def test_wrapped_org_chart_png_keeps_every_unit_in_alt_text() -> None:
    """The wrapped chart is at most 156 mm wide and its alt text still lists all 30 units under their parent."""
    image = org_chart(_rooms(30))
    assert image.width_mm <= 156
    assert all(f"第{i}图书室（主任 某某）" in image.alt_text for i in range(1, 31))


def _random_wide_forest(rng: random.Random) -> list[OrgBox]:
    """Return 1–3 trees where one parent has 30–50 leaf units and the rest is small."""
    roots = []
    for r in range(rng.randint(1, 3)):
        leaves = tuple(
            OrgBox("科" * rng.randint(2, 6), "科长 某某" if rng.random() < 0.4 else None)
            for _ in range(rng.randint(30, 50) if r == 0 else rng.randint(0, 3))
        )
        roots.append(OrgBox(f"单位{r}", None, leaves))
    return roots


@pytest.mark.parametrize("seed", range(20))
def test_random_wide_forests_fit_and_stay_tidy(seed: int) -> None:
    """Random forests with 30–50 units on one level fit 152 mm without overlaps."""
    layout = layout_org(_random_wide_forest(random.Random(seed)), max_width_mm=WIDTH)
    assert layout.width <= WIDTH
    _assert_tidy(layout)
    _connected(layout)


# --- 指导 links ------------------------------------------------------------------------------------------------------

ROOTS = [
    OrgBox("曲阜市图书馆", "馆长 孔德安", (OrgBox("办公室"), OrgBox("外借处", guides=("尼山书院分馆",)))),
    OrgBox("分馆", None, (OrgBox("尼山书院分馆"), OrgBox("孔子研究院分馆"))),
    OrgBox("党支部", guides=("工会",)),
    OrgBox("工会"),
]


def _box(layout: OrgLayout, name: str) -> PlacedBox:
    return next(b for b in layout.boxes if b.name == name)


def _crosses(box: PlacedBox, p: tuple[float, float], q: tuple[float, float]) -> bool:
    """Return whether the axis-parallel segment p–q passes through the inside of ``box``."""
    (x1, y1), (x2, y2) = p, q
    eps = 1e-6
    inside_x = min(x1, x2) < box.x + box.width - eps and max(x1, x2) > box.x + eps
    inside_y = min(y1, y2) < box.y + box.height - eps and max(y1, y2) > box.y + eps
    return inside_x and inside_y


def test_neighbouring_roots_get_a_straight_dotted_link_with_room_for_the_label() -> None:
    """党支部 指导 工会: one horizontal segment between the facing sides, the label centred above it."""
    layout = layout_org(ROOTS, max_width_mm=WIDTH)
    party, union = _box(layout, "党支部"), _box(layout, "工会")
    link = next(k for k in layout.links if layout.boxes[k.source].name == "党支部")
    (x1, y1), (x2, y2) = link.points
    assert (x1, x2) == pytest.approx((party.x + party.width, union.x))
    assert y1 == y2 == pytest.approx(party.y + party.height / 2)
    assert x2 - x1 >= 2 * 9 * 25.4 / 72  # the two-character label fits between the boxes
    assert x1 < link.label_at[0] < x2 and link.label_at[1] < y1


def test_distant_units_are_linked_through_a_lane_below_their_level() -> None:
    """外借处 指导 尼山书院分馆: down, across below both boxes and up, never through a box."""
    layout = layout_org(ROOTS, max_width_mm=WIDTH)
    link = next(k for k in layout.links if layout.boxes[k.source].name == "外借处")
    source, target = layout.boxes[link.source], layout.boxes[link.target]
    points = link.points
    assert len(points) == 4
    assert points[0][1] == pytest.approx(source.y + source.height) and points[-1][1] == pytest.approx(
        target.y + target.height
    )
    for p, q in itertools.pairwise(points):
        assert p[0] == pytest.approx(q[0]) or p[1] == pytest.approx(q[1])
        assert not any(_crosses(box, p, q) for box in layout.boxes)
    assert points[1][1] > source.y + source.height  # the lane lies below the level
    assert layout.height >= points[1][1]
    _assert_tidy(layout)


def test_org_chart_with_links_describes_them() -> None:
    """The alt text says who guides whom, and the chart draws at most 156 mm wide."""
    image = org_chart(ROOTS)
    assert "外借处指导尼山书院分馆（虚线）" in image.alt_text and "党支部指导工会（虚线）" in image.alt_text
    assert image.width_mm <= 156


@pytest.mark.parametrize(
    ("roots", "message"),
    [
        ([OrgBox("甲", guides=("乙",))], "no unit named '乙'"),
        ([OrgBox("甲", None, (OrgBox("乙"),), guides=("乙",))], "same level"),
        ([OrgBox("甲", guides=("乙",)), OrgBox("乙"), OrgBox("乙")], "more than one unit"),
    ],
)
def test_bad_links_raise_chart_error(roots: list[OrgBox], message: str) -> None:
    """A link to an unknown unit, across levels or to an ambiguous name raises ChartError saying so."""
    with pytest.raises(ChartError, match=message):
        layout_org(roots)


def _random_linked_forest(rng: random.Random) -> list[OrgBox]:
    """Return a random forest of 2–40 uniquely named units with 1–3 指导 links between units of one level."""
    count = rng.randint(2, 40)
    parents: list[int | None] = [None]
    depth = [0]
    for i in range(1, count):
        parent = rng.choice([None, *range(i)]) if rng.random() < 0.9 else None
        if parent is not None and depth[parent] >= 4:
            parent = None
        parents.append(parent)
        depth.append(0 if parent is None else depth[parent] + 1)
    by_depth: dict[int, list[int]] = {}
    for i, d in enumerate(depth):
        by_depth.setdefault(d, []).append(i)
    levels = [units for units in by_depth.values() if len(units) > 1]
    guides: dict[int, list[int]] = {}
    for _ in range(rng.randint(1, 3)):
        if levels:
            a, b = rng.sample(rng.choice(levels), 2)
            guides.setdefault(a, []).append(b)

    def build(i: int) -> OrgBox:
        kids = tuple(build(k) for k in range(count) if parents[k] == i)
        return OrgBox(f"部门{i}", None, kids, tuple(f"部门{k}" for k in guides.get(i, [])))

    return [build(i) for i in range(count) if parents[i] is None]


@pytest.mark.parametrize("seed", range(40))
def test_random_links_never_cross_a_box_and_keep_the_layout_tidy(seed: int) -> None:
    """Random forests with random same-level 指导 links: tidy boxes, orthogonal link paths that cross no box."""
    roots = _random_linked_forest(random.Random(seed))
    layout = layout_org(roots)
    _assert_tidy(layout)
    for link in layout.links:
        for p, q in itertools.pairwise(link.points):
            assert p[0] == pytest.approx(q[0]) or p[1] == pytest.approx(q[1])
            assert not any(_crosses(box, p, q) for box in layout.boxes), (link, seed)
        assert all(0 <= y <= layout.height + 1e-6 for _, y in link.points)


def test_linked_units_are_never_wrapped_onto_different_rows() -> None:
    """Linked neighbours in a row of 40 wrap onto one row; a link from the first to the last unit cannot, and the
    error says why."""
    rooms = _rooms(40, head=False)[0]
    kids = rooms.children

    def with_link(source: int, target: int) -> list[OrgBox]:
        linked = OrgBox(kids[source].name, None, (), (kids[target].name,))
        return [OrgBox(rooms.name, rooms.head, (*kids[:source], linked, *kids[source + 1 :]))]

    layout = layout_org(with_link(4, 5), max_width_mm=WIDTH)
    assert layout.width <= WIDTH
    (link,) = layout.links
    assert layout.boxes[link.source].depth == layout.boxes[link.target].depth
    _assert_tidy(layout)
    with pytest.raises(ChartError, match="different rows"):
        layout_org(with_link(0, 39), max_width_mm=WIDTH)


def test_a_chart_taller_than_the_page_is_refused_not_drawn() -> None:
    """Sixty long-named units in a 40 mm wide chart would need a chart taller than the 225 mm type area: ChartError."""
    roots = [OrgBox("局", None, tuple(OrgBox("很长的科室名称" * 3, "主任 某某某") for _ in range(60)))]
    with pytest.raises(ChartError, match="40×225 mm"):
        org_chart(roots, width_mm=40)
    layout = layout_org(_rooms(60), max_width_mm=WIDTH, max_height_mm=221)
    assert layout.height <= 221 and layout.width <= WIDTH
