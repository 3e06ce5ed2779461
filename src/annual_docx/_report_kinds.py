"""The kinds of report data, told apart by ``kind:``: an ordinary :class:`~annual_docx.schema.Report`, or a
政府信息公开工作年度报告 (``kind: govinfo``, :mod:`annual_docx.govinfo`). :func:`validate` is the one place that picks
the model; everything after it asks the report itself through the :class:`~annual_docx.ReportKind` protocol.

This sits in the layer of the report kinds, above the input stage whose reader (``_input._load.parse``) and
ordinary validation (``_input._load.validate_report``) it calls, so the input stage knows no kind but the ordinary one.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annual_docx._input import _report_cache
from annual_docx._input._encoding import read_report
from annual_docx._model.schema_parts import checked_files

if TYPE_CHECKING:
    from annual_docx._model.report_kind import ReportKind
    from annual_docx.errors import Problem


def load(path: str | Path, *, check_pictures: bool = False) -> ReportKind:
    """Return the :class:`Report` (or, with ``kind: govinfo``, the 政府信息公开工作年度报告) in the YAML or JSON file at
    ``path``; relative picture paths resolve against its folder. ``check_pictures`` also opens every picture as a
    render would (see :func:`validate`). An unchanged ordinary report comes from the validated-report cache
    (``_input/_report_cache.py``) as validation would give it."""
    report = _load(Path(path), lint=False)[0]
    _check_pictures(report, check_pictures)
    return report


def load_with_warnings(path: str | Path, *, check_pictures: bool = False) -> tuple[ReportKind, list[Problem]]:
    """Return what :func:`load` gives for ``path`` and the report's consistency warnings (what
    :func:`annual_docx.lint` gives for it); an unchanged ordinary report and its warnings come from the
    validated-report cache, so neither is worked out again."""
    report, warnings = _load(Path(path), lint=True)
    _check_pictures(report, check_pictures)
    return report, warnings if warnings is not None else report.lint_warnings()


def _load(path: Path, *, lint: bool) -> tuple[ReportKind, list[Problem] | None]:
    """Return the report in the file at ``path`` and, with ``lint``, its warnings: from the cache when it holds
    them, else validated (and linted) and kept."""
    raw = read_report(path)
    entry = _report_cache.fetch_entry(path, raw)
    if entry is not None and (entry.warnings is not None or not lint):
        return entry.report, entry.warnings
    if entry is not None:  # validated before, never linted
        report: ReportKind = entry.report
        files = list(entry.files)
    else:
        noted: list[Path] = []
        token = checked_files.set(noted)
        try:
            from annual_docx._input._load import parse_bytes  # YAML and JSON load only on a miss

            report = validate(parse_bytes(path, raw), source=str(path), base_dir=path.parent)
        finally:
            checked_files.reset(token)
        files = [str(file) for file in noted]
    warnings = report.lint_warnings() if lint else None
    if isinstance(report, _report_cache.Report):
        _report_cache.keep_entry(path, raw, _report_cache.Entry(report, warnings, tuple(files)))
    return report, warnings


def _check_pictures(report: ReportKind, check: bool) -> None:
    if check:
        from annual_docx._input._images import prepare_pictures

        prepare_pictures(report.as_report())


def validate(
    data: Mapping[str, Any], *, source: str | None = None, base_dir: Path | None = None, check_pictures: bool = False
) -> ReportKind:
    """Return ``data`` as a :class:`Report` (a :class:`GovinfoReport` with ``kind: govinfo``), or raise
    :class:`ReportValidationError` listing every problem. With ``check_pictures`` every picture is also read and
    decoded as a render would, raising :class:`ImageError` (its ``path`` names the field) on the first bad one."""
    report: ReportKind
    if data.get("kind") == "govinfo":
        from annual_docx.govinfo import validate as validate_govinfo

        report = validate_govinfo(data, source=source, base_dir=base_dir)
    else:
        from annual_docx._input._load import validate_report

        report = validate_report(data, source=source, base_dir=base_dir)
    if check_pictures:
        from annual_docx._input._images import prepare_pictures

        prepare_pictures(report.as_report())
    return report
