"""A restyled template's styles are found by name, whatever ids its editor gave them (LibreOffice's ``Style10``,
WPS's ``1``/``2``, Word's localised ids), renamed to the ids the render writes, and the styles it lacks are added
from the built-in definitions without touching the ones it has; tables are ruled without their table style; a
grid LibreOffice wrote unsigned is read as the negative number it means."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import annual_docx
from annual_docx._ooxml.char_grid import (
    fit_char_grids,
    line_grid_for_libreoffice,
    restore_char_grid,
    signed_char_space,
)
from annual_docx._ooxml.layout_settings import keep_punctuation_compression
from annual_docx._ooxml.props import W_NS
from annual_docx._ooxml.style_ids import Adopted, adopt_styles, match_styles, wanted_from
from annual_docx._ooxml.table import official_table
from annual_docx._output._template_design import LOCALISED, builtin_styles

from .conftest import small_report
from .docxcheck import NS, q

W = f'xmlns:w="{W_NS}"'


def styles(*entries: str) -> etree._Element:
    return etree.fromstring(f"<w:styles {W}>{''.join(entries)}</w:styles>")


def st(sid: str, name: str, kind: str = "paragraph", extra: str = "", default: bool = False) -> str:
    mark = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"{mark}><w:name w:val="{name}"/>{extra}</w:style>'


def ids(root: etree._Element) -> dict[str, str]:
    """Style id → name."""
    return {s.get(q("styleId")): s.find("w:name", NS).get(q("val")) for s in root.iterfind("w:style", NS)}


def adopt(root: etree._Element, *parts: etree._Element) -> Adopted:
    return adopt_styles(root, parts, builtin_styles(), LOCALISED)


def test_libreoffice_ids_are_renamed_by_name_and_its_own_caption_steps_aside() -> None:
    """LibreOffice's Style10 (正文（与下段同页）) becomes BodyKeep; Word's ``caption``, saved as Caption1 beside
    LibreOffice's own ``Caption``, becomes Caption and the other Caption moves to a fresh id; references follow."""
    root = styles(st("Normal", "Normal", default=True), st("Caption", "Caption", extra='<w:basedOn w:val="Normal"/>'),
                  st("Caption1", "caption", extra='<w:basedOn w:val="Normal"/>'),
                  st("Style10", "正文（与下段同页）", extra='<w:next w:val="Normal"/>'),
                  st("Style11", "图片", extra='<w:next w:val="Caption1"/>'))
    body = etree.fromstring(f'<w:body {W}><w:p><w:pPr><w:pStyle w:val="Style10"/></w:pPr></w:p>'
                            f'<w:p><w:pPr><w:pStyle w:val="Caption1"/></w:pPr></w:p>'
                            f'<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr></w:p></w:body>')
    done = adopt(root, body)
    names = ids(root)
    assert names["BodyKeep"] == "正文（与下段同页）" and names["Caption"] == "caption" and names["Figure"] == "图片"
    lo_caption = next(i for i, n in names.items() if n == "Caption")
    assert lo_caption not in ("Caption", "Caption1", "Style10")
    assert [p.get(q("val")) for p in body.iter(q("pStyle"))] == ["BodyKeep", "Caption", lo_caption]
    figure = root.find("w:style[@w:styleId='Figure']", NS)
    assert figure.find("w:next", NS).get(q("val")) == "Caption"
    assert done.renamed["Style10"] == "BodyKeep" and "Style10" not in names


def test_wps_numbered_ids_and_localised_names_are_found() -> None:
    """WPS numbers its styles (1 = Normal, 2 = heading 1); a converter's 标题 2 and 正文-based custom styles are
    found by those names."""
    root = styles(st("1", "Normal", default=True), st("2", "heading 1", extra='<w:basedOn w:val="1"/>'),
                  st("a3", "标题 2", extra='<w:basedOn w:val="1"/>'), st("7", "Default Paragraph Font", "character",
                                                                         default=True))
    adopt(root)
    names = ids(root)
    assert names["Normal"] == "Normal" and names["Heading1"] == "heading 1" and names["Heading2"] == "标题 2"
    assert names["DefaultParagraphFont"] == "Default Paragraph Font"
    heading = root.find("w:style[@w:styleId='Heading1']", NS)
    assert heading.find("w:basedOn", NS).get(q("val")) == "Normal"


