"""Tests of the optional official parts: 版头, 主送机关, 附件说明 and 附件 pages, 版记."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

import annual_docx
from annual_docx._content._official import attachment_lines, official_context
from annual_docx._model.schema_official import OfficialParts
from annual_docx._ooxml.record import text_lines

from .conftest import small_report
from .docxcheck import NS, part

OFFICIAL: dict[str, Any] = {
    "issuer": "某县图书馆文件",
    "number": "县图发[2021]03号",
    "recipients": "县文化和旅游局",
    "attachments": [{"title": "2020年度借阅统计表。", "paragraphs": ["全年外借图书13.10万册次。"]},
                    {"title": "2020年度读者活动一览"}],
    "cc": ["县委宣传部", "县财政局"],
    "printer": "某县图书馆办公室",
    "print_date": "2021-01-05",
}


def test_document_number_is_normalised_to_hexagonal_brackets_without_zero_padding() -> None:
    """县图发[2021]03号 becomes 县图发〔2021〕3号; recipients end with a full-width colon."""
    parts = OfficialParts(**OFFICIAL)
    assert parts.number == "县图发〔2021〕3号"
    assert parts.recipients == "县文化和旅游局："
    assert parts.attachments[0].title == "2020年度借阅统计表"


def test_bad_document_number_names_the_field() -> None:
    """A number without a year in brackets is a validation error at official.number."""
    with pytest.raises(annual_docx.ReportValidationError, match=r"official\.number"):
        annual_docx.validate(small_report(official={"number": "县图发3号"}))


def test_attachment_lines_line_up_the_numbers() -> None:
    """One attachment: 附件：标题; several: 附件：1. … then 　　　2. … (numbers under each other)."""
    assert attachment_lines(["甲"]) == ["附件：甲"]
    assert attachment_lines(["甲", "乙"]) == ["附件：1. 甲", "\u3000\u3000\u30002. 乙"]


def test_context_has_attachment_pages_and_the_record() -> None:
    """Only attachments with text get pages (附件1…); 版记 reads 抄送：A，B。 and 机关<tab>2021年1月5日印发."""
    ctx = official_context(OfficialParts(**OFFICIAL))
    assert ctx is not None
    assert [(a["label"], a["title"]) for a in ctx["attachments"]] == [("附件1", "2020年度借阅统计表")]
    assert ctx["record"] == {"cc": "抄送：县委宣传部，县财政局。", "printed": "某县图书馆办公室\t2021年1月5日印发"}
    assert official_context(None) is None


@pytest.fixture(scope="module")
def official_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a small report with every official part, a 落款 and a date, rendered."""
    data = small_report(official=OFFICIAL, signature="某县图书馆", date="2021-01-05")
    return annual_docx.render(annual_docx.validate(data), tmp_path_factory.mktemp("off") / "off.docx")


def styled(docx: Path) -> list[tuple[str, str]]:
    """Return (style id, text) of every paragraph in document order, those in text boxes included."""
    body = part(docx, "word/document.xml").find("w:body", NS)
    assert body is not None
    return [(str(p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)),
             "".join(p.xpath(".//w:t/text()", namespaces=NS)) + ("\t" if p.find(".//w:tab", NS) is not None else ""))
            for p in body.iter(f"{{{NS['w']}}}p")]


def test_official_parts_appear_in_gbt9704_order(official_docx: Path) -> None:
    """版头 → 标题 → 主送 → 正文 → 附件说明 → 落款 → 附件 page → 版记 (in a text box anchored at the end)."""
    order = [s for s, _ in styled(official_docx) if s not in ("Normal", "BodyKeep", "")]
    assert order == ["Issuer", "DocNumber", "Title", "Recipients", "Heading1", "AttachmentNote", "AttachmentNote",
                     "Signature", "Date", "AttachmentLabel", "AttachmentTitle", "RecordCc", "RecordPrint"]
    texts = dict(styled(official_docx))
    assert texts["DocNumber"] == "县图发〔2021〕3号"
    assert texts["RecordPrint"].startswith("某县图书馆办公室") and "2021年1月5日印发" in texts["RecordPrint"]


def test_official_styles_are_red_ruled_and_paged(official_docx: Path) -> None:
    """The mark is red 小标宋, the number has a red rule under it, 附件 starts a page, 版记 sits between rules."""
    styles = part(official_docx, "word/styles.xml")

    def get(style_id: str, path: str) -> str:
        return str(styles.xpath(f"string(//w:style[@w:styleId='{style_id}']/{path})", namespaces=NS))

    assert get("Issuer", "w:rPr/w:color/@w:val") == "FF0000"
    assert get("Issuer", "w:rPr/w:rFonts/@w:eastAsia") == "方正小标宋简体"
    assert get("DocNumber", "w:pPr/w:pBdr/w:bottom/@w:color") == "FF0000"
    assert styles.xpath("count(//w:style[@w:styleId='AttachmentLabel']/w:pPr/w:pageBreakBefore)", namespaces=NS)
    assert get("RecordPrint", "w:rPr/w:sz/@w:val") == get("RecordCc", "w:rPr/w:sz/@w:val") == "28"
    assert get("RecordCc", "w:pPr/w:ind/@w:hangingChars") == "300"  # a wrapped 抄送 line continues after the colon
    assert not styles.xpath("//w:style[starts-with(@w:styleId, 'Record')]/w:pPr/w:pBdr", namespaces=NS)


