"""Tests of long-title breaking: word boundaries, trapezoid shape, lines that fit."""

from __future__ import annotations

import itertools

import pytest

from annual_docx._content._title import TITLE_CHARS, break_points, title_lines


def test_short_title_stays_on_one_line() -> None:
    """A title of at most 20 characters is not broken."""
    assert title_lines("2020年度曲阜市图书馆工作年报") == ["2020年度曲阜市图书馆工作年报"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2020年度曲阜市图书馆关于全省公共图书馆数字化评估推广项目工作情况的报告",
         ["2020年度曲阜市图书馆关于全省公共图书馆", "数字化评估推广项目工作情况的报告"]),
        ("2021年度中国共产党曲阜市委员会宣传部工作年报", ["2021年度中国共产党曲阜市委员会", "宣传部工作年报"]),
    ],
)
def test_long_title_breaks_at_a_word_into_a_trapezoid(title: str, expected: list[str]) -> None:
    """A long title breaks after a whole word (委员会, not 市|委员会), longer line above."""
    assert title_lines(title) == expected


def test_every_line_fits_and_shape_is_a_trapezoid() -> None:
    """No line is wider than 20 characters and no line is longer than the one above it."""
    title = "曲阜市图书馆关于开展全民阅读推广活动暨第十五届全省读书朗诵大赛曲阜市选拔赛情况的总结报告"
    lines = title_lines(title)
    assert "".join(lines) == title and len(lines) >= 2
    assert all(len(line) <= TITLE_CHARS for line in lines)
    assert all(len(a) >= len(b) for a, b in itertools.pairwise(lines))


def test_never_breaks_inside_quotes_when_avoidable() -> None:
    """A short 《》 name is kept whole."""
    title = "关于转发《曲阜市图书馆安全工作方案》的补充通知"
    points = break_points(title)
    inside = range(title.index("《") + 1, title.index("》") + 1)
    assert not [p for p in points if p in inside]
    lines = title_lines(title)
    assert lines == ["关于转发《曲阜市图书馆安全工作方案》", "的补充通知"]
