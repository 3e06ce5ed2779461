"""The structure recogniser (``annual_docx._roles``) on small documents shaped like real ones: each of the seven
kinds of false alarm ``check`` gave (issue 22) and the structure faults of ``import`` (issue 21)."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx._import import read_report
from annual_docx._roles import Plain, recognise
from annual_docx.govinfo import labels as L
from annual_docx.govinfo.model import GovinfoReport
from tests.gongwen_docx import Doc, para
from tests.roles_docs import check_parts, import_data

_names = (f"r{n}.docx" for n in itertools.count())
CENTRE = '<w:jc w:val="center"/>'
BODY = ("全年地区生产总值增长5.2%，城镇新增就业51万人，各项事业取得新进展，经济社会保持稳定发展的良好态势，"
        "人民群众获得感不断增强。")


def _doc(body: list[str], tmp_path: Path) -> Path:
    return Doc(body=body).save(tmp_path / next(_names))


def _rows(path: Path, item: str) -> list[annual_docx.Finding]:
    return [f for f in annual_docx.check(path) if f.item.startswith(item)]


def test_em_space_indented_headings_are_headings(tmp_path: Path) -> None:
    """(1) 「\u2003\u2003一、…」: the leading em spaces do not hide the number (any kind of space: U+2003, U+3000,
    U+00A0, a tab)."""
    body = [para("\u2003\u2003一、2024年工作回顾", east_asia="黑体"), para(BODY),
            para("\u3000\u3000（一）高质量发展迈出坚实步伐", east_asia="楷体_GB2312"), para(BODY),
            para("\xa0二、2025年工作安排", east_asia="黑体"), para(BODY),
            para("\t三、努力建设人民满意政府"), para(BODY)]
    parts = check_parts(_doc(body, tmp_path))
    assert sorted(parts.headings.values()) == [1, 1, 1, 2]
    assert not any("工作" in p.text for p in parts.of("body") if p.text.strip().endswith(("回顾", "安排")))


NUMBERING = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def _with_numbering(path: Path) -> Path:
    """Add a numbering part (一、 then （一）) to the document at ``path``."""
    out = path.with_name("n" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rN" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                                    b"</Relationships>")
            dst.writestr(info, data)
        dst.writestr("word/numbering.xml", NUMBERING)
    return out


def _numbered(text: str, level: int) -> str:
    return para(text, ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>', east_asia="黑体")


def test_auto_numbered_headings_are_headings(tmp_path: Path) -> None:
    """(2) Headings whose number Word's automatic numbering draws (numbering.xml), not the text."""
    body = [_numbered("基本情况", 0), para(BODY), _numbered("主要职能", 1), para(BODY), _numbered("主要工作", 0),
            para(BODY)]
    path = _with_numbering(_doc(body, tmp_path))
    parts = check_parts(path)
    texts = {p.text: parts.headings[p.n] for p in parts.of("heading")}
    assert texts == {"一、基本情况": 1, "（一）主要职能": 2, "二、主要工作": 1}


def _report_head() -> list[str]:
    return [para("2025年某省政府工作报告", ppr=CENTRE, size_pt=22), para("来源：某某日报"),
            para("——2025年1月18日在某省第十四届人民代表大会第三次会议上", ppr=CENTRE),
            para("2025年1月18日", ppr=CENTRE), para("省长 某某"), para("各位代表：")]


def test_byline_and_date_under_the_title_are_not_the_closing(tmp_path: Path) -> None:
    """(3) A byline and date under the title are no 署名 and 成文日期: no 「署名右空二字」 finding on them."""
    body = [*_report_head(), para("一、2024年工作回顾", east_asia="黑体"), para(BODY),
            para("各位代表！让我们团结奋斗。")]
    path = _doc(body, tmp_path)
    parts = check_parts(path)
    assert not parts.of("date") and not parts.of("signature")
    assert [p.text for p in parts.of("title")] == ["2025年某省政府工作报告"]
    assert not _rows(path, "落款")
    data = import_data(path, tmp_path)
    assert "signature" not in data and "date" not in data


