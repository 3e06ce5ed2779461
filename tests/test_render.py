"""End-to-end tests of render(): the seed report, fonts, escaping, templates, and never losing a good file."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

import annual_docx
from annual_docx import ImageError, OutputError, TemplateError

from .conftest import small_report
from .docxcheck import NS, part, q, run_east_asia_fonts
from .seedcheck import document_text, missing_lines


def test_example_reproduces_every_seed_line(example_docx: Path) -> None:
    """The rendered example contains all 38 content lines of the 2020 report, in order."""
    assert missing_lines(example_docx) == []


def test_example_has_charts_and_photos_with_alt_text(example_docx: Path) -> None:
    """The org, party and both personnel charts and both photos are pictures whose alt text states their content."""
    _, alts = document_text(example_docx)
    assert len(alts) == 6
    assert all(alts)
    joined = "\n".join(alts)
    for fact in ("高级职称2人", "中级职称8人", "初级职称3人", "管理人员1人", "大专学历1人", "本科学历13人",
                 "研究生学历0人", "办公室", "采编部", "书记孔德安", "纪检委员马亮"):
        assert fact in joined, fact


def test_example_reopens_with_python_docx(example_docx: Path) -> None:
    """python-docx reads the output back: title first, headings in heading styles."""
    document = docx.Document(str(example_docx))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0].text == "2020年度曲阜市图书馆工作年报"
    assert paragraphs[0].style.style_id == "Title"
    headings = [p.text for p in paragraphs if p.style.style_id == "Heading1"]
    assert headings == ["一、年度概况", "二、组织结构", "三、党组织架构",
                        "四、人员结构", "五、服务保障", "六、获奖统计"]
    items = [p.text for p in paragraphs if p.style.style_id == "Heading3"]
    assert items[0] == "1.文献借阅服务保持稳定" and items[-1] == "2.学历结构（共14人）"
    assert "书\u3000\u3000记：孔德安" in [p.text for p in paragraphs]
    assert document.core_properties.title == "2020年度曲阜市图书馆工作年报"


def test_every_run_resolves_to_an_east_asian_font(example_docx: Path) -> None:
    """Each text run's East Asian font is named explicitly (run, style chain or defaults), never a theme font."""
    fonts = run_east_asia_fonts(example_docx)
    assert fonts and all(font for _, font in fonts), [t for t, f in fonts if not f]
    assert not part(example_docx, "word/styles.xml").xpath("//w:rFonts[@w:eastAsiaTheme]", namespaces=NS)


def test_template_syntax_and_markup_in_user_text_come_out_literally(tmp_path: Path) -> None:
    """{{ }}, {% %}, <, &, ]]> and quotes in the data are text in the document, not code or markup."""
    nasty = "{{ title }} {% if true %}x{% endif %} <w:p/> &amp; & ]]> \"q\" 'a' \\ 𠀀 😀"
    data = small_report(title="标题 {{ 1+1 }} <b>&")
    data["sections"][0]["paragraphs"] = [nasty]
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "nasty.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert nasty in texts
    assert "标题 {{ 1+1 }} <b>&" in texts


def test_signature_and_date_are_placed_right(tmp_path: Path) -> None:
    """落款: name and GB/T 9704 date right-aligned with the computed indents."""
    data = small_report(signature="某县图书馆", date=dt.date(2022, 1, 5))
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "sig.docx")
    body = part(out, "word/document.xml")
    sig = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Signature']", namespaces=NS)[0]
    date = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Date']", namespaces=NS)[0]
    assert "".join(date.itertext()) == "2022年1月5日"
    assert sig.xpath("string(w:pPr/w:jc/@w:val)", namespaces=NS) == "right"
    # the 6-character date is longer than the 5-character name: date 2 from the right, name starts 2 left of it
    assert date.xpath("string(w:pPr/w:ind/@w:rightChars)", namespaces=NS) == "200"
    assert sig.xpath("string(w:pPr/w:ind/@w:rightChars)", namespaces=NS) == "500"


