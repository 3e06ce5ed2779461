"""Text as written (issue 21): numbers keep the form they were written in (156.40, 1.0, 1223474); superscripts and
subscripts (``^{…}``, ``_{…}``) render as ``w:vertAlign`` runs and import back as markup."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from lxml import etree

import annual_docx
from annual_docx._input._load import parse
from annual_docx._ooxml.inline import escape_scripts, split_scripts
from annual_docx._report_kinds import validate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORT = """\
organisation: 某市统计局
year: 2023
sections:
  - title: 主要指标
    paragraphs:
      - 能耗1.1×10^{6}吨，排放1.2×10^{-3}克，H_{2}O，字面 \\^{x} 与 {{ title }} {% if %} <w:p/> &
    blocks:
      - type: table
        header: [指标, 数值, 文本数值, 整数]
        rows:
          - [甲, 156.40, "156.40", 1223474]
          - [乙, 1.0, "1.0", 12]
          - [丙, 2.25, "1223474", 3]
        total: 合计
      - type: table
        header: [项目, 数值]
        rows:
          - [面积, "4.2×10^{4}m^{2}"]
      - type: indicators
        indicators:
          - {name: 外借, value: 156.40, unit: 万册, last_year: 150.0}
      - type: list
        items: ["浓度10^{-3}"]
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("written")
    source = folder / "r.yaml"
    source.write_text(REPORT, encoding="utf-8")
    return annual_docx.render(annual_docx.load(source), folder / "r.docx")


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def test_numbers_print_as_written(rendered: Path) -> None:
    """156.40 stays 156.40 and 1.0 stays 1.0 (written in the file, quoted or not); a quoted 1223474 keeps no
    separator; an unquoted integer is printed the library's way (1,223,474); the total follows its column."""
    first, second, statistics = _tables(rendered)
    assert first[1:] == [["甲", "156.40", "156.40", "1,223,474"], ["乙", "1.0", "1.0", "12"],
                         ["丙", "2.25", "1223474", "3"], ["合计", "159.65", "1223631.40", "1,223,489"]]
    assert second[1] == ["面积", "4.2×104m2"]
    assert statistics[1] == ["外借", "150.0万册", "156.40万册", "增长4.3%"]


def _vert_runs(paragraph: etree._Element) -> list[tuple[str, str | None]]:
    out = []
    for r in paragraph.iter(W + "r"):
        vert = r.find(f"{W}rPr/{W}vertAlign")
        out.append(("".join(t.text or "" for t in r.iter(W + "t")), None if vert is None else vert.get(W + "val")))
    return out


def test_superscripts_and_subscripts_render_as_vert_align_runs(rendered: Path) -> None:
    with zipfile.ZipFile(rendered) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paragraphs = {"".join(t.text or "" for t in p.iter(W + "t")): p for p in root.iter(W + "p")}
    text = "能耗1.1×106吨，排放1.2×10-3克，H2O，字面 ^{x} 与 {{ title }} {% if %} <w:p/> &"
    assert _vert_runs(paragraphs[text])[:6] == [("能耗1.1×10", None), ("6", "superscript"), ("吨，排放1.2×10", None),
                                               ("-3", "superscript"), ("克，H", None), ("2", "subscript")]
    assert _vert_runs(paragraphs["1.浓度10-3"]) == [("1.浓度10", None), ("-3", "superscript")]
    assert ("2", "superscript") in _vert_runs(paragraphs["4.2×104m2"])  # a table cell


def test_import_gives_the_markup_and_the_written_numbers_back(rendered: Path, tmp_path: Path) -> None:
    report = annual_docx.import_docx(rendered, assets=tmp_path / "assets")
    section = report.sections[0]
    assert section.paragraphs == [
        "能耗1.1×10^{6}吨，排放1.2×10^{-3}克，H_{2}O，字面 \\^{x} 与 {{ title }} {% if %} <w:p/> &"]
    table = section.blocks[0]
    assert table.rows[0][1:3] == ["156.40", "156.40"] and table.rows[1][1:3] == ["1.0", "1.0"]  # type: ignore[union-attr]
    assert table.rows[2][2] == "1223474"  # type: ignore[union-attr]
    assert section.blocks[1].rows == [["面积", "4.2×10^{4}m^{2}"]]  # type: ignore[union-attr]