def test_name_wins_over_id_and_id_is_the_last_resort() -> None:
    """A style whose id is a render id but whose name is another built-in's is not taken for it; a custom style an
    agency renamed in Word (the id stays) is still found by its id."""
    root = styles(st("Normal", "Normal", default=True), st("Heading1", "Title"),
                  st("AttachmentLabel", "附件（本单位）"))
    found = match_styles(root, wanted_from(builtin_styles(), LOCALISED))
    assert found["Title"].get(q("styleId")) == "Heading1"
    assert found["AttachmentLabel"].get(q("styleId")) == "AttachmentLabel"
    assert "Heading1" not in found


def test_missing_styles_come_from_the_built_in_definitions_and_restyled_ones_stay() -> None:
    """The template's own Normal (楷体) and heading 1 stay as they are; TableText, OfficialTable and the rest come
    from the default template."""
    normal = '<w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr>'
    root = styles(st("1", "Normal", extra=normal, default=True), st("2", "heading 1"))
    done = adopt(root)
    assert root.xpath("string(w:style[@w:styleId='Normal']/w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS) == "楷体"
    assert {"TableText", "TableHeader", "OfficialTable", "RecordCc", "AttachmentLabel"} <= set(done.added)
    assert "Normal" not in done.added and "Heading1" not in done.added
    defaults = [s for s in root.iterfind("w:style", NS) if s.get(q("default")) == "1" and s.get(q("type")) ==
                "paragraph"]
    assert len(defaults) == 1  # the template's Normal stays the one default paragraph style
    table = root.find("w:style[@w:styleId='OfficialTable']", NS)
    assert table.find("w:tblPr/w:tblBorders/w:insideH", NS) is not None


def test_normal_gets_its_default_mark_back() -> None:
    """LibreOffice drops Normal's ``w:default`` when it saves through .odt; the style found as Normal gets it back."""
    root = styles(st("Normal", "Normal"), st("Heading1", "Heading 1"))
    adopt(root)
    assert root.find("w:style[@w:styleId='Normal']", NS).get(q("default")) == "1"


def _template_with(path: Path, edit: dict[str, bytes]) -> Path:
    source = annual_docx.default_template()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, edit.get(info.filename, zin.read(info.filename)))
    return path


def _number_every_id(styles_xml: bytes, document_xml: bytes) -> tuple[bytes, bytes]:
    """What WPS does (seen in the WPS-saved files of the corpus): every style id a number, names kept."""
    styles, document = etree.fromstring(styles_xml), etree.fromstring(document_xml)
    new = {s.get(q("styleId")): str(n) for n, s in enumerate(styles.iterfind("w:style", NS), start=1)}
    for root in (styles, document):
        for node in root.iter(q("style"), q("pStyle"), q("rStyle"), q("tblStyle"), q("basedOn"), q("next"),
                              q("link")):
            attr = q("styleId") if node.tag == q("style") else q("val")
            node.set(attr, new.get(node.get(attr) or "", node.get(attr) or ""))
    return etree.tostring(styles), etree.tostring(document)


def test_a_template_with_wps_numbered_ids_gives_a_gongwen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every style id a number, as WPS saves them: the district example renders to a document that passes
    ``check``, with the render's ids back."""
    with zipfile.ZipFile(annual_docx.default_template()) as z:
        styles_xml, document_xml = _number_every_id(z.read("word/styles.xml"), z.read("word/document.xml"))
    template = _template_with(tmp_path / "wps.docx", {"word/styles.xml": styles_xml,
                                                     "word/document.xml": document_xml})
    monkeypatch.chdir(Path(__file__).resolve().parent.parent / "examples")
    report = annual_docx.load("district_culture_centre.yaml")
    out = annual_docx.render(report, tmp_path / "out.docx", template=template)
    assert [f for f in annual_docx.check(out) if not f.ok] == []
    with zipfile.ZipFile(out) as z:
        used = {p.get(q("val")) for p in etree.fromstring(z.read("word/document.xml")).iter(q("pStyle"))}
    assert {"Heading1", "Heading2", "TableText", "DocNumber", "AttachmentLabel"} <= used
    assert not {u for u in used if u and u.isdigit()}


