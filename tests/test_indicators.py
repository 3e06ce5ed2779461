"""Tests of statistics blocks: column labels, units in row names, rates in 百分点, the change as a column and as
prose."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx
from annual_docx._numbers import change_cell, change_phrase

from .conftest import small_report
from .docxcheck import NS, part
from .test_blocks import cells, paragraphs, render_blocks

LIBRARY = [
    {"name": "外借册次", "value": 206000, "unit": "册次", "last_year": 200000},
    {"name": "外借率", "value": 68, "unit": "%", "last_year": 67},
    {"name": "到馆读者", "value": 9500, "unit": "人次", "last_year": 9500},
    {"name": "数字资源", "value": 12.5, "unit": "TB"},
]


@pytest.mark.parametrize(("this", "last", "unit", "words", "signed", "prose"), [
    (68, 67, "%", "提高1个百分点", "+1个百分点", "同比提高1个百分点"),
    (67.5, 68, "%", "下降0.5个百分点", "-0.5个百分点", "同比下降0.5个百分点"),
    (42.04, 42, "％", "与上年持平", "0个百分点", "与上年持平"),
    (103, 100, "册", "增长3.0%", "+3.0%", "同比增长3.0%"),
    (88, 100, "", "下降12.0%", "-12.0%", "同比下降12.0%"),
    (99.99, 100, "人", "与上年持平", "0.0%", "与上年持平"),
    (5, None, "%", "—", "—", ""),
])
def test_changes_of_counts_are_percent_and_of_rates_are_points(
    this: float, last: float | None, unit: str, words: str, signed: str, prose: str
) -> None:
    """外借率 67% → 68% is 提高1个百分点 (not 增长1.5%); counts change in percent; rounding never gives -0."""
    assert change_cell(this, last, unit) == words
    assert change_cell(this, last, unit, signed=True) == signed
    assert change_phrase(this, last, unit=unit) == prose


def test_a_rate_is_compared_in_points_in_the_table(tmp_path: Path) -> None:
    """The default table: 上年 / 本年 / 同比 in words, the rate's change in 百分点."""
    out = render_blocks(tmp_path, {"type": "indicators", "indicators": LIBRARY})
    assert cells(out) == [[
        ["指标", "上年", "本年", "同比"],
        ["外借册次", "20.00万册次", "20.60万册次", "增长3.0%"],
        ["外借率", "67%", "68%", "提高1个百分点"],
        ["到馆读者", "9,500人次", "9,500人次", "与上年持平"],
        ["数字资源", "—", "12.5TB", "—"],
    ]]


def test_labels_units_in_names_signed_changes_and_a_sentence(tmp_path: Path) -> None:
    """Column labels of the clerk's choice, the unit kept in the row name, the change signed, and the same figures
    as one sentence of prose before the table."""
    block = {"type": "indicators", "title": "主要业务指标对比", "indicators": LIBRARY[:3], "unit_in": "name",
             "change": "signed", "labels": {"last_year": "2015年", "value": "2016年", "change": "增减"},
             "summary": "全年"}
    out = render_blocks(tmp_path, block, year=2016)
    assert cells(out) == [[
        ["指标", "2015年", "2016年", "增减"],
        ["外借册次（册次）", "20.00万", "20.60万", "+3.0%"],
        ["外借率（%）", "67", "68", "+1个百分点"],
        ["到馆读者（人次）", "9,500", "9,500", "0.0%"],
    ]]
    sentence = "全年外借册次20.60万册次，同比增长3.0%；外借率68%，同比提高1个百分点；到馆读者9,500人次，与上年持平。"
    text = paragraphs(out)
    assert sentence in text and text.index(sentence) < text.index("表1 主要业务指标对比")


def test_without_the_change_column(tmp_path: Path) -> None:
    """`change: none` leaves the change column out and keeps both years."""
    out = render_blocks(tmp_path, {"type": "indicators", "indicators": LIBRARY[:1], "change": "none"})
    assert cells(out) == [[["指标", "上年", "本年"], ["外借册次", "20.00万册次", "20.60万册次"]]]


def test_a_sheet_may_name_its_columns_by_the_labels(tmp_path: Path) -> None:
    """A CSV whose header is 项目 / 单位 / 2015年 / 2016年 is read through the block's labels."""
    (tmp_path / "stats.csv").write_text("项目,单位,2015年,2016年\n外借率,%,67,68\n", encoding="utf-8")
    block = {"type": "indicators", "source": {"path": "stats.csv"},
             "labels": {"name": "项目", "last_year": "2015年", "value": "2016年"}}
    out = render_blocks(tmp_path, block, year=2016)
    assert cells(out) == [[["项目", "2015年", "2016年", "同比"], ["外借率", "67%", "68%", "提高1个百分点"]]]


def test_year_labels_are_not_flagged_by_lint() -> None:
    """A 2016 report comparing with 2015 in its column labels and title gets no year warning."""
    block = {"type": "indicators", "title": "2015—2016年主要指标", "indicators": LIBRARY[:1],
             "labels": {"last_year": "2015年", "value": "2016年"}}
    data = small_report(year=2016)
    data["sections"][0]["blocks"] = [block]
    assert annual_docx.lint(annual_docx.validate(data)) == []


def test_bad_labels_and_options_are_clear_errors() -> None:
    """A misspelt label key lists the valid ones; an unknown change style lists the styles."""
    data = small_report()
    data["sections"][0]["blocks"] = [{"type": "indicators", "indicators": LIBRARY[:1], "change": "percent",
                                      "labels": {"this_year": "2016年"}}]
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.validate(data)
    text = str(caught.value)
    assert "labels.this_year" in text and "valid keys: name, last_year, value, change" in text
    assert "sections[0].blocks[0].change" in text and "'signed'" in text


def test_columns_are_as_wide_as_their_text(tmp_path: Path) -> None:
    """Long row names and 百分点 changes get wider columns than the figures, so they do not wrap needlessly."""
    block = {"type": "indicators", "unit_in": "name", "indicators": [
        {"name": "数字资源访问量", "value": 96000, "unit": "人次", "last_year": 121000},
        {"name": "免费开放率", "value": 100, "unit": "%", "last_year": 96.5}]}
    out = render_blocks(tmp_path, block)
    grid = [int(w) for w in part(out, "word/document.xml").xpath("//w:tbl/w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    name, last, this, change = grid
    assert name > change > max(last, this)
