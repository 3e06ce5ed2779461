"""The one style resolver (``_ooxml.body_styles.StyleResolver``) follows ``basedOn`` for every reader: check's style
facts, its body look, and the importer's heading levels and automatic numbers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from annual_docx._ooxml.body_styles import StyleResolver
from annual_docx._ooxml.docx_in import read_outline
from annual_docx._ooxml.read import read_facts
from annual_docx._ooxml.reader import open_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = f"""<w:styles xmlns:w="{W}">
  <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Middle"><w:basedOn w:val="Base"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Leaf"><w:basedOn w:val="Middle"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
</w:styles>"""


def test_the_chain_follows_based_on_nearest_first_and_stops_on_a_loop() -> None:
    resolver = StyleResolver(etree.fromstring(STYLES.encode()))
    assert [s.get(f"{{{W}}}styleId") for s in resolver.style_chain("Leaf")] == ["Leaf", "Middle", "Base"]
    assert len(resolver.style_chain("Loop1")) == 20  # bounded
    assert resolver.inherited(("Leaf",), "w:rPr", "w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert resolver.inherited(("Leaf",), "w:rPr", "w:sz", "val") == "32"
    assert resolver.inherited(("Base",), "w:rPr", "w:sz", "val") == "21"  # the document defaults


def _document(tmp_path: Path) -> Path:
    """A .docx whose paragraph style 我的标题 is based on Heading 2 (its font and outline level inherited) and whose
    paragraph style 正文子 is based on a style with the East Asian font 楷体_GB2312."""
    document = docx.Document()
    heading = document.styles.add_style("我的标题", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = document.styles["Heading 2"]
    kai = document.styles.add_style("楷体正文", WD_STYLE_TYPE.PARAGRAPH)
    kai.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "楷体_GB2312")
    child = document.styles.add_style("正文子", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = kai
    document.add_paragraph("一、总体情况", style="我的标题")
    document.add_paragraph("正文。", style="正文子")
    path = tmp_path / "based_on.docx"
    document.save(str(path))
    return path


def test_the_importer_takes_a_heading_level_from_the_style_a_style_is_based_on(tmp_path: Path) -> None:
    with open_package(_document(tmp_path)) as package:
        outline = read_outline(package)
    paras = {item.text: item for item in outline.items if hasattr(item, "heading")}
    assert paras["一、总体情况"].heading == 2


def test_check_reads_a_style_font_through_based_on(tmp_path: Path) -> None:
    with open_package(_document(tmp_path)) as package:
        facts = read_facts(package)
    assert facts.styles["正文子"].east_asia == "楷体_GB2312"  # set only on the style it is based on
    assert facts.styles["我的标题"].east_asia is None
