"""Charts: donut and bar artists, the org chart layout, PNG size, DPI and determinism, alt text, font coverage."""

from __future__ import annotations

import inspect
import io
import itertools
import math
import random
import subprocess
import sys

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Wedge
from matplotlib.text import Text
from PIL import Image

import annual_docx._charts as charts
from annual_docx._charts import ChartImage, OrgBox, OrgLayout, category_chart, layout_org, org_chart
from annual_docx._charts._fonts import chart_font
from annual_docx._charts._png import new_figure
from annual_docx._charts._theme import chart_style, palette
from annual_docx.errors import ChartError

TITLES = [("高级职称", 2), ("中级职称", 8), ("初级职称", 3), ("管理人员", 1)]
EDUCATION = [("大专学历", 1), ("本科学历", 13), ("研究生学历", 0)]
DEPARTMENTS = ["办公室", "采编部", "外借部", "阅览部", "少儿部", "参考咨询部"]
DEPARTMENTS += ["地方文献部", "数字资源部", "技术部", "读者活动部", "古籍部", "保卫科"]
LIBRARY = [OrgBox("馆长室", "馆长 孔德安", tuple(OrgBox(d) for d in DEPARTMENTS))]
WIDE = [
    ("正高级职称", 30),
    ("副高级", 1),
    ("中级", 1),
    ("初级", 1),
    ("员级", 1),
    ("见习期", 1),
    ("工勤技能岗位人员", 1),
]


def _draw(kind: str, data: list[tuple[str, int]], width_mm: float = 140, height_mm: float = 60) -> Figure:
    fig = new_figure(width_mm, height_mm)
    with chart_style(chart_font()):
        ax = fig.add_axes((0.02, 0.05, 0.96, 0.9))
        if kind == "pie":
            charts.draw_pie(ax, data)
        else:
            charts.draw_bar(ax, data)
        fig.canvas.draw()
    return fig


def _texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _png(image: ChartImage) -> Image.Image:
    return Image.open(io.BytesIO(image.png))


# --- donut ---------------------------------------------------------------------------------------------------------


def test_pie_draws_one_wedge_per_nonzero_category_sized_by_value() -> None:
    """The donut has a wedge per non-zero category, each spanning its share of 360°; zero draws none."""
    for data in (TITLES, EDUCATION):
        wedges = [p for p in _draw("pie", data).axes[0].patches if isinstance(p, Wedge)]
        values = [v for _, v in data if v > 0]
        assert len(wedges) == len(values)
        spans = [(w.theta2 - w.theta1) % 360 or 360 for w in wedges]
        assert spans == pytest.approx([v / sum(values) * 360 for v in values])


def test_pie_labels_show_count_and_share_and_total() -> None:
    """Each wedge is labelled "2人（14.3%）" and the hole says 共14人."""
    texts = {t.get_text() for t in _draw("pie", TITLES).axes[0].texts}
    assert {"2人（14.3%）", "8人（57.1%）", "3人（21.4%）", "1人（7.1%）", "共14人"} <= texts


def test_pie_legend_lists_every_category_including_zero() -> None:
    """The legend names all categories with their counts, 研究生学历 0人 included."""
    ax = _draw("pie", EDUCATION).axes[0]
    key = [t for t in ax.texts if t.get_gid() == "key"]
    entries = [" ".join(t.get_text().replace("\u3000", " ").split()) for t in key]
    assert entries == ["大专学历 1人", "本科学历 13人", "研究生学历 0人"]
    squares = [p for p in ax.patches if not isinstance(p, Wedge)]
    assert len(squares) == 3
    assert squares[2].get_facecolor()[:3] == (1.0, 1.0, 1.0)  # the zero category: an empty square


def test_palette_lightness_differs_per_category() -> None:
    """Palette colours get lighter step by step, so categories stay apart in grayscale print."""
    for n in (2, 4, 8):
        grey = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b, _ in map(matplotlib.colors.to_rgba, palette(n))]
        assert all(b - a > 0.4 / n for a, b in itertools.pairwise(grey))


