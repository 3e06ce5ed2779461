"""Files from outside get a clear answer: hostile packages made in tests/hostile.py and real third-party .docx files
through `check`, `template check` and `render --template`, by the API and the command line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx import DocumentError, Limits, TemplateError
from annual_docx._ooxml.reader import open_package
from annual_docx.cli import main

from .conftest import small_report
from .hostile import Case, base, cases, repack, write_all

THIRDPARTY = sorted((Path(__file__).parent / "data" / "thirdparty").glob("*.docx"))
CASES = {case.name: case for case in cases()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Case]]:
    """Write every hostile case once."""
    return write_all(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", list(CASES))
def test_check_api_gives_findings_or_a_document_error_naming_the_problem(
    corpus: dict[str, tuple[Path, Case]], name: str
) -> None:
    """annual_docx.check() raises only DocumentError, whose message names the file and says what is wrong."""
    path, case = corpus[name]
    if case.error is None:
        assert annual_docx.check(path)
        return
    with pytest.raises(DocumentError) as info:
        annual_docx.check(path)
    assert case.error in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize("name", list(CASES))
def test_check_cli_exit_code_is_3_for_an_unreadable_file(
    corpus: dict[str, tuple[Path, Case]], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI exits 3 with one bilingual line for an unreadable file, 0/1 with the table for a readable one."""
    path, case = corpus[name]
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "内部错误" not in err
    if case.error is None:
        assert code in (0, 1) and "纸张 / paper" in out
    else:
        assert code == 3 and case.error in err and " / " in err


@pytest.mark.parametrize("name", list(CASES))
def test_render_with_a_hostile_template_raises_only_template_error(
    corpus: dict[str, tuple[Path, Case]], name: str, tmp_path: Path
) -> None:
    """As a template, every hostile file either renders (it still has the report's tags) or gives TemplateError
    with the reader's message; nothing is written on failure."""
    path, case = corpus[name]
    out = tmp_path / "out.docx"
    report = annual_docx.validate(small_report())
    if case.template_ok:
        annual_docx.render(report, out, template=path, allow_noncompliant=True)  # not a 公文 page: safety only
        assert "开头段落。" in [p.text for p in docx.Document(str(out)).paragraphs]
        return
    with pytest.raises(TemplateError) as info:
        annual_docx.render(report, out, template=path)
    assert str(case.template_error or case.error) in str(info.value)
    assert not out.exists()


#: A relationship to a missing part is refused by `check`; the importer reads on without that part (a document
#: whose styles part is gone still has its text).
IMPORT_READS_ON = {"dangling_styles.docx"}


