"""Report kinds through one protocol: the stages take any :class:`ReportKind` (a Report, a GovinfoReport, or a
kind added later) and ask it for the Report it renders as and for its warnings; no signature spells the kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx
from annual_docx import GovinfoReport, InputError, Report, ReportKind
from annual_docx.errors import Problem

from .conftest import small_report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class Letter:
    """A report kind the library does not know: a letter that renders as a one-section Report."""

    def __init__(self, text: str) -> None:
        self.report = annual_docx.validate(small_report(opening=[text]))

    def as_report(self) -> Report:
        assert isinstance(self.report, Report)
        return self.report

    def lint_warnings(self, *, silenced: bool = False) -> list[Problem]:
        return [Problem("text", "a letter's own warning", "W-LETTER"), *self.report.lint_warnings(silenced=silenced)]


def test_both_kinds_follow_the_protocol() -> None:
    """Report and GovinfoReport are ReportKinds; a govinfo report renders as its converted Report."""
    plain = annual_docx.load(EXAMPLES / "culture_centre.yaml")
    govinfo = annual_docx.load(EXAMPLES / "govinfo_2024.yaml")
    assert isinstance(plain, Report) and isinstance(plain, ReportKind) and plain.as_report() is plain
    assert isinstance(govinfo, GovinfoReport) and isinstance(govinfo, ReportKind)
    converted = govinfo.as_report()
    assert isinstance(converted, Report) and converted.full_title == govinfo.full_title
    assert not isinstance({"organisation": "某馆"}, ReportKind)


def test_a_new_report_kind_renders_and_lints_through_the_protocol() -> None:
    """A kind defined outside the library renders exactly as the Report it stands for and lints with its own
    warnings, without any signature naming it."""
    letter = Letter("开头段落。")
    assert annual_docx.render(letter) == annual_docx.render(letter.as_report())
    codes = [p.code for p in annual_docx.lint(letter)]
    assert codes[0] == "W-LETTER"
    assert codes[1:] == [p.code for p in annual_docx.lint(letter.as_report())]


def test_what_is_no_report_is_a_clear_error() -> None:
    """Neither a mapping nor a ReportKind: an InputError naming what was given."""
    with pytest.raises(InputError, match=r"not report data.*int"):
        annual_docx.render(42)  # type: ignore[call-overload]
