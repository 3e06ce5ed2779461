"""The nested example (a district cultural centre's upward report) renders from data alone: headings styled by
their level, blocks at every level, numbered tables and figures, an attachment with a table, 版头, 签发人, 主送,
署名 and 版记; lint finds nothing and the document passes openxml-audit and `check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import annual_docx

from .docxcheck import NS, part

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "district_culture_centre.yaml"


@pytest.fixture(scope="module")
def report() -> annual_docx.Report:
    return annual_docx.load(EXAMPLE)


@pytest.fixture(scope="module")
def out(report: annual_docx.Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return annual_docx.render(report, tmp_path_factory.mktemp("nested") / "district.docx")


def paragraphs(out: Path) -> list[tuple[str, str]]:
    """Return (style id, text) of every body paragraph outside tables, in order."""
    body = part(out, "word/document.xml")
    found = []
    for p in body.xpath("/w:document/w:body/w:p", namespaces=NS):
        text = "".join(p.xpath(".//w:t/text()", namespaces=NS))
        found.append((str(p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)), text))
    return found


def test_the_example_is_written_without_numbers_in_titles_and_lints_clean(report: annual_docx.Report) -> None:
    """Nothing numbers itself by hand, and lint has nothing to say."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for typed in ("title: 一、", "title: （一）", "title: 1.", "title: 表1", "caption: 图1"):
        assert typed not in text
    assert annual_docx.lint(report) == []


def test_headings_follow_the_tree(out: Path) -> None:
    """一、 in Heading 1, （一） in Heading 2, 1. in Heading 3, （1） in Heading 4; 大事记 unnumbered at level 1;
    the breakdowns' titles are 1. headings under （三）人员情况."""
    headings = [(style, text) for style, text in paragraphs(out) if style.startswith("Heading")]
    assert headings == [
        ("Heading1", "一、基本情况"), ("Heading2", "（一）主要职能"), ("Heading2", "（二）机构情况"),
        ("Heading2", "（三）人员情况"), ("Heading3", "1.年龄结构（共25人）"), ("Heading3", "2.学历结构（共25人）"),
        ("Heading2", "（四）资产情况"), ("Heading1", "二、主要工作"), ("Heading2", "（一）群众文化活动"),
        ("Heading3", "1.广场文化活动"), ("Heading3", "2.公益培训"), ("Heading4", "（1）线下培训"),
        ("Heading4", "（2）线上培训"), ("Heading2", "（二）非遗保护"), ("Heading2", "（三）文艺创作与获奖"),
        ("Heading1", "三、存在的问题和下一步打算"), ("Heading1", "大事记"),
    ]


def test_tables_and_figures_are_numbered_in_order(out: Path) -> None:
    """表1 inside （一）, then 图1–图3 below the org chart and two charts; the attachment's table is its own 表1."""
    body = part(out, "word/document.xml")
    titles = [str(t) for t in body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TableTitle']//w:t/text()", namespaces=NS)]
    captions = [str(t) for t in body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Caption']//w:t/text()", namespaces=NS)]
    assert titles == ["表1 总分馆服务网络", "表1 群众文化活动分月统计"]
    assert captions == ["图1 某区文化馆组织结构图", "图2 各季度群众文化活动场次", "图3 区级非遗项目类别构成"]
    wp = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
    assert len(body.xpath("//wp:inline", namespaces=wp)) == 5  # org chart, two breakdowns, bar chart, pie chart


def test_official_parts_are_in_place(out: Path) -> None:
    """版头 and the 发文字号 line with 签发人, 主送 after the title, 附件说明, 署名 and date, the attachment's page
    with its table, and the 版记."""
    styles = [style for style, _ in paragraphs(out)]
    text = dict(reversed(paragraphs(out)))  # the first paragraph of each style
    assert styles[:3] == ["Issuer", "DocNumber", "Title"]
    assert text["DocNumber"] == "某文馆发〔2022〕1号签发人：王明远"
    assert text["Recipients"] == "某区文化和旅游局："
    assert text["AttachmentNote"] == "附件：2021年度群众文化活动统计表"
    assert (text["Signature"], text["Date"]) == ("某区文化馆", "2022年1月10日")
    assert styles.index("AttachmentLabel") > styles.index("Date")
    xml = etree.tostring(part(out, "word/document.xml"), encoding="unicode")
    assert "抄送：某区人民政府办公室。" in xml and "2022年1月12日印发" in xml
    assert "68,540" in xml  # the attachment table's totals row


def test_the_example_is_valid_and_passes_the_compliance_check(out: Path) -> None:
    """No openxml-audit errors; every row of `annual-docx check` passes."""
    from openxml_audit import OpenXmlValidator

    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []
