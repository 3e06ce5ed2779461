"""The importer on documents python-docx writes by hand: headings found by number only or by outline level, merged
cells, emphasis runs, native bar and line charts from their caches, pictures in other formats, text boxes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image

from annual_docx._import import read_report
from annual_docx._ooxml.chart_in import read_chart

C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'


def _import(document: Any, tmp_path: Path) -> dict[str, Any]:
    document.save(str(tmp_path / "in.docx"))
    return read_report(tmp_path / "in.docx", tmp_path / "assets", tmp_path).data


def test_numbered_headings_without_styles_nest_by_their_numbers(tmp_path: Path) -> None:
    """一、 → （一） → 1. → （1） typed in Normal paragraphs make a four-level tree; a 1. list stays a list."""
    d = docx.Document()
    for line in ["2022年度某县博物馆工作年报", "一、基本情况", "（一）馆藏情况", "1.文物藏品", "（1）一级文物",
                 "馆藏一级文物12件。", "（2）二级文物", "馆藏二级文物30件。", "2.图书资料", "藏书5000册。",
                 "（二）人员情况", "在编8人。", "二、主要工作", "开展工作如下。", "1.举办展览4个", "2.开展讲座6场"]:
        d.add_paragraph(line)
    data = _import(d, tmp_path)
    assert data["organisation"] == "某县博物馆" and data["year"] == 2022
    first = data["sections"][0]
    assert first["title"] == "基本情况"
    assert [s["title"] for s in first["sections"]] == ["馆藏情况", "人员情况"]
    level3 = first["sections"][0]["sections"]
    assert [s["title"] for s in level3] == ["文物藏品", "图书资料"]
    assert [s["title"] for s in level3[0]["sections"]] == ["一级文物", "二级文物"]
    assert data["sections"][1]["blocks"] == [{"type": "list", "style": "1.", "items": ["举办展览4个", "开展讲座6场"]}]


def test_outline_levels_and_heading_styles_without_numbers(tmp_path: Path) -> None:
    """Unnumbered headings nest by Heading N style or by a paragraph's own outline level (as WPS writes them)."""
    d = docx.Document()
    d.add_paragraph("某馆2021年工作总结", style="Title")
    d.add_heading("业务工作", level=1)
    d.add_heading("阅读推广", level=2)
    d.add_paragraph("开展阅读活动。")
    outlined = d.add_paragraph("数字服务")
    outlined._p.get_or_add_pPr().append(parse_xml('<w:outlineLvl xmlns:w="http://schemas.openxmlformats.org/'
                                                  'wordprocessingml/2006/main" w:val="1"/>'))
    d.add_paragraph("上线数字资源。")
    d.add_heading("党建工作", level=1)
    d.add_paragraph("加强党的建设。")
    data = _import(d, tmp_path)
    assert data["numbering"][:2] == ["无", "无"]
    assert [s["title"] for s in data["sections"]] == ["业务工作", "党建工作"]
    assert [s["title"] for s in data["sections"][0]["sections"]] == ["阅读推广", "数字服务"]


