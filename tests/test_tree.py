"""Tests of the report tree: nested sections, blocks at any level, shorthands, heading numbers and levels."""

from __future__ import annotations

from typing import Any

import pytest

import annual_docx
from annual_docx import ReportValidationError
from annual_docx._content._context import build_context
from annual_docx._model.tree import expand, walk_sections
from annual_docx.schema import ContentSection

from .conftest import small_report
from .test_context import fake_picture


def blocks_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    context = build_context(annual_docx.validate(data), fake_picture)
    return [(b.kind, b.text) for b in context["blocks"]]


def nest(depth: int) -> dict[str, Any]:
    section: dict[str, Any] = {"title": f"第{depth}级", "paragraphs": [f"正文{depth}"]}
    for level in range(depth - 1, 0, -1):
        section = {"title": f"第{level}级", "sections": [section]}
    return section


def test_sections_nest_four_levels_with_the_gbt_numbers_and_heading_levels() -> None:
    """Four nested sections are 一、（一）1.（1） in Heading 1–4; a section needs no kind."""
    assert blocks_of(small_report(sections=[nest(4)])) == [
        ("heading1", "一、第1级"), ("heading2", "（一）第2级"), ("heading3", "1.第3级"), ("heading4", "（1）第4级"),
        ("paragraph", "正文4"),
    ]


def test_a_fifth_level_is_an_error_naming_the_section() -> None:
    """Sections nest at most four levels; the message names the too-deep section."""
    with pytest.raises(ReportValidationError) as info:
        annual_docx.validate(small_report(sections=[nest(5)]))
    (problem,) = info.value.problems
    assert "sections[0].sections[0].sections[0].sections[0].sections[0]" in str(problem)
    assert "4 levels" in str(problem)


def test_numbers_count_per_parent_and_an_unnumbered_section_keeps_its_siblings_numbers() -> None:
    """（一）（二） restart under each 一、; a section with numbered: false has no number and takes none."""
    first = {"title": "甲", "sections": [{"title": "子一"}, {"title": "附表", "numbered": False}, {"title": "子二"}]}
    second = {"title": "乙", "sections": [{"title": "子三"}]}
    assert blocks_of(small_report(sections=[first, {"title": "大事记", "numbered": False}, second])) == [
        ("heading1", "一、甲"), ("heading2", "（一）子一"), ("heading2", "附表"), ("heading2", "（二）子二"),
        ("heading1", "大事记"), ("heading1", "二、乙"), ("heading2", "（一）子三"),
    ]


def test_several_levels_may_be_unnumbered() -> None:
    """numbering ["无", "无"] is accepted; headings keep the level of their depth."""
    data = small_report(sections=[nest(2)], numbering=["无", "无"])
    assert blocks_of(data) == [("heading1", "第1级"), ("heading2", "第2级"), ("paragraph", "正文2")]


def test_a_numbered_level_may_not_repeat() -> None:
    """Two levels numbered alike would read as one level."""
    with pytest.raises(ReportValidationError, match="only 无 may repeat"):
        annual_docx.validate(small_report(numbering=["一、", "一、"]))


def test_a_breakdown_heading_is_numbered_with_the_subsections() -> None:
    """A breakdown's title is a heading one level down, counted together with the section's subsections."""
    section = {"title": "人员情况", "blocks": [
        {"type": "breakdown", "title": "年龄结构", "categories": {"青年": 2, "中年": 3}, "chart": "none"}],
        "sections": [{"title": "培训"}]}
    assert blocks_of(small_report(sections=[section])) == [
        ("heading1", "一、人员情况"), ("heading2", "（一）年龄结构（共5人）"), ("heading2", "（二）培训"),
    ]


def test_closing_blocks_come_after_the_subsections() -> None:
    """Order within a section: title, paragraphs, blocks, subsections, closing blocks."""
    section = {"title": "概况", "paragraphs": ["导语"], "blocks": [{"type": "list", "items": ["甲"]}],
               "sections": [{"title": "子"}], "closing": [{"type": "list", "items": ["乙"]}]}
    assert blocks_of(small_report(sections=[section])) == [
        ("heading1", "一、概况"), ("paragraph", "导语"), ("paragraph", "1.甲"), ("heading2", "（一）子"),
        ("paragraph", "1.乙"),
    ]


def test_every_shorthand_kind_expands_to_a_plain_section_with_the_same_output(tmp_path) -> None:
    """The older kinds stay accepted; expanded into plain sections they give the same blocks."""
    report = annual_docx.load("examples/qufu_2020.yaml")
    plain = report.model_copy(update={"sections": [expand(s) for s in report.sections]})
    assert all(isinstance(s, ContentSection) for s in plain.sections)
    ours = build_context(report, fake_picture)["blocks"]
    theirs = build_context(plain, fake_picture)["blocks"]
    assert [(b.kind, b.text, b.image) for b in ours] == [(b.kind, b.text, b.image) for b in theirs]


def test_walk_sections_names_fields_as_the_file_does() -> None:
    """Work items are walked as subsections under their own field name."""
    data = small_report(sections=[{"kind": "work_items", "title": "概况",
                                   "items": [{"title": "甲", "paragraphs": "p"}]}, nest(2)])
    found = [(path, depth, s.title) for path, depth, s in walk_sections(annual_docx.validate(data).sections)]
    assert found == [("sections[0]", 1, "概况"), ("sections[0].items[0]", 2, "甲"), ("sections[1]", 1, "第1级"),
                     ("sections[1].sections[0]", 2, "第2级")]


def test_attachments_hold_blocks() -> None:
    """An attachment's table is built with its own 表1 numbering on its page."""
    data = small_report(official={"attachments": [{"title": "活动明细", "blocks": [
        {"type": "table", "title": "明细", "header": ["月份", "场次"], "rows": [["1月", 3]]}]}]})
    (page,) = build_context(annual_docx.validate(data), fake_picture)["official"]["attachments"]
    (table,) = page["blocks"]
    assert table.xml.title == "表1 明细" and page["paragraphs"] == []


def test_a_level_may_be_numbered_yi_shi() -> None:
    """一是 / 二是 numbers a level; its headings keep the level of their depth."""
    data = small_report(sections=[{"title": "甲", "sections": [{"title": "强化服务"}, {"title": "加强管理"}]}],
                        numbering=["一、", "一是"])
    assert blocks_of(data) == [("heading1", "一、甲"), ("heading2", "一是强化服务"), ("heading2", "二是加强管理")]