def _category_figure(monkeypatch: pytest.MonkeyPatch, data: list[tuple[str, int]], kind: str) -> Figure:
    """Return the drawn figure behind category_chart("职称结构", data, kind=kind), for artist inspection."""
    figures: list[Figure] = []
    original = charts.personnel.chart_image

    def capture(fig: Figure, alt: str, **options: bool) -> ChartImage:
        fig.canvas.draw()
        figures.append(fig)
        return original(fig, alt, **options)

    monkeypatch.setattr(charts.personnel, "chart_image", capture)
    category_chart("职称结构", data, kind=kind)  # type: ignore[arg-type]
    return figures[0]


@pytest.mark.parametrize(("kind", "data"), [("pie", TITLES), ("pie", EDUCATION), ("pie", WIDE), ("bar", TITLES)])
def test_chart_texts_do_not_overlap_or_leave_the_figure(
    monkeypatch: pytest.MonkeyPatch, kind: str, data: list[tuple[str, int]]
) -> None:
    """No two labels overlap, and every label lies inside the picture (nothing clipped)."""
    fig = _category_figure(monkeypatch, data, kind)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for box in [t.get_window_extent(renderer) for t in _texts(fig)]:
        assert fig.bbox.x0 - 0.5 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5
        assert fig.bbox.y0 - 0.5 <= box.y0 and box.y1 <= fig.bbox.y1 + 0.5
    legend = fig.axes[0].get_legend()
    in_legend = set(legend.get_texts()) if legend is not None else set()
    boxes = [t.get_window_extent(renderer) for t in _texts(fig) if t not in in_legend]
    boxes += [legend.get_window_extent(renderer)] if legend is not None else []
    for a, b in itertools.combinations(boxes, 2):
        overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
        overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert overlap_w <= 1 or overlap_h <= 1, (a, b)


# --- bars ----------------------------------------------------------------------------------------------------------


