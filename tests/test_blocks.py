"""Tests of generic content blocks: lists, 一是 sentences, tables (inline and from sheets), forms, statistics with
year-over-year phrases, 大事记 and page breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

import annual_docx
from annual_docx import ReportValidationError

from .conftest import small_report
from .docxcheck import NS, part


def render_blocks(tmp_path: Path, *blocks: dict[str, Any], **overrides: Any) -> Path:
    data = small_report(**overrides)
    data["sections"][0]["blocks"] = list(blocks)
    report = annual_docx.validate(data, base_dir=tmp_path)
    return annual_docx.render(report, tmp_path / "blocks.docx")


def cells(out: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(out)).tables]


def paragraphs(out: Path) -> list[str]:
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_lists_number_their_items_or_read_as_one_yishi_sentence(tmp_path: Path) -> None:
    """A 1. list gives numbered paragraphs; a 一是 list one sentence joined by ；and ended by 。."""
    out = render_blocks(
        tmp_path,
        {"type": "list", "items": ["甲", "乙"]},
        {"type": "list", "style": "一是", "lead": "主要做法：", "items": ["加强服务；", "推进建设。"]},
    )
    texts = paragraphs(out)
    assert texts[texts.index("1.甲"):texts.index("1.甲") + 2] == ["1.甲", "2.乙"]
    assert "主要做法：一是加强服务；二是推进建设。" in texts


def test_table_has_title_repeated_header_right_aligned_numbers_and_totals(tmp_path: Path) -> None:
    """An inline table renders its cells, sums numeric columns into a totals row, right-aligns numbers, and repeats
    its header row on each page."""
    out = render_blocks(tmp_path, {
        "type": "table", "title": "分馆外借", "unit": "册次", "header": ["分馆", "一季度", "二季度"],
        "rows": [["城关分馆", 1200, 1300.5], ["南关分馆", "2,400", 800]], "total": "合计",
    })
    assert cells(out) == [[["分馆", "一季度", "二季度"], ["城关分馆", "1,200", "1,300.5"],
                           ["南关分馆", "2,400", "800"], ["合计", "3,600", "2,100.5"]]]
    assert "表1 分馆外借（单位：册次）" in paragraphs(out)  # titled tables are numbered 表N
    body = part(out, "word/document.xml")
    assert body.xpath("count(//w:tbl/w:tr[1]/w:trPr/w:tblHeader)", namespaces=NS) == 1
    assert body.xpath("string(//w:tbl/w:tr[2]/w:tc[2]//w:jc/@w:val)", namespaces=NS) == "right"
    assert body.xpath("count(//w:tbl/w:tblGrid/w:gridCol)", namespaces=NS) == 3


def test_indicators_show_last_year_this_year_and_the_change(tmp_path: Path) -> None:
    """Statistics read like the reports: 13.10万册次, 下降37.3%, 与上年持平."""
    out = render_blocks(tmp_path, {"type": "indicators", "title": "主要业务指标", "indicators": [
        {"name": "外借册次", "value": 131000, "unit": "册次", "last_year": 208800},
        {"name": "新办读者证", "value": 433, "unit": "个", "last_year": 433},
        {"name": "数字资源", "value": 12.5, "unit": "TB"},
    ]})
    assert cells(out) == [[["指标", "上年", "本年", "同比"], ["外借册次", "20.88万册次", "13.10万册次", "下降37.3%"],
                           ["新办读者证", "433个", "433个", "与上年持平"], ["数字资源", "—", "12.5TB", "—"]]]


def test_indicators_written_in_wan_print_as_written(tmp_path: Path) -> None:
    """31.2万 and 45.7万 print as written (not 31.20万), in the table and the summary sentence, and count as 312000
    and 457000 for the change; a value written as a number keeps the block's 万 form (13.10万册次); a sheet cell
    written 31.2万 reads the same."""
    out = render_blocks(tmp_path, {"type": "indicators", "summary": True, "indicators": [
        {"name": "接待观众", "value": "31.2万", "unit": "人次", "last_year": "45.7万"},
        {"name": "外借册次", "value": 131000, "unit": "册次", "last_year": "1.5万"},
    ]})
    assert cells(out) == [[["指标", "上年", "本年", "同比"], ["接待观众", "45.7万人次", "31.2万人次", "下降31.7%"],
                           ["外借册次", "1.5万册次", "13.10万册次", "增长773.3%"]]]
    assert "接待观众31.2万人次，同比下降31.7%；外借册次13.10万册次，同比增长773.3%。" in paragraphs(out)
    (tmp_path / "s.csv").write_text("指标,单位,本年,上年\n接待观众,人次,31.2万,45.7万\n", encoding="utf-8")
    out = render_blocks(tmp_path, {"type": "indicators", "source": {"path": "s.csv"}})
    assert cells(out)[0][1] == ["接待观众", "45.7万人次", "31.2万人次", "下降31.7%"]
    with pytest.raises(ReportValidationError, match="value"):
        annual_docx.validate(small_report(sections=[{"kind": "text", "title": "甲", "blocks": [
            {"type": "indicators", "indicators": [{"name": "甲", "value": "31.2千"}]}]}]))


def test_a_table_row_with_its_own_unit(tmp_path: Path) -> None:
    """`row_units` gives a row its own unit after its numbers (外借率 67% → 68% in a 人次 table), leaves the row out
    of the totals, and a key naming no row is an error naming the key."""
    table = {"type": "table", "title": "服务人次", "unit": "人次", "total": "合计",
             "header": ["项目", "2022年", "2023年"],
             "rows": [["到馆读者", 120000, 130000], ["外借率", 67, 68], ["活动参与", 3000, 3500]],
             "row_units": {"外借率": "%"}}
    out = render_blocks(tmp_path, table)
    assert cells(out) == [[["项目", "2022年", "2023年"], ["到馆读者", "120,000", "130,000"], ["外借率", "67%", "68%"],
                           ["活动参与", "3,000", "3,500"], ["合计", "123,000", "133,500"]]]
    assert "表1 服务人次（单位：人次）" in paragraphs(out)
    merged = {**table, "total": None, "header": [[{"text": "项目", "rowspan": 2}, {"text": "年份", "colspan": 2}],
                                                 ["2022年", "2023年"]]}
    assert cells(render_blocks(tmp_path, merged))[0][3] == ["外借率", "67%", "68%"]
    with pytest.raises(annual_docx.InputError, match=r"row_units\.借阅率"):
        render_blocks(tmp_path, {**table, "row_units": {"借阅率": "%"}})


def test_table_from_a_csv_sheet_and_form_and_chronology(tmp_path: Path) -> None:
    """A table may come from a CSV next to the report; forms are 项目/内容 tables; 大事记 lines read 日期　事件."""
    (tmp_path / "stats.csv").write_text("指标,数值\n馆舍面积（平方米）,5000\n", encoding="utf-8")
    out = render_blocks(
        tmp_path,
        {"type": "table", "source": {"path": "stats.csv"}},
        {"type": "form", "items": {"单位名称": "某县图书馆"}},
        {"type": "chronology", "events": [{"date": "1月5日", "event": "召开年度工作会议。"}]},
    )
    assert cells(out) == [[["指标", "数值"], ["馆舍面积（平方米）", "5,000"]],  # numeric text gets separators
                          [["项目", "内容"], ["单位名称", "某县图书馆"]]]
    assert "1月5日\u3000召开年度工作会议。" in paragraphs(out)


def test_page_break_and_a_final_table_keep_the_document_valid(tmp_path: Path) -> None:
    """A page break is a real page break, and a table at the very end is followed by a paragraph, as Word needs."""
    out = render_blocks(tmp_path, {"type": "page_break"}, {"type": "table", "header": ["a"], "rows": [["1"]]})
    body = part(out, "word/document.xml")
    assert body.xpath("count(//w:br[@w:type='page'])", namespaces=NS) == 1
    last = body.xpath("/w:document/w:body/*[not(self::w:sectPr)][last()]", namespaces=NS)[0]
    assert last.tag.endswith("}p")


def test_block_errors_name_the_block_field(tmp_path: Path) -> None:
    """A row of the wrong width, a misspelt block key and a missing sheet are reported with their paths."""
    data = small_report()
    data["sections"][0]["blocks"] = [
        {"type": "table", "header": ["a", "b"], "rows": [["1"]]},
        {"type": "list", "itemz": ["x"]},
    ]
    with pytest.raises(ReportValidationError) as info:
        annual_docx.validate(data)
    paths = [p.path for p in info.value.problems]
    assert "sections[0].blocks[0]" in paths
    assert "sections[0].blocks[1].itemz" in paths
    assert any("items" in str(p) for p in info.value.problems if p.path == "sections[0].blocks[1].itemz")
    with pytest.raises(annual_docx.InputError, match=r"sections\[0\]\.blocks\[0\]\.source"):
        render_blocks(tmp_path, {"type": "table", "source": {"path": "missing.xlsx"}})


def test_every_block_kind_is_valid_by_the_sdk_rules(tmp_path: Path) -> None:
    """A section with every block kind passes openxml-audit without errors."""
    from openxml_audit import OpenXmlValidator

    out = render_blocks(
        tmp_path,
        {"type": "list", "style": "（1）", "items": ["甲"]},
        {"type": "indicators", "indicators": [{"name": "外借", "value": 1, "last_year": 2}]},
        {"type": "table", "header": ["a", "b"], "rows": [["x", 1]], "total": "合计", "widths": [2, 1]},
        {"type": "form", "items": {"k": "v"}},
        {"type": "chronology", "events": [{"date": "1月", "event": "e"}]},
        {"type": "page_break"},
    )
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []


def test_indicators_from_an_xlsx_sheet(tmp_path: Path) -> None:
    """Statistics kept in a spreadsheet (columns 指标, 单位, 本年, 上年) become the same YoY table."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2020"
    sheet.append(["指标", "单位", "本年", "上年"])
    sheet.append(["外借册次", "册次", 131000, 208800])
    sheet.append(["新办读者证", "个", 433, None])
    book.save(tmp_path / "stats.xlsx")
    out = render_blocks(tmp_path, {"type": "indicators", "source": {"path": "stats.xlsx", "sheet": "2020"}})
    assert cells(out) == [[["指标", "上年", "本年", "同比"], ["外借册次", "20.88万册次", "13.10万册次", "下降37.3%"],
                           ["新办读者证", "—", "433个", "—"]]]
    (tmp_path / "bad.csv").write_text("名称,数值\n外借,1\n", encoding="utf-8")
    with pytest.raises(annual_docx.InputError, match="指标"):
        render_blocks(tmp_path, {"type": "indicators", "source": {"path": "bad.csv"}})


