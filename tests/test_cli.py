"""Tests of the command line, in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annual_docx.cli import main

from .conftest import EXAMPLE, small_report
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


def test_validate_prints_warnings_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """`validate` on the seed prints both lint warnings with their paths and exits 0."""
    assert main(["validate", str(EXAMPLE)]) == 0
    captured = capsys.readouterr()
    assert "警告 / warning: sections[3].breakdowns[0].paragraphs[0]:" in captured.err and "2018" in captured.err
    assert "警告 / warning: opening[0]:" in captured.err
    assert "2 warning(s)" in captured.out


def test_validate_strict_turns_warnings_into_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """`validate --strict` reports the same findings as errors and exits 1."""
    assert main(["validate", "--strict", str(EXAMPLE)]) == 1
    err = capsys.readouterr().err
    assert err.count("错误 / error:") == 2 and "--strict" in err


def test_validate_clean_report_strict_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A consistent report passes even under --strict and writes no document."""
    report = tmp_path / "ok.json"
    report.write_text(json.dumps(small_report(), ensure_ascii=False), encoding="utf-8")
    assert main(["validate", "--strict", str(report)]) == 0
    assert "0 warning(s)" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == [report]


def test_render_shows_lint_warnings_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`render` prints the same warnings on stderr and still writes the document with exit 0."""
    out = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    assert "2018" in capsys.readouterr().err
    assert out.is_file()


def test_validate_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """`validate` without a report is a usage error."""
    assert main(["validate"]) == 2
    assert "usage" in capsys.readouterr().err
