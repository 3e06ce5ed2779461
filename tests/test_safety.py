"""User text is data and templates are untrusted: escaping, control characters, the sandbox in every part,
output that never destroys a good file, and byte-identical renders."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx import OutputError, TemplateError
from annual_docx.cli import main

from .conftest import small_report
from .docxcheck import part

NASTY = [
    "{{ title }}", "{% if true %}x{% endif %}", "{# c #}", "<w:p/>", "&amp;", "&", "]]>", "<![CDATA[x]]>",
    "\"double\" 'single'", "back\\slash \\n", "{_{ x }_}", "{_% if %_}", "_}", "{_", "%_}_", "{{r x }}",
]


def render_texts(tmp_path: Path, **overrides: object) -> list[str]:
    out = annual_docx.render(annual_docx.validate(small_report(**overrides)), tmp_path / "o.docx")
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_template_syntax_markup_and_docxtpl_escapes_come_out_literally(tmp_path: Path) -> None:
    """Jinja tags, XML, entities, CDATA, quotes, backslashes and docxtpl's {_{ … }_} spellings are plain text."""
    texts = render_texts(tmp_path, opening=NASTY, title="".join(NASTY))
    for text in NASTY:
        assert text in texts, text
    # a long title is broken into lines (GB/T 9704 7.3.1) at spaces or between characters; nothing else changes
    assert "".join("".join(NASTY).split()) in ["".join(t.split()) for t in texts]


def test_emoji_extension_b_and_long_paragraphs_survive(tmp_path: Path) -> None:
    """Emoji, CJK Extension B (𠀀) and a 10,000-character paragraph come back exactly."""
    long = ("年报𠀀😀" * 3334)[:10_000]
    texts = render_texts(tmp_path, opening=["😀👍🏽 𠀀𪚥𰻞", long])
    assert "😀👍🏽 𠀀𪚥𰻞" in texts and long in texts


def test_control_characters_are_removed_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bell, form feed, NUL and friends are left out of a valid document, and `render` names the field."""
    data = small_report(opening=["甲\x07乙\x0c丙\x00丁\x1b戊\ufffe。"], title="标\x0b题")
    texts = render_texts(tmp_path, **{k: data[k] for k in ("opening", "title")})
    assert "甲乙丙丁戊。" in texts and "标题" in texts
    report_file = tmp_path / "r.json"
    report_file.write_text(__import__("json").dumps(data), encoding="utf-8")
    assert main(["render", str(report_file), "-o", str(tmp_path / "cli.docx")]) == 0
    err = capsys.readouterr().err
    assert "opening[0]" in err and "U+0007" in err and "title" in err


def test_tabs_and_line_breaks_stay_what_they_are(tmp_path: Path) -> None:
    """A tab and a line break in a paragraph read back as a tab and a line break, not new paragraphs."""
    texts = render_texts(tmp_path, opening=["第一行\n第二行\t制表"])
    assert "第一行\n第二行\t制表" in texts


def evil_template(tmp_path: Path, *, header: str = "", footer: str = "", title: str = "") -> Path:
    """Return the default template with ``header``/``footer`` text and a core-properties ``title`` added."""
    document = docx.Document(str(annual_docx.default_template()))
    section = document.sections[0]
    if header:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if title:
        document.core_properties.title = title
    path = tmp_path / "shared.docx"
    document.save(str(path))
    return path


ESCAPE = "{{ ''.__class__.__mro__[1].__subclasses__() }}"


@pytest.mark.parametrize("where", ["header", "footer", "title"])
def test_sandbox_covers_headers_footers_and_properties(tmp_path: Path, where: str) -> None:
    """A template reaching for Python internals in a header, a footer or the document title fails in the sandbox."""
    template = evil_template(tmp_path, **{where: ESCAPE})
    out = tmp_path / "o.docx"
    with pytest.raises(TemplateError, match=r"unsafe|__class__|not safely"):
        annual_docx.render(annual_docx.validate(small_report()), out, template=template)
    assert not out.exists()


def test_sandbox_blocks_calls_in_properties(tmp_path: Path) -> None:
    """Even a harmless-looking method call on a string attribute is refused in the core properties."""
    template = evil_template(tmp_path, title="{{ title.__init__.__globals__ }}")
    with pytest.raises(TemplateError):
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)


def test_unknown_variable_in_a_header_is_named(tmp_path: Path) -> None:
    """An unknown variable in a header is an error naming it, not a blank."""
    template = evil_template(tmp_path, header="{{ agency_code }}")
    with pytest.raises(TemplateError, match="agency_code"):
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)


def test_header_and_properties_render_user_text_safely(tmp_path: Path) -> None:
    """Header and title tags render the report's text: XML-escaped in the header, plain in the properties."""
    template = evil_template(tmp_path, header="{{ organisation }}", title="{{ title }}（{{ year }}）")
    name = "<某&馆> {{ x }} {_{"
    report = annual_docx.validate(small_report(organisation=name, title="A&B <c>"))
    out = annual_docx.render(report, tmp_path / "o.docx", template=template)
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == name
    assert document.core_properties.title == "A&B <c>（2021）"


