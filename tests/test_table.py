"""Tests of the 公文 table: explicit widths, repeated 黑体 header, 仿宋 四号 single-spaced body, title above."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from openxml_audit import OpenXmlValidator

import annual_docx
from annual_docx._ooxml.table import TYPE_WIDTH, column_widths, official_table

from .conftest import require_tools
from .docxcheck import NS, part, q, style_east_asia

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "report_template.docx"
HEADER = ["类别", "人数", "占比"]
ROWS = [[f"第{i}类", str(i), f"{i}%"] for i in range(1, 41)]


def test_column_widths_fill_the_type_area_in_proportion() -> None:
    """Widths sum to the 156 mm 版心 (8845 twips) and follow the weights."""
    widths = column_widths(3, [2, 1, 1])
    assert sum(widths) == TYPE_WIDTH and abs(widths[0] - 2 * widths[1]) <= 2
    with pytest.raises(ValueError, match="weight"):
        column_widths(2, [1])


def test_table_xml_has_grid_cell_widths_and_a_repeated_header() -> None:
    """One gridCol per column, a tcW in every cell, the header row marked tblHeader, the title above the table."""
    title, table = official_table(HEADER, ROWS[:2], title="表1 人员结构", weights=[2, 1, 1])
    assert title.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == "TableTitle"
    cols = [int(c.get(q("w"))) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
    assert len(cols) == 3 and sum(cols) == TYPE_WIDTH
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    for row in rows:
        assert [int(w) for w in row.xpath("w:tc/w:tcPr/w:tcW/@w:w", namespaces=NS)] == cols
    styles = [str(s) for s in table.xpath(".//w:pStyle/@w:val", namespaces=NS)]
    assert styles[:3] == ["TableHeader"] * 3 and set(styles[3:]) == {"TableText"}


def test_row_of_the_wrong_length_is_rejected() -> None:
    """A body row with a missing cell raises ValueError naming the row."""
    with pytest.raises(ValueError, match="row 1"):
        official_table(HEADER, [["a", "b", "c"], ["a", "b"]])


def test_template_table_styles_are_heiti_header_and_fangsong_sihao_single_spaced() -> None:
    """表头 黑体, 表格文字 仿宋 四号 (14 pt) with single spacing, 表题 黑体 centred; the table style exists."""
    styles = part(TEMPLATE, "word/styles.xml")
    fonts = style_east_asia(styles)
    assert fonts["TableHeader"] == "黑体" and fonts["TableTitle"] == "黑体"
    assert fonts["TableText"] == "仿宋_GB2312"
    text = "//w:style[@w:styleId='TableText']"
    assert styles.xpath(f"string({text}/w:rPr/w:sz/@w:val)", namespaces=NS) == "28"
    assert styles.xpath(f"string({text}/w:pPr/w:spacing/@w:lineRule)", namespaces=NS) == "auto"
    assert styles.xpath("string(//w:style[@w:styleId='TableTitle']/w:pPr/w:jc/@w:val)", namespaces=NS) == "center"
    assert styles.xpath("count(//w:style[@w:styleId='OfficialTable'][@w:type='table'])", namespaces=NS) == 1


def test_table_style_keeps_text_off_the_bottom_rule() -> None:
    """The 公文 table style has a 1 mm bottom cell margin: single-spaced text in LibreOffice's stand-in fonts otherwise
    sits on the cell's bottom rule (descenders of 称, 期, 计 cut by it in the PDF)."""
    styles = part(TEMPLATE, "word/styles.xml")
    margins = "//w:style[@w:styleId='OfficialTable']/w:tblPr/w:tblCellMar"
    assert int(styles.xpath(f"string({margins}/w:bottom/@w:w)", namespaces=NS) or 0) >= 57
    assert [local.split("}")[1] for local in (c.tag for c in styles.xpath(f"{margins}/*", namespaces=NS))] == [
        "left", "bottom", "right"]  # the schema's order: top, left (start), bottom, right (end)


@pytest.fixture(scope="module")
def table_docx(example_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the example with a 40-row table appended at the end."""
    document = docx.Document(str(example_docx))
    body = document.element.body
    section = body[-1]  # the final w:sectPr; Word needs a paragraph between a table and the section end
    for element in [*official_table(HEADER, ROWS, title="表1 人员分类统计"), docx.oxml.OxmlElement("w:p")]:
        section.addprevious(element)
    out = tmp_path_factory.mktemp("table") / "table.docx"
    document.save(str(out))
    return out


def test_document_with_a_table_is_valid(table_docx: Path) -> None:
    """openxml-audit finds no errors in a document holding the table."""
    assert [str(e) for e in OpenXmlValidator().validate(table_docx).errors] == []


@pytest.mark.libreoffice
def test_header_row_repeats_on_the_next_page(table_docx: Path, tmp_path: Path) -> None:
    """In the PDF the table runs onto a second page and its header row appears again at the top."""
    require_tools("soffice", "pdftotext")
    pdf = annual_docx.to_pdf(table_docx, tmp_path / "t.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p.replace(" ", "") for p in text.split("\f")]
    with_rows = [p for p in pages if re.search(r"第\d+类", p)]
    assert len(with_rows) >= 2 and "第40类" in with_rows[-1]
    assert all(p.count("类别") == 1 and p.index("类别") < p.index("第") for p in with_rows)


def test_figures_are_centred_single_spaced_and_at_most_156_mm(example_docx: Path) -> None:
    """Every picture sits in a centred, single-spaced 图片 paragraph and is no wider than the 156 mm 版心; one with
    a caption keeps with it, one without (图片（无图题）) keeps with nothing, so no chain of keeps runs on into the
    next heading."""
    styles = part(example_docx, "word/styles.xml")
    for style_id, keeps in (("Figure", True), ("FigureAlone", False)):
        figure = f"//w:style[@w:styleId='{style_id}']/w:pPr"
        assert styles.xpath(f"string({figure}/w:jc/@w:val)", namespaces=NS) == "center"
        assert styles.xpath(f"string({figure}/w:spacing/@w:lineRule)", namespaces=NS) == "auto"
        assert bool(styles.xpath(f"{figure}/w:keepNext", namespaces=NS)) is keeps
    body = part(example_docx, "word/document.xml")
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    extents = body.xpath("//wp:inline/wp:extent/@cx", namespaces={"wp": wp})
    assert len(extents) >= 5 and all(int(cx) <= 156 * 36000 for cx in extents)
    holders = body.xpath("//w:p[.//w:drawing]", namespaces=NS)
    assert {str(p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)) for p in holders} == {"Figure",
                                                                                                "FigureAlone"}


def test_captioned_figures_are_numbered_in_order() -> None:
    """Figures with a caption get 图1, 图2… in document order; uncaptioned figures and other blocks are unchanged."""
    from annual_docx._content._context import Block
    from annual_docx._content._figures import number_figures

    blocks = [Block("figure", "组织结构图"), Block("figure", ""), Block("paragraph", "正文"),
              Block("figure", "读者服务")]
    assert [b.text for b in number_figures(blocks)] == ["图1 组织结构图", "", "正文", "图2 读者服务"]
