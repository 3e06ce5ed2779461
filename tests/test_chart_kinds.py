"""Line, grouped and stacked bar, horizontal bar and party charts: artists, texts, alt text, PNG and SVG output."""

from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Callable
from typing import Any

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

import annual_docx._charts as charts
from annual_docx._charts import Branch, ChartImage, category_chart, line_chart, party_chart, series_bar_chart
from annual_docx._charts._fonts import chart_font
from annual_docx._charts._png import new_figure
from annual_docx._charts._theme import chart_style
from annual_docx.errors import ChartError

YEARS = ["2016", "2017", "2018", "2019", "2020"]
LOANS = [("成人外借", [14.2, 15.1, 15.8, 16.3, 9.6]), ("少儿外借", [4.1, 4.6, 5.2, 5.5, 3.5])]
BRANCH = Branch("图书馆支部", (("书记", "孔德安"), ("组织委员", "王建伟"), ("宣传委员", "季旭"), ("纪检委员", "马亮")))


def _axes(draw: Callable[..., Any], *args: Any, width_mm: float = 140, **kw: Any) -> Any:
    fig = new_figure(width_mm, 70)
    with chart_style(chart_font()):
        ax = fig.add_axes((0.1, 0.12, 0.85, 0.72))
        draw(ax, *args, **kw)
        fig.canvas.draw()
    return ax