def test_render_refuses_to_write_over_the_input_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`render r.docx` (a report saved with a .docx name) would overwrite itself by default: refused, file kept."""
    report = tmp_path / "r.docx"
    report.write_text(__import__("json").dumps(small_report()), encoding="utf-8")
    before = report.read_bytes()
    assert main(["render", str(report), "-o", str(report)]) == 1
    assert "input report" in capsys.readouterr().err
    assert report.read_bytes() == before


def test_failed_write_leaves_no_temp_file_and_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the final rename fails, the previous document survives and no temporary file is left."""
    out = tmp_path / "report.docx"
    out.write_bytes(b"previous good report")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OutputError, match="cannot write the document"):
        annual_docx.render(annual_docx.validate(small_report()), out)
    assert out.read_bytes() == b"previous good report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_template_error_leaves_no_temp_file_and_the_old_file(tmp_path: Path) -> None:
    """A template failing to render leaves an existing output untouched and nothing else behind."""
    template = evil_template(tmp_path, footer="{{ missing_thing }}")
    out = tmp_path / "report.docx"
    out.write_bytes(b"previous good report")
    with pytest.raises(TemplateError):
        annual_docx.render(annual_docx.validate(small_report()), out, template=template)
    assert out.read_bytes() == b"previous good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "shared.docx"]


def test_same_report_renders_to_identical_bytes(
    tmp_path: Path, example_report: annual_docx.Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering the example twice, an hour apart by the clock, gives byte-identical files dated 1980-01-01."""
    first = annual_docx.render(example_report, tmp_path / "a.docx").read_bytes()
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    second = annual_docx.render(example_report, tmp_path / "b.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "b.docx") as zf:
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_document_dates_come_from_the_report(tmp_path: Path) -> None:
    """The document's created/modified dates are the report's 成文日期, not the time of rendering."""
    report = annual_docx.validate(small_report(date="2022-01-05"))
    props = docx.Document(str(annual_docx.render(report, tmp_path / "o.docx"))).core_properties
    assert props.created.isoformat() == props.modified.isoformat() == "2022-01-05T00:00:00+00:00"


def test_very_long_title_fits_the_document_properties(tmp_path: Path) -> None:
    """A 300-character title is whole in the body and cut to the 255 characters Word allows in the properties."""
    title = "年" * 300
    out = annual_docx.render(annual_docx.validate(small_report(title=title)), tmp_path / "o.docx")
    document = docx.Document(str(out))
    assert title in [p.text.replace("\n", "") for p in document.paragraphs]  # broken into lines, GB/T 9704 7.3.1
    assert document.core_properties.title == title[:255]


def template_with_footnote(tmp_path: Path, text: str) -> Path:
    """Return the default template plus a footnotes part whose one footnote reads ``text``."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    path = tmp_path / "footnoted.docx"
    with zipfile.ZipFile(annual_docx.default_template()) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name).decode("utf-8")
            if name == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif name == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats'
                                    '.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    "</Relationships>")
            dst.writestr(name, data)
        dst.writestr("word/footnotes.xml", footnotes)
    return path


def test_sandbox_covers_footnotes(tmp_path: Path) -> None:
    """A footnote reaching for Python internals fails in the sandbox; a plain footnote tag renders escaped text."""
    report = annual_docx.validate(small_report(organisation="甲&乙 {_{"))
    with pytest.raises(TemplateError, match=r"unsafe|__class__|not safely"):
        annual_docx.render(report, tmp_path / "o.docx", template=template_with_footnote(tmp_path, ESCAPE))
    template = template_with_footnote(tmp_path, "{{ organisation }}")
    out = annual_docx.render(report, tmp_path / "o.docx", template=template)
    assert "".join(part(out, "word/footnotes.xml").itertext()) == "甲&乙 {_{"
