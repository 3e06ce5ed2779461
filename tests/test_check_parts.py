"""The 公文 items of ``check`` (headings, title, body, 版头, 主送, 附件说明, 附件 pages, 落款, 版记, tables, figures,
captions) at their thresholds, on small documents that pass and ones that break each rule; the examples pass all."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import annual_docx
from annual_docx.cli import main
from tests.gongwen_docx import Doc, para

_names = (f"p{n}.docx" for n in itertools.count())
RED_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="FF0000"/></w:pBdr>'
CENTRE = '<w:jc w:val="center"/>'
RIGHT = '<w:jc w:val="right"/><w:ind w:rightChars="{r}" w:firstLineChars="0"/>'


def rows(body: list[str], tmp_path: Path, item: str) -> list[annual_docx.Finding]:
    """The rows of ``item`` for a document of ``body`` paragraphs."""
    return [f for f in annual_docx.check(Doc(body=body).save(tmp_path / next(_names))) if f.item.startswith(item)]


def passes(body: list[str], tmp_path: Path, item: str) -> bool:
    found = rows(body, tmp_path, item)
    assert found, f"no row {item}"
    return all(f.ok for f in found)


def head(issuer_color: str = "FF0000", number: str = "某图发〔2021〕3号", rule: bool = True) -> list[str]:
    return [para("某县图书馆文件", ppr=CENTRE, east_asia="方正小标宋简体", size_pt=36, color=issuer_color),
            para(number, ppr=CENTRE + (RED_RULE if rule else "")), para("关于某事的报告", "Title")]


@pytest.mark.parametrize(("text", "face", "size", "item", "ok"), [
    ("（一）基本情况", "楷体_GB2312", 16, "二级标题", True),
    ("（一）基本情况", "黑体", 16, "二级标题", False),
    ("一、基本情况", "黑体", 16, "一级标题", True),
    ("一、基本情况", "仿宋_GB2312", 16, "一级标题", False),
    ("一、基本情况", "黑体", 15.5, "一级标题", False),
    ("1.基本情况", "仿宋_GB2312", 16, "三级标题", True),
    ("（1）基本情况", "楷体", 16, "四级标题", False)])
def test_heading_levels_by_number_text(tmp_path: Path, text: str, face: str, size: float, item: str,
                                       ok: bool) -> None:
    """A heading's level comes from its number (一、 （一） 1. （1）) and its face must match the level."""
    style = {"二级标题": "Heading2", "一级标题": "Heading1", "三级标题": "Heading3", "四级标题": "Heading4"}[item]
    body = [para(text, style, east_asia=face, size_pt=size), para("正文。")]
    assert passes(body, tmp_path, f"{item}「") is ok


def test_direct_formatted_heading_in_a_normal_paragraph_is_checked(tmp_path: Path) -> None:
    """A document from elsewhere sets （一） in a Normal paragraph with 黑体 by hand: reported, naming it."""
    body = [para("（一）主要做法", east_asia="黑体"), para("正文。")]
    found = rows(body, tmp_path, "二级标题「（一）」 / heading 2 字体")
    assert not found[0].ok and "（一）主要做法" in found[0].where and "楷体" in found[0].expected


def test_one_style_per_level_is_a_note_naming_what_differs(tmp_path: Path) -> None:
    """Two 一、 headings that differ only in bold: a note (7.3.3 names the face, not the weight) that shows the
    differing property with both values, never two looks that print alike."""
    same = [para("一、甲", "Heading1"), para("正文。"), para("二、乙", "Heading1")]
    mixed = [para("一、甲", "Heading1"), para("正文。"), para("二、乙", "Heading1", east_asia="黑体", size_pt=16,
                                                             color=None) .replace("<w:rPr>", "<w:rPr><w:b/>")]
    item = "一级标题「一、」 / heading 1 格式统一"
    assert [f.severity for f in rows(same, tmp_path, item)] == ["pass"]
    found = rows(mixed, tmp_path, item)
    assert [(f.severity, f.ok) for f in found] == [("note", True)]
    assert "加粗 / bold 是 / yes（多数为 / most 否 / no）" in found[0].found
    assert "字体" not in found[0].found and "字号" not in found[0].found  # only what differs


@pytest.mark.parametrize(("size", "ppr", "ok"), [(22, CENTRE, True), (21, CENTRE, False), (22, "", False)])
def test_title_size_and_centring(tmp_path: Path, size: float, ppr: str, ok: bool) -> None:
    """The title is 22 pt and centred; 21 pt or left-aligned fails."""
    body = [para("关于某事的报告", "Title", ppr=ppr or '<w:jc w:val="left"/>', size_pt=size), para("正文。")]
    assert passes(body, tmp_path, "标题 / title") is ok


