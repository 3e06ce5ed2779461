"""A document mixing a styled heading (Heading 1 「概况」) with plain numbered lines (「一、基本情况」) imports the
guessed 一、 headings at level 1 beside the styled one, and a guessed （一） one level below them — tested through
`annual_docx.import_docx` only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

import annual_docx


def tree(sections: list[Any]) -> list[Any]:
    return [(s.title, s.numbered, tree(s.sections)) if s.sections else (s.title, s.numbered) for s in sections]


def test_guessed_yi_headings_sit_beside_a_styled_heading_1(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("某县图书馆2023年工作总结", style="Title")
    doc.add_paragraph("概况", style="Heading 1")
    doc.add_paragraph("2023年，我馆认真履行公共文化服务职能，各项工作稳步推进，现将有关情况报告如下。")
    doc.add_paragraph("一、基本情况")
    doc.add_paragraph("全馆在职职工25人，馆舍面积5600平方米，全年接待读者14.3万人次，比上年有所增长。")
    doc.add_paragraph("二、主要工作")
    doc.add_paragraph("（一）阅读推广")
    doc.add_paragraph("全年举办阅读推广活动120场，参与读者2.1万人次，服务效能持续提升。")
    doc.add_paragraph("三、下一步打算")
    doc.add_paragraph("继续推进总分馆制建设，加强数字资源建设，提升服务质量和水平。")
    path = tmp_path / "mixed.docx"
    doc.save(str(path))
    report = annual_docx.import_docx(path, assets=tmp_path / "assets")
    assert tree(report.sections) == [("概况", False), ("基本情况", True), ("主要工作", True, [("阅读推广", True)]),
                                     ("下一步打算", True)]
    assert report.sections[1].paragraphs[0].startswith("全馆在职职工25人")
    assert report.sections[2].sections[0].paragraphs[0].startswith("全年举办阅读推广活动")
    assert report.numbering[:2] == ["一、", "（一）"]