def _rename_custom_ids(data: bytes) -> bytes:
    """What LibreOffice does to the template's custom styles: new ids (and references), names kept."""
    root = etree.fromstring(data)
    new = {sid: f"Style{n}" for n, sid in enumerate(
        ("BodyKeep", "TableText", "TableHeader", "TableTitle", "DocNumber", "AttachmentLabel", "RecordCc",
         "RecordPrint", "Signature", "Date"), start=10)}
    for node in root.iter(q("style"), q("pStyle"), q("basedOn"), q("next"), q("link")):
        attr = q("styleId") if node.tag == q("style") else q("val")
        node.set(attr, new.get(node.get(attr) or "", node.get(attr) or ""))
    return etree.tostring(root)


def test_a_template_with_renamed_ids_and_no_table_style_renders_a_gongwen(tmp_path: Path) -> None:
    """Rendered through a template whose custom ids were renamed and whose table style is gone, the document has
    the 版记 in its box, the red rule under the number, ruled tables and the 落款's indents."""
    with zipfile.ZipFile(annual_docx.default_template()) as z:
        styles_xml = z.read("word/styles.xml")
        document_xml = z.read("word/document.xml")
    root = etree.fromstring(_rename_custom_ids(styles_xml))
    for table_style in root.xpath("w:style[@w:styleId='OfficialTable']", namespaces=NS):
        root.remove(table_style)
    template = _template_with(tmp_path / "t.docx", {"word/styles.xml": etree.tostring(root),
                                                   "word/document.xml": _rename_custom_ids(document_xml)})
    report = small_report(
        sections=[{"kind": "section", "title": "概况", "blocks": [
            {"type": "table", "title": "表", "header": ["项目", "数量"], "rows": [["甲", "1"], ["乙", "2"]]}]}],
        signature="某县图书馆", date="2022-01-10",
        official={"issuer": "某县图书馆文件", "number": "某图发〔2022〕1号", "signers": ["王明"],
                  "cc": ["某县文化和旅游局"], "printer": "某县图书馆办公室", "print_date": "2022-01-12"})
    out = annual_docx.render(report, tmp_path / "out.docx", template=template)
    findings = {f.item: f for f in annual_docx.check(out)}
    assert all(f.ok for f in findings.values()), [f for f in findings.values() if not f.ok]
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    assert not body.xpath(".//w:pStyle[starts-with(@w:val, 'Style')]", namespaces=NS)
    table = next(t for t in body.iter(q("tbl")) if t.find("w:tblPr/w:tblStyle", NS) is not None)
    edges = table.find("w:tblPr/w:tblBorders", NS)
    assert edges is not None and len(edges) == 6
    assert body.xpath(".//w:txbxContent//w:pStyle[@w:val='RecordCc']", namespaces=NS)  # the 版记 is in its box


def test_table_rules_margins_and_header_are_set_on_the_table_itself() -> None:
    """Without its table style a table keeps its ½ pt rules on every edge and between cells, its cell margins, its
    widths and its repeated header."""
    (table,) = official_table(["甲", "乙"], [["1", "2"], ["3", "4"]])
    pr = table.find("w:tblPr", NS)
    borders = pr.find("w:tblBorders", NS)
    assert [etree.QName(e).localname for e in borders] == ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert {(e.get(q("val")), e.get(q("sz"))) for e in borders} == {("single", "4")}
    margins = {etree.QName(e).localname: e.get(q("w")) for e in pr.find("w:tblCellMar", NS)}
    assert margins == {"top": "0", "left": "108", "bottom": "57", "right": "108"}
    assert pr.find("w:tblW", NS).get(q("type")) == "dxa"
    assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
    order = [etree.QName(e).localname for e in pr]
    assert order.index("jc") < order.index("tblBorders") < order.index("tblLayout") < order.index("tblCellMar")


