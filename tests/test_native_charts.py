"""Native (editable) Word charts: every kind's chart part and embedded workbook hold the report's numbers, labels,
colours and Chinese fonts; the documents are valid, reproducible, and need no matplotlib."""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from lxml import etree
from openxml_audit import OpenXmlValidator

import annual_docx

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
# The one-hue palette, written out here rather than taken from the library: dark navy to light blue.
NAVY = "1F3A5F"
PALE = "B9CEE4"

SERIES_CHARTS: list[dict[str, Any]] = [
    {"kind": "chart", "title": "外借册次", "chart": "line", "labels": [2022, 2023, 2024], "unit": "万册次",
     "series": {"成人外借": [12.5, 13.1, 9.8], "少儿外借": [4.1, 4.6, 3.9]}, "caption": "近三年外借册次",
     "source": "资料来源：业务统计 <&>"},
    {"kind": "chart", "title": "到馆人次", "chart": "bar", "labels": [2023, 2024], "unit": "万人次",
     "series": {"本馆": [9.1, 10.3], "分馆": [2.2, 3.1]}},
    {"kind": "chart", "title": "活动场次", "chart": "stacked_bar", "labels": ["上半年", "下半年"], "unit": "场",
     "series": {"线下": [12, 18], "线上": [8, 10]}},
    {"kind": "chart", "title": "分馆借阅", "chart": "barh", "labels": ["东城分馆", "西城分馆", "南关分馆"],
     "series": {"借阅量": [3.2, 2.5, 1.1]}, "unit": "万册次"},
    {"kind": "chart", "title": "读者构成", "chart": "stacked_barh", "labels": [2023, 2024],
     "series": {"成人": [60, 62], "少儿": [30, 28], "老年": [10, 10]}},
]
BREAKDOWNS: list[dict[str, Any]] = [
    {"title": "年龄结构", "categories": {"35岁以下": 4, "36至50岁": 7, "51岁以上": 3}, "chart": "bar"},
    {"title": "岗位结构", "categories": {"专业技术岗位": 10, "管理岗位": 2}, "chart": "barh"},
    {"title": "学历结构", "categories": {"大专": 3, "本科": 10, "研究生": 0}, "chart": "pie"},
]
# chart kind of each section above, in document order → the element of the plot and its settings
EXPECTED = [
    ("lineChart", None, None),
    ("barChart", "col", "clustered"),
    ("barChart", "col", "stacked"),
    ("barChart", "bar", "clustered"),
    ("barChart", "bar", "stacked"),
    ("barChart", "col", "clustered"),
    ("barChart", "bar", "clustered"),
    ("pieChart", None, None),  # chart: pie is a pie; donut below
]


def all_kinds(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisation": "某县图书馆", "year": 2024, "chart_engine": "native",
        "sections": [*copy.deepcopy(SERIES_CHARTS),
                     {"kind": "personnel", "title": "人员结构", "breakdowns": copy.deepcopy(BREAKDOWNS)}],
    }
    data.update(overrides)
    return data


def charts(docx: Path) -> list[tuple[etree._Element, openpyxl.Workbook]]:
    """Return each chart of the body in document order: its chartSpace and its embedded workbook."""
    with zipfile.ZipFile(docx) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iterfind("rel:Relationship", NS)}
        out = []
        for ref in body.iterfind(".//c:chart", NS):
            name = "word/" + targets[ref.get(f"{{{NS['r']}}}id")]
            space = etree.fromstring(zf.read(name))
            chart_rels = etree.fromstring(zf.read(name.replace("charts/", "charts/_rels/") + ".rels"))
            (book_rel,) = chart_rels.iterfind("rel:Relationship", NS)
            assert book_rel.get("Type").endswith("/relationships/package")
            assert space.find("c:externalData", NS).get(f"{{{NS['r']}}}id") == book_rel.get("Id")
            book_name = posixpath.normpath(posixpath.join(posixpath.dirname(name), book_rel.get("Target")))
            out.append((space, openpyxl.load_workbook(io.BytesIO(zf.read(book_name)))))
    return out


