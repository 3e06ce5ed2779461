"""Tests of `annual-docx render-all`: many reports, failures reported and skipped, progress, summary, exit code."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from annual_docx._output import _batch
from annual_docx.cli import main

from .conftest import EXAMPLE, small_report
from .seedcheck import missing_lines


class TerminalStream(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def write_report(folder: Path, name: str, **overrides: object) -> Path:
    """Write a small valid report (or one with ``overrides``) as JSON and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(small_report(**overrides), ensure_ascii=False), encoding="utf-8")
    return path


def seed_copy(folder: Path, name: str) -> Path:
    """Copy the example report and its pictures into ``folder`` under ``name``."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "images").exists():
        shutil.copytree(EXAMPLE.parent / "images", folder / "images")
    path = folder / name
    shutil.copy(EXAMPLE, path)
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_report_is_rendered_and_the_summary_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """All good reports are written into OUTDIR (created) in-process or in worker processes; exit 0."""
    reports = [seed_copy(tmp_path / "in", "qufu.yaml"), write_report(tmp_path / "in", "county.json")]
    out_dir = tmp_path / "out" / "2020"
    code = main(["render-all", *map(str, reports), "-o", str(out_dir), "--jobs", jobs])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert sorted(p.name for p in out_dir.iterdir()) == ["county.docx", "qufu.docx"]
    assert missing_lines(out_dir / "qufu.docx") == []
    assert "2 成功 / ok, 0 失败 / failed" in captured.out


def test_a_failing_report_is_named_with_its_error_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad report fails with its file and field named; the good ones are still written; exit 1."""
    good_a = write_report(tmp_path, "a.json")
    bad = write_report(tmp_path, "bad.json", year="明年")
    good_b = write_report(tmp_path, "b.json")
    missing = tmp_path / "missing.yaml"
    out_dir = tmp_path / "out"
    code = main(["render-all", str(good_a), str(bad), str(missing), str(good_b), "-o", str(out_dir), "-j", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.docx", "b.docx"]
    assert "2 成功 / ok, 2 失败 / failed" in captured.out
    failure = captured.err.split(f"失败 / FAILED {bad}", 1)[1]
    assert "year" in failure.split("\n[")[0] and "应为整数" in failure
    assert f"失败 / FAILED {missing}" in captured.err and "not found" in captured.err
    assert "Traceback" not in captured.err


def test_progress_is_one_plain_line_per_report_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a terminal, stderr gets `[n/total]` lines, one per report, and no carriage returns."""
    reports = [write_report(tmp_path, f"r{i}.json") for i in range(3)]
    assert main(["render-all", *map(str, reports), "-o", str(tmp_path / "out"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in lines] == ["[1/3", "[2/3", "[3/3"]
    assert all("成功 / ok" in line and line.endswith(".docx") for line in lines)
    assert "\r" not in err


def test_progress_is_a_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """On a terminal, stderr gets a progress bar that reaches total, with the failure printed above it."""
    terminal = TerminalStream()
    monkeypatch.setattr(sys, "stderr", terminal)
    reports = [write_report(tmp_path, "good.json"), write_report(tmp_path, "bad.json", year="明年")]
    assert main(["render-all", *map(str, reports), "-o", str(tmp_path / "out"), "-j", "1"]) == 1
    err = terminal.getvalue()
    assert "\r" in err and "2/2" in err and "100%" in err
    assert f"失败 / FAILED {reports[1]}" in err
    assert "1 成功 / ok, 1 失败 / failed" in capsys.readouterr().out


def test_reports_that_would_write_the_same_file_fail_and_name_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two reports with the same name in different folders both fail instead of overwriting each other."""
    first = write_report(tmp_path / "county_a", "2020.json")
    second = write_report(tmp_path / "county_b", "2020.json")
    other = write_report(tmp_path, "other.json")
    code = main(["render-all", str(first), str(second), str(other), str(first), "-o", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["other.docx"]
    assert str(first) in captured.err and str(second) in captured.err
    assert "1 成功 / ok, 2 失败 / failed" in captured.out  # the report named twice counts once


def test_outcomes_come_back_in_the_order_given(tmp_path: Path) -> None:
    """render_all returns one outcome per distinct report, in the order of the arguments."""
    reports = [write_report(tmp_path, f"{name}.json") for name in ("c", "a", "b")]
    outcomes = _batch.render_all(reports, tmp_path / "out", jobs=2)
    assert [o.report for o in outcomes] == reports
    assert all(o.ok and o.out.is_file() and o.seconds > 0 for o in outcomes)


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--jobs", "many"], []])
def test_bad_jobs_or_missing_output_dir_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """--jobs must be a positive whole number and -o is required: otherwise exit 2."""
    report = write_report(tmp_path, "r.json")
    out = ["-o", str(tmp_path / "out")] if args else []
    assert main(["render-all", str(report), *out, *args]) == 2
    assert "usage" in capsys.readouterr().err


def test_output_dir_that_cannot_be_created_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An OUTDIR blocked by a file is a clear error naming the folder, exit 1."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["render-all", str(write_report(tmp_path, "r.json")), "-o", str(blocker / "out")]) == 1
    err = capsys.readouterr().err
    assert "无法创建输出目录" in err and str(blocker / "out") in err and "Traceback" not in err


@pytest.mark.libreoffice
def test_pdf_flag_exports_each_document_to_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`render-all --pdf` writes a PDF beside each .docx, through LibreOffice, in worker processes."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    reports = [write_report(tmp_path / "in", "a.json"), write_report(tmp_path / "in", "b.json", organisation="乙县馆")]
    out_dir = tmp_path / "out"
    code = main(["render-all", *map(str, reports), "-o", str(out_dir), "--jobs", "2", "--pdf"])
    assert code == 0, capsys.readouterr()
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.docx", "a.pdf", "b.docx", "b.pdf"]
    assert (out_dir / "b.pdf").read_bytes().startswith(b"%PDF")
