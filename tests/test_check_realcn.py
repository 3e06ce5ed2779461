"""``check`` on the 19 real 政府工作报告 of the dev set (``../shared/corpus/realcn-dev``) gives, row by row, what a
reviewer concluded by reading each document and looking at its pages (tests/data/realcn_dev_expected.json, the
``check`` object of each entry; how each was read is in ``_rules.check``): the kind, then each expected row with its
clause, severity and the value it reports, the heading rows as many as the headings read, and no other violation.
Beside them: the shapes of these documents that check once got wrong, built small (a WPS page number in a centred text
box, a 14 pt body on the 15.6 pt default grid, styles numbered by WPS), each failing when its fix is undone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx._output._check_kind import KINDS
from annual_docx._output._finding import Finding
from tests.gongwen_docx import Doc, para
from tests.test_realcn_dev_expected import CORPUS, _corpus_files, _entries

LEVEL_ITEM = re.compile(r"^(一|二|三|四)级标题「")
# the footer's text is the page number alone (as its field {PAGE}, or shown as 1 with a note), centred
PAGE_ALONE_CENTRED = r"^(\{PAGE\}|1（页码域 / page field）)，center，"
NON_REQUIREMENTS = ("数字和字母 / Latin and digits", "主题字体 / theme fonts", "东亚语言 / East Asian language")


def _number(found: str) -> float:
    """The number a row reports: after ``→`` when it has one (characters a line), else the first."""
    tail = found.rsplit("→", 1)[-1]
    match = re.search(r"-?\d+(?:\.\d+)?", tail)
    assert match is not None, found
    return float(match.group())


def _rows(findings: list[Finding], clause: str, item: str) -> list[Finding]:
    return [f for f in findings if f.clause == clause and f.item == item]


def _count(rows: list[Finding]) -> int:
    """How many paragraphs the rows of one paragraph item name: one row each, plus 「另有 N 处」."""
    more = sum(int(m.group(1)) for f in rows if (m := re.search(r"另有 (\d+) 处", f.found)))
    return sum(1 for f in rows if f.where) + more


@pytest.fixture(scope="module")
def checked() -> dict[str, annual_docx.Findings]:
    return {name: annual_docx.check(CORPUS / name) for name in _corpus_files()}


def test_every_dev_entry_has_its_check_reading() -> None:
    entries = _entries()
    assert len(entries) == 19
    for name, entry in entries.items():
        reading = entry["check"]
        assert reading["kind"] in KINDS
        assert reading["findings"], name
        for row in reading["findings"]:
            assert len(row) in (4, 5) and row[2] in ("pass", "violation", "note", "not_applicable"), (name, row)


@pytest.mark.parametrize("name", sorted(_entries()))
def test_check_agrees_with_the_reading_row_by_row(name: str, checked: dict[str, annual_docx.Findings]) -> None:
    if name not in checked:
        pytest.skip(f"{name} is not in the corpus folder")
    reading: dict[str, Any] = _entries()[name]["check"]
    found = checked[name]
    assert found.kind is not None and found.kind.name == reading["kind"]
    expected_violations = set()
    for clause, item, severity, value, *count in reading["findings"]:
        rows = _rows(found, clause, item)
        assert rows, f"no row {clause} {item}"
        assert {f.severity for f in rows} == {severity}, (item, [f.found for f in rows])
        first = rows[0]
        if isinstance(value, (int, float)):
            assert abs(_number(first.found) - value) <= 0.11, (item, first.found, value)  # both rounded to 0.1
        elif value.startswith("re:"):  # a pattern: the page number as its field or as the number it shows
            assert re.match(value[3:], first.found), (item, first.found, value)
        else:
            assert value in f"{first.where} {first.found}", (item, first.where, first.found, value)
        if LEVEL_ITEM.match(item) or item == "正文段落 / body paragraphs":
            looks = {re.sub(r" 加粗 / bold$", "", f.found) for f in rows if f.where}
            assert looks == {value}, (item, looks)  # every heading of the level (or body paragraph) read as it is
        if count:
            assert _count(rows) == count[0], (item, _count(rows), count[0])
        if severity == "violation":
            expected_violations.add((clause, item))
    extra = {(f.clause, f.item, f.found) for f in found if f.severity == "violation"
             and (f.clause, f.item) not in expected_violations}
    assert not extra, f"violations the reading does not have: {extra}"


@pytest.mark.parametrize("name", sorted(_entries()))
def test_non_requirements_are_never_violations(name: str, checked: dict[str, annual_docx.Findings]) -> None:
    if name not in checked:
        pytest.skip(f"{name} is not in the corpus folder")
    for f in checked[name]:
        if f.item in NON_REQUIREMENTS or "格式统一" in f.item:
            assert f.severity in ("pass", "note"), f


# -- the shapes of these documents, built small ---------------------------------------------------------------------

_WPS_FOOTER = (
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor><wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
    '<wp:extent cx="1828800" cy="1828800"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
    '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>'
    '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    '</w:ftr>'
)


def test_a_wps_page_number_in_a_centred_text_box_reads_as_the_page_shows_it(tmp_path: Path) -> None:
    """内蒙古, 湖北, 福建, 辽宁: the footer's text box (and its mc:Fallback copy) holds a bare PAGE field whose cached
    result is 1; the page shows one small centred number — not 「{PAGE}{PAGE}1」 on the left."""
    path = Doc().save(tmp_path / "wps.docx")
    _replace_part(path, "word/footer_default.xml", _WPS_FOOTER.encode())
    odd = next(f for f in annual_docx.check(path) if f.item == "奇数页页码 / odd page number")
    assert odd.severity == "violation"
    assert re.match(PAGE_ALONE_CENTRED, odd.found), odd.found


def test_no_page_number_is_one_finding(tmp_path: Path) -> None:
    """Fifteen dev files have no footer at all: one 7.5 row says so, not an odd, an even and a distance row."""
    doc = Doc(footers={})
    rows = [f for f in annual_docx.check(doc.save(tmp_path / "none.docx")) if f.clause == "7.5"]
    assert [(f.item, f.severity) for f in rows] == [("页码 / page numbers", "violation")]


def test_a_14_pt_body_on_the_default_chinese_grid_has_22_lines_of_29(tmp_path: Path) -> None:
    """The dev files' page: A4, 25.4/31.75 mm margins, a 15.6 pt line grid, body 仿宋 14 pt at single spacing — each
    line takes two grid lines, so the page shows 22 lines of 29 characters (LibreOffice PDF of 云南, page 2)."""
    doc = Doc(grid={"type": "lines", "linePitch": 312})
    doc.page.update(top=1440, bottom=1440, left=1800, right=1800)
    doc.body = [para("正文。" * 40, ppr='<w:spacing w:line="240" w:lineRule="auto"/>', east_asia="仿宋", size_pt=14)
                for _ in range(5)]
    rows = {f.item: f for f in annual_docx.check(doc.save(tmp_path / "grid.docx"))}
    assert rows["每页行数 / lines a page"].found == "22"
    assert rows["每页行数 / lines a page"].ok
    assert rows["每行字数 / characters a line"].found.endswith("→ 29")
    assert rows["行距 / line pitch"].found.startswith("31.20 pt")


def test_exact_spacing_sets_the_lines_whatever_the_grid(tmp_path: Path) -> None:
    """A 公文 typed on a default Word page with 28 pt exact spacing shows 22 lines on the standard type area (the
    15.6 pt grid does not apply to exact spacing)."""
    doc = Doc(grid={"type": "lines", "linePitch": 312})
    doc.body = [para("正文。" * 40, ppr='<w:spacing w:line="560" w:lineRule="exact"/>') for _ in range(5)]
    rows = {f.item: f for f in annual_docx.check(doc.save(tmp_path / "exact.docx"))}
    assert rows["每页行数 / lines a page"].found == "22"


def test_styles_are_found_by_name_not_by_a_wps_number(tmp_path: Path) -> None:
    """WPS numbers its styles: in 天津 id 1 is heading 1 and the default paragraph style is id a. The body style row
    reads the style named Normal (theme font 11 pt there), not 「未定义」."""
    doc = Doc(body=[para("正文段落。", style="a")])
    name, _, _, ppr, extra = doc.styles.pop("Normal")
    doc.styles = {"a": (name, "宋体", 21, ppr, extra), **doc.styles}
    rows = {f.item: f for f in annual_docx.check(doc.save(tmp_path / "ids.docx"))}
    style = rows["正文 / body 字体字号 / font"]
    assert "宋体 10.5 pt" in style.found
    assert style.severity == "note"  # the body paragraphs in it are judged on the page, where they fail
    assert not rows["正文段落 / body paragraphs"].ok


def _replace_part(path: Path, part: str, data: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, content in items:
            zout.writestr(info, data if info.filename == part else content)


def test_the_readings_are_json() -> None:
    """The file stays plain JSON (no trailing commas from hand edits)."""
    json.loads((Path(__file__).parent / "data" / "realcn_dev_expected.json").read_text(encoding="utf-8"))


# -- kinds of real documents whose title is missing or ends in a note -----------------------------------------------

_OPENING = ("为贯彻落实党中央、国务院关于做好当前经济工作的总体部署和要求，根据《辽宁省人民政府关于进一步促进投资"
            "增长的若干意见》（辽政发〔2014〕18号），市政府制定进一步促进投资增长十八条措施。")


@pytest.mark.parametrize(("body", "kind"), [
    # 大连市进一步促进投资增长十八条措施: the body without its title; the opening says what it is
    ([para(_OPENING), para("一、全面深化投资体制改革"), para("（一）落实企业投资自主权。发布目录。"),
      para("责任单位：市发展改革委")], "gongwen"),
    # 甘井子区推进人才资源开发十项措施（试行）: no title; it closes 「本政策自发布之日起施行。」
    ([para("为深入实施“人才强区”战略，遵循人才发展规律。"), para("一、大力引进高层次人才。给予奖励。"),
      para("本政策自发布之日起施行。")], "gongwen"),
    # 全国人大常委会关于修改…的决定(2016): the genre before a note in brackets
    ([para("全国人民代表大会常务委员会关于修改《中华人民共和国海洋环境保护法》的决定(2016)", "Title"),
      para("第十二届全国人民代表大会常务委员会第二十四次会议决定对该法作如下修改。"), para("将第五条修改为。")],
     "gongwen"),
    # a report's text without a title (test.docx of the extra set) stays a report
    ([para("近几年来，我省经济快速发展，城市化进程加快。"), para("推进生态省建设，既是增长方式的转变。")], "report"),
])
def test_the_kind_of_a_gongwen_without_its_title(tmp_path: Path, body: list[str], kind: str) -> None:
    assert annual_docx.check(Doc(body=body).save(tmp_path / "k.docx")).kind.name == kind


# -- regulations: chapters numbered by Word, items inside them ------------------------------------------------------

_NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/>'
    '<w:lvlText w:val="第%1章"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '</w:numbering>')
_CHAPTER = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="center"/>'


def _with_numbering(path: Path) -> Path:
    """Add a numbering part (第%1章 in japaneseCounting, as 甘井子区经济工作奖励暂行办法 has it) to a built document."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    rels = items["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>", '<Relationship Id="rN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/numbering" Target="numbering.xml"/></Relationships>')
    items["word/_rels/document.xml.rels"] = rels.encode()
    items["word/numbering.xml"] = _NUMBERING.encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in items.items():
            zout.writestr(name, data)
    return path


