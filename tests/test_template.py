"""Tests of the bundled Word template: reproducible, GB/T 9704 basics, and in step with the context."""

from __future__ import annotations

from pathlib import Path

from docxtpl import DocxTemplate

import annual_docx
from annual_docx._content._context import build_context
from annual_docx._output._template_design import build_template

from .docxcheck import NS, part, q, style_east_asia

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "report_template.docx"


def test_committed_template_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    """tools/build_template.py reproduces templates/report_template.docx exactly (run it after changing the design)."""
    fresh = tmp_path / "t.docx"
    build_template(fresh)
    assert fresh.read_bytes() == TEMPLATE.read_bytes()


def test_default_template_is_the_committed_one() -> None:
    """The library renders with the template at the top of the repository (or its packaged copy)."""
    assert annual_docx.default_template().read_bytes() == TEMPLATE.read_bytes()


def test_page_is_a4_with_gbt9704_margins_and_22_line_grid() -> None:
    """A4, margins 37/35/28/26 mm, a 28.95 pt line grid."""
    sect = part(TEMPLATE, "word/document.xml").find(f".//{q('sectPr')}")
    assert sect is not None
    size = sect.find(q("pgSz"))
    margins = sect.find(q("pgMar"))
    assert size is not None and margins is not None
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    mm = {side: int(margins.get(q(side)) or 0) / 1440 * 25.4 for side in ("top", "bottom", "left", "right")}
    assert abs(mm["top"] - 37) <= 1 and abs(mm["bottom"] - 35) <= 1
    assert abs(mm["left"] - 28) <= 1 and abs(mm["right"] - 26) <= 1
    body_twips = 16838 - int(margins.get(q("top")) or 0) - int(margins.get(q("bottom")) or 0)
    grid = sect.find(q("docGrid"))
    assert grid is not None and body_twips // int(grid.get(q("linePitch")) or 1) == 22


def test_styles_use_gbt9704_fonts_and_sizes() -> None:
    """标题 小标宋 二号, 正文 仿宋 三号 indented 2 characters, 一、 黑体, （一） 楷体, every style has eastAsia."""
    styles = part(TEMPLATE, "word/styles.xml")
    fonts = style_east_asia(styles)
    assert fonts["Title"] == "方正小标宋简体"
    assert fonts["Normal"] == "仿宋_GB2312"
    assert fonts["Heading1"] == "黑体"
    assert fonts["Heading2"] == "楷体_GB2312"
    assert fonts["Heading3"] == fonts["Heading4"] == "仿宋_GB2312"
    assert all(fonts[s] for s in fonts), fonts
    assert not styles.xpath("//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme or @w:hAnsiTheme]", namespaces=NS)

    def size(style_id: str) -> str:
        return str(styles.xpath(f"string(//w:style[@w:styleId='{style_id}']/w:rPr/w:sz/@w:val)", namespaces=NS))

    assert (size("Title"), size("Normal")) == ("44", "32")
    indent = styles.xpath("string(//w:style[@w:styleId='Normal']/w:pPr/w:ind/@w:firstLineChars)", namespaces=NS)
    assert indent == "200"
    outline = [styles.xpath(f"string(//w:style[@w:styleId='Heading{n}']/w:pPr/w:outlineLvl/@w:val)", namespaces=NS)
               for n in range(1, 5)]
    assert outline == ["0", "1", "2", "3"]


def test_page_numbers_are_dash_page_dash_on_odd_and_even_pages() -> None:
    """Both footers show — PAGE — in 宋体 四号; odd pages right, even pages left; even/odd footers are on."""
    assert part(TEMPLATE, "word/settings.xml").find(q("evenAndOddHeaders")) is not None
    for name, align in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        footer = part(TEMPLATE, name)
        text = "".join(footer.itertext())
        assert text.replace(" PAGE ", "{PAGE}") == "— {PAGE}1 —"
        assert footer.xpath("string(//w:jc/@w:val)", namespaces=NS) == align
    fonts = style_east_asia(part(TEMPLATE, "word/styles.xml"))
    assert fonts["Footer"] == "宋体"


def test_template_tags_match_the_context(example_report: annual_docx.Report) -> None:
    """Every variable the template uses is one the context provides."""
    used = DocxTemplate(TEMPLATE).get_undeclared_template_variables()
    provided = build_context(example_report, lambda *a: None)
    assert used <= set(provided), used - set(provided)
    assert {"title_text", "opening", "blocks", "signature"} <= used