@pytest.mark.parametrize(("size", "ok"), [(16, True), (15, False), (16.5, False)])
def test_body_size(tmp_path: Path, size: float, ok: bool) -> None:
    """Body paragraphs are 三号 (16 pt)."""
    assert passes([para("正文段落。", size_pt=size)], tmp_path, "正文段落 / body paragraphs") is ok


@pytest.mark.parametrize(("kwargs", "item", "ok"), [
    ({}, "发文机关标志", True), ({"issuer_color": "000000"}, "发文机关标志", False),
    ({"issuer_color": "C00000"}, "发文机关标志", True),
    ({}, "发文字号 /", True), ({"number": "某图发(2021)3号"}, "发文字号 /", False),
    ({"number": "某图发〔2021〕03号"}, "发文字号 /", False),
    ({}, "版头红色分隔线", True), ({"rule": False}, "版头红色分隔线", False)])
def test_head(tmp_path: Path, kwargs: dict[str, object], item: str, ok: bool) -> None:
    """版头: the issuer in red, the number as 代字〔2021〕3号 (no padding), a red rule below it."""
    assert passes([*head(**kwargs), para("正文。")], tmp_path, item) is ok  # type: ignore[arg-type]


def test_upward_document_needs_a_signer(tmp_path: Path) -> None:
    """A 请示 with a 版头 but no 签发人 is reported; with one (number then on the left) it passes."""
    body = [*head()[:2], para("关于某事的请示", "Title"), para("正文。")]
    assert not passes(body, tmp_path, "签发人")
    signed = [head()[0], para("某图发〔2021〕3号", ppr='<w:jc w:val="left"/>'), para("签发人：张三",
              ppr='<w:jc w:val="right"/>' + RED_RULE), para("关于某事的请示", "Title"), para("正文。")]
    assert passes(signed, tmp_path, "签发人")
    assert passes(signed, tmp_path, "发文字号位置")
    centred = [head()[0], para("某图发〔2021〕3号", ppr=CENTRE), para("签发人：张三", ppr=RED_RULE),
               para("关于某事的请示", "Title"), para("正文。")]
    assert not passes(centred, tmp_path, "发文字号位置")


@pytest.mark.parametrize(("text", "ppr", "ok"), [("某县文化和旅游局：", '<w:ind w:firstLineChars="0"/>', True),
                                                 ("某县文化和旅游局:", '<w:ind w:firstLineChars="0"/>', False),
                                                 ("某县文化和旅游局：", '<w:ind w:firstLineChars="200"/>', False)])
def test_recipients_flush_left_with_full_width_colon(tmp_path: Path, text: str, ppr: str, ok: bool) -> None:
    """主送机关 is flush left and ends with ：."""
    body = [para("关于某事的报告", "Title"), para(text, ppr=ppr), para("正文。")]
    assert passes(body, tmp_path, "主送机关") is ok


def note(first: str = "附件：1. 甲表", second: str = "\u3000\u3000\u30002. 乙表", indent: int = 200) -> list[str]:
    ind = f'<w:ind w:firstLineChars="{indent}"/>'
    return [para("正文。"), para(""), para(first, ppr=ind), para(second, ppr=ind)]


@pytest.mark.parametrize(("kwargs", "item", "ok"), [
    ({}, "附件说明 /", True), ({"indent": 0}, "附件说明 /", False), ({"indent": 250}, "附件说明 /", False),
    ({}, "附件序号", True), ({"second": "\u3000\u3000\u30003. 乙表"}, "附件序号", False),
    ({}, "附件说明回行", True), ({"second": "\u3000\u30002. 乙表"}, "附件说明回行", False),
    ({}, "附件名称标点", True), ({"first": "附件：1. 甲表。"}, "附件名称标点", False)])
def test_attachment_note(tmp_path: Path, kwargs: dict[str, object], item: str, ok: bool) -> None:
    """附件说明: 2 字 in, numbered 1. 2. in order, continuation under the first name, no final punctuation."""
    assert passes(note(**kwargs), tmp_path, item) is ok  # type: ignore[arg-type]


def attachment(label: str = "附件1", page_break: bool = True, face: str = "黑体") -> list[str]:
    ppr = '<w:pageBreakBefore/><w:ind w:firstLineChars="0"/>' if page_break else '<w:ind w:firstLineChars="0"/>'
    return [para(label, ppr=ppr, east_asia=face), para("甲表", ppr=CENTRE, size_pt=22), para("附件正文。")]


