"""A section whose subsections are numbered in another style (`child_numbering`): 三、存在的问题和下一步打算 with 1. 2.
directly under it, as headings of the number style's level; lint, check and import keep working."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

import annual_docx

from .conftest import small_report


def plan_report(**extra: Any) -> dict[str, Any]:
    sections = [
        {"title": "年度工作", "sections": [{"title": "展览", "paragraphs": ["举办展览。"]},
                                         {"title": "社教", "paragraphs": ["开展活动。"]}]},
        {"title": "存在的问题和下一步打算", "child_numbering": "1.", **extra, "sections": [
            {"title": "存在的问题", "paragraphs": ["展厅不足。"],
             "sections": [{"title": "细项", "paragraphs": ["甲。"]}]},
            {"title": "下一步打算", "paragraphs": ["扩建展厅。"]}]},
        {"kind": "work_items", "title": "2022年工作打算", "child_numbering": "1.", "items": [
            {"title": "办好陈列", "paragraphs": ["甲。"]}, {"title": "保护藏品", "paragraphs": ["乙。"]},
            {"title": "拓展社教", "paragraphs": ["丙。"]}]},
    ]
    return small_report(sections=sections)


def headings(out: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]


def test_a_sections_children_numbered_in_another_style_are_headings_of_that_style(tmp_path: Path) -> None:
    """1. 2. directly under 二、 are Heading 3 (the 1. level's look, always below the parent); the level below goes on
    with the style after 1. in `numbering` ((1)); siblings elsewhere keep （一）; a work-items shorthand takes it too;
    lint sees the styles the page shows (no W-NUMBERING) and the rendered document passes check."""
    report = annual_docx.validate(plan_report())
    assert annual_docx.lint(report) == []
    out = annual_docx.render(report, tmp_path / "plan.docx")
    assert headings(out) == [
        ("Heading 1", "一、年度工作"), ("Heading 2", "（一）展览"), ("Heading 2", "（二）社教"),
        ("Heading 1", "二、存在的问题和下一步打算"), ("Heading 3", "1.存在的问题"), ("Heading 4", "（1）细项"),
        ("Heading 3", "2.下一步打算"),
        ("Heading 1", "三、2022年工作打算"), ("Heading 3", "1.办好陈列"), ("Heading 3", "2.保护藏品"),
        ("Heading 3", "3.拓展社教")]
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []
    imported = annual_docx.import_docx(out, assets=tmp_path / "assets")
    again = annual_docx.render(imported, tmp_path / "again.docx")
    assert [t for _, t in headings(again)] == [t for _, t in headings(out)]


def test_lint_follows_child_numbering() -> None:
    """A subsection numbered 1. under a 1. parent is flagged as for the report's own numbering."""
    data = plan_report()
    data["sections"][1]["sections"][0]["child_numbering"] = "1."
    problems = annual_docx.lint(annual_docx.validate(data))
    assert [(p.path, p.code) for p in problems] == [("sections[1].sections[0].sections[0]", "W-NUMBERING")]
