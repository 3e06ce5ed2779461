"""Tests of the raw-XML helpers on small XML fragments."""

from __future__ import annotations

from lxml import etree

from annual_docx._ooxml.prepare import ensure_east_asian_fonts, set_right_indent
from annual_docx._ooxml.props import ParagraphFormat, RunFormat, ppr, qn, rpr, strip_theme_fonts

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def local_names(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def test_run_properties_set_all_font_channels_in_schema_order() -> None:
    """rPr carries rFonts with eastAsia and Latin channels, then b, sz, szCs, lang in schema order."""
    element = rpr(RunFormat(east_asia="黑体", latin="Times New Roman", size_pt=16, bold=True, lang=True))
    assert local_names(element) == ["rFonts", "b", "bCs", "kern", "sz", "szCs", "lang"]
    fonts = element.find(qn("w:rFonts"))
    assert fonts is not None
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman", "eastAsia": "黑体"}
    assert element.find(qn("w:sz")).get(qn("w:val")) == "32"  # type: ignore[union-attr]


def test_paragraph_properties_order_and_character_indents() -> None:
    """pPr children follow the schema and indents are given in characters with a twips fallback."""
    element = ppr(ParagraphFormat(align="both", first_line_chars=200, line_twips=579, keep_next=True,
                                  outline_level=0), style="Heading1")
    assert local_names(element) == ["pStyle", "keepNext", "spacing", "ind", "jc", "outlineLvl"]
    ind = element.find(qn("w:ind"))
    assert ind is not None and ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
    spacing = element.find(qn("w:spacing"))
    assert spacing is not None and spacing.get(qn("w:lineRule")) == "exact"


def test_theme_fonts_are_stripped() -> None:
    """Theme font attributes, which override explicit names, are removed."""
    root = etree.fromstring(f'<w:rPr {W}><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" '
                            'w:eastAsia="仿宋"/></w:rPr>')
    assert strip_theme_fonts(root) == 2
    assert list(root[0].attrib.values()) == ["仿宋"]


def test_default_east_asian_font_is_added_when_missing() -> None:
    """A styles part whose defaults lack eastAsia gets one; theme fonts go."""
    styles = etree.fromstring(f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/>'
                              '</w:rPr></w:rPrDefault></w:docDefaults></w:styles>')
    ensure_east_asian_fonts(styles, etree.fromstring(f"<w:document {W}/>"), "仿宋_GB2312")
    rfonts = styles.find(f".//{qn('w:rFonts')}")
    assert rfonts is not None and dict(rfonts.attrib) == {qn("w:eastAsia"): "仿宋_GB2312"}


def test_right_indent_is_inserted_in_schema_order() -> None:
    """Signature paragraphs get w:ind before w:jc (right) and keep their style."""
    body = etree.fromstring(f'<w:body {W}><w:p><w:pPr><w:pStyle w:val="Signature"/><w:jc w:val="left"/>'
                            '<w:outlineLvl w:val="9"/></w:pPr></w:p><w:p/></w:body>')
    assert set_right_indent(body, "Signature", 4.5) == 1
    ppr_el = body[0][0]
    assert local_names(ppr_el) == ["pStyle", "ind", "jc", "outlineLvl"]
    assert ppr_el.find(qn("w:ind")).get(qn("w:rightChars")) == "450"  # type: ignore[union-attr]
    assert ppr_el.find(qn("w:jc")).get(qn("w:val")) == "right"  # type: ignore[union-attr]
