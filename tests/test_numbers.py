"""Tests of report-style number formatting and year-over-year phrases."""

from __future__ import annotations

import pytest

from annual_docx._numbers import CountStyle, change_percent, format_count, yoy_phrase


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
