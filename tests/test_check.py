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
    for item in ("纸张 / paper", "上边距 / top margin", "每行字数 / characters a line", "主题字体 / theme fonts",
                 "奇数页页码 / odd page number", "正文 / body 字体字号 / font"):
        assert item in failed


def test_cli_check_prints_a_table_and_exits_1_on_a_violation(
    plain_docx: Path, example_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """annual-docx check exits 0 on our output and 1 on the plain document, marking the failing row ✗."""
    assert main(["check", str(example_docx)]) == 0
    assert "全部符合 / all checks pass" in capsys.readouterr().out
    assert main(["check", str(plain_docx)]) == 1
    out = capsys.readouterr().out
    paper = next(line for line in out.splitlines() if line.startswith("纸张"))
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
    """A body style that uses a theme font fails the font row even when a face name is also given."""
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
    failed = {f.item for f in annual_docx.check(out) if not f.ok}
    assert "主题字体 / theme fonts" in failed