def cached(space: etree._Element, path: str) -> list[list[str]]:
    """Return the cached points under each ``path`` element (c:cat, c:val, c:tx) of every series."""
    return [[v.text for v in el.iterfind(".//c:v", NS)] for el in space.iterfind(f".//c:ser/{path}", NS)]


@pytest.fixture(scope="module")
def kinds_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("native") / "kinds.docx"
    return annual_docx.render(annual_docx.validate(all_kinds()), out)


def _number(text: str) -> float:
    return float(text)


def test_every_kind_holds_its_numbers_in_the_chart_and_in_the_workbook(kinds_docx: Path) -> None:
    """Each chart's cached values and categories, and its workbook's cells, are the report's data."""
    found = charts(kinds_docx)
    data = [(s["labels"], s["series"]) for s in SERIES_CHARTS]
    data += [(list(b["categories"]), {b["title"]: list(b["categories"].values())}) for b in BREAKDOWNS]
    assert len(found) == len(data) == len(EXPECTED)
    for (space, book), (labels, series), (plot, direction, grouping) in zip(found, data, EXPECTED, strict=True):
        element = space.find(f".//c:plotArea/c:{plot}", NS)
        assert element is not None, plot
        if direction:
            assert element.find("c:barDir", NS).get("val") == direction
            assert element.find("c:grouping", NS).get("val") == grouping
        names = [str(label) for label in labels]
        assert cached(space, "c:cat") == [names] * len(series)
        assert cached(space, "c:tx") == [[name] for name in series]
        assert [[_number(v) for v in vals] for vals in cached(space, "c:val")] == list(series.values())
        sheet = book.active
        assert sheet.title == "Sheet1"
        assert [sheet.cell(row=r + 2, column=1).value for r in range(len(names))] == names
        for col, (name, values) in enumerate(series.items(), start=2):
            assert sheet.cell(row=1, column=col).value == name
            assert [sheet.cell(row=r + 2, column=col).value for r in range(len(values))] == values
        formulas = [f.text for f in space.iterfind(".//c:ser/c:val/c:numRef/c:f", NS)]
        assert formulas == [f"Sheet1!${chr(66 + i)}$2:${chr(66 + i)}${len(names) + 1}" for i in range(len(series))]


def test_series_and_wedges_take_the_one_hue_palette(kinds_docx: Path) -> None:
    """Bars go dark to light navy by series; a donut's wedges dark to light by category."""
    found = charts(kinds_docx)
    grouped = [c.get("val") for c in found[1][0].iterfind(".//c:ser/c:spPr/a:solidFill/a:srgbClr", NS)]
    assert grouped == [NAVY, PALE]
    stacked3 = [c.get("val") for c in found[4][0].iterfind(".//c:ser/c:spPr/a:solidFill/a:srgbClr", NS)]
    assert stacked3[0] == NAVY and stacked3[-1] == PALE and len(set(stacked3)) == 3
    wedges = [c.get("val") for c in found[7][0].iterfind(".//c:dPt/c:spPr/a:solidFill/a:srgbClr", NS)]
    assert wedges[0] == NAVY and wedges[-1] == PALE and len(set(wedges)) == 3
    lines = found[0][0].iterfind(".//c:ser/c:marker/c:symbol", NS)
    assert len({m.get("val") for m in lines}) == 2  # series differ in marker shape too, for grayscale prints


def test_every_text_names_an_east_asian_font(kinds_docx: Path) -> None:
    """All chart text has a Chinese face (a:ea) beside the Latin one: 仿宋_GB2312, 黑体 for the unit note."""
    for space, _ in charts(kinds_docx):
        props = space.findall(".//a:defRPr", NS)
        assert props
        faces = {p.find("a:ea", NS).get("typeface") for p in props}
        assert faces <= {"仿宋_GB2312", "黑体"}
        assert "仿宋_GB2312" in faces
        assert all(p.find("a:latin", NS).get("typeface") == "Times New Roman" for p in props)
        assert all(int(p.get("sz")) <= 1050 for p in props)  # 五号 at most, not python-pptx's 18 pt