def test_a_regulation_s_chapters_numbered_by_word_and_its_items(tmp_path: Path) -> None:
    """甘井子区经济工作奖励暂行办法 (held out): its chapters are 「总则」「奖项」 numbered 第%1章 by Word
    (japaneseCounting) — read as 「第一章 总则」, a chapter (its face a note: 7.3.3 does not name it), not the
    document's title; after 第一条 the （一） under a chapter's lead line
    「共设三个奖项：」 and the last item ending in 。 are 项 (items), not level-2 headings."""
    body = [para("总则", ppr=_CHAPTER), para("第一条 为建立奖励的激励机制，特制定本办法。"),
            para("奖项", ppr=_CHAPTER), para("共设三个奖项："), para("（一）重大项目奖"), para("（二）突出贡献奖"),
            para("奖励对象", ppr=_CHAPTER), para("奖励对象为："), para("（一）街道办事处；"),
            para("（二）为甘井子区经济发展做出突出贡献的个人。")]
    found = annual_docx.check(_with_numbering(Doc(body=body).save(tmp_path / "reg.docx")))
    assert not [f for f in found if f.item == "标题 / title"]  # 总则 is no title
    chapters = [f for f in found if f.item.startswith("一级标题「第一章」") and "字体字号" in f.item]
    # 7.3.3 names the faces of 一、（一）1.（1）: a chapter in 仿宋 is a note (黑体 by practice), never a violation
    assert [f.severity for f in chapters] == ["note"] * 3
    assert not [f for f in found if f.item.startswith("二级标题") and f.where]  # no （一） judged as a heading
    assert found.kind is not None and found.kind.name == "gongwen"


