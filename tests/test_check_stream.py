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


@pytest.mark.parametrize("window", [*range(6, 15), 40])
def test_small_windows_find_what_one_window_finds(example_docx: Path, tmp_path: Path, window: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The role stream classifies in windows (4096 paragraphs; an adapter over today's recogniser): with windows of
    6 to 14 or 40 paragraphs the rendered example (版头, title, headings, 附件说明, 落款, 附件, 版记), a hand-typed 公文
    and a 公文 with a centred line and a colon line far below its title, a two-line 附件说明 and a second date give
    the same findings as in one window — no part is cut at a window's edge, the title, 版头 and 主送 are looked for
    in the first window only, the 成文日期 is the first."""
    from annual_docx._output import _check_stream
    from tests.test_check_parts import _office_document

    office = _office_document(tmp_path / "office.docx")
    centre = '<w:jc w:val="center"/>'
    right = '<w:jc w:val="right"/><w:ind w:rightChars="400"/>'
    later = Doc(body=[para("关于某事的通知", "Title"), *[para(f"正文第{i}段。") for i in range(20)],
                      para("（此页无正文）", ppr=centre, size_pt=22),
                      para("各单位：", ppr='<w:ind w:firstLineChars="0"/>'),
                      para("正文。"), para("附件：1. 甲表", ppr='<w:ind w:firstLineChars="200"/>'),
                      para("2. 乙表", ppr='<w:ind w:firstLineChars="500"/>'), para("某县图书馆", ppr=right),
                      para("2022年1月10日", ppr=right), *[para(f"说明{i}。") for i in range(6)], para("2023年2月1日"),
                      para("正文。")]).save(tmp_path / "later.docx")
    files = (example_docx, office, later)
    whole = [annual_docx.check(path) for path in files]
    monkeypatch.setattr(_check_stream, "WINDOW", window)
    monkeypatch.setattr(_check_stream, "TAIL", 4)
    assert [annual_docx.check(path) for path in files] == whole


def test_each_body_offender_shows_its_own_look(tmp_path: Path) -> None:
    """Body text is judged once per look (font, size, weight) while streaming; a bold and a plain paragraph in the
    same wrong font each show their own look."""
    bold = para("加粗的正文。", east_asia="宋体").replace("<w:rPr>", "<w:rPr><w:b/>")
    rows = [f for f in annual_docx.check(Doc(body=[para("正文。", east_asia="宋体"), bold]).save(tmp_path / "b.docx"))
            if f.item == "正文段落 / body paragraphs"]
    assert [f.found for f in rows] == ["宋体 16.0 pt", "宋体 16.0 pt 加粗 / bold"]
