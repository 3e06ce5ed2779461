"""Native drawings and whole documents: org and party charts as grouped Word shapes, the seed with
``chart_engine: native`` (workbooks, validity, seed lines, LibreOffice's PDF) and no matplotlib for all-native
reports."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from lxml import etree
from openxml_audit import OpenXmlValidator

import annual_docx

from .conftest import EXAMPLE, require_tools
from .seedcheck import missing_lines
from .test_native_charts import NS, all_kinds, charts


def test_seed_with_native_charts(tmp_path: Path) -> None:
    """The seed with ``chart_engine: native``: two native personnel charts whose workbooks hold 2/8/3/1 and 1/13/0,
    valid, reopened by python-docx, every seed line still there."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["chart_engine"] = "native"
    report = annual_docx.validate(data, base_dir=EXAMPLE.parent)
    out = annual_docx.render(report, tmp_path / "seed.docx")
    found = charts(out)
    assert [[c.value for c in book.active["B"][1:]] for _, book in found] == [[2, 8, 3, 1], [1, 13, 0]]
    assert [[c.value for c in book.active["A"][1:]] for _, book in found] == [
        ["高级职称", "中级职称", "初级职称", "管理人员"], ["大专学历", "本科学历", "研究生学历"]]
    assert len(groups(out)) == 2  # the org chart and the party chart as shapes
    (row,) = [f for f in annual_docx.check(out) if f.item.startswith("图片与图表")]
    assert row.ok and row.found == "6 幅（图片 2，原生图表 4），有图题 3"
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    Document(str(out))
    assert missing_lines(out) == []


ORG = {"kind": "org_chart", "title": "组织结构", "caption": "组织结构图", "units": [
    {"name": "县文化和旅游局", "head": "局长 张三", "children": [
        {"name": "文化馆", "guides": ["非遗保护中心"]}, {"name": "非遗保护中心"}, {"name": "办公室"},
        *({"name": f"第{n}业务辅导部"} for n in "一二三四五六七")]}]}
PARTY = {"kind": "party", "title": "党组织", "branches": [
    {"name": "文化馆支部", "roles": [{"title": "书记", "name": "李四"}, {"title": "组织委员", "name": "王五"}]}]}
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"


def groups(docx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as zf:
        return etree.fromstring(zf.read("word/document.xml")).findall(f".//{{{WPG}}}wgp")


def test_native_org_and_party_charts_are_grouped_editable_shapes(tmp_path: Path) -> None:
    """Org and party charts with ``engine: native``: one group of shapes each, a text box per unit holding its name
    and head as text, vertical text for a crowded level, the 指导 link dotted, the picture's alt text, valid."""
    data = all_kinds(chart_engine="image", sections=[{**ORG, "engine": "native"}, {**PARTY, "engine": "native"}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "org.docx")
    org, party = groups(out)
    ids = [c.get("id") for g in (org, party) for c in g.iter(f"{{{WPS}}}cNvPr")]
    assert len(ids) == len(set(ids))  # shape ids unique across the document
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    box_texts = [["".join(p.itertext()) for p in box.iter(f"{w}p")] for box in org.iter(f"{w}txbxContent")]
    assert ["县文化和旅游局", "局长 张三"] in box_texts and ["办公室"] in box_texts and ["指导"] in box_texts
    assert org.findall(f".//{{{WPS}}}bodyPr[@vert='eaVert']")  # ten units on one level: vertical text
    assert org.findall(".//a:prstDash[@val='sysDot']", NS)
    party_texts = ["".join(t.itertext()) for t in party.iter(f"{w}txbxContent")]
    assert party_texts == ["文化馆支部", "书记李四", "组织委员王五"]
    fonts = {f.get(f"{w}eastAsia") for f in org.iter(f"{w}rFonts")}
    assert fonts == {"黑体"}
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if n.startswith("word/media/")]
    doc = Document(str(out))
    alts = [d.get("descr") for d in doc.element.body.iterfind(".//wp:docPr", NS)]
    assert alts[0].startswith("组织结构图：县文化和旅游局（局长 张三）下设文化馆、非遗保护中心")
    assert alts[0].endswith("文化馆指导非遗保护中心（虚线）。")
    assert alts[1] == "党组织架构图：文化馆支部，书记李四，组织委员王五。"
    widths = [int(e.get("cx")) for e in doc.element.body.iterfind(".//wp:inline/wp:extent", NS)]
    assert all(w <= 156 * 36000 for w in widths)
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    again = annual_docx.render(annual_docx.validate(data), tmp_path / "again.docx")
    assert again.read_bytes() == out.read_bytes()


def test_all_native_report_never_imports_matplotlib(tmp_path: Path) -> None:
    """A report whose charts are all native — series, breakdowns, org and party charts — renders without loading
    matplotlib (no cache to help)."""
    report = tmp_path / "r.yaml"
    data = all_kinds()
    data["sections"] += [ORG, PARTY]
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = ("import sys, annual_docx as a; a.render(a.load(sys.argv[1]), sys.argv[2]);"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    env = {**os.environ, "ANNUAL_DOCX_NO_CACHE": "1"}
    result = subprocess.run([sys.executable, "-W", "error", "-c", code, str(report), str(tmp_path / "r.docx")],
                            capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == "[]"
    assert len(charts(tmp_path / "r.docx")) == 8
    assert len(groups(tmp_path / "r.docx")) == 2


@pytest.mark.libreoffice
def test_libreoffice_draws_every_label_and_value_of_the_seed_charts(tmp_path: Path) -> None:
    """The seed with native charts in LibreOffice's PDF: the org and party charts' unit names, every category name
    in the donuts' legends, every count and share on the wedges, all inside the 156 mm type area. (LibreOffice
    draws no label on a zero-width wedge — 研究生学历 0 shows in its legend name, the workbook and the text above;
    measured with a custom label too.)"""
    require_tools("soffice", "pdftotext")
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["chart_engine"] = "native"
    out = annual_docx.render(annual_docx.validate(data, base_dir=EXAMPLE.parent), tmp_path / "seed.docx")
    pdf = annual_docx.to_pdf(out, tmp_path / "seed.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first = text[text.index("职称结构（"):text.index("学历结构（")].splitlines()
    second = text[text.index("学历结构（"):text.index("服务保障")].splitlines()
    assert {"高级职称", "中级职称", "初级职称", "管理人员", "2", "8", "3", "1", "14%", "57%", "21%", "7%"} <= set(first)
    assert {"大专学历", "本科学历", "研究生学历", "1", "13", "7%", "93%"} <= set(second)
    org = text[text.index("组织结构"):text.index("职称结构（")]
    for name in ("曲阜市图书馆", "馆长 孔德安", "办公室", "数字资源部", "分馆管理部", "图书馆支部", "组织委员",
                 "王建伟"):
        assert name in org  # the shapes' text, drawn by LibreOffice
    boxes = pdf_lines(pdf)
    chart_lines = [b for b in boxes if b[0] in {"高级职称", "57%", "研究生学历", "93%"}]
    assert len(chart_lines) == 4
    assert all(x0 >= 28 - 0.5 and x1 <= 28 + 156 + 0.5 for _, x0, x1 in chart_lines)


def pdf_lines(pdf: Path) -> list[tuple[str, float, float]]:
    """Return each text line of ``pdf`` with its left and right edge in mm (pdftotext -bbox-layout)."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    out = []
    for line in root.iter("line"):
        words = "".join(w.text or "" for w in line.iter("word"))
        out.append((words, float(line.get("xmin")) * 25.4 / 72, float(line.get("xmax")) * 25.4 / 72))
    return out
