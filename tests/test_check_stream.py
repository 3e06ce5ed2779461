"""``check`` reads the body's paragraphs and tables from the streamed main part: the 公文 items never need the whole
``document.xml`` tree, and what is kept of the body holds no XML element (each block is freed after it is read)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from lxml import etree

import annual_docx
from annual_docx._ooxml.read import read_facts
from annual_docx._ooxml.reader import Package, open_package
from tests.gongwen_docx import Doc, para


def body() -> list[str]:
    return [para("关于某事的报告", "Title"), para("一、基本情况", "Heading1"), para("（一）做法", east_asia="黑体"),
            para("正文。")]


def test_the_main_part_is_never_parsed_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With Package.xml refusing the main part, check still finds the body's headings (one found wrong)."""
    path = Doc(body=body()).save(tmp_path / "d.docx")
    whole = Package.xml

    def no_main(self: Package, name: str) -> etree._Element:
        assert name != getattr(self, "main_part", None), "the main part was parsed whole"
        return whole(self, name)

    monkeypatch.setattr(Package, "xml", no_main)
    rows = annual_docx.check(path)
    wrong = [f for f in rows if f.item.startswith("二级标题") and not f.ok]
    assert wrong and "（一）做法" in wrong[0].where
    assert any(f.item.startswith("一级标题") and f.ok for f in rows)


def test_the_body_facts_hold_no_xml_element(tmp_path: Path) -> None:
    """Everything reachable from facts.body is plain data (strings, numbers, small records), never a tree node."""
    path = Doc(body=body() * 50).save(tmp_path / "d.docx")
    with open_package(path) as package:
        facts = read_facts(package)
    assert len(facts.body.paragraphs) == 200
    seen: set[int] = set()
    todo: list[object] = [facts.body]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        assert not isinstance(obj, etree._Element), obj
        todo.extend(gc.get_referents(obj))


def test_tab_stops_are_not_text(tmp_path: Path) -> None:
    """A paragraph's tab stops (w:pPr/w:tabs) are layout, not tabs in its text; the tabs of its runs are."""
    stops = '<w:tabs><w:tab w:val="left" w:pos="2000"/><w:tab w:val="left" w:pos="6000"/></w:tabs>'
    tabbed = f'<w:p><w:pPr>{stops}</w:pPr><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r></w:p>'
    path = Doc(body=[para("只有制表位", ppr=stops), tabbed]).save(tmp_path / "d.docx")
    with open_package(path) as package:
        facts = read_facts(package)
    assert [p.text for p in facts.body.paragraphs] == ["只有制表位", "甲\t乙"]


def test_each_body_offender_shows_its_own_look(tmp_path: Path) -> None:
    """Body text is judged once per look (font, size, weight) while streaming; a bold and a plain paragraph in the
    same wrong font each show their own look."""
    bold = para("加粗的正文。", east_asia="宋体").replace("<w:rPr>", "<w:rPr><w:b/>")
    rows = [f for f in annual_docx.check(Doc(body=[para("正文。", east_asia="宋体"), bold]).save(tmp_path / "b.docx"))
            if f.item == "正文段落 / body paragraphs"]
    assert [f.found for f in rows] == ["宋体 16.0 pt", "宋体 16.0 pt 加粗 / bold"]