def test_restyled_template_keeps_the_agency_styles(tmp_path: Path, example_report: annual_docx.Report) -> None:
    """A template restyled in Word (here: 正文 in 宋体 12 pt) renders with its own styles."""
    restyled = docx.Document(str(annual_docx.default_template()))
    normal = restyled.styles["Normal"]
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(q("eastAsia"), "宋体")
    template = tmp_path / "agency.docx"
    restyled.save(str(template))
    with pytest.raises(TemplateError, match="正文段落 / body paragraphs"):  # 12 pt is not GB/T 9704's 三号
        annual_docx.render(example_report, tmp_path / "out.docx", template=template)
    assert not (tmp_path / "out.docx").exists()
    out = annual_docx.render(example_report, tmp_path / "out.docx", template=template, allow_noncompliant=True)
    styles = part(out, "word/styles.xml")
    assert styles.xpath("string(//w:style[@w:styleId='Normal']/w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS) == "宋体"
    assert styles.xpath("string(//w:style[@w:styleId='Normal']/w:rPr/w:sz/@w:val)", namespaces=NS) == "24"
    assert missing_lines(out) == []


def make_template(tmp_path: Path, text: str) -> Path:
    """Return a template with ``text`` and the tags a report needs (so it is not refused before rendering)."""
    document = docx.Document()
    document.add_paragraph("{{ title }}{{ opening|length }}{{ blocks|length }}")
    document.add_paragraph(text)
    path = tmp_path / "evil.docx"
    document.save(str(path))
    return path


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    """A shared template that pokes at __class__/__mro__ fails in the sandbox instead of running."""
    template = make_template(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError, match=r"unsafe|__class__|__subclasses__|not safely"):
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)


def test_unknown_template_variable_is_an_error_naming_it(tmp_path: Path) -> None:
    """A template tag the context lacks is an error, not a silent blank."""
    template = make_template(tmp_path, "{{ budget_total }}")
    with pytest.raises(TemplateError, match="budget_total"):
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)


def test_failed_render_leaves_the_previous_file_and_no_temp_files(tmp_path: Path) -> None:
    """When rendering fails, an existing good output is untouched and no temporary file remains."""
    out = tmp_path / "report.docx"
    annual_docx.render(annual_docx.validate(small_report()), out)
    good = out.read_bytes()
    bad_image = tmp_path / "broken.jpg"
    bad_image.write_bytes(b"this is not a jpeg")
    data = small_report(sections=[{"kind": "photos", "title": "照片", "photos": [{"path": str(bad_image)}]}])
    with pytest.raises(ImageError):
        annual_docx.render(annual_docx.validate(data), out)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jpg", "report.docx"]


def test_output_gets_ordinary_file_permissions(tmp_path: Path) -> None:
    """The written document is readable by others as any new file is (umask), not private like a temp file."""
    umask = os.umask(0o022)
    try:
        out = annual_docx.render(annual_docx.validate(small_report()), tmp_path / "perm.docx")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_output_errors_are_clear(tmp_path: Path) -> None:
    """A missing output folder and writing over the template are refused with OutputError."""
    report = annual_docx.validate(small_report())
    with pytest.raises(OutputError, match="does not exist"):
        annual_docx.render(report, tmp_path / "no" / "such" / "dir.docx")
    template = tmp_path / "t.docx"
    template.write_bytes(annual_docx.default_template().read_bytes())
    with pytest.raises(OutputError, match="template"):
        annual_docx.render(report, template, template=template)
    assert template.read_bytes() == annual_docx.default_template().read_bytes()


def test_missing_or_invalid_template_is_a_template_error(tmp_path: Path) -> None:
    """A template path that is missing or not a .docx gives TemplateError."""
    report = annual_docx.validate(small_report())
    with pytest.raises(TemplateError, match="not found"):
        annual_docx.render(report, tmp_path / "o.docx", template=tmp_path / "none.docx")
    fake = tmp_path / "fake.docx"
    fake.write_text("hello")
    with pytest.raises(TemplateError, match=r"not a \.docx"):
        annual_docx.render(report, tmp_path / "o.docx", template=fake)