@pytest.mark.parametrize(("kwargs", "item", "ok"), [
    ({}, "附件另起页", True), ({"page_break": False}, "附件另起页", False),
    ({}, "附件标识", True), ({"label": "附件2"}, "附件标识", False), ({"face": "仿宋_GB2312"}, "附件标识", False)])
def test_attachment_pages(tmp_path: Path, kwargs: dict[str, object], item: str, ok: bool) -> None:
    """Each attachment starts a new page with 附件N in 黑体, numbered as in the note."""
    body = [*note(), *attachment(**kwargs), *attachment("附件2")]  # type: ignore[arg-type]
    assert passes(body, tmp_path, item) is ok


@pytest.mark.parametrize(("sign_right", "date_right", "ok"), [
    (550, 200, True), (550, 150, False), (550, 250, False), (500, 200, False), (600, 250, False)])
def test_signature_and_date_position(tmp_path: Path, sign_right: int, date_right: int, ok: bool) -> None:
    """署名 某县图书馆 (5 字) and 2022年1月10日 (6.5 字): the date 2 字 from the right, its first character 2 字
    right of the 署名's, so the 署名 sits 5.5 字 from the right; half a 字 either way fails."""
    body = [para("正文。"), para(""), para("某县图书馆", ppr=RIGHT.format(r=sign_right)),
            para("2022年1月10日", ppr=RIGHT.format(r=date_right))]
    assert passes(body, tmp_path, "署名和日期位置") is ok


@pytest.mark.parametrize(("date", "ok"), [("2022年1月10日", True), ("2022年01月10日", False),
                                          ("二〇二二年一月十日", False)])
def test_date_in_arabic_numerals_without_padding(tmp_path: Path, date: str, ok: bool) -> None:
    """The date is 2022年1月10日: zero-padded or Chinese-numeral dates fail."""
    body = [para("正文。"), para("某县图书馆", ppr=RIGHT.format(r=550)), para(date, ppr=RIGHT.format(r=200))]
    assert passes(body, tmp_path, "成文日期") is ok


def record(thick: int = 8, thin: int = 6, cc: str = "抄送：某县财政局。",
           printed: str = "某县图书馆办公室\t2022年1月10日印发", pinned: bool = True, width: int = 8845,
           size: float = 14) -> str:
    """A 版记 table in a text box anchored to the bottom of the margin (as the renderer makes it)."""
    def cell(text: str) -> str:
        cell_para = para(text, size_pt=size).replace(chr(9), "</w:t><w:tab/><w:t>")
        return f"<w:tr><w:tc>{cell_para}</w:tc></w:tr>"
    borders = (f'<w:tblBorders><w:top w:val="single" w:sz="{thick}"/><w:bottom w:val="single" w:sz="{thick}"/>'
               f'<w:insideH w:val="single" w:sz="{thin}"/></w:tblBorders>')
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>{borders}</w:tblPr>'
             f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{cell(cc)}{cell(printed)}</w:tbl><w:p/>')
    align = "bottom" if pinned else "top"
    return (f'<w:p><w:r><w:t>末段。</w:t></w:r><w:r><w:drawing><wp:anchor><wp:positionV relativeFrom="margin">'
            f'<wp:align>{align}</wp:align></wp:positionV><wp:extent cx="{width * 635}" cy="{1158 * 635}"/>'
            f'<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{table}</w:txbxContent></wps:txbx>'
            f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>')


@pytest.mark.parametrize(("kwargs", "item", "ok"), [
    ({}, "版记分隔线", True), ({"thick": 4}, "版记分隔线", False), ({"thin": 8}, "版记分隔线", False),
    ({"width": 8000}, "版记分隔线", False), ({"width": 8845 - 283}, "版记分隔线", False),  # 5 mm narrow
    ({"width": 8845 + 283}, "版记分隔线", False), ({"width": 8845 - 45}, "版记分隔线", True),  # 5 mm wide; < 1 mm
    ({}, "版记位置", True), ({"pinned": False}, "版记位置", False),
    ({}, "抄送", True), ({"cc": "抄送:某县财政局"}, "抄送", False),
    ({}, "印发机关和日期", True), ({"printed": "某县图书馆办公室\t2022年01月10日印发"}, "印发机关和日期", False),
    ({}, "版记字体", True), ({"size": 16}, "版记字体", False)])
def test_record(tmp_path: Path, kwargs: dict[str, object], item: str, ok: bool) -> None:
    """版记: rules 1 pt / 0.75 pt / 1 pt as wide as the 版心, pinned to the bottom, 抄送：…。, Arabic 印发 date,
    仿宋 四号."""
    assert passes([para("正文。"), record(**kwargs)], tmp_path, item) is ok  # type: ignore[arg-type]


def table(width: int) -> str:
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/>'
            f'</w:tblGrid><w:tr><w:tc>{para("单元格")}</w:tc></w:tr></w:tbl>')


