"""The 政府信息公开工作年度报告 (government information disclosure annual report) in the national format of
国办公开办函〔2021〕30号: six sections, tables 二、三、四 with the national labels, their arithmetic relations checked.

A report file with ``kind: govinfo`` loads as a :class:`GovinfoReport`; it renders like any report (it becomes a
:class:`~annual_docx.schema.Report` whose sections carry the prose and the three tables).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annual_docx._model.report_kind import ReportKind
from annual_docx.errors import InputError, Problem, ReportValidationError
from annual_docx.govinfo.convert import to_report
from annual_docx.govinfo.lint import govinfo_path, lint
from annual_docx.govinfo.model import Figures, GovinfoReport
from annual_docx.govinfo.relations import relations
from annual_docx.govinfo.workbook import read_workbook, workbook_bytes
from annual_docx.schema import Report

TABLE_FIELDS = ("proactive", "requests", "reviews")

__all__ = ["Figures", "GovinfoReport", "as_report", "lint", "read_workbook", "relations", "to_report", "validate",
           "workbook_bytes"]


def validate(data: Mapping[str, Any], *, source: str | None = None, base_dir: Path | None = None) -> GovinfoReport:
    """Return ``data`` as a :class:`GovinfoReport` whose tables satisfy every relation, or raise
    :class:`ReportValidationError` listing every problem (numbers from ``workbook`` when it is given)."""
    from annual_docx._input._load_errors import problems as schema_problems

    data = dict(data)
    book = data.get("workbook")
    if book is not None:
        given = [f for f in TABLE_FIELDS if f in data]
        if given:
            raise ReportValidationError([Problem("workbook", (
                f"已指定工作簿，不能再填写 {', '.join(given)} / with a workbook, leave out {', '.join(given)}"))],
                source=source)
        path = Path(str(book))
        path = base_dir / path if base_dir is not None and not path.is_absolute() else path
        try:
            data.update(read_workbook(path))
        except InputError as exc:
            raise ReportValidationError([Problem("workbook", str(exc))], source=source) from None
    try:
        report = GovinfoReport.model_validate(data, context={"base_dir": base_dir})
    except ValidationError as exc:
        raise ReportValidationError(schema_problems(exc.errors(), GovinfoReport), source=source) from None
    problems = relations(report, source=report.workbook.name if report.workbook else None)
    if problems:
        raise ReportValidationError(problems, source=source)
    try:  # what only the whole report can check (e.g. sections nested too deep) is found now, not when rendering
        to_report(report)
    except ValidationError as exc:
        raise ReportValidationError([_govinfo_path(p) for p in schema_problems(exc.errors())], source=source) from None
    return report


def _govinfo_path(found: Problem) -> Problem:
    """Return a problem of the converted report with the govinfo field its section comes from (a whole-report
    check puts the path at the start of its message)."""
    return Problem(govinfo_path(found.path), govinfo_path(found.message))


def as_report(report: ReportKind) -> Report:
    """Return ``report`` as a Report (a govinfo report converted, any other as it is): ``report.as_report()``."""
    return report.as_report()
