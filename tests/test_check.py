"""Tests of the GB/T 9704 compliance checker: our output passes, a plain python-docx document fails by name."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx.cli import main


@pytest.fixture(scope="module")
def plain_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a document made with python-docx's default template."""
    document = docx.Document()
    document.add_heading("工作年报", level=1)
    document.add_paragraph("正文。")
    path = tmp_path_factory.mktemp("plain") / "plain.docx"
    document.save(str(path))
    return path


def test_our_output_passes_every_check(example_docx: Path) -> None:
    """The rendered example passes every row: paper, margins, grid, fonts, page numbers, theme fonts."""
    findings = annual_docx.check(example_docx)
    assert [f.item for f in findings if not f.ok] == []
    assert len(findings) >= 20


def test_plain_python_docx_document_fails_naming_the_problems(plain_docx: Path) -> None:
    """A python-docx default document fails on paper, margins, grid, theme fonts and page numbers."""
    failed = {f.item for f in annual_docx.check(plain_docx) if not f.ok}
    for item in ("纸张 / paper", "上边距 / top margin", "每行字数 / characters a line",
                 "页码 / page numbers", "正文段落 / body paragraphs"):
        assert item in failed


def test_cli_check_prints_a_table_and_exits_1_on_a_violation(
    plain_docx: Path, example_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """annual-docx check exits 0 on our output and 1 on the plain document, marking the failing row ✗."""
    assert main(["check", str(example_docx)]) == 0
    assert "全部符合 / all checks pass" in capsys.readouterr().out
    assert main(["check", str(plain_docx)]) == 1
    out = capsys.readouterr().out
    paper = next(line for line in out.splitlines() if line.startswith("5.1 ") and "纸张" in line)
    assert "215.9 mm × 279.4 mm" in paper and paper.endswith("✗")


def test_cli_check_of_a_missing_or_broken_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or one that is not a .docx gives exit 3 (unreadable) and a bilingual message, no traceback."""
    assert main(["check", str(tmp_path / "none.docx")]) == 3
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    assert main(["check", str(broken)]) == 3
    err = capsys.readouterr().err
    assert "文件不存在 / file not found" in err and "不是 .docx 文件" in err and "Traceback" not in err


def test_theme_fonts_in_a_restyled_template_are_reported(example_docx: Path, tmp_path: Path) -> None:
    """A body style that uses a theme font makes the body text fail even when a face name is also given (the style
    row itself is a note: the text is judged on the page)."""
    import zipfile

    out = tmp_path / "theme.docx"
    with zipfile.ZipFile(example_docx) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'w:eastAsia="\xe4\xbb\xbf\xe5\xae\x8b_GB2312"/><w:sz w:val="32"/>',
                                    b'w:eastAsia="\xe4\xbb\xbf\xe5\xae\x8b_GB2312" w:eastAsiaTheme="minorEastAsia"/>'
                                    b'<w:sz w:val="32"/>', 1)
            zout.writestr(item, data)
    rows = annual_docx.check(out)
    failed = {f.item for f in rows if not f.ok}
    assert "正文段落 / body paragraphs" in failed  # the body's face is the theme's, not 仿宋 (7.3.3)
    style = next(f for f in rows if f.item == "正文 / body 字体字号 / font")
    assert style.severity == "note" and "主题字体" in style.found
    theme = next(f for f in rows if f.item == "主题字体 / theme fonts")
    assert theme.ok and theme.severity == "note"  # theme fonts themselves: Word practice, not GB/T 9704


def test_every_finding_cites_a_clause(plain_docx: Path, example_docx: Path) -> None:
    """Each row names its clause of GB/T 9704-2012 (``—`` only for notes on Word practice)."""
    for path in (plain_docx, example_docx):
        for f in annual_docx.check(path):
            assert f.clause and (f.clause != "—" or f.severity in ("note", "pass")), f


def test_cli_check_json_of_an_unreadable_file_is_one_object(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """``check --json`` prints one JSON object with ``error`` when the file cannot be read, and exits 3."""
    import json

    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    assert main(["check", "--json", str(broken)]) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and "不是 .docx 文件" in out["error"] and out["findings"] == []


def test_json_rows_carry_clause_and_severity(example_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON keys stay as before, with ``clause`` and ``severity`` added."""
    import json

    assert main(["check", "--json", str(example_docx)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["findings"][0]) == {"item", "expected", "found", "where", "ok", "clause", "severity"}
    assert {"file", "ok", "violations", "findings"} <= set(out)


@pytest.mark.parametrize("command", [["check"], ["check", "--json"]])
def test_a_closed_pipe_ends_quietly(plain_docx: Path, command: list[str]) -> None:
    """``annual-docx check x.docx | head``: the reader closes the pipe early; no 内部错误, no traceback."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-m", "annual_docx", *command, str(plain_docx)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader has gone before the first line is written
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait() == 141
    assert err == ""
