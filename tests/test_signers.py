"""签发人 on documents sent upward (GB/T 9704 7.2.5) and the 成文日期 without a 署名 (7.3.5), in the document and
measured on LibreOffice's PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx

from .conftest import require_tools, small_report
from .docxcheck import NS, part
from .pdfpage import PT_PER_MM, read_pages

LEFT_MM, RIGHT_MM = 28, 210 - 26  # the 版心's edges
CHAR_MM = 16 / PT_PER_MM  # one 三号 character


def upward(tmp: Path, signers: list[str], **extra: object) -> Path:
    data = small_report(official={"issuer": "某区文化馆文件", "number": "某文发〔2022〕1号", "signers": signers,
                                  "recipients": "某区文化和旅游局"}, date="2022-01-10", **extra)
    return annual_docx.render(annual_docx.validate(data), tmp / "up.docx")


def test_number_and_signers_share_a_line_names_in_kaiti(tmp_path: Path) -> None:
    """One 发文字号 paragraph holds the number, 签发人： and the names (in 楷体); the red rule stays under it."""
    body = part(upward(tmp_path, ["张三", "李四"]), "word/document.xml")
    (line,) = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='DocNumber']", namespaces=NS)
    assert "".join(line.xpath(".//w:t/text()", namespaces=NS)) == "某文发〔2022〕1号签发人：张三李四"
    kai = line.xpath(".//w:r[w:rPr/w:rFonts/@w:eastAsia]/w:t/text()", namespaces=NS)
    assert kai == ["张三", "李四"]
    assert line.xpath("string(w:pPr/w:jc/@w:val)", namespaces=NS) == "left"


def test_three_signers_take_two_lines_the_number_beside_the_last(tmp_path: Path) -> None:
    """Two names a line; the number goes on the last line, and only the last line has the red rule."""
    body = part(upward(tmp_path, ["张三", "李四", "王五"]), "word/document.xml")
    lines = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='DocNumber']", namespaces=NS)
    assert ["".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in lines] == ["签发人：张三李四",
                                                                                 "某文发〔2022〕1号王五"]
    assert [bool(p.xpath("w:pPr/w:pBdr/w:bottom[@w:val='nil']", namespaces=NS)) for p in lines] == [True, False]


def test_without_signers_the_number_is_centred(tmp_path: Path) -> None:
    """A document not sent upward keeps the centred 发文字号 (7.2.4)."""
    body = part(upward(tmp_path, []), "word/document.xml")
    (line,) = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='DocNumber']", namespaces=NS)
    assert "".join(line.xpath(".//w:t/text()", namespaces=NS)) == "某文发〔2022〕1号"
    assert not line.xpath("w:pPr/w:jc", namespaces=NS)


def test_a_date_without_a_signature_has_one_blank_line_before_it(tmp_path: Path) -> None:
    """With a 版头 and no 署名 the date follows one blank line, with no empty 署名 paragraph in between."""
    body = part(upward(tmp_path, []), "word/document.xml")
    paragraphs = body.xpath("//w:body/w:p", namespaces=NS)
    dates = [i for i, p in enumerate(paragraphs) if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == "2022年1月10日"]
    (i,) = dates
    texts = ["".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in paragraphs[i - 2:i]]
    assert texts[0] != "" and texts[1] == ""
    assert not body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Signature']", namespaces=NS)


@pytest.mark.libreoffice
def test_signers_line_is_placed_one_character_in_from_each_side(tmp_path: Path) -> None:
    """On the page: the number starts 1 字 in from the left of the 版心, the last name ends 1 字 in from the right,
    both on one line; the date ends 2 字 in from the right."""
    require_tools("soffice", "pdftotext")
    pdf = annual_docx.to_pdf(upward(tmp_path, ["张三", "李四"]), tmp_path / "up.pdf")
    lines = read_pages(pdf)[0].body
    (number,) = [ln for ln in lines if ln.text.startswith("某文发")]
    assert number.text.endswith("李四")
    assert abs(number.x0 / PT_PER_MM - (LEFT_MM + CHAR_MM)) < 1.5
    assert abs(number.x1 / PT_PER_MM - (RIGHT_MM - CHAR_MM)) < 1.5
    (date,) = [ln for ln in lines if ln.text == "2022年1月10日"]
    assert abs(date.x1 / PT_PER_MM - (RIGHT_MM - 2 * CHAR_MM)) < 1.5