def picture(cx_twips: int, cy_twips: int = 3000) -> str:
    return (f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="{cx_twips * 635}" cy="{cy_twips * 635}"/></wp:inline>'
            f'</w:drawing></w:r></w:p>')


@pytest.mark.parametrize(("width", "ok"), [(8845, True), (8900, True), (8950, False)])
def test_tables_inside_the_type_area(tmp_path: Path, width: int, ok: bool) -> None:
    """A table as wide as the 版心 (8845 twips, 1 mm slack) passes; 2 mm wider fails."""
    assert passes([para("正文。"), table(width)], tmp_path, "表格宽度") is ok


@pytest.mark.parametrize(("cx", "cy", "ok"), [(8845, 3000, True), (8950, 3000, False), (8000, 12900, False)])
def test_figures_inside_the_type_area(tmp_path: Path, cx: int, cy: int, ok: bool) -> None:
    """A picture no wider and no taller than the 版心 passes."""
    assert passes([para("正文。"), picture(cx, cy)], tmp_path, "图片大小") is ok


@pytest.mark.parametrize(("numbers", "ok"), [((1, 2, 3), True), ((1, 3), False), ((1, 1), False), ((2,), False)])
def test_captions_numbered_in_order(tmp_path: Path, numbers: tuple[int, ...], ok: bool) -> None:
    """图1, 图2, 图3 in order; a gap, a repeat or a start at 2 is a note naming the caption (GB/T 9704 does not
    number captions: never a violation)."""
    body = [p for n in numbers for p in (picture(4000), para(f"图{n} 说明", "Caption"))]
    found = rows(body, tmp_path, "题注编号")
    assert all(f.severity == "pass" for f in found) is ok
    assert all(f.ok and f.clause == "—" for f in found)
    assert ok or any("图" in f.where for f in found if f.severity == "note")


def test_tables_and_figures_number_separately_and_attachments_restart(tmp_path: Path) -> None:
    """表 and 图 are separate series; an attachment may start again at 1."""
    body = [para("表1 甲", "Caption"), para("图1 乙", "Caption"), para("表2 丙", "Caption"), *attachment("附件"),
            para("表1 丁", "Caption")]
    assert passes(body, tmp_path, "题注编号")


def test_parts_absent_give_no_rows(tmp_path: Path) -> None:
    """A document without 版头, 主送, 附件, 落款 or 版记 gets no rows for them."""
    items = {f.item.split(" / ")[0] for f in annual_docx.check(Doc().save(tmp_path / "bare.docx"))}
    for absent in ("发文机关标志", "主送机关", "附件说明", "附件标识", "成文日期", "版记分隔线", "题注编号",
                   "表格宽度"):
        assert absent not in items


@pytest.mark.parametrize("example", ["qufu_2020", "culture_centre", "yearbook_county_library"])
def test_examples_pass_every_item(tmp_path: Path, example: str) -> None:
    """The examples, rendered, pass every item, old and new."""
    root = Path(__file__).resolve().parent.parent / "examples"
    out = annual_docx.render(annual_docx.load(root / f"{example}.yaml"), tmp_path / f"{example}.docx")
    assert [(f.item, f.where, f.found) for f in annual_docx.check(out) if not f.ok] == []


def test_full_official_document_passes_every_item(tmp_path: Path) -> None:
    """A report with every official part (版头, 主送, two attachments, 落款, 版记) passes every item, and each
    part is checked."""
    from tests.conftest import small_report

    data = small_report(title="某县图书馆2021年度工作报告", signature="某县图书馆", date="2022-01-10", official={
        "issuer": "某县图书馆文件", "number": "某图发〔2022〕3号", "recipients": "某县文化和旅游局",
        "attachments": [{"title": "甲表", "paragraphs": ["附件正文。"]}, {"title": "乙表"}],
        "cc": ["某县财政局"], "printer": "某县图书馆办公室", "print_date": "2022-01-10"})
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "full.docx")
    findings = annual_docx.check(out)
    assert [(f.item, f.where, f.found) for f in findings if not f.ok] == []
    items = {f.item.split(" / ")[0] for f in findings}
    assert {"发文机关标志", "发文字号", "版头红色分隔线", "主送机关", "附件说明", "附件标识", "署名和日期位置",
            "版记分隔线", "版记位置"} <= items


