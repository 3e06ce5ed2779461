"""Tests of the one number formatter (``annual_docx._numbers``): report-style counts, table cells and totals, chart
labels, shares, numbers as written, and year-over-year phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from annual_docx._charts._chart_facts import describe_categories, shares
from annual_docx._numbers import (
    CountStyle,
    SourceFloat,
    change_percent,
    format_count,
    format_fixed,
    format_label,
    format_number,
    format_percent,
    written,
    yoy_phrase,
)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (131_000, "册次", "13.10万册次"),
        (13_600, "人", "1.36万人"),
        (2_497, "人", "2,497人"),
        (433, "个", "433个"),
        (9_999, "", "9,999"),
        (123_456_789, "元", "1.23亿元"),
        (0.5, "天", "0.5天"),
        (1_234.5, "平方米", "1,234.5平方米"),
    ],
)
def test_counts_are_written_like_the_reports(value: float, unit: str, text: str) -> None:
    """Counts of ten thousand and more read 13.10万; smaller ones get a thousands separator."""
    assert format_count(value, unit) == text


def test_number_style_is_configurable() -> None:
    """The 万 threshold, decimals and separator follow the agency's style."""
    style = CountStyle(wan_from=100_000, wan_decimals=1, thousands_separator="")
    assert format_count(143_000, "人次", style) == "14.3万人次"
    assert format_count(27_000, "人次", style) == "27000人次"


def test_half_rounds_up_not_to_even() -> None:
    """0.125 万 rounds to 0.13 (half up), as people round, not banker's rounding."""
    assert format_count(11_250, "人") == "1.13万人"


@pytest.mark.parametrize(
    ("this", "last", "phrase"),
    [
        (130, 120, "同比增长8.3%"),
        (88, 100, "同比下降12.0%"),
        (100, 100, "与上年持平"),
        (100_004, 100_000, "与上年持平"),
        (5, 0, "上年为0"),
        (0, 0, "与上年持平"),
        (5, None, ""),
    ],
)
def test_yoy_phrases(this: float, last: float | None, phrase: str) -> None:
    """Year-over-year phrases say growth, decline or no change to one decimal."""
    assert yoy_phrase(this, last) == phrase


def test_change_percent_of_negative_base_keeps_direction() -> None:
    """A loss that shrinks is an improvement: (-50 → -25) is +50%."""
    assert change_percent(-25, -50) == 50
    assert change_percent(1, 0) is None


@pytest.mark.parametrize(
    ("value", "cell", "label"),
    [
        (2_497, "2,497", "2497"),
        (12_500.0, "12,500", "12500"),
        (2.5, "2.5", "2.5"),
        (1 / 3, "0.33", "0.33"),
        (SourceFloat(156.4, "156.40"), "156.40", "156.40"),
        (SourceFloat(1.0, "1.0"), "1.0", "1.0"),
        (SourceFloat(12_345.6, "12345.60"), "12345.60", "12345.60"),
        (-0.001, "0", "0"),
        ("约3千", "约3千", "约3千"),
        (None, "", ""),
    ],
)
def test_tables_and_charts_print_a_number_the_same_way_but_for_the_separator(
        value: float | str | None, cell: str, label: str) -> None:
    """A table cell and a chart label come from one formatter: as written in the report file, else at most two
    decimals; only the table puts a separator between thousands."""
    assert format_number(value) == cell
    assert format_label(value) == label


@pytest.mark.parametrize(("value", "text"), [(0.125, "0.13"), (2.675, "2.68"), (1.005, "1.01"), (0.115, "0.12")])
def test_cells_and_labels_round_half_up_like_counts(value: float, text: str) -> None:
    """Every rounding is 四舍五入 on the number as written in decimals, as counts and changes always were (a float's
    own formatting would give 0.12, 2.67, 1.00 and 0.12: half to even on the binary value)."""
    assert format_number(value) == format_label(value) == text
    assert format_count(value) == str(value)  # counts below 万 keep every decimal


def test_shares_round_half_up_and_keep_one_decimal() -> None:
    """A share of exactly 6.25 % is 6.3 % (四舍五入), the same rule as 同比 changes; a zero total gives 0.0 %."""
    assert shares([("甲", 1), ("乙", 15)]) == ["6.3%", "93.8%"]
    assert shares([("甲", 0), ("乙", 0)]) == ["0.0%", "0.0%"]
    assert format_percent(-0.04) == "0.0%"
    assert yoy_phrase(106.25, 100) == "同比增长6.3%"


def test_alt_text_prints_numbers_as_written_without_separators() -> None:
    """The alt text of a pie names each number as the chart label does."""
    data = [("高级", SourceFloat(2.0, "2.0")), ("中级", 12_000.0)]
    assert describe_categories("职称", data, "人", "pie") == (
        "职称饼图：高级2.0人（0.0%），中级12000人（100.0%），共12002人。")


def test_only_plain_digits_print_as_written() -> None:
    """``.5`` or ``1e3`` in a report file are numbers, printed the library's way (0.5, 1,000), not as typed."""
    assert written(SourceFloat(0.5, ".5")) is None
    assert format_label(SourceFloat(0.5, ".5")) == "0.5"
    assert format_number(SourceFloat(1000.0, "1e3")) == "1,000"
    assert written(SourceFloat(156.4, "156.40")) == "156.40"
    assert written(156.4) is None


def test_exact_numbers_print_as_given_and_whole_ones_without_decimals() -> None:
    """The govinfo tables' figures (Decimals) print through the same formatter: 66, 1.50, 12,345 (or 12345)."""
    assert format_number(Decimal("66.00"), separator="") == "66"
    assert format_number(Decimal("1.50")) == "1.50"
    assert format_number(Decimal("12345")) == "12,345"
    assert format_number(Decimal("12345"), separator="") == "12345"
    assert format_number(Decimal("1.5E-7")) == "0.00000015"


def test_a_total_keeps_the_decimals_and_separator_of_its_column() -> None:
    assert format_fixed(0.1 + 0.2, 2) == "0.30"
    assert format_fixed(1234.5 + 0.25, 2, separator=",") == "1,234.75"