@pytest.mark.parametrize("name", list(CASES))
def test_import_reads_through_the_same_reader(
    corpus: dict[str, tuple[Path, Case]], name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import` opens every file with the one reader: what `check` refuses, `import` refuses with the same
    DocumentError (exit 1, one bilingual line, no traceback, no YAML written); a readable file imports."""
    path, case = corpus[name]
    out = tmp_path / "out.yaml"
    code = main(["import", str(path), "-o", str(out), "--assets", str(tmp_path / "assets")])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "内部错误" not in err and "please report" not in err, err
    if case.error is None or name in IMPORT_READS_ON:
        assert code == 0 and out.is_file(), err
        return
    assert code == 1 and case.error in err and str(path) in err and " / " in err, err
    assert not out.exists()
    with pytest.raises(DocumentError, match=re.escape(case.error)):
        annual_docx.import_docx(path, assets=tmp_path / "assets")


def test_a_renamed_main_part_is_found_through_the_package_relationships(
    corpus: dict[str, tuple[Path, Case]],
) -> None:
    """word/document2.xml, as _rels/.rels names it, is read: same findings as the original package."""
    path, _ = corpus["renamed_main.docx"]
    with open_package(path) as package:
        assert package.main_part == "word/document2.xml" and package.kind == "document"
    assert annual_docx.check(path) == annual_docx.check(annual_docx.default_template())


def test_template_and_macro_packages_are_told_apart(corpus: dict[str, tuple[Path, Case]]) -> None:
    """.dotx and .docm are read for checking (nothing runs), and their kind is reported."""
    for name, kind in (("word_template.dotx", "template"), ("macros.docm", "macro-document")):
        with open_package(corpus[name][0]) as package:
            assert package.kind == kind


def test_absurd_numbers_fail_their_rows_instead_of_crashing(corpus: dict[str, tuple[Path, Case]]) -> None:
    """A 400-digit margin, a 1e400 page width, a 300-digit line pitch and a 500-digit size fail by name (the body's
    exact 28.95 pt spacing, not the absurd grid, sets its lines; the absurd margin leaves too few; the absurd size
    fails the body text, the style row being a note)."""
    failed = {f.item for f in annual_docx.check(corpus["absurd_numbers.docx"][0]) if not f.ok}
    assert {"纸张 / paper", "上边距 / top margin", "每页行数 / lines a page", "正文段落 / body paragraphs"} <= failed


def test_the_caps_are_configurable_and_name_the_part_and_the_cap(tmp_path: Path) -> None:
    """Limits() caps each part, the whole package, one streamed block and the number of entries."""
    path = tmp_path / "t.docx"
    path.write_bytes(base())
    with pytest.raises(DocumentError, match=r"\[word/styles.xml\].*larger than 5000 bytes"):
        annual_docx.check(path, limits=Limits(part_bytes=5000))
    with pytest.raises(DocumentError, match=r"package is larger than 20000 bytes"):
        annual_docx.check(path, limits=Limits(package_bytes=20_000))
    with pytest.raises(DocumentError, match=r"more than the limit 3"):
        annual_docx.check(path, limits=Limits(entries=3))
    big_paragraph = b"<w:p><w:r><w:t>" + "正文".encode() * 100_000 + b"</w:t></w:r></w:p>"
    document = zipfile.ZipFile(path).read("word/document.xml").replace(b"<w:body>", b"<w:body>" + big_paragraph)
    path.write_bytes(repack(base(), {"word/document.xml": document}))
    with pytest.raises(DocumentError, match="one paragraph or table is larger than 100000 bytes"):
        annual_docx.check(path, limits=Limits(block_bytes=100_000))
    assert annual_docx.check(path)  # the default caps let it through


def test_streaming_the_main_part_keeps_only_one_block(tmp_path: Path) -> None:
    """Blocks are freed after use: whatever block is current, at most the (emptied) one before it is left."""
    path = tmp_path / "many.docx"
    paragraphs = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % i for i in range(2000))
    with zipfile.ZipFile(annual_docx.default_template()) as zf:
        original = zf.read("word/document.xml")
    path.write_bytes(repack(base(), {"word/document.xml": original.replace(b"<w:body>", b"<w:body>" + paragraphs)}))
    seen = 0
    with open_package(path) as package:
        for block in package.blocks(package.main_part):
            seen += 1
            assert sum(1 for _ in block.itersiblings(preceding=True)) <= 1  # every block before the last is freed
    assert seen > 2000


@pytest.mark.parametrize("path", THIRDPARTY, ids=[p.name for p in THIRDPARTY])
def test_thirdparty_files_get_a_clean_answer_everywhere(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """python-docx's test documents: check gives findings (exit 0/1), template check a verdict (exit 0/1), and
    render --template a refusal listing the missing tags (they have none of the report's) — never a traceback."""
    assert annual_docx.check(path)
    assert main(["check", str(path)]) in (0, 1)
    assert main(["template", "check", str(path)]) in (0, 1)
    report = tmp_path / "r.json"
    report.write_text(__import__("json").dumps(small_report()), encoding="utf-8")
    assert main(["render", str(report), "-o", str(tmp_path / "o.docx"), "--template", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "内部错误" not in err
    assert "缺少必需变量 / required variable missing: {{ blocks }}" in err and not (tmp_path / "o.docx").exists()
