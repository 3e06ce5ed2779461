"""The 题注行 (byline) under the title: ``Report.byline`` renders one centred 楷体 paragraph a line in the ``Byline``
style, after the title and before the 主送; a report without one renders no such paragraph; the importer maps the
structure recogniser's byline lines of a real 政府工作报告 to ``byline`` and the re-render keeps title → byline →
主送 → body and passes ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx

from .conftest import small_report
from .docxcheck import NS, part
from .roles_docs import check_parts, import_data
from .test_official import styled
from .test_roles_realcn import CORPUS

HEBEI = CORPUS / "2025年河北省政府工作报告.docx"
LINES = ["——2025年1月13日在某县第十四届人民代表大会第三次会议上", "某县人民政府县长 张三"]


@pytest.fixture(scope="module")
def byline_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = small_report(title="2025年某县政府工作报告", byline=LINES, official={"recipients": "各位代表："})
    return annual_docx.render(annual_docx.validate(data), tmp_path_factory.mktemp("byline") / "byline.docx")


def test_byline_lines_come_between_title_and_recipients(byline_docx: Path) -> None:
    paras = [(s, t) for s, t in styled(byline_docx) if s]
    assert paras[:4] == [("Title", "2025年某县政府工作报告"), ("Byline", LINES[0]), ("Byline", LINES[1]),
                         ("Recipients", "各位代表：")]


def test_byline_style_is_centred_kaiti_sanhao_with_east_asian_font(byline_docx: Path) -> None:
    styles = part(byline_docx, "word/styles.xml")

    def get(style_id: str, path: str) -> str:
        return str(styles.xpath(f"string(//w:style[@w:styleId='{style_id}']/{path})", namespaces=NS))

    assert get("Byline", "w:name/@w:val") == "题注行"
    assert get("Byline", "w:pPr/w:jc/@w:val") == "center"
    assert get("Byline", "w:pPr/w:ind/@w:firstLineChars") == "0"
    assert get("Byline", "w:rPr/w:sz/@w:val") == "32"  # 三号 16 pt
    kaiti = get("Heading2", "w:rPr/w:rFonts/@w:eastAsia")  # the template's 楷体 (the 二级标题 face)
    assert kaiti and get("Byline", "w:rPr/w:rFonts/@w:eastAsia") == kaiti


def test_one_string_is_one_byline_line() -> None:
    report = annual_docx.validate(small_report(byline="来源：某县日报"))
    assert report.byline == ["来源：某县日报"]


def test_report_without_byline_has_no_byline_paragraph(example_docx: Path) -> None:
    assert "Byline" not in {s for s, _ in styled(example_docx)}


def test_rendered_byline_is_no_body_text_or_recipients_and_passes_check(byline_docx: Path) -> None:
    parts = check_parts(byline_docx)
    assert [p.text for p in parts.of("recipients")] == ["各位代表："]
    body = [p.text for p in parts.of("body")]
    assert "开头段落。" in body
    assert not any(line in body for line in LINES)
    assert [f.item for f in annual_docx.check(byline_docx) if not f.ok] == []


@pytest.mark.skipif(not HEBEI.is_file(), reason="the realcn dev corpus is not here")
def test_hebei_byline_is_imported_and_rerendered_in_order(tmp_path: Path) -> None:
    # the lines under the title as the file has them (read with python-docx: paragraphs 2 and 3, then 各位代表：)
    meeting = "2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。"
    data = import_data(HEBEI, tmp_path)
    assert data["byline"] == [meeting, "来源：河北日报"]
    assert not set(data["byline"]) & set(data.get("opening", []))
    assert data["official"]["recipients"] == "各位代表："
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "hb.docx")
    paras = [(s, t) for s, t in styled(out) if t]
    assert paras[:4] == [("Title", "2025年河北省政府工作报告"), ("Byline", meeting), ("Byline", "来源：河北日报"),
                         ("Recipients", "各位代表：")]
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []


def test_template_without_byline_tags_is_incomplete_for_a_report_with_byline(tmp_path: Path) -> None:
    from annual_docx._output._authoring import check_template

    from .test_authoring import template_with

    path = template_with(tmp_path, "{{ title }}", "{%p for b in blocks %}", "{{ b.text }}", "{%p endfor %}")
    with_byline = annual_docx.validate(small_report(byline=LINES, opening=[]))
    without = annual_docx.validate(small_report(opening=[]))
    assert check_template(path, report=with_byline).missing_variables == {"byline"}  # rendering would drop the lines
    assert check_template(path, report=without).missing_variables == set()


def test_json_schema_has_byline() -> None:
    schema = annual_docx.json_schema()
    reports = [d for d in schema.get("$defs", {}).values() if "opening" in d.get("properties", {})
               and "byline" in d.get("properties", {})]
    assert reports and "楷体" in reports[0]["properties"]["byline"]["description"]


def test_byline_text_is_data(tmp_path: Path) -> None:
    line = "来源：{{ title }} {% if x %} <a&b>"
    out = annual_docx.render(annual_docx.validate(small_report(byline=line)), tmp_path / "d.docx")
    assert ("Byline", line) in styled(out)