def test_the_closing_date_at_the_end_is_the_closing(tmp_path: Path) -> None:
    """The 落款 is the date (and the short line above it) at the end, whatever dates come before it."""
    body = [*_report_head(), para("一、基本情况", east_asia="黑体"), para("2021年1月5日"), para(BODY),
            para("某县图书馆"), para("2022年1月10日")]
    parts = check_parts(_doc(body, tmp_path))
    assert [p.text for p in parts.of("date")] == ["2022年1月10日"]
    assert [p.text for p in parts.of("signature")] == ["某县图书馆"]


def test_red_instruction_line_is_not_the_issuer(tmp_path: Path) -> None:
    """(4) A red line telling the writer what to do is no 发文机关标志: no findings about a 版头 that is not there."""
    body = [para("（红色字为填写说明，正式印发前请删除）", ppr=CENTRE, color="FF0000"),
            para("关于报送2016年政府信息公开工作年度报告的通知", "Title"), para(BODY)]
    path = _doc(body, tmp_path)
    parts = check_parts(path)
    assert not parts.of("issuer")
    assert [p.text for p in parts.of("title")] == ["关于报送2016年政府信息公开工作年度报告的通知"]
    assert not _rows(path, "发文机关标志")
    real = [para("某县图书馆文件", ppr=CENTRE, east_asia="方正小标宋简体", size_pt=36, color="FF0000"),
            para("某图发〔2021〕3号", ppr=CENTRE), para("关于某事的报告", "Title"), para(BODY)]
    assert [p.text for p in check_parts(_doc(real, tmp_path)).of("issuer")] == ["某县图书馆文件"]


def test_a_file_that_is_an_attachment(tmp_path: Path) -> None:
    """(5) A file that is itself 附件4: its label opens the file (no new page wanted, and 「附件4」 alone is fine) and
    the title after it is the title, not body text (6)."""
    body = [para("附件4", east_asia="黑体", size_pt=16), para("某标准编制说明", ppr=CENTRE, size_pt=22), para(BODY)]
    path = _doc(body, tmp_path)
    parts = check_parts(path)
    assert not parts.of("label") and [p.text for p in parts.of("title")] == ["某标准编制说明"]
    assert all(f.ok for f in _rows(path, "附件"))
    assert import_data(path, tmp_path)["title"] == "某标准编制说明"


def test_a_title_over_two_lines(tmp_path: Path) -> None:
    """(6) Both lines of a two-line title are the title (check) and join into it (import)."""
    body = [para("某市统计局关于2016年国民经济", ppr=CENTRE, size_pt=22),
            para("和社会发展的统计公报", ppr=CENTRE, size_pt=22), para(BODY)]
    path = _doc(body, tmp_path)
    assert [p.text for p in check_parts(path).of("title")] == ["某市统计局关于2016年国民经济", "和社会发展的统计公报"]
    data = import_data(path, tmp_path)
    assert data["title"] == "某市统计局关于2016年国民经济和社会发展的统计公报" and data["year"] == 2016


def test_items_inside_an_article_are_not_headings(tmp_path: Path) -> None:
    """(7) （一）…； inside a 第X条 article are items of the article, not level-2 headings."""
    body = [para("某大学学生管理规定", "Title"), para("第一章　总则", ppr=CENTRE, east_asia="黑体"),
            para("第五条　学生有下列情形之一的，应予退学："), para("（一）学业成绩未达到学校要求的；"),
            para("（二）在学校规定期限内未完成学业的；"), para("（三）本人申请退学的。"),
            para("第六条　本规定自发布之日起施行。")]
    parts = check_parts(_doc(body, tmp_path))
    assert [(p.text, parts.headings[p.n]) for p in parts.of("heading")] == [("第一章　总则", 1)]  # chapters only
    assert all(f.ok and "（" not in f.where for f in _rows(_doc(body, tmp_path), "二级标题"))