def test_cli_json_has_stable_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check --json`` prints file, ok, violations and findings with item, expected, found, where, ok."""
    path = Doc(body=[para("（一）主要做法", east_asia="黑体")]).save(tmp_path / "j.docx")
    assert main(["check", "--json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "ok", "violations", "notes", "kind", "findings"} and data["ok"] is False
    assert all(set(row) == {"item", "expected", "found", "where", "ok", "clause", "severity"}
               for row in data["findings"])
    bad = [row for row in data["findings"] if not row["ok"]]
    assert data["violations"] == len(bad) and "（一）主要做法" in bad[0]["where"]


def _office_document(path: Path, heading2_face: str = "楷体_GB2312", date: str = "2022年1月10日") -> Path:
    """A 公文 typed by hand in Word, as offices send them: python-docx, every look set on the runs (no 公文 styles),
    the title found by its size and centring, 附件, 落款 and 抄送 by their text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()

    def add(text: str, face: str = "仿宋_GB2312", size: float = 16, align: str | None = None,
            right_chars: int | None = None, first_chars: int = 200) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ind = paragraph._p.get_or_add_pPr()._add_ind()
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            ind.set(qn("w:rightChars"), str(right_chars))
        ind.set(qn("w:firstLineChars"), str(first_chars if align is None else 0))

    add("某县图书馆关于2021年度工作情况的报告", "方正小标宋简体", 22, "center")
    add("某县文化和旅游局：", first_chars=0)
    add("现将有关情况报告如下。")
    add("一、主要工作", "黑体")
    add("（一）阅读推广", heading2_face)
    add("全年举办活动86场。")
    add("")
    add("附件：2021年度借阅统计表")
    add("")
    add("某县图书馆", align="right", right_chars=550)
    add(date, align="right", right_chars=200)
    document.save(str(path))
    return path


def test_a_hand_formatted_office_document_is_read_by_text_and_look(tmp_path: Path) -> None:
    """Without any 公文 style, the checker still finds the title, 主送, headings, 附件说明 and 落款 and passes them;
    a （一） heading set in 黑体 and a zero-padded date are reported by paragraph."""
    good = annual_docx.check(_office_document(tmp_path / "good.docx"))
    items = {f.item.split(" / ")[0] for f in good if f.where or "处符合" in f.found}
    assert {"标题", "主送机关", "附件说明", "成文日期", "署名和日期位置", "正文段落"} <= items
    new_rows = [f for f in good if f.where or "处符合" in f.found]
    assert [(f.item, f.where, f.found) for f in new_rows if not f.ok] == []
    bad = annual_docx.check(_office_document(tmp_path / "bad.docx", heading2_face="黑体", date="2022年01月10日"))
    failed = {(f.item.split(" / ")[0], f.where.split(" / ")[0]) for f in bad if not f.ok}
    assert ("二级标题「（一）」", "第5段「（一）阅读推广」") in failed
    assert ("成文日期", "第11段「2022年01月10日」") in failed


def nested_tables(depth: int) -> str:
    inner = para("最里层")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return inner


def test_deeply_nested_tables_give_an_answer(tmp_path: Path) -> None:
    """Tables nested 80 deep (deeper than the body reader follows, within the XML depth limit) are read to a bound;
    300 deep (900 XML levels) the package reader refuses the part by name, never a RecursionError."""
    assert rows([para("正文。"), nested_tables(80)], tmp_path, "正文段落")
    with pytest.raises(annual_docx.DocumentError, match="256"):
        annual_docx.check(Doc(body=[para("正文。"), nested_tables(300)]).save(tmp_path / "deep.docx"))


@pytest.mark.parametrize(("stroke", "ok"), [("#FF0000", True), ("#000000", False)])
def test_red_rule_drawn_as_a_line_shape(tmp_path: Path, stroke: str, ok: bool) -> None:
    """Offices often draw the red rule as a VML line below the number rather than a paragraph border."""
    line = (f'<w:p><w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" to="442pt,0" '
            f'strokecolor="{stroke}" strokeweight="1pt"/></w:pict></w:r></w:p>')
    body = [*head(rule=False)[:2], line, head()[2], para("正文。")]
    assert passes(body, tmp_path, "版头红色分隔线") is ok
