"""A report written by hand with python-docx (not by annual_docx), following the seed's text, with its two personnel
charts as native Word charts built here from the data lines at the end of the seed: imported, rendered, 38/38."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from PIL import Image

import annual_docx
from annual_docx._import import read_report
from annual_docx._model.schema_figures import AwardsBlock, PartyBlock

from .seedcheck import SEED, missing_lines

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _seed_charts() -> list[tuple[str, list[str], list[float]]]:
    """Return (title, categories, values) of the two charts whose cached data end the seed file."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    charts = []
    for at, line in enumerate(lines):
        if line.split("\t")[0].strip() in ("职称结构", "学历结构"):
            cells = [c for c in lines[at + 1].split("\t") if c.strip()]
            half = len(cells) // 2
            charts.append((line.split("\t")[0].strip(), cells[:half], [float(v) for v in cells[half:]]))
    return charts


def _chart_space(title: str, categories: list[str], values: list[float]) -> bytes:
    """Return a minimal pie chart part with its category and value caches, as Word writes them."""
    cats = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{v:g}</c:v></c:pt>' for i, v in enumerate(values))
    n = len(categories)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="{C_NS}" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich>'
            f'<a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:pieChart>'
            f'<c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>'
            f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{title}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${n + 1}</c:f><c:strCache><c:ptCount val="{n}"/>{cats}'
            f'</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B${n + 1}</c:f><c:numCache>'
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>{vals}</c:numCache></c:numRef></c:val>'
            '</c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>').encode()


def _add_chart(document: docx.document.Document, number: int, title: str, cats: list[str], vals: list[float]) -> None:
    part = Part(PackURI(f"/word/charts/chart{number}.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", _chart_space(title, cats, vals),
                document.part.package)
    rid = document.part.relate_to(part, RT.CHART)
    inline = parse_xml(
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<wp:extent cx="5486400" cy="3200400"/><wp:docPr id="{100 + number}" name="Chart {number}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart xmlns:c="{C_NS}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>')
    run = document.add_paragraph().add_run()
    drawing = parse_xml('<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    drawing.append(inline)
    run._r.append(drawing)


def _photo() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "steelblue").save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def _seed_document(path: Path) -> None:
    """Write the seed report the way a clerk would in Word: title, headings in heading styles, role lines, native
    charts, photos."""
    lines = [line.replace("[bookmark: _GoBack]", "").strip()
             for line in SEED.read_text(encoding="utf-8").splitlines()]
    charts = iter(_seed_charts())
    document = docx.Document()
    chart_number = 0
    for at, line in enumerate(lines):
        if not line:
            continue
        if line.split("\t")[0].strip() in ("职称结构", "学历结构"):
            break
        if line.startswith("[image:"):
            document.add_picture(_photo(), width=docx.shared.Mm(100))
            continue
        if at == 0:
            document.add_paragraph(line, style="Title")
        elif line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
            document.add_heading(line, level=1)
        elif line[:1].isdigit() and line[1:2] == "." and not line.startswith(("1. “", "2. “")):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
        if at + 1 < len(lines) and lines[at + 1] == "" and lines[at].startswith(("截至", "在职人员中")):
            chart_number += 1
            title, cats, vals = next(charts)
            _add_chart(document, chart_number, title, cats, vals)
    document.save(str(path))


def test_hand_written_seed_document_imports_and_renders_every_seed_line(tmp_path: Path) -> None:
    """import → render gives 38/38 on the seed check; the native charts come back with their numbers and kind."""
    source = tmp_path / "seed_by_hand.docx"
    _seed_document(source)
    imported = read_report(source, tmp_path / "assets")
    report = imported.report
    assert report.organisation == "曲阜市图书馆" and report.year == 2020
    shape = [(s.title, [b.type for b in s.blocks], len(s.sections)) for s in report.sections]
    assert shape == [("年度概况", [], 8), ("组织结构", [], 0), ("党组织架构", ["party"], 0),
                     ("人员结构", ["breakdown", "breakdown"], 0), ("服务保障", ["photos"], 0),
                     ("获奖统计", ["awards"], 0)]
    breakdowns = report.sections[3].blocks
    assert [(b.title, b.categories, b.chart) for b in breakdowns] == [  # type: ignore[union-attr]
        ("职称结构", {"高级职称": 2, "中级职称": 8, "初级职称": 3, "管理人员": 1}, "pie"),
        ("学历结构", {"大专学历": 1, "本科学历": 13, "研究生学历": 0}, "pie"),
    ]
    party = report.sections[2].blocks[0]
    assert isinstance(party, PartyBlock) and not party.chart
    assert [(r.title, r.name) for r in party.branches[0].roles] == [
        ("书记", "孔德安"), ("组织委员", "王建伟"), ("宣传委员", "季旭"), ("纪检委员", "马亮")]
    awards = report.sections[5].blocks[0]
    assert isinstance(awards, AwardsBlock) and len(awards.photos) == 1
    out = annual_docx.render(report, tmp_path / "again.docx")
    assert missing_lines(out) == []