def test_run_in_heading_is_a_heading_and_imports_as_run_in(tmp_path: Path) -> None:
    """「（一）坚持稳中求进，推动经济回升向好。全年……」: the number and first sentence are a level-2 heading opening a
    paragraph that goes on with body text; import writes a run_in section with the rest as its first paragraph."""
    body = [para("某市政府工作报告", "Title"), para("各位代表："), para("一、2024年工作回顾", east_asia="黑体"),
            para("（一）坚持稳中求进，推动经济回升向好。" + BODY), para(BODY),
            para("（二）坚持改革开放，发展活力不断增强。" + BODY)]
    path = _doc(body, tmp_path)
    parts = check_parts(path)
    assert sorted(parts.headings.values()) == [1, 2, 2]
    data = import_data(path, tmp_path)
    first = data["sections"][0]["sections"][0]
    assert first["title"] == "坚持稳中求进，推动经济回升向好。" and first.get("run_in") is True
    assert first["paragraphs"][0] == BODY and first["paragraphs"][1] == BODY
    assert annual_docx.validate(data).sections[0].sections[0].run_in is True  # type: ignore[union-attr]


def test_long_numbered_paragraph_is_not_a_heading() -> None:
    """A numbered paragraph whose first sentence is long, or a term with its explanation, is no heading."""
    roles = recognise([Plain("正文开头。" * 30), Plain("（一）" + "很长的句子" * 20 + "。" + BODY),
                       Plain("1.“两重”：国家重大战略实施和重点领域安全能力建设。")])
    assert [r.kind for r in roles] == ["body", "item", "item"]


def test_title_never_from_a_property_placeholder_or_label(tmp_path: Path) -> None:
    """The title is the real title on the page, never the file's property placeholder (标准名称) nor a 附件 label."""
    d = docx.Document()
    d.core_properties.title = "标准名称"
    d.add_paragraph("附件2")
    title = d.add_paragraph("公共图书馆服务规范编制说明")
    title.alignment = 1
    d.add_paragraph(BODY)
    path = tmp_path / "placeholder.docx"
    d.save(path)
    assert import_data(path, tmp_path)["title"] == "公共图书馆服务规范编制说明"
    untitled = docx.Document()
    untitled.core_properties.title = "（填写标准名称）"
    untitled.add_paragraph(BODY)
    untitled.save(path)
    assert import_data(path, tmp_path).get("title", "") == ""  # the page has no title: none is taken from elsewhere


def test_no_heading_is_invented_for_a_document_without_headings(tmp_path: Path) -> None:
    """A document without headings imports as body paragraphs: no 「正文」 section."""
    d = docx.Document()
    d.add_paragraph(BODY)
    d.add_paragraph(BODY + "第二段。")
    path = tmp_path / "flat.docx"
    d.save(path)
    data = import_data(path, tmp_path)
    assert data["sections"] == [] and data["opening"] == [BODY, BODY + "第二段。"]
    report = annual_docx.validate(data)
    assert not report.sections and len(report.opening) == 2


def test_attachments_at_the_end_are_attachments(tmp_path: Path) -> None:
    """附件1 and 附件2 after the 落款 import as official.attachments with their titles and text, not as body."""
    body = [para("关于某事的报告", "Title"), para("一、基本情况", east_asia="黑体"), para(BODY),
            para("附件：1.某统计表"), para("2.某名单"), para("某县图书馆"), para("2022年1月10日"),
            para("附件1", ppr='<w:pageBreakBefore/>'), para("某统计表", ppr=CENTRE), para("统计内容。"),
            para("附件2", ppr='<w:pageBreakBefore/>'), para("某名单", ppr=CENTRE), para("张三、李四。")]
    path = _doc(body, tmp_path)
    data = import_data(path, tmp_path)
    attachments = data["official"]["attachments"]
    assert [(a["title"], a.get("paragraphs")) for a in attachments] == [("某统计表", ["统计内容。"]),
                                                                        ("某名单", ["张三、李四。"])]
    assert data["signature"] == "某县图书馆" and str(data["date"]) == "2022-01-10"
    assert all("附件" not in p for p in data["sections"][0].get("paragraphs", []))
    parts = check_parts(path)
    assert [p.text for p in parts.of("label")] == ["附件1", "附件2"]
    assert [p.text for p in parts.of("attachment_title")] == ["某统计表", "某名单"]