def _bars(ax: Any) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _luminance(colour: Any) -> float:
    r, g, b, _ = matplotlib.colors.to_rgba(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _figure_of(monkeypatch: pytest.MonkeyPatch, module: Any, make: Callable[[], ChartImage]) -> Figure:
    """Return the drawn figure behind a chart function, for artist inspection."""
    figures: list[Figure] = []
    original = module.chart_image

    def capture(fig: Figure, alt: str, **options: bool) -> ChartImage:
        fig.canvas.draw()
        figures.append(fig)
        return original(fig, alt, **options)

    monkeypatch.setattr(module, "chart_image", capture)
    make()
    return figures[0]


def _assert_texts_apart_and_inside(fig: Figure) -> None:
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    assert min(t.get_fontsize() for t in texts) >= 9
    boxes = [t.get_window_extent(renderer) for t in texts]
    for box in boxes:
        assert fig.bbox.x0 - 0.5 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5
        assert fig.bbox.y0 - 0.5 <= box.y0 and box.y1 <= fig.bbox.y1 + 0.5
    for a, b in itertools.combinations(boxes, 2):
        assert min(a.x1, b.x1) - max(a.x0, b.x0) <= 1 or min(a.y1, b.y1) - max(a.y0, b.y0) <= 1, (a, b)


# --- line ----------------------------------------------------------------------------------------------------------


def test_line_draws_one_line_per_series_through_the_values() -> None:
    """Each series is one line whose y data are its values over the year labels, named in the legend."""
    ax = _axes(charts.draw_line, YEARS, LOANS, unit="万册次")
    lines = [line for line in ax.lines if line.get_label() in ("成人外借", "少儿外借")]
    assert [list(line.get_ydata()) for line in lines] == [values for _, values in LOANS]
    assert [t.get_text() for t in ax.get_xticklabels()] == YEARS
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["成人外借", "少儿外借"]
    assert ax.get_ylim()[0] == 0  # the value axis starts at zero
    assert len({line.get_marker() for line in lines}) == 2 and len({line.get_linestyle() for line in lines}) == 2


def test_single_line_writes_its_values() -> None:
    """One series gets its values written above the points and no legend."""
    ax = _axes(charts.draw_line, YEARS, [("外借", [18.3, 19.7, 21.0, 21.8, 13.1])])
    assert [t.get_text() for t in ax.texts] == ["18.3", "19.7", "21", "21.8", "13.1"]
    assert ax.get_legend() is None


def test_series_colours_differ_in_luminance() -> None:
    """Lines and grouped bars of different series differ in grey level, so a grayscale print tells them apart."""
    series = [(f"系列{i}", [1.0, 2.0, 3.0]) for i in range(4)]
    line_ax = _axes(charts.draw_line, ["甲", "乙", "丙"], series)
    bar_ax = _axes(charts.draw_series_bar, ["甲", "乙", "丙"], series)
    for greys in (
        [_luminance(line.get_color()) for line in line_ax.lines],
        sorted({round(_luminance(bar.get_facecolor()), 3) for bar in _bars(bar_ax)}),
    ):
        assert len(greys) == 4
        assert all(abs(a - b) > 0.08 for a, b in itertools.combinations(greys, 2))


# --- grouped and stacked bars ---------------------------------------------------------------------------------------


def test_grouped_bars_stand_side_by_side_with_their_values() -> None:
    """Grouped bars: one bar per year and series, heights the values, each labelled with its value."""
    ax = _axes(charts.draw_series_bar, YEARS, LOANS, unit="万册次")
    bars = _bars(ax)
    assert [b.get_height() for b in bars] == LOANS[0][1] + LOANS[1][1]
    assert all(b.get_y() == 0 for b in bars)
    adult, child = bars[:5], bars[5:]
    assert all(a.get_x() + a.get_width() <= c.get_x() + 1e-9 for a, c in zip(adult, child, strict=True))
    assert [t.get_text() for t in ax.texts] == [
        "14.2",
        "15.1",
        "15.8",
        "16.3",
        "9.6",
        "4.1",
        "4.6",
        "5.2",
        "5.5",
        "3.5",
        "单位：万册次",
    ]


def test_stacked_bars_sit_on_each_other_with_totals_on_top() -> None:
    """Stacked bars: the second series starts where the first ends, and each stack carries its total."""
    ax = _axes(charts.draw_series_bar, YEARS, LOANS, stacked=True)
    bars = _bars(ax)
    assert [b.get_y() for b in bars[5:]] == pytest.approx(LOANS[0][1])
    assert [b.get_height() for b in bars[5:]] == pytest.approx(LOANS[1][1])
    texts = [t.get_text() for t in ax.texts]
    assert texts[-5:] == ["18.3", "19.7", "21", "21.8", "13.1"]


def test_stacked_horizontal_bars_grow_to_the_right() -> None:
    """Horizontal stacked bars have the values as widths, years on the vertical axis, first year on top."""
    ax = _axes(charts.draw_series_bar, YEARS, LOANS, stacked=True, horizontal=True)
    bars = _bars(ax)
    assert [b.get_width() for b in bars] == pytest.approx(LOANS[0][1] + LOANS[1][1])
    assert [b.get_x() for b in bars[5:]] == pytest.approx(LOANS[0][1])
    assert [t.get_text() for t in ax.get_yticklabels()] == YEARS
    assert ax.yaxis_inverted()


def test_thin_grouped_bars_drop_numbers_and_show_the_value_axis() -> None:
    """Bars too thin for a 9 pt number carry none; the value axis comes back instead."""
    series = [(f"系列{i}", [1234.5] * 12) for i in range(5)]
    ax = _axes(charts.draw_series_bar, [f"{m}月" for m in range(1, 13)], series, width_mm=80)
    assert [t.get_text() for t in ax.texts] == []
    assert ax.spines["left"].get_visible()


def test_category_barh_has_value_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """kind="barh" draws horizontal bars whose widths are the counts, each labelled "13人"."""
    from annual_docx._charts import personnel

    data = [("大专学历", 1), ("本科学历", 13), ("研究生学历", 0)]
    fig = _figure_of(monkeypatch, personnel, lambda: category_chart("学历结构", data, kind="barh"))
    ax = fig.axes[0]
    assert [b.get_width() for b in _bars(ax)] == [1, 13, 0]
    assert [t.get_text() for t in ax.texts] == ["1人", "13人", "0人"]
    assert category_chart("学历结构", data, kind="barh").alt_text.startswith("学历结构条形图：大专学历1人（7.1%）")


@pytest.mark.parametrize(
    "make",
    [
        lambda: line_chart("外借册次", YEARS, LOANS, unit="万册次", source="资料来源：业务统计"),
        lambda: series_bar_chart("外借册次", YEARS, LOANS, unit="万册次"),
        lambda: series_bar_chart("外借册次", YEARS, LOANS, unit="万册次", stacked=True, horizontal=True),
    ],
)
def test_series_chart_texts_do_not_overlap_and_stay_inside(
    monkeypatch: pytest.MonkeyPatch, make: Callable[[], ChartImage]
) -> None:
    """Titles, legends, values and source notes are >= 9 pt, inside the picture and apart from each other."""
    from annual_docx._charts import bar, line

    for module in (line, bar):
        original = module.chart_image

        def capture(fig: Figure, alt: str, original: Any = original, **options: bool) -> ChartImage:
            fig.canvas.draw()
            _assert_texts_apart_and_inside(fig)
            return original(fig, alt, **options)  # type: ignore[no-any-return]

        monkeypatch.setattr(module, "chart_image", capture)
    make()


def test_series_alt_text_reads_year_by_year() -> None:
    """The alt text names the kind, each series and every year's value with its unit."""
    assert line_chart("外借册次", YEARS, LOANS, unit="万册次").alt_text == (
        "外借册次折线图：成人外借，2016年14.2万册次、2017年15.1万册次、2018年15.8万册次、2019年16.3万册次、"
        "2020年9.6万册次；少儿外借，2016年4.1万册次、2017年4.6万册次、2018年5.2万册次、2019年5.5万册次、2020年3.5万册次。"
    )
    assert (
        series_bar_chart("外借", ["一季度"], [("成人", [3])], stacked=True).alt_text
        == "外借堆积柱状图：成人，一季度3。"
    )


@pytest.mark.parametrize(
    ("labels", "series", "message"),
    [
        ([], LOANS, "non-empty labels"),
        (YEARS, [], "no series"),
        (YEARS, [("成人外借", [1, 2, 3])], "has 3 values for 5 labels"),
        (YEARS, [("成人外借", [1, 2, 3, 4, -5])], "must be a number >= 0"),
        (YEARS, [(" ", [1, 2, 3, 4, 5])], "has no name"),
    ],
)
def test_bad_series_data_raises_chart_error(labels: list[str], series: Any, message: str) -> None:
    """Empty labels or series, a wrong number of values, negatives and unnamed series raise ChartError."""
    for make in (line_chart, series_bar_chart):
        with pytest.raises(ChartError, match=message):
            make("外借册次", labels, series)


# --- party ---------------------------------------------------------------------------------------------------------


def test_party_chart_puts_the_roles_under_the_branch() -> None:
    """The branch is one box on top, each role a box below it with the post over the name."""
    ax = _axes(charts.draw_party, [BRANCH], max_width_mm=130)
    boxes = _bars(ax)
    assert len(boxes) == 5
    top, roles = boxes[0], boxes[1:]
    assert all(r.get_y() > top.get_y() + top.get_height() for r in roles)  # y grows downwards
    assert [t.get_text() for t in ax.texts] == [
        "图书馆支部",
        "书记",
        "孔德安",
        "组织委员",
        "王建伟",
        "宣传委员",
        "季旭",
        "纪检委员",
        "马亮",
    ]
    assert min(t.get_fontsize() for t in ax.texts) >= 9


def test_party_chart_alt_text_and_png() -> None:
    """The party chart's alt text lists every post and name, and its PNG is 300 dpi at the placed size."""
    image = party_chart([BRANCH, Branch("退休支部", (("书记", "李某"),))])
    assert image.alt_text == (
        "党组织架构图：图书馆支部，书记孔德安，组织委员王建伟，宣传委员季旭，纪检委员马亮；退休支部，书记李某。"
    )
    png = Image.open(io.BytesIO(image.png))
    assert png.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert png.size[0] == pytest.approx(image.width_mm / 25.4 * 300, abs=2) and image.width_mm <= 156
    assert png.mode == "RGB"


def test_party_chart_names_the_role_a_character_is_missing_from() -> None:
    """A role name no font covers raises ChartError naming branches[i].roles[j].name."""
    with pytest.raises(ChartError, match=r"branches\[0\]\.roles\[1\]\.name"):
        party_chart([Branch("支部", (("书记", "孔德安"), ("委员", "王\ue000")))])


# --- output --------------------------------------------------------------------------------------------------------


def test_new_kinds_are_byte_identical_across_renders() -> None:
    """Line, bar and party charts give the same PNG bytes for the same input."""
    for make in (
        lambda: line_chart("外借册次", YEARS, LOANS),
        lambda: series_bar_chart("外借册次", YEARS, LOANS, stacked=True),
        lambda: party_chart([BRANCH]),
    ):
        assert make().png == make().png


def test_svg_is_optional_deterministic_and_draws_text_as_outlines() -> None:
    """svg=True adds an SVG with no date and no font-dependent text elements, the same bytes every time."""
    assert line_chart("外借册次", YEARS, LOANS).svg is None
    first = line_chart("外借册次", YEARS, LOANS, svg=True).svg
    assert first is not None and first == line_chart("外借册次", YEARS, LOANS, svg=True).svg
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert b"<text" not in first and b"<dc:date>" not in first
    assert party_chart([BRANCH], svg=True).svg is not None
    assert category_chart("职称结构", [("高级职称", 2)], svg=True).svg is not None


def test_bold_text_falling_back_to_wenquanyi_logs_no_weight_warning(caplog: pytest.LogCaptureFixture) -> None:
    """A bold title with a letter only WenQuanYi has (Ą) draws without a missing-weight or missing-glyph message."""
    with caplog.at_level(logging.INFO, logger="matplotlib"):
        image = line_chart("Ąąć 外借", YEARS, LOANS)
    assert image.png
    assert not [r for r in caplog.records if "weight" in r.getMessage() or "missing" in r.getMessage()]


def test_lines_are_line2d_artists() -> None:
    """draw_line returns the Axes it drew on, holding Line2D artists."""
    ax = _axes(charts.draw_line, YEARS, LOANS)
    assert all(isinstance(line, Line2D) for line in ax.lines)


@pytest.mark.parametrize(
    "make",
    [
        lambda: line_chart("外借册次", YEARS, LOANS, width_mm=120),
        lambda: series_bar_chart("外借册次", YEARS, LOANS, source="资料来源：业务统计"),
        lambda: series_bar_chart("外借册次", YEARS, LOANS, stacked=True, horizontal=True, width_mm=156),
        lambda: category_chart("学历结构", [("大专学历", 1), ("本科学历", 13)], kind="barh", width_mm=90),
    ],
)
def test_every_kind_decodes_at_300_dpi_and_its_placed_size(make: Callable[[], ChartImage]) -> None:
    """Each kind's PNG is RGB, 300 dpi in its pHYs chunk, with pixels = placed mm / 25.4 × 300."""
    image = make()
    png = Image.open(io.BytesIO(image.png))
    assert png.mode == "RGB" and png.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert png.size == pytest.approx((image.width_mm / 25.4 * 300, image.height_mm / 25.4 * 300), abs=2)
    assert image.width_mm <= 156