def test_merged_cells_emphasis_and_numbers(tmp_path: Path) -> None:
    """python-docx merges (gridSpan and vMerge) come back as spans; bold and 楷体 runs as marks; numbers as numbers."""
    d = docx.Document()
    d.add_paragraph("一、情况")
    p = d.add_paragraph("全年")
    p.add_run("接待读者10万人次").bold = True
    p.add_run("，其中")
    kai = p.add_run("少儿读者")
    kai._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "楷体_GB2312")
    p.add_run("占三成。")
    table = d.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "分馆"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "外借"
    for c, text in enumerate(["上半年", "下半年"], start=1):
        table.cell(1, c).text = text
    for r, row in enumerate([["城关", "1,200", "1350.5"], ["东坝", "800", "950"]], start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    data = _import(d, tmp_path)
    blocks = data["sections"][0]["blocks"]
    assert blocks[0] == {"type": "paragraph", "text": "全年**接待读者10万人次**，其中*少儿读者*占三成。"}
    assert blocks[1]["header"] == [[{"text": "分馆", "rowspan": 2}, {"text": "外借", "colspan": 2}],
                                   ["上半年", "下半年"]]
    # numbers the library prints back the same become numbers; "1350.5" (it would print 1,350.5) stays as written
    assert blocks[1]["rows"] == [["城关", 1200, "1350.5"], ["东坝", 800, 950]]


def _chart_xml(kind: str, extra: str, series: list[tuple[str, list[float]]], cats: list[str]) -> str:
    def ser(i: int, name: str, values: list[float]) -> str:
        pts = "".join(f'<c:pt idx="{n}"><c:v>{v:g}</c:v></c:pt>' for n, v in enumerate(values))
        cat = "".join(f'<c:pt idx="{n}"><c:v>{c}</c:v></c:pt>' for n, c in enumerate(cats))
        return (f'<c:ser><c:idx val="{i}"/><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>{name}</c:v></c:pt>'
                f'</c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:strCache>{cat}</c:strCache></c:strRef></c:cat>'
                f'<c:val><c:numRef><c:numCache>{pts}</c:numCache></c:numRef></c:val></c:ser>')
    body = "".join(ser(i, n, v) for i, (n, v) in enumerate(series))
    return (f'<c:chartSpace {C} xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title>'
            f'<c:tx><c:rich><a:p><a:r><a:t>外借册次</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea>'
            f'<c:{kind}>{extra}{body}</c:{kind}></c:plotArea></c:chart></c:chartSpace>')


def test_native_bar_and_line_charts_read_from_their_caches() -> None:
    """Clustered, stacked and horizontal bars and lines keep their kind, categories and every series' values."""
    from lxml import etree

    series = [("成人", [12.5, 13.0, 9.25]), ("少儿", [3.0, 4.0, 2.0])]
    cats = ["2018", "2019", "2020"]
    cases = {
        ("barChart", '<c:barDir val="col"/><c:grouping val="clustered"/>'): "bar",
        ("barChart", '<c:barDir val="bar"/><c:grouping val="stacked"/>'): "stacked_barh",
        ("lineChart", '<c:grouping val="standard"/>'): "line",
    }
    for (tag, extra), kind in cases.items():
        chart = read_chart(etree.fromstring(_chart_xml(tag, extra, series, cats).encode()))
        assert (chart.kind, chart.title, chart.categories) == (kind, "外借册次", cats)
        assert [(s.name, s.values) for s in chart.series] == series


def test_pictures_in_other_formats_and_text_boxes(tmp_path: Path) -> None:
    """A GIF is converted to PNG in the assets folder; text-box paragraphs are read once, not twice (Fallback)."""
    d = docx.Document()
    d.add_paragraph("一、活动图片")
    gif = io.BytesIO()
    Image.new("P", (40, 30), 3).save(gif, "GIF")
    gif.seek(0)
    d.add_picture(gif, width=Mm(60))
    d.add_paragraph("图1 读书会现场")
    box = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
           '<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框中文字。</w:t></w:r></w:p></w:txbxContent>'
           '</v:textbox></v:shape></w:pict></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
           '<w:p><w:r><w:t>框中文字。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    d.add_paragraph()._p.append(parse_xml(box))
    data = _import(d, tmp_path)
    blocks = data["sections"][0]["blocks"]
    assert blocks[0]["type"] == "photos"
    photo = blocks[0]["photos"][0]
    assert photo["caption"] == "读书会现场" and photo["path"].endswith(".png") and photo["width_mm"] == 60.0
    assert (tmp_path / photo["path"]).read_bytes().startswith(b"\x89PNG")
    assert blocks[1:] == [{"type": "paragraph", "text": "框中文字。"}]


def test_a_document_saved_again_by_libreoffice_imports_the_same(tmp_path: Path) -> None:
    """LibreOffice rewrites every part of the package its own way; the import is the same report."""
    import subprocess

    import annual_docx

    from .conftest import EXAMPLE, require_tools

    require_tools("soffice")
    ours = annual_docx.render(annual_docx.load(EXAMPLE), tmp_path / "ours.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(ours)],
                   check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "lo" / "ours.docx"
    assert resaved.read_bytes() != ours.read_bytes()
    direct = read_report(ours, tmp_path / "a", tmp_path).data
    via_libreoffice = read_report(resaved, tmp_path / "b", tmp_path).data
    assert str(via_libreoffice).replace("b/picture", "a/picture") == str(direct)


def test_word_automatic_numbering_is_read_as_the_numbers_it_draws(tmp_path: Path) -> None:
    """Headings numbered by Word (一、 （一） from numbering.xml, via the heading style) and a 1. list numbered by
    Word come back as the tree and a list, as if the numbers were typed."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
        'w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="8"><w:abstractNumId w:val="8"/></w:num>'))

    def numbered(paragraph: Any, num_id: int, level: int) -> None:
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    d.add_paragraph("2021年度某县文化馆工作年报", style="Title")
    for title, subs in [("基本情况", ["机构", "人员"]), ("主要工作", ["活动"])]:
        numbered(d.add_heading(title, level=1), 7, 0)
        for sub in subs:
            numbered(d.add_heading(sub, level=2), 7, 1)
            d.add_paragraph(f"{sub}情况良好。")
    for item in ["举办展览", "开展讲座"]:
        numbered(d.add_paragraph(item), 8, 0)
    data = _import(d, tmp_path)
    assert "numbering" not in data  # 一、 （一）: the default
    assert [(s["title"], [c["title"] for c in s["sections"]]) for s in data["sections"]] == [
        ("基本情况", ["机构", "人员"]), ("主要工作", ["活动"])]
    assert data["sections"][1]["sections"][0]["blocks"] == [
        {"type": "list", "style": "1.", "items": ["举办展览", "开展讲座"]}]


def test_table_of_contents_and_hidden_text_are_left_out_and_said_so(tmp_path: Path) -> None:
    """Word's generated 目录 (TOC styles or a Table of Contents content control) and hidden runs are not body text;
    the YAML says they were left out."""
    import annual_docx

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("2021年度某馆工作年报", style="Title")
    d.element.body.append(parse_xml(
        f'<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        '<w:sdtContent><w:p><w:r><w:t>一、基本情况\t1</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    d.styles.add_style("toc 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("二、主要工作\t2", style="toc 1")
    d.add_heading("基本情况", level=1)
    p = d.add_paragraph("看得见的字。")
    p.add_run("看不见的字").font.hidden = True
    d.add_heading("主要工作", level=1)
    d.add_paragraph("开展活动。")
    d.save(str(tmp_path / "toc.docx"))
    text = annual_docx.import_to_yaml(tmp_path / "toc.docx", tmp_path / "r.yaml").read_text(encoding="utf-8")
    data = read_report(tmp_path / "toc.docx", tmp_path / "a", tmp_path).data
    assert [s["title"] for s in data["sections"]] == ["基本情况", "主要工作"]
    assert data["sections"][0]["paragraphs"] == ["看得见的字。"]
    assert "# 未导入：目录" in text and "# 未导入：隐藏文字 / not imported: hidden text" in text


def test_footnotes_are_kept_as_text_after_their_paragraph(tmp_path: Path) -> None:
    """A footnote's text follows the paragraph citing it as a 注： paragraph, and the YAML says so."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("一、情况")
    p = d.add_paragraph("全年接待读者10万人次。")
    p._p.append(parse_xml(f'<w:r {w}><w:footnoteReference w:id="1"/></w:r>'))
    d.add_paragraph("开展活动。")
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    notes = (f'<w:footnotes {w}><w:footnote w:id="1"><w:p><w:r><w:t>含线上服务。</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", notes, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    data = _import(d, tmp_path)
    assert data["sections"][0]["paragraphs"] == ["全年接待读者10万人次。", "注：含线上服务。", "开展活动。"]


def test_smartart_words_are_kept_as_text(tmp_path: Path) -> None:
    """A SmartArt org chart (dgm data part) is not dropped: its nodes' words come back as a paragraph."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    d = docx.Document()
    d.add_paragraph("一、组织结构")
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    data = (f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<dgm:ptLst><dgm:pt modelId="0" type="doc"><dgm:t><a:p><a:r><a:t>整体</a:t></a:r></a:p></dgm:t></dgm:pt>'
            + "".join(f'<dgm:pt modelId="{i}"><dgm:t><a:p><a:r><a:t>{name}</a:t></a:r></a:p></dgm:t></dgm:pt>'
                      for i, name in enumerate(["馆长室", "办公室", "采编部"], start=1))
            + '<dgm:pt modelId="9" type="parTrans"><dgm:t><a:p><a:r><a:t>连线</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '</dgm:ptLst></dgm:dataModel>').encode()
    part = Part(PackURI("/word/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", data, d.part.package)
    rid = d.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData")
    inline = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:drawing><wp:inline>'
        '<wp:extent cx="3600000" cy="2000000"/><wp:docPr id="5" name="Diagram 1"/><a:graphic><a:graphicData '
        f'uri="{dgm}"><dgm:relIds xmlns:dgm="{dgm}" r:dm="{rid}" r:lo="" r:qs="" r:cs=""/></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r>')
    d.add_paragraph()._p.append(inline)
    result = _import(d, tmp_path)
    assert result["sections"][0]["paragraphs"] == ["馆长室、办公室、采编部"]