def test_bar_heights_and_value_labels() -> None:
    """Bars have the category values as heights, value labels "8人" and the names as tick labels."""
    ax = _draw("bar", TITLES).axes[0]
    assert [p.get_height() for p in ax.patches] == [2, 8, 3, 1]
    assert [t.get_text() for t in ax.texts] == ["2人", "8人", "3人", "1人"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [n for n, _ in TITLES]


def test_bar_turns_sideways_when_names_do_not_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many long names give horizontal bars whose widths are the values."""
    ax = _category_figure(monkeypatch, WIDE, "bar").axes[0]
    assert [p.get_width() for p in ax.patches] == [v for _, v in WIDE]
    assert [t.get_text() for t in ax.get_yticklabels()] == [n for n, _ in WIDE]


@pytest.mark.parametrize("kind", ["pie", "bar"])
def test_chart_text_is_at_least_9pt(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Every text in a category chart is 9 pt or larger at the placed size."""
    fig = _category_figure(monkeypatch, TITLES, kind)
    assert min(t.get_fontsize() for t in _texts(fig)) >= 9


# --- category_chart: output -----------------------------------------------------------------------------------------


def test_alt_text_describes_every_category() -> None:
    """The alt text lists each category with count and share, zeros included, and the total."""
    assert category_chart("职称结构", TITLES).alt_text == (
        "职称结构环形图：高级职称2人（14.3%），中级职称8人（57.1%），初级职称3人（21.4%），管理人员1人（7.1%），共14人。"
    )
    assert category_chart("学历结构", EDUCATION, kind="bar").alt_text == (
        "学历结构柱状图：大专学历1人（7.1%），本科学历13人（92.9%），研究生学历0人（0.0%），共14人。"
    )


@pytest.mark.parametrize("width_mm", [140, 100])
def test_png_has_print_size_and_stores_300_dpi(width_mm: float) -> None:
    """The PNG is 300 dpi at the placed size (pixels = mm / 25.4 × 300) and says so in its pHYs chunk."""
    for image in (category_chart("职称结构", TITLES, width_mm=width_mm), org_chart(LIBRARY, width_mm=width_mm)):
        png = _png(image)
        assert image.width_mm <= 156
        assert png.size[0] == pytest.approx(image.width_mm / 25.4 * 300, abs=2)
        assert png.size[1] == pytest.approx(image.height_mm / 25.4 * 300, abs=2)
        assert png.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_png_bytes_are_identical_for_identical_input() -> None:
    """Two renders of the same data give byte-identical PNGs (no timestamp or version inside)."""
    assert category_chart("职称结构", TITLES).png == category_chart("职称结构", TITLES).png
    assert (
        category_chart("学历结构", EDUCATION, kind="bar").png == category_chart("学历结构", EDUCATION, kind="bar").png
    )
    assert org_chart(LIBRARY).png == org_chart(LIBRARY).png
    assert b"Software" not in org_chart(LIBRARY).png


def test_character_without_glyph_raises_chart_error_naming_it() -> None:
    """A label the font cannot draw raises ChartError naming the character, instead of drawing a box."""
    with pytest.raises(ChartError, match=r"图表文字“𠀀”无可用字体 .* in categories\[1\]"):
        category_chart("职称结构", [("高级职称", 2), ("中级𠀀", 8)])
    with pytest.raises(ChartError, match="\ue000"):
        category_chart("职称\ue000", TITLES, kind="bar")
    with pytest.raises(ChartError, match=r"units\[0\]\.children\[0\]\.head"):
        org_chart([OrgBox("馆长室", None, (OrgBox("办公室", "主任 \ue000"),))])


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        ([], "pie", "no categories"),
        ([("高级职称", -1)], "bar", "must be a number >= 0"),
        ([("高级职称", math.nan)], "bar", "must be a number >= 0"),
        ([("", 3)], "bar", "has no name"),
        ([("高级职称", 0), ("中级职称", 0)], "pie", "at least one value above zero"),
    ],
)
def test_bad_category_data_raises_chart_error(data: list[tuple[str, float]], kind: str, message: str) -> None:
    """Empty, negative, non-finite, unnamed or all-zero (pie) data raise ChartError."""
    with pytest.raises(ChartError, match=message):
        category_chart("职称结构", data, kind=kind)  # type: ignore[arg-type]


def test_drawing_leaves_rcparams_untouched() -> None:
    """The theme applies only while a chart is drawn: global rcParams are the same afterwards."""
    before = dict(matplotlib.rcParams)
    category_chart("职称结构", TITLES)
    org_chart(LIBRARY)
    assert dict(matplotlib.rcParams) == before


