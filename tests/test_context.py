"""Tests of turning a report into template blocks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import annual_docx
from annual_docx._content._context import build_context, role_lines, signature, spread

from .conftest import small_report


def fake_picture(source: Any, width_mm: float, alt: str) -> tuple[str, float, str]:
    return ("picture", width_mm, alt)


def blocks_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    context = build_context(annual_docx.validate(data), fake_picture)
    return [(b.kind, b.text) for b in context["blocks"]]


def test_sections_and_items_are_numbered_in_the_report_style() -> None:
    """Sections get 一、二、 and work items the next level's style (the seed's 1.)."""
    items = {"kind": "work_items", "title": "年度概况", "items": [{"title": "甲", "paragraphs": "p1"},
                                                              {"title": "乙", "paragraphs": ["p2"]}]}
    data = small_report(sections=[{"kind": "text", "title": "前言"}, items], numbering=["一、", "1."])
    assert blocks_of(data) == [
        ("heading1", "一、前言"),
        ("heading1", "二、年度概况"),
        ("heading3", "1.甲"),
        ("paragraph", "p1"),
        ("heading3", "2.乙"),
        ("paragraph", "p2"),
    ]


def test_gbt_default_numbering_uses_heading2_for_second_level() -> None:
    """With the default numbering the second level is （一） in Heading 2 (楷体)."""
    items = {"kind": "work_items", "title": "概况", "items": [{"title": "甲", "paragraphs": "p"}]}
    assert blocks_of(small_report(sections=[items]))[:2] == [("heading1", "一、概况"), ("heading2", "（一）甲")]


def test_personnel_headings_carry_totals_and_charts_get_alt_text() -> None:
    """Breakdown headings read 职称结构（共14人） and each chart becomes a figure with the data in its alt text."""
    section = {"kind": "personnel", "title": "人员结构", "breakdowns": [
        {"title": "职称结构", "categories": {"高级职称": 2, "中级职称": 8, "初级职称": 3, "管理人员": 1}},
        {"title": "学历结构", "categories": {"本科": 1}, "chart": "none", "show_total": False},
    ]}
    context = build_context(annual_docx.validate(small_report(sections=[section], numbering=["一、", "1."])),
                            fake_picture)
    kinds = [(b.kind, b.text) for b in context["blocks"]]
    assert kinds == [("heading1", "一、人员结构"), ("heading3", "1.职称结构（共14人）"), ("figure", ""),
                     ("heading3", "2.学历结构")]
    _, width, alt = context["blocks"][2].image
    assert "高级职称2人" in alt and "管理人员1人" in alt and width <= 156


def test_party_roles_line_up() -> None:
    """Role posts and names are padded with ideographic spaces to equal widths."""
    roles = [annual_docx.Role(title="书记", name="孔德安"), annual_docx.Role(title="组织委员", name="季旭")]
    assert role_lines(roles) == ["书\u3000\u3000记：孔德安", "组织委员：季\u3000旭"]
    assert spread("马", 3) == "马\u3000\u3000"
    assert spread("组织委员", 2) == "组织委员"


def test_awards_are_numbered_and_quoted() -> None:
    """Honours are listed 1.“name” without doubling existing quotes."""
    section = {"kind": "awards", "title": "获奖", "awards": [{"name": "先进集体"}, {"name": "“文明单位”"}]}
    data = small_report(sections=[section], numbering=["一、", "1."])
    assert blocks_of(data)[1:] == [("paragraph", "1.“先进集体”"), ("paragraph", "2.“文明单位”")]


def test_signature_follows_gbt9704_placement() -> None:
    """署名 sits 2 characters from the right; the date starts 2 characters right of the name, or, when longer,
    sits 2 characters from the right and pushes the name left."""
    short = signature("曲阜市图书馆文化和旅游局", dt.date(2021, 1, 5))
    assert short is not None and short.date == "2021年1月5日"
    assert (short.name_right, short.date_right) == (2.0, 6.0)  # 12 chars of name, 6 of date
    long = signature("某馆", dt.date(2021, 12, 25))
    assert long is not None and long.date_right == 2.0
    assert long.name_right == 2.0 + long_width("2021年12月25日") + 2 - 2
    assert signature(None, None) is None


def long_width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def test_user_text_passes_through_unchanged() -> None:
    """Template syntax in user text is kept as text in the blocks (escaping happens at render)."""
    data = small_report()
    data["sections"][0]["paragraphs"] = ["{{ title }} {% if x %} <w:p> & ]]>"]
    assert blocks_of(data)[1] == ("paragraph", "{{ title }} {% if x %} <w:p> & ]]>")


def test_yearbook_numbering_brackets_items_and_leaves_lists_unnumbered() -> None:
    """With numbering 一、/【】 work items read 【title】 in the Heading 3 look and awards carry no number."""
    items = {"kind": "work_items", "title": "读者服务", "items": [{"title": "概况", "paragraphs": "p"}]}
    awards = {"kind": "awards", "title": "荣誉", "awards": [{"name": "先进集体"}]}
    data = small_report(sections=[items, awards], numbering=["一、", "【】"])
    assert blocks_of(data) == [("heading1", "一、读者服务"), ("heading3", "【概况】"), ("paragraph", "p"),
                               ("heading1", "二、荣誉"), ("paragraph", "“先进集体”")]


def test_unnumbered_sections_keep_their_level() -> None:
    """numbering 无 gives plain section titles, still in Heading 1."""
    assert blocks_of(small_report(numbering=["无"]))[0] == ("heading1", "工作概况")


def test_spread_pads_a_name_left_empty_by_removed_control_characters() -> None:
    """A role whose name was only control characters (removed before rendering) pads to blanks, not a crash."""
    from annual_docx._content._context import spread

    assert spread("", 2) == "\u3000\u3000"
