"""Bars too thin to carry their numbers get a value axis back (``_charts/bar._show_value_axis``). With large values
(1,223,474 visits beside tens of thousands) matplotlib's own axis wrote ``0.0 … 2.5`` with an offset text ``1e6``
and the labels hung outside the figure, cropped to a bare 「0」. The axis is read here as matplotlib laid it out:
its labels' texts (the one formatter's ``format_ticks``: 万/亿 as reports write counts, no offset) and each label's
extent inside the figure and above the source note."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from annual_docx._charts import bar, line
from annual_docx._numbers import format_ticks

LABELS = [str(year) for year in range(2015, 2025)]
VISITS = [1223474, 1100000, 980000, 1300000, 1250000, 900000, 1400000, 1500000, 1600000, 1700000]
SERIES = [("线上访问量", VISITS),
          ("到馆人次", [35000, 40000, 38000, 42000, 45000, 20000, 30000, 50000, 52000, 55000]),
          ("外借册次", [131000, 120000, 125000, 140000, 150000, 90000, 110000, 160000, 170000, 180000])]


def drawn(monkeypatch: pytest.MonkeyPatch, series: list[tuple[str, list[Any]]], labels: list[str] = LABELS,
          **options: Any) -> Figure:
    """Draw the bars and return the figure as it was laid out for the PNG."""
    figures: list[Figure] = []
    original = bar.chart_image

    def keep(fig: Figure, alt_text: str, *, svg: bool = False) -> Any:
        figures.append(fig)
        return original(fig, alt_text, svg=svg)

    monkeypatch.setattr(bar, "chart_image", keep)
    bar.series_bar_chart("图书馆服务", labels, series, unit="人次", **options)
    (fig,) = figures
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()  # type: ignore[no-untyped-call]
    return fig


def value_labels(fig: Figure, horizontal: bool) -> list[Text]:
    ax = fig.axes[0]
    labels = ax.get_xticklabels() if horizontal else ax.get_yticklabels()
    return [t for t in labels if t.get_visible() and t.get_text()]


@pytest.mark.parametrize(("horizontal", "stacked", "source"), [
    (False, False, None), (True, False, "来源：本馆统计"), (False, True, "来源：本馆统计"), (True, True, None)])
def test_a_value_axis_of_large_counts_is_written_in_wan_and_fits(monkeypatch: pytest.MonkeyPatch, horizontal: bool,
                                                                  stacked: bool, source: str | None) -> None:
    fig = drawn(monkeypatch, SERIES, horizontal=horizontal, stacked=stacked, source=source)
    ax = fig.axes[0]
    axis = ax.xaxis if horizontal else ax.yaxis
    labels = value_labels(fig, horizontal)
    texts = [t.get_text() for t in labels]
    assert len(texts) >= 3 and texts[0] == "0" and all(t.endswith("万") for t in texts[1:]), texts
    ticks = list(ax.get_xticks() if horizontal else ax.get_yticks())
    assert texts == format_ticks(ticks)
    assert axis.get_offset_text().get_text() == ""  # no 1e6
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    page = fig.bbox
    for label in labels:
        box = label.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, label
    if source is not None:  # the labels under the plot stay above the source note
        note = next(t for t in fig.texts if t.get_text() == source).get_window_extent(renderer)
        assert all(label.get_window_extent(renderer).y0 >= note.y1 for label in ax.get_xticklabels()
                   if label.get_visible() and label.get_text())


def test_small_counts_keep_their_own_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below 万 the ticks are written like the chart's own labels (no 万, no separator, no offset)."""
    small = [(name, [v // 1000 for v in values]) for name, values in SERIES]
    fig = drawn(monkeypatch, small)
    texts = [t.get_text() for t in value_labels(fig, False)]
    assert texts and texts[0] == "0" and not any("万" in t or "," in t or "e" in t for t in texts), texts
    assert fig.axes[0].yaxis.get_offset_text().get_text() == ""


def test_bars_that_carry_their_numbers_show_no_value_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough bars keep their numbers on them, and the value axis stays hidden."""
    fig = drawn(monkeypatch, [("开放天数", [298, 301, 305]), ("讲座场次", [42, 45, 51])], LABELS[:3])
    assert value_labels(fig, False) == []


def test_ticks_are_written_as_reports_write_counts() -> None:
    assert format_ticks([0.0, 500000.0, 1000000.0, 1500000.0]) == ["0", "50万", "100万", "150万"]
    assert format_ticks([0.0, 5000.0, 10000.0, 15000.0]) == ["0", "0.5万", "1万", "1.5万"]
    assert format_ticks([0.0, 1e8, 2.5e8]) == ["0", "1亿", "2.5亿"]
    assert format_ticks([0.0, 2000.0, 4000.0]) == ["0", "2000", "4000"]
    assert format_ticks([0.0, 0.2, 0.4, 0.6000000000000001]) == ["0", "0.2", "0.4", "0.6"]
    assert format_ticks([]) == []


def test_a_line_chart_of_large_counts_is_written_in_wan(monkeypatch: pytest.MonkeyPatch) -> None:
    """The line chart's value axis takes the same labels (it printed ``1500000``; small values print as before)."""
    figures: list[Figure] = []
    original = line.chart_image

    def keep(fig: Figure, alt_text: str, *, svg: bool = False) -> Any:
        figures.append(fig)
        return original(fig, alt_text, svg=svg)

    monkeypatch.setattr(line, "chart_image", keep)
    line.line_chart("线上访问量", LABELS, SERIES[:1], unit="人次")
    line.line_chart("讲座场次", LABELS[:3], [("讲座", [42, 45, 51])], unit="场")
    (large, small) = figures
    for fig in figures:
        canvas = fig.canvas
        assert isinstance(canvas, FigureCanvasAgg)
        canvas.draw()  # type: ignore[no-untyped-call]
    texts = [t.get_text() for t in large.axes[0].get_yticklabels() if t.get_visible() and t.get_text()]
    assert texts[0] == "0" and all(t.endswith("万") for t in texts[1:]), texts
    assert texts == format_ticks(list(large.axes[0].get_yticks()))[:len(texts)]
    assert large.axes[0].yaxis.get_offset_text().get_text() == ""
    small_texts = [t.get_text() for t in small.axes[0].get_yticklabels() if t.get_visible() and t.get_text()]
    assert small_texts and not any("万" in t for t in small_texts) and all(t.isdigit() for t in small_texts)