def test_charts_never_import_pyplot() -> None:
    """Drawing every chart kind leaves matplotlib.pyplot unimported."""
    code = (
        "import sys; from annual_docx._charts import *; "
        "category_chart('t', [('甲', 1)]); category_chart('t', [('甲', 1)], kind='bar'); org_chart([OrgBox('甲')]); "
        "party_chart([Branch('支部', (('书记', '甲'),))]); line_chart('t', [2020], [('甲', [1])], svg=True); "
        "series_bar_chart('t', [2020], [('甲', [1])], stacked=True); "
        "print('matplotlib.pyplot' in sys.modules, 'mpl_font' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_untitled_chart_is_shorter_but_keeps_the_title_in_alt_text() -> None:
    """draw_title=False drops the drawn title (the document heading says it) and keeps it in the alt text."""
    data = [("高级职称", 2), ("中级职称", 8)]
    titled = category_chart("职称结构", data)
    bare = category_chart("职称结构", data, draw_title=False)
    assert bare.height_mm < titled.height_mm
    assert bare.alt_text.startswith("职称结构") and bare.alt_text == titled.alt_text


def test_public_interface() -> None:
    """The charts package exports a sorted __all__ and the agreed signatures."""
    assert charts.__all__ == sorted(charts.__all__)
    assert all(hasattr(charts, name) for name in charts.__all__)
    assert [f.name for f in ChartImage.__dataclass_fields__.values()] == [
        "png",
        "width_mm",
        "height_mm",
        "alt_text",
        "svg",
    ]
    assert str(inspect.signature(category_chart)) == (
        "(title: 'str', categories: 'Sequence[tuple[str, int | float]]', *, unit: 'str' = '人', "
        "kind: 'CategoryKind' = 'donut', font: 'str | None' = None, width_mm: 'float' = 140, "
        "draw_title: 'bool' = True, source: 'str | None' = None, svg: 'bool' = False) -> 'ChartImage'"
    )
    assert str(inspect.signature(org_chart)) == (
        "(roots: 'Sequence[OrgBox]', *, title: 'str | None' = None, font: 'str | None' = None, "
        "width_mm: 'float' = 156, source: 'str | None' = None, svg: 'bool' = False) -> 'ChartImage'"
    )
    assert OrgBox("外借部") == OrgBox(name="外借部", head=None, children=(), guides=())


# --- org chart layout ----------------------------------------------------------------------------------------------


def _random_forest(rng: random.Random) -> list[OrgBox]:
    """Return 1–60 units in one or more trees of depth 1–5, with names of 1–8 characters and some heads."""
    chars = "办公室采编外借阅览少儿参考咨询地方文献数字资源技术读者活动古籍保卫科部组处"
    max_depth = rng.randint(1, 5)
    nodes: list[tuple[int, list[int]]] = [(0, [])]  # depth, children
    roots = [0]
    for i in range(1, rng.randint(1, 60)):
        parents = [k for k, (d, _) in enumerate(nodes) if d < max_depth - 1]
        if not parents or rng.random() < 0.05:
            roots.append(i)
            nodes.append((0, []))
        else:
            parent = rng.choice(parents)
            nodes[parent][1].append(i)
            nodes.append((nodes[parent][0] + 1, []))

    def build(k: int) -> OrgBox:
        name = "".join(rng.choice(chars) for _ in range(rng.randint(1, 8)))
        head = f"主任 {rng.choice(chars)}{rng.choice(chars)}" if rng.random() < 0.3 else None
        return OrgBox(name, head, tuple(build(c) for c in nodes[k][1]))

    return [build(r) for r in roots]


def _assert_tidy(layout: OrgLayout) -> None:
    boxes = layout.boxes
    eps = 1e-6
    for a, b in itertools.combinations(boxes, 2):
        apart = a.x + a.width <= b.x + eps or b.x + b.width <= a.x + eps
        assert apart or a.y + a.height <= b.y + eps or b.y + b.height <= a.y + eps, (a, b)
    for box in boxes:
        assert -eps <= box.x and box.x + box.width <= layout.width + eps
        assert -eps <= box.y and box.y + box.height <= layout.height + eps
    for i, box in enumerate(boxes):
        kids = [b for b in boxes if b.parent == i]
        if kids:
            middle = (min(k.center_x for k in kids) + max(k.center_x for k in kids)) / 2
            assert box.center_x == pytest.approx(middle, abs=1e-6)
            assert all(k.depth == box.depth + 1 for k in kids)


@pytest.mark.parametrize("seed", range(150))
def test_layout_of_random_trees_is_tidy(seed: int) -> None:
    """Random forests (1–60 units, depth 1–5) lay out with no overlapping boxes and parents centred over children."""
    roots = _random_forest(random.Random(seed))
    _assert_tidy(layout_org(roots))
    try:
        fitted = layout_org(roots, max_width_mm=152)
    except ChartError:
        return
    assert fitted.width <= 152
    _assert_tidy(fitted)


def test_connectors_are_orthogonal_and_reach_each_child() -> None:
    """Connectors are horizontal or vertical segments, and one ends on the top centre of every child box."""
    layout = layout_org(_random_forest(random.Random(7)) + LIBRARY)
    ends = set()
    for (x1, y1), (x2, y2) in layout.segments:
        assert x1 == pytest.approx(x2) or y1 == pytest.approx(y2)
        ends.add((round(x2, 6), round(y2, 6)))
    for box in layout.boxes:
        if box.parent is not None:
            assert (round(box.center_x, 6), round(box.y, 6)) in ends


def test_twelve_departments_fit_156mm_in_vertical_text() -> None:
    """Twelve departments under one head switch to vertical text and fit 156 mm at 10.5 pt."""
    layout = layout_org(LIBRARY, max_width_mm=152)
    assert layout.width <= 152
    assert layout.font_pt >= 9
    assert [b.vertical for b in layout.boxes] == [False] + [True] * 12
    for box in layout.boxes[1:]:  # one character per line: the box is at least as tall as its characters
        assert box.height >= len(box.name) * layout.font_pt * 25.4 / 72


def test_small_tree_keeps_horizontal_text_and_boxes_fit_their_text() -> None:
    """A tree that fits keeps horizontal text, each box at least as wide as its text (CJK 1 em per character)."""
    roots = [OrgBox("馆长室", "馆长 孔德安", (OrgBox("办公室"), OrgBox("少儿外借组")))]
    layout = layout_org(roots, max_width_mm=152)
    em = layout.font_pt * 25.4 / 72
    assert layout.font_pt == 10.5
    assert not any(b.vertical for b in layout.boxes)
    assert all(b.width >= max(len(b.name), len(b.head or "")) * em for b in layout.boxes)


def test_tree_too_wide_even_in_vertical_text_raises_chart_error() -> None:
    """Forty top-level units with heads (roots do not wrap) do not fit in 156 mm: ChartError, never text below 9 pt."""
    roots = [OrgBox(f"第{i}局", "局长 某某某") for i in range(40)]
    with pytest.raises(ChartError, match="156"):
        org_chart(roots)


def test_org_chart_without_units_or_names_raises_chart_error() -> None:
    """An empty chart or a unit without a name raises ChartError saying so."""
    with pytest.raises(ChartError, match="has no units"):
        org_chart([])
    with pytest.raises(ChartError, match="has no name"):
        org_chart([OrgBox("馆长室", None, (OrgBox(" "),))])


def test_org_chart_alt_text_lists_the_tree() -> None:
    """The alt text names each unit under its parent, heads in brackets, branches separated by "；"."""
    assert org_chart(LIBRARY).alt_text.startswith("组织结构图：馆长室（馆长 孔德安）下设办公室、采编部、外借部、")
    roots = [
        OrgBox("馆长室", None, (OrgBox("外借部", "主任 李某", (OrgBox("少儿组"), OrgBox("成人组"))),)),
        OrgBox("党支部"),
    ]
    assert org_chart(roots, title="组织机构").alt_text == (
        "组织结构图（组织机构）：馆长室下设外借部（主任 李某）；外借部下设少儿组、成人组；党支部。"
    )


def test_org_chart_draws_every_box_and_text_at_9pt_or_more() -> None:
    """draw_org draws one box per unit and every text at the layout's font size (>= 9 pt)."""
    layout = layout_org(LIBRARY, max_width_mm=152)
    fig = new_figure(layout.width + 4, layout.height + 4)
    with chart_style(chart_font()):
        ax = charts.draw_org(fig.add_axes((0, 0, 1, 1)), layout)
    assert len(ax.patches) == 13
    assert min(t.get_fontsize() for t in ax.texts) >= 9
    assert "".join(t.get_text() for t in ax.texts).startswith("馆长室馆长 孔德安办公室")
    image = org_chart(LIBRARY)
    assert image.width_mm <= 156
