"""Tests of the command line, in-process and as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annual_docx.cli import main

from .conftest import EXAMPLE
from .seedcheck import missing_lines


def test_render_writes_the_document_and_prints_its_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`render REPORT -o OUT` exits 0, prints OUT, and OUT holds the report."""
    out = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert missing_lines(out) == []


def test_invalid_report_exits_1_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A report with a wrong value exits 1 with a one-paragraph error naming the field, and writes nothing."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: 某馆\nyear: 明年\nsections:\n  - kind: text\n    title: 概况\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["render", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "year" in err and "应为整数" in err and "expected a whole number" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command is a usage error with exit code 2."""
    assert main(["bogus"]) == 2
    assert "usage" in capsys.readouterr().err


def test_default_output_name_follows_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the document is REPORT's name with .docx, in the current folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(EXAMPLE)]) == 0
    assert (tmp_path / "qufu_2020.docx").is_file()


def test_console_run_shows_no_traceback(tmp_path: Path) -> None:
    """`python -m annual_docx` on a missing file prints a clear message, exit 1, and no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "annual_docx", "render", str(tmp_path / "missing.yaml")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "not found" in result.stderr and "Traceback" not in result.stderr