def test_labels_show_values_shares_units_and_legends(kinds_docx: Path) -> None:
    """Bars and lines carry their values; the donut its counts and shares with the legend at its right; the unit is
    written in the chart; several series get a legend on top, one series none."""
    found = charts(kinds_docx)
    for space, _ in found:
        assert space.find(".//c:ser/c:dLbls/c:showVal", NS).get("val") == "1"
    donut = found[7][0]
    assert donut.find(".//c:ser/c:dLbls/c:showPercent", NS).get("val") == "1"
    assert donut.find(".//c:legend/c:legendPos", NS).get("val") == "r"
    assert found[0][0].find(".//c:legend/c:legendPos", NS).get("val") == "t"
    assert found[3][0].find(".//c:legend", NS) is None
    assert "".join(found[0][0].find("c:chart/c:title", NS).itertext()) == "单位：万册次"
    age = found[5][0].find(".//c:ser/c:dLbls/c:numFmt", NS)
    assert age.get("formatCode") == 'General"人"'
    horizontal = found[3][0].find(".//c:catAx/c:scaling/c:orientation", NS)
    assert horizontal.get("val") == "maxMin"  # first label on top, as written


def test_native_charts_are_described_sized_and_captioned(kinds_docx: Path) -> None:
    """The drawings carry the same alt text as the pictures would, fit the type area, and captions are numbered."""
    doc = Document(str(kinds_docx))  # python-docx reopens the package
    body = doc.element.body
    extents = body.findall(".//wp:inline/wp:extent", NS)
    assert len(extents) == 8
    assert all(int(e.get("cx")) <= 156 * 36000 for e in extents)
    alts = [d.get("descr") for d in body.iterfind(".//wp:docPr", NS)]
    assert alts[0].startswith("外借册次折线图：成人外借，2022年12.5万册次")
    assert alts[-1] == "学历结构饼图：大专3人（23.1%），本科10人（76.9%），研究生0人（0.0%），共13人。"
    ids = [d.get("id") for d in body.iterfind(".//wp:docPr", NS)]
    assert len(set(ids)) == len(ids)
    captions = [p.text for p in doc.paragraphs if p.text.startswith("图")]
    assert captions == ["图1 近三年外借册次"]
    figure = next(p for p in doc.paragraphs if p._p.find(".//c:chart", NS) is not None)
    assert figure.text == "\n资料来源：业务统计 <&>"  # the source note on a line under the chart, above the caption
    assert [r.font.size.pt for r in figure.runs if r.text.strip()] == [9]


def test_documents_with_native_charts_pass_openxml_audit(kinds_docx: Path) -> None:
    assert [str(e) for e in OpenXmlValidator().validate(kinds_docx).errors] == []


def test_same_report_gives_the_same_bytes(kinds_docx: Path, tmp_path: Path) -> None:
    again = annual_docx.render(annual_docx.validate(all_kinds()), tmp_path / "again.docx")
    assert again.read_bytes() == kinds_docx.read_bytes()


def test_engine_on_a_chart_overrides_the_report(tmp_path: Path) -> None:
    """``engine: image`` keeps one chart a picture in a native report; ``engine: native`` makes one chart native in
    an image report; without either, charts stay pictures."""
    data = all_kinds()
    data["sections"][0]["engine"] = "image"
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "mixed.docx")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert sum(n.startswith("word/charts/chart") for n in names) == 7
    assert sum(n.startswith("word/media/") for n in names) == 1
    data = all_kinds(chart_engine="image")
    data["sections"][3]["engine"] = "native"
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "one.docx")
    assert [s.find(".//c:barDir", NS).get("val") for s, _ in charts(out)] == ["bar"]
    with pytest.raises(annual_docx.ReportValidationError, match="chart_engine"):
        annual_docx.validate(all_kinds(chart_engine="svg"))