def test_photo_gallery_lays_pictures_out_per_row(tmp_path: Path) -> None:
    """per_row: 3 puts four photos in two rows of three cells (the last row padded), numbered captions under each
    picture, alt text on each, and the document stays valid."""
    from openxml_audit import OpenXmlValidator

    photo = Path(__file__).resolve().parent.parent / "examples" / "images" / "service.jpg"
    photos = [{"path": str(photo), "caption": f"照片{i}"} for i in range(1, 5)]
    data = small_report(sections=[{"kind": "photos", "title": "图片", "per_row": 3, "photos": photos}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "g.docx")
    (table,) = cells(out)
    assert [len(row) for row in table] == [3, 3]
    assert [c.strip() for c in table[0]] == ["图1 照片1", "图2 照片2", "图3 照片3"]
    assert [c.strip() for c in table[1]] == ["图4 照片4", "", ""]
    body = part(out, "word/document.xml")
    assert body.xpath("count(//w:tbl//wp:docPr[@descr])", namespaces={**NS, "wp": WP}) == 4
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    with pytest.raises(ReportValidationError):
        annual_docx.validate(small_report(sections=[{"kind": "photos", "title": "x", "per_row": 4, "photos": photos}]))


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def test_paragraph_emphasis_is_bold_or_kaiti_and_text_stays_literal(tmp_path: Path) -> None:
    """**…** becomes a bold run and *…* a 楷体 run; \\* is a star; template syntax in the text stays text."""
    from annual_docx._content._build_text import emphasis

    assert emphasis("甲**乙**丙*丁*戊\\*") == [("甲", None), ("乙", "bold"), ("丙", None), ("丁", "kai"), ("戊*", None)]
    assert emphasis("**未闭合") == [("**未闭合", None)]
    text = "全年**外借13.10万册次**，正如*“阅读是最好的投资”*。{{ title }} {_{ x }_} <w:p/> &"
    out = render_blocks(tmp_path, {"type": "paragraph", "text": text})
    paragraph = next(p for p in docx.Document(str(out)).paragraphs if p.text.startswith("全年"))
    assert paragraph.text == "全年外借13.10万册次，正如“阅读是最好的投资”。{{ title }} {_{ x }_} <w:p/> &"
    assert paragraph.style.style_id == "Normal"
    runs = {r.text: r for r in paragraph.runs}
    assert runs["外借13.10万册次"].bold is True
    kai = runs["“阅读是最好的投资”"]._r.rPr.rFonts.get(f"{{{NS['w']}}}eastAsia")
    assert kai == "楷体_GB2312"


def test_chart_block_draws_inline_data_anywhere(tmp_path: Path) -> None:
    """A chart block inside a text section becomes a captioned figure whose alt text carries the data."""
    from .seedcheck import document_text

    out = render_blocks(tmp_path, {"type": "chart", "title": "外借册次", "chart": "bar", "labels": [2022, 2023],
                                   "series": {"外借": [18.3, 19.9]}, "unit": "万册次", "caption": "近两年外借册次"})
    assert "图1 近两年外借册次" in paragraphs(out)
    _, alts = document_text(out)
    assert len(alts) == 1 and "2023" in alts[0] and "19.9" in alts[0]
    data = small_report()
    data["sections"][0]["blocks"] = [{"type": "chart", "title": "x", "labels": [1, 2], "series": {"a": [1]}}]
    with pytest.raises(ReportValidationError, match="series"):
        annual_docx.validate(data)


def test_table_with_two_header_rows_and_merged_cells(tmp_path: Path) -> None:
    """Merged cells (colspan, rowspan) in a two-row header become gridSpan and vMerge; both header rows repeat;
    a row that does not fill the grid is an error naming the block."""
    header = [[{"text": "分馆", "rowspan": 2}, {"text": "外借册次", "colspan": 2}], ["上半年", "下半年"]]
    out = render_blocks(tmp_path, {"type": "table", "header": header,
                                   "rows": [["城关分馆", 8120, 9310], [{"text": "合计（示例）", "colspan": 3}]]})
    body = part(out, "word/document.xml")
    rows = body.xpath("//w:tbl/w:tr", namespaces=NS)
    assert [len(r.xpath("w:tc", namespaces=NS)) for r in rows] == [2, 3, 3, 1]
    assert rows[0].xpath("string(w:tc[2]/w:tcPr/w:gridSpan/@w:val)", namespaces=NS) == "2"
    assert rows[0].xpath("string(w:tc[1]/w:tcPr/w:vMerge/@w:val)", namespaces=NS) == "restart"
    assert rows[1].xpath("count(w:tc[1]/w:tcPr/w:vMerge[not(@w:val)])", namespaces=NS) == 1
    assert body.xpath("count(//w:tbl/w:tr[w:trPr/w:tblHeader])", namespaces=NS) == 2
    assert "".join(rows[2].itertext()) == "城关分馆8,1209,310"
    from openxml_audit import OpenXmlValidator

    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    with pytest.raises(annual_docx.InputError, match=r"sections\[0\]\.blocks\[0\].*row 0 has 2 cells"):
        render_blocks(tmp_path, {"type": "table", "header": header, "rows": [["a", "b"]]})