@pytest.mark.parametrize(("raw", "value"), [("4294966271", -1025), ("-842", -842), ("0", 0), ("12", 12),
                                            ("4294967295", -1), ("x", None), (None, None)])
def test_unsigned_char_space_is_read_as_the_negative_number_it_means(raw: str | None, value: int | None) -> None:
    assert signed_char_space(raw) == value


def _section(char_space: str) -> tuple[etree._Element, etree._Element]:
    document = etree.fromstring(
        f'<w:document {W}><w:body><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:left="1587" w:right="1474" w:top="2098" w:bottom="1984"/>'
        f'<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="{char_space}"/></w:sectPr></w:body>'
        f'</w:document>')
    root = styles(st("Normal", "Normal", extra='<w:rPr><w:sz w:val="32"/></w:rPr>', default=True))
    return document, root


def test_libreoffice_grid_is_written_back_as_words_28_characters() -> None:
    """LibreOffice's unsigned −1025 (a rounded 15.75 pt cell) is written as −842, the cell of 28 三号 characters on
    the 版心, which the PDF's copy condenses by 0.25 pt as for the default template."""
    document, root = _section("4294966271")
    assert fit_char_grids(document, root) == 1
    assert document.find(".//w:docGrid", NS).get(q("charSpace")) == "-842"
    assert line_grid_for_libreoffice(document, root) == -5
    document, root = _section("-842")
    assert fit_char_grids(document, root) == 0


def test_check_reads_the_unsigned_grid_as_28_a_line(tmp_path: Path) -> None:
    """``check`` on a document whose grid LibreOffice wrote unsigned counts 28 characters a line, not 27."""
    data = annual_docx.render(small_report())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").replace(b'w:charSpace="-842"', b'w:charSpace="4294966271"')
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(tmp_path / "u.docx", "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, document if info.filename == "word/document.xml" else zin.read(info.filename))
    row = next(f for f in annual_docx.check(tmp_path / "u.docx") if f.item.startswith("每行字数"))
    assert row.ok and row.found.endswith("→ 28") and "-1025" in row.found


def test_punctuation_compression_is_put_back_unless_the_template_chose() -> None:
    """A settings part without ``characterSpacingControl`` (LibreOffice drops it) gets compressPunctuation in
    schema order; one that chose doNotCompress keeps it."""
    settings = etree.fromstring(f'<w:settings {W}><w:zoom w:percent="100"/><w:evenAndOddHeaders/><w:compat/>'
                                f'</w:settings>')
    assert keep_punctuation_compression(settings)
    assert [etree.QName(e).localname for e in settings] == ["zoom", "evenAndOddHeaders", "characterSpacingControl",
                                                            "compat"]
    chosen = etree.fromstring(f'<w:settings {W}><w:characterSpacingControl w:val="doNotCompress"/></w:settings>')
    assert not keep_punctuation_compression(chosen)
    assert chosen[0].get(q("val")) == "doNotCompress"


def test_a_line_grid_left_by_a_second_libreoffice_save_gets_its_28_characters_back() -> None:
    """LibreOffice cannot read back its unsigned charSpace, so a template saved twice has a plain line grid: it is
    turned back into a character grid of 28 a line; a template condensing its text for a line grid is left alone."""
    document, root = _section("0")
    grid = document.find(".//w:docGrid", NS)
    grid.set(q("type"), "lines")
    assert restore_char_grid(document, root, 28) == 1
    assert (grid.get(q("type")), grid.get(q("charSpace"))) == ("linesAndChars", "-842")
    document, root = _section("0")
    document.find(".//w:docGrid", NS).set(q("type"), "lines")
    root.insert(0, etree.fromstring(f'<w:docDefaults {W}><w:rPrDefault><w:rPr><w:spacing w:val="-5"/></w:rPr>'
                                    f'</w:rPrDefault></w:docDefaults>'))
    assert restore_char_grid(document, root, 28) == 0
