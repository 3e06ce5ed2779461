"""Tests of the character grid: charSpace computed for Word, emulated as a line grid for LibreOffice."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from annual_docx._ooxml.char_grid import (
    char_space,
    condense_twentieths,
    libreoffice_copy,
    line_grid_for_libreoffice,
    normal_font_pt,
)
from annual_docx._ooxml.props import W_NS
from annual_docx._ooxml.reader import open_package

from .docxcheck import part, q

W = f'xmlns:w="{W_NS}"'
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "report_template.docx"


def test_char_space_fits_28_characters_of_16_pt_on_the_type_area() -> None:
    """(442.25 pt / 28 − 16 pt) × 4096 = −841.1, rounded down to −842; 28 cells fit, 29 do not."""
    value = char_space(8845, 28, 16)
    assert value == -842
    cell = 16 + value / 4096
    assert 28 * cell <= 442.25 < 29 * cell


def test_template_declares_a_lines_and_chars_grid() -> None:
    """The template's section has a linesAndChars grid: pitch 579 twips, charSpace −842."""
    grid = part(TEMPLATE, "word/document.xml").find(f".//{q('docGrid')}")
    assert grid is not None
    assert (grid.get(q("type")), grid.get(q("linePitch")), grid.get(q("charSpace"))) == ("linesAndChars", "579", "-842")


def test_condensing_makes_glyphs_no_wider_than_the_cell() -> None:
    """A 0.2056 pt shrink rounds up to 5/20 pt (−0.25 pt); no shrink means no condensing."""
    assert condense_twentieths(-842, 16) == -5
    assert condense_twentieths(0, 16) == 0


def test_line_grid_for_libreoffice_rewrites_grid_and_condenses_default_run() -> None:
    """The grid becomes a line grid and docDefaults gets w:spacing before w:sz (schema order)."""
    document = etree.fromstring(f'<w:document {W}><w:body><w:sectPr><w:docGrid w:type="linesAndChars" '
                                f'w:linePitch="579" w:charSpace="-842"/></w:sectPr></w:body></w:document>')
    styles = etree.fromstring(f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="x"/>'
                              f'<w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>')
    assert normal_font_pt(styles) == 16
    assert line_grid_for_libreoffice(document, styles) == -5
    grid = document.find(f".//{q('docGrid')}")
    assert grid is not None and grid.get(q("type")) == "lines" and grid.get(q("charSpace")) is None
    rpr = styles.find(f".//{q('rPr')}")
    assert rpr is not None
    assert [etree.QName(c).localname for c in rpr] == ["rFonts", "spacing", "sz"]
    assert rpr[1].get(q("val")) == "-5"


def test_libreoffice_copy_leaves_a_line_grid_document_alone(example_docx: Path, tmp_path: Path) -> None:
    """A document without a character grid is copied with its grid and styles unchanged."""
    src = tmp_path / "lines.docx"
    with zipfile.ZipFile(example_docx) as zin, zipfile.ZipFile(src, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b'w:type="linesAndChars"', b'w:type="lines"').replace(b' w:charSpace="-842"', b"")
            zout.writestr(item, data)
    with open_package(src) as package:
        assert libreoffice_copy(package, tmp_path / "copy.docx") == 0
    assert b"w:spacing w:val" not in zipfile.ZipFile(tmp_path / "copy.docx").read("word/styles.xml")