def test_user_text_in_a_chart_is_data(tmp_path: Path) -> None:
    """Names with < & " and template tags come out literally in the chart and the workbook."""
    name = '<甲&乙> "{{ x }}"'
    data = all_kinds(sections=[{"kind": "personnel", "title": "人员", "breakdowns": [
        {"title": "结构{% if %}", "categories": {name: 2, "其他": 1}, "chart": "bar"}]}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "esc.docx")
    ((space, book),) = charts(out)
    assert cached(space, "c:cat") == [[name, "其他"]]
    assert book.active["A2"].value == name
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []


def test_check_counts_native_charts_with_the_pictures(kinds_docx: Path, tmp_path: Path) -> None:
    """``check`` counts native charts beside pictures and flags one wider than the type area."""
    (row,) = [f for f in annual_docx.check(kinds_docx) if f.item.startswith("图片与图表")]
    assert row.ok and row.found == "8 幅（图片 0，原生图表 8），有图题 1"
    wide = tmp_path / "wide.docx"
    with zipfile.ZipFile(kinds_docx) as src, zipfile.ZipFile(wide, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b'cx="5040000"', b'cx="6480000"', 1)  # 140 mm → 180 mm
            dst.writestr(item, data)
    (row,) = [f for f in annual_docx.check(wide) if f.item.startswith("图片与图表")]
    assert not row.ok and "最宽 180.0 mm" in row.found


@pytest.mark.parametrize("kind", ["line", "bar", "stacked_bar", "barh", "stacked_barh", "pie", "doughnut"])
def test_chart_writer_gives_a_valid_part_for_every_kind(kind: str, tmp_path: Path) -> None:
    """Every kind the writer knows makes a valid chart part with its
    workbook in a plain python-docx document."""
    from annual_docx._charts._native import FONTS
    from annual_docx._ooxml.chart import ChartSpec
    from annual_docx._ooxml.chart_part import add_chart_part, chart_inline

    spec = ChartSpec(kind, ("甲", "乙"), (("系列", (1.0, 2.5)),), ("#1f3a5f", "#b9cee4"), FONTS, 120, 60, "替代文字")
    doc = Document(str(annual_docx.default_template()))  # python-docx's own default has a stale stylesWithEffects
    rid = add_chart_part(doc.part, spec)
    run = doc.add_paragraph().add_run()._r
    drawing = etree.SubElement(run, "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing")
    drawing.append(etree.fromstring(chart_inline(rid, spec)))
    out = tmp_path / f"{kind}.docx"
    doc.save(str(out))
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    ((space, book),) = charts(out)
    assert cached(space, "c:val") == [["1", "2.5"]]
    assert [c.value for c in book.active["B"]] == ["系列", 1, 2.5]


def test_long_names_turn_bars_sideways_as_the_picture_does(tmp_path: Path) -> None:
    """Bars whose names cannot stand side by side lie sideways in both engines, with the same alt text."""
    names = {f"第{n}专业技术岗位人员": i for i, n in enumerate("一二三四五六", start=1)}
    sections = [{"kind": "personnel", "title": "人员", "breakdowns": [
        {"title": "岗位结构", "categories": names, "chart": "bar"}]}]
    alts = []
    for engine in ("native", "image"):
        out = annual_docx.render(annual_docx.validate(all_kinds(chart_engine=engine, sections=sections)),
                                 tmp_path / f"{engine}.docx")
        alts.append(Document(str(out)).element.body.find(".//wp:docPr", NS).get("descr"))
        if engine == "native":
            assert [s.find(".//c:barDir", NS).get("val") for s, _ in charts(out)] == ["bar"]
    assert alts[0] == alts[1] and alts[0].startswith("岗位结构条形图：")