@pytest.mark.parametrize("lines", [20, 2000])
def test_the_stream_holds_a_bounded_window(lines: int) -> None:
    """Fed a long document, the recogniser answers as it goes: what waits is the window, not the document."""
    from annual_docx._roles import Recogniser

    rec: Recogniser[Plain] = Recogniser()
    waiting = 0
    for n in range(lines):
        rec.feed(Plain(f"第{n}段。" + BODY))
        waiting = max(waiting, len(rec.window) + len(rec.head or []))
    assert waiting <= 5
    assert len(rec.finish()) <= 5


def test_govinfo_report_imports_as_govinfo(tmp_path: Path) -> None:
    """A 政府信息公开工作年度报告 is recognised and imported as ``kind: govinfo``: its tables 二、三、四 read back by
    their national labels give the same figures, its prose the same sections, next year's file the same title."""
    example = Path(__file__).parents[1] / "examples" / "govinfo_2024.yaml"
    original = annual_docx.load(example)
    path = annual_docx.render(original, tmp_path / "govinfo.docx")
    yaml_path = annual_docx.import_to_yaml(path, tmp_path / "again.yaml")
    again = annual_docx.load(yaml_path)
    assert isinstance(again, GovinfoReport) and isinstance(original, GovinfoReport)
    assert again.figures == original.figures
    assert again.full_title == original.full_title and again.opening == original.opening
    assert again.overview == original.overview and again.other == original.other
    annual_docx.render(again, tmp_path / "second.docx")


def test_a_govinfo_report_whose_tables_cannot_be_read_is_an_ordinary_report(tmp_path: Path) -> None:
    """Without tables readable by their national labels the report imports as an ordinary one, and says so."""
    d = docx.Document()
    title = d.add_paragraph("某县文化和旅游局2024年政府信息公开工作年度报告")
    title.alignment = 1
    for number, heading in zip("一二三四五六", L.HEADINGS, strict=True):
        d.add_paragraph(f"{number}、{heading}")
        d.add_paragraph(BODY)
    path = tmp_path / "g.docx"
    d.save(path)
    imported = read_report(path, tmp_path / "a", tmp_path)
    assert imported.data.get("kind") is None and len(imported.data["sections"]) == 6
    assert any("按普通报告导入" in n for notes in imported.notes.values() for n in notes)


def test_cover_fields_are_not_a_party_block_and_the_cover_table_stays_on_top(tmp_path: Path) -> None:
    """A thesis-style cover: its fields (姓名：… 指导教师：…) stay lines of text, not a party block; a cover table of
    fields stays at the top as field lines, not moved into section 一."""
    d = docx.Document()
    title = d.add_paragraph("课程设计报告")
    title.alignment = 1
    table = d.add_table(rows=2, cols=4)
    for cell, text in zip([c for row in table.rows for c in row.cells],
                          ["班级", "2019级1班", "学号", "2019001", "姓名", "张三", "指导教师", "李四"], strict=True):
        cell.text = text
    d.add_paragraph("一、设计目的")
    d.add_paragraph(BODY)
    d.add_paragraph("答辩信息")
    d.add_paragraph("学生姓名：王五")
    d.add_paragraph("指导老师：赵六")
    path = tmp_path / "cover.docx"
    d.save(path)
    data = import_data(path, tmp_path)
    assert data["opening"][:2] == ["班级：2019级1班　学号：2019001", "姓名：张三　指导教师：李四"]
    section = data["sections"][0]
    assert section["title"] == "设计目的" and section["paragraphs"][-2:] == ["学生姓名：王五", "指导老师：赵六"]
    assert not section.get("blocks")  # no table moved here, no party block made of the fields
    annual_docx.validate(data)
