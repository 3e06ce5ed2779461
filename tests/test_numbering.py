"""Tests of literal heading numbers."""

from __future__ import annotations

import pytest

from annual_docx._numbering import chinese_number, heading_text, number


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (1001, "一千零一")],
)
def test_chinese_numbers_read_as_headings_write_them(n: int, text: str) -> None:
    """Numbers above ten read 十一、二十一; zeros inside read 零."""
    assert chinese_number(n) == text


def test_each_style_formats_its_number() -> None:
    """The four GB/T 9704 styles give 三、 （三） 3. （3）."""
    assert [number(s, 3) for s in ("一、", "（一）", "1.", "（1）")] == ["三、", "（三）", "3.", "（3）"]


def test_out_of_range_and_unknown_style_fail() -> None:
    """Zero and unknown styles are programming errors."""
    with pytest.raises(ValueError):
        chinese_number(0)
    with pytest.raises(ValueError):
        number("A.", 1)


def test_yearbook_and_unnumbered_headings() -> None:
    """Yearbook headings read 【概况】; 无 leaves the title as it is; the others prefix the number."""
    assert heading_text("【】", 3, "概况") == "【概况】"
    assert heading_text("无", 3, "概况") == "概况"
    assert heading_text("一、", 11, "概况") == "十一、概况"