# -- a 附件说明 whose 「附件：」 stands alone ------------------------------------------------------------


@pytest.mark.parametrize(("names", "numbers_ok"), [
    # 甘井子区支持科技创新若干规定: 「附件：」 then 1.…5. on lines of their own
    (["1.甘井子区应用技术研究与开发资金管理办法", "2.甘井子区支持创新主体发展办法"], True),
    # 大连市工程实验室管理暂行办法: 「附件：」 then 一、 二、 (7.3.4 numbers them 1. 2.)
    (["一、大连市工程实验室建设项目资金申请报告编制大纲（略）",
      "二、大连市工程实验室建设项目竣工验收报告编制大纲（略）"], False),
])
def test_a_lone_attachment_label_is_one_finding(tmp_path: Path, names: list[str], numbers_ok: bool) -> None:
    """The layout (names not after 「附件：」) is one violation; 「附件：」 itself is no name ending in a colon, the
    names are numbered as they are (1. 2. right, 一、 二、 wrong) and none is a continuation line to align."""
    body = [para("关于某事的通知", "Title"), para("正文。"), para("附件：", ppr='<w:ind w:firstLineChars="200"/>'),
            *[para(n, ppr='<w:ind w:firstLineChars="200"/>') for n in names]]
    rows = [f for f in annual_docx.check(Doc(body=body).save(tmp_path / "note.docx")) if f.clause == "7.3.4"]
    bad = {f.item for f in rows if not f.ok}
    assert "附件说明格式 / attachment note layout" in bad
    assert "附件名称标点 / attachment names" not in bad
    assert "附件说明回行 / note continuation" not in {f.item for f in rows}
    assert ("附件序号 / attachment numbers" not in bad) is numbers_ok