def test_document_with_official_parts_is_valid(official_docx: Path) -> None:
    """openxml-audit finds no errors."""
    assert [str(e) for e in OpenXmlValidator().validate(official_docx).errors] == []


def test_report_without_official_parts_has_none_of_them(example_docx: Path) -> None:
    """The example has no 版头 or 版记 paragraphs."""
    used = {s for s, _ in styled(example_docx)}
    assert not used & {"Issuer", "DocNumber", "Recipients", "AttachmentNote", "RecordCc", "RecordPrint"}


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def record_box(docx: Path) -> Any:
    """Return the 版记 text box's ``wp:anchor`` (the one named 版记)."""
    found = part(docx, "word/document.xml").xpath("//*[local-name()='anchor'][*[local-name()='docPr'][@name='版记']]")
    assert len(found) == 1
    return found[0]


def test_record_is_a_box_on_the_bottom_of_the_type_area_in_the_last_paragraph(official_docx: Path) -> None:
    """The 版记 sits in a text box as wide as the 版心, aligned to the bottom of the margin box, wrapped top and
    bottom, anchored in the document's last paragraph; its table has thick outer rules and a thin one between."""
    anchor = record_box(official_docx)
    assert anchor.xpath("string(*[local-name()='positionV']/@relativeFrom)") == "margin"
    assert anchor.xpath("string(*[local-name()='positionV']/*[local-name()='align'])") == "bottom"
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    assert anchor.find(f"{WP}extent").get("cx") == str(8845 * 635)
    assert int(anchor.find(f"{WP}extent").get("cy")) == 2 * 579 * 635  # two grid lines: 抄送 and 印发
    body = anchor.getroottree().getroot().find("w:body", NS)
    last_paragraph = [c for c in body if c.tag.endswith("}p")][-1]
    assert anchor in list(last_paragraph.iter()) and last_paragraph.getnext().tag.endswith("}sectPr")
    table = anchor.xpath(".//w:tbl", namespaces=NS)[0]
    borders = {etree.QName(b).localname: b.get(f"{{{NS['w']}}}sz") for b in table.find("w:tblPr/w:tblBorders", NS)}
    assert (borders["top"], borders["insideH"], borders["bottom"]) == ("8", "6", "8")
    assert [str(p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)) for p in table.iter(f"{{{NS['w']}}}p")] == [
        "RecordCc", "RecordPrint"]
    assert "抄送：县委宣传部，县财政局。" in anchor.xpath("string(*[local-name()='docPr']/@descr)")


def test_record_without_cc_is_one_line_between_two_thick_rules(tmp_path: Path) -> None:
    """Only 印发机关 and date: one row, framed top and bottom by 0.35 mm rules (the thin rule only goes between)."""
    data = small_report(official={"printer": "某县图书馆办公室", "print_date": "2021-01-05"})
    docx = annual_docx.render(annual_docx.validate(data), tmp_path / "one.docx")
    anchor = record_box(docx)
    assert int(anchor.find(f"{WP}extent").get("cy")) == 579 * 635
    table = anchor.xpath(".//w:tbl", namespaces=NS)[0]
    assert len(table.findall("w:tr", NS)) == 1
    assert table.find("w:tblPr/w:tblBorders/w:top", NS).get(f"{{{NS['w']}}}sz") == "8"
    assert table.find("w:tblPr/w:tblBorders/w:bottom", NS).get(f"{{{NS['w']}}}sz") == "8"
    assert [str(e) for e in OpenXmlValidator().validate(docx).errors] == []


def test_long_cc_list_gets_a_row_of_two_lines(tmp_path: Path) -> None:
    """A 抄送 list longer than one line makes its row (and the box) a grid line taller."""
    organs = ["县委宣传部", "县财政局", "县教育局", "县文化馆", "县博物馆", "县档案馆", "各乡镇综合文化站"]
    data = small_report(official={"cc": organs, "printer": "某县图书馆办公室", "print_date": "2021-01-05"})
    docx = annual_docx.render(annual_docx.validate(data), tmp_path / "long.docx")
    assert int(record_box(docx).find(f"{WP}extent").get("cy")) == 3 * 579 * 635


def test_text_lines_counts_wide_and_narrow_characters() -> None:
    """29 四号 characters fit a 版心 line less 1 字 each side (29.6 wide); continuation lines lose the hanging
    indent; narrow characters count half."""
    assert text_lines("抄送：" + "甲" * 26, 8845, hanging_chars=3) == 1
    assert text_lines("抄送：" + "甲" * 27, 8845, hanging_chars=3) == 2
    assert text_lines("抄送：" + "甲" * 26 + "乙" * 26, 8845, hanging_chars=3) == 2
    assert text_lines("抄送：" + "甲" * 26 + "乙" * 27, 8845, hanging_chars=3) == 3
    assert text_lines("A" * 58, 8845) == 1 and text_lines("A" * 59, 8845) == 2


def test_line_breaks_in_a_cc_list_count_as_lines() -> None:
    """A line break inside the 抄送 text (docxtpl turns \\n into one) starts a continuation line."""
    assert text_lines("抄送：甲\n乙", 8845, hanging_chars=3) == 2
    assert text_lines("抄送：甲\n" + "乙" * 27, 8845, hanging_chars=3) == 3