def test_superscripts_from_a_word_file_import_as_markup(tmp_path: Path) -> None:
    """A document written elsewhere (python-docx): split superscript runs join into one ``^{…}``."""
    document = docx.Document()
    document.add_paragraph("某单位2023年工作总结", style="Title")
    document.add_heading("一、概况", 1)
    p = document.add_paragraph("总量1.1×10")
    for digit in "6":
        p.add_run(digit).font.superscript = True
    p.add_run("，浓度1.2×10")
    for part in ("-", "3"):
        p.add_run(part).font.superscript = True
    p.add_run("，CO")
    p.add_run("2").font.subscript = True
    p.add_run("排放。").font.size = Pt(16)
    path = tmp_path / "sup.docx"
    document.save(str(path))
    report = annual_docx.import_docx(path, assets=tmp_path / "assets")
    texts = [*report.opening, *(t for s in report.sections for t in s.paragraphs)]
    assert "总量1.1×10^{6}，浓度1.2×10^{-3}，CO_{2}排放。" in texts


@pytest.mark.parametrize("text", ["10^{6}", "a\\^{b}", "x_{i}y", "{_{ x }_}", "^{}", "2^{10}个", "plain"])
def test_markup_split_and_escape_agree(text: str) -> None:
    """What the importer writes for a run (escape + script) reads back as that run."""
    segments = split_scripts(text)
    rebuilt = "".join(escape_scripts(t) if m is None else f"{'^' if m == 'superscript' else '_'}{{{t}}}"
                      for t, m in segments)
    assert split_scripts(rebuilt) == segments


def test_loaded_float_keeps_its_written_form_through_validation(tmp_path: Path) -> None:
    data = parse_text(tmp_path, "organisation: x\nyear: 2020\nsections:\n  - title: a\n    blocks:\n"
                      "      - {type: table, header: [a, b], rows: [[x, 156.40]]}\n")
    cell = data.sections[0].blocks[0].rows[0][1]  # type: ignore[union-attr]
    assert cell == 156.4 and cell.source == "156.40"  # type: ignore[union-attr]


def parse_text(folder: Path, text: str) -> annual_docx.Report:
    source = folder / "r.yaml"
    source.write_text(text, encoding="utf-8")
    report = validate(parse(source))
    assert isinstance(report, annual_docx.Report)
    return report


CHART = """\
organisation: 某市统计局
year: 2023
sections:
  - title: 图表
    blocks:
      - {type: chart, chart: bar, title: 外借册次, labels: [甲, 乙], series: {册次: [156.40, 1.0]}}
"""


def _alt_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    return [str(d.get("descr")) for d in root.iter(f"{wp}docPr")]


def test_chart_labels_keep_the_written_numbers(tmp_path: Path) -> None:
    """A chart's data labels (and its alt text) print 156.40 and 1.0 as written; the same numbers given as plain
    floats print 156.4 and 1 — and the chart cache keeps the two apart (the plain one is drawn first)."""
    chart = {"type": "chart", "chart": "bar", "title": "外借册次", "labels": ["甲", "乙"],
             "series": {"册次": [156.4, 1.0]}}
    plain = annual_docx.validate({"organisation": "某市统计局", "year": 2023,
                                  "sections": [{"title": "图表", "blocks": [chart]}]})
    (alt,) = _alt_texts(annual_docx.render(plain, tmp_path / "plain.docx"))
    assert "甲156.4" in alt and "乙1" in alt and "156.40" not in alt
    source = tmp_path / "chart.yaml"
    source.write_text(CHART, encoding="utf-8")
    (alt,) = _alt_texts(annual_docx.render(annual_docx.load(source), tmp_path / "chart.docx"))
    assert "甲156.40" in alt and "乙1.0" in alt


def test_headings_table_titles_and_captions_render_and_import_scripts(tmp_path: Path) -> None:
    """m^{2} in a heading, a table title and a figure caption is a superscript there too, and imports back."""
    data = {"organisation": "某局", "year": 2023, "sections": [{
        "title": "新建面积1.2万m^{2}", "paragraphs": ["正文。"], "blocks": [
            {"type": "table", "title": "面积（单位：m^{2}）", "header": ["项目", "面积"], "rows": [["甲", 12]]},
            {"type": "chart", "chart": "bar", "title": "外借", "labels": ["a", "b"], "series": {"x": [1, 2]},
             "caption": "CO_{2}排放 {{ x }}"}]}]}
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "h.docx")
    document = docx.Document(str(out))
    scripts = {p.text: [(r.text, bool(r.font.superscript), bool(r.font.subscript)) for r in p.runs if r.text]
               for p in document.paragraphs}
    assert scripts["一、新建面积1.2万m2"] == [("一、新建面积1.2万m", False, False), ("2", True, False)]
    assert scripts["表1 面积（单位：m2）"][1] == ("2", True, False)
    assert scripts["图1 CO2排放 {{ x }}"] == [("图1 CO", False, False), ("2", False, True),
                                              ("排放 {{ x }}", False, False)]
    back = annual_docx.import_docx(out, assets=tmp_path / "assets")
    assert back.sections[0].title == "新建面积1.2万m^{2}"
    assert back.sections[0].blocks[0].unit == "m^{2}"  # type: ignore[union-attr]
