"""Headings that GB/T 9704 7.3.3 does not number (issue 22, false alarms found on held-out real reports), each in a
small document built from a real one's shape:

- a competition 设计报告 numbered 第一章 / 1.1 / 1.1.1 (黑体 15/14/12 pt, body 宋体 小四): its 1.1 and 1.1.1 lines are
  headings of levels 2 and 3, not body paragraphs, and their fonts are a note (7.3.3 names faces for 一、（一）1.（1）);
- a company's 年度报告 with Heading 1 「释义」 and 「第一节 公司概况」 and Heading 2 「一、基本信息」: the 第一节 is
  a practice note, the unnumbered styled heading a level-1 heading (not a body paragraph), and the 一、 is judged
  as 一级标题 (黑体), not by its Heading 2 style as a 二级标题 (楷体) — the shape of the 年度报告摘要 whose 一、
  were labelled 二级标题."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

import annual_docx
from annual_docx._output._finding import Finding
from annual_docx._roles.heading import Candidate, heading
from annual_docx._roles.line import Plain
from annual_docx._roles.text import number_of


def _para(doc: object, text: str, face: str, size: float, bold: bool = False, style: str | None = None) -> None:
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()  # type: ignore[attr-defined]
    run = p.add_run(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, face
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


_BODY = "本作品开发了一款基于网页技术的三维分子动力学仿真平台，学生可以直观观察分子的微观运动和宏观热力学量的联系。"


def _design_report(path: Path) -> Path:
    doc = docx.Document()
    _para(doc, "作品设计报告", "黑体", 28, True)
    _para(doc, "参赛赛道：     自选2——教学资源和虚拟仿真", "宋体", 16)
    _para(doc, "作品名称：     绝热与等温——理想气体分子动力学过程的微观仿真", "宋体", 16)
    _para(doc, "参赛人：       张某  王某  许某", "宋体", 16)
    doc.add_paragraph()
    _para(doc, "目    录", "黑体", 16, True)  # a contents' title set by hand (no style): neither body nor heading
    for chapter, (name, sections) in enumerate((("需求分析", ("项目背景", "教学目标与意义")),
                                                ("详细设计", ("分子动力学模拟引擎", "热力学过程模拟"))), 1):
        _para(doc, f"第{'一二'[chapter - 1]}章  {name}", "黑体", 15, True)
        for k, section in enumerate(sections, 1):
            _para(doc, f"{chapter}.{k}  {section}", "黑体", 14, True)
            _para(doc, _BODY, "宋体", 12)
            _para(doc, f"{chapter}.{k}.1  边界反射与动壁处理", "黑体", 12, True)
            _para(doc, _BODY, "宋体", 12)
    doc.save(str(path))
    return path


def _annual_report(path: Path) -> Path:
    doc = docx.Document()
    _para(doc, "上海某科学仪器股份有限公司2015年年度报告", "宋体", 22, True)
    _para(doc, "释义", "黑体", 18, True, "Heading 1")
    _para(doc, "本报告中，除非另有说明，下列简称具有如下含义：公司指上海某科学仪器股份有限公司。", "宋体", 10.5)
    _para(doc, "第一节 公司概况", "黑体", 18, True, "Heading 1")
    _para(doc, "一、重要提示", "宋体", 12, False, "Heading 2")
    _para(doc, "公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整。", "宋体", 10.5)
    _para(doc, "二、基本信息", "宋体", 12, False, "Heading 2")
    _para(doc, "公司全称为上海某科学仪器股份有限公司，法定代表人为张某，公司成立于二〇〇五年。", "宋体", 10.5)
    doc.save(str(path))
    return path


def _rows(path: Path) -> list[Finding]:
    return list(annual_docx.check(path))


def test_decimal_numbers_are_heading_numbers() -> None:
    assert number_of("1.1  项目背景")[:2] == ("1.1", 2)
    assert number_of("2.3.1 关键算法")[:2] == ("1.1", 3)
    assert number_of("2.3.1关键算法")[:2] == ("1.1", 3)  # three parts: a number even without a space
    assert number_of("3.2.1.4 子步")[:2] == ("1.1", 4)
    assert number_of("1.5亿元用于设备购置")[0] == ""  # a quantity, not a number
    assert number_of("1.2存在董事、监事对年度报告内容存在异议")[0] == ""
    assert number_of("1. 总则")[:2] == ("1.", 3)  # GB/T 9704's 1. stays itself
    assert number_of("0.4 个千分点。")[0] == ""  # a bulletin's number broken onto a new line


def test_a_decimal_number_heads_a_short_line_of_its_own() -> None:
    assert heading(Plain("2.1  系统总体架构"), False, 1) == Candidate(2, "1.1")
    assert heading(Plain("3.1.2  边界反射与动壁处理"), False, 2) == Candidate(3, "1.1")
    # a bulletin's figure that Word broke onto a new line (「72.6 万户次，涉及劳动者…」) is body text
    assert heading(Plain("72.6 万户次，涉及劳动者 80.1 万人。全年共追发工资等待遇 90.5 亿元。"), False, 1) is None
    assert heading(Plain("4.7 万人。火化炉 7000 台"), False, 1) is None


def test_a_design_report_numbered_1_1_has_headings_not_body_paragraphs(tmp_path: Path) -> None:
    rows = _rows(_design_report(tmp_path / "design.docx"))
    body = [f for f in rows if f.item.startswith("正文段落")]
    assert body and not any("1." in f.where or "2." in f.where for f in body), [f.where for f in body]
    decimal = [f for f in rows if "「1.1」" in f.item and "字体字号" in f.item]
    assert {f.item.split("「")[0] for f in decimal} == {"二级标题", "三级标题"}
    assert all(f.severity == "note" and f.clause == "—" for f in decimal)  # 黑体 14 / 12 pt: a note at most
    assert any("2.1" in f.where for f in decimal)
    assert not any("「目" in f.where for f in rows if "字体字号" in f.item or f.item.startswith("正文段落"))


def test_a_heading_1_numbered_1_dot_stays_the_first_layer(tmp_path: Path) -> None:
    """A software manual's Heading 1 「1. 简介」: the number never pushes a heading deeper than its style."""
    doc = docx.Document()
    _para(doc, "统计资料指标数据抽取工具操作手册", "黑体", 22, True)
    for k, name in enumerate(("简介", "系统要求"), 1):
        _para(doc, f"{k}. {name}", "黑体", 16, True, "Heading 1")
        _para(doc, _BODY, "仿宋", 16)
    doc.save(str(tmp_path / "manual.docx"))
    rows = _rows(tmp_path / "manual.docx")
    level = [f for f in rows if "「1.」" in f.item and "字体字号" in f.item]
    assert level and all(f.item.startswith("一级标题") and f.ok for f in level)  # 黑体 16: right for layer 1


def test_sections_and_unnumbered_styled_headings_are_practice_and_yi_is_level_1(tmp_path: Path) -> None:
    rows = _rows(_annual_report(tmp_path / "annual.docx"))
    assert not any(f.item.startswith("正文段落") and ("释义" in f.where or "第一节" in f.where) for f in rows)
    section = [f for f in rows if "「第一节」" in f.item and "字体字号" in f.item]
    assert section and all(f.severity == "note" for f in section)
    assert any("释义" in f.where for f in rows if f.item.startswith("一级标题"))  # a heading of level 1, not body
    yi = [f for f in rows if "「一、」" in f.item and "字体字号" in f.item]
    assert yi and all(f.item.startswith("一级标题") and f.expected.startswith("黑体") for f in yi)
    assert any(f.severity == "violation" and "重要提示" in f.where for f in yi)  # 宋体 12 pt is a real 7.3.3 fault
    assert not any(f.item.startswith("二级标题「一、」") for f in rows)
