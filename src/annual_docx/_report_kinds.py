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

from annual_docx._input._load import parse, validate_report

if TYPE_CHECKING:
    from annual_docx._model.report_kind import ReportKind


def load(path: str | Path, *, check_pictures: bool = False) -> ReportKind:
    """Return the :class:`Report` (or, with ``kind: govinfo``, the 政府信息公开工作年度报告) in the YAML or JSON file at
    ``path``; relative picture paths resolve against its folder. ``check_pictures`` also opens every picture as a
    render would (see :func:`validate`)."""
    path = Path(path)
    data = parse(path)
    return validate(data, source=str(path), base_dir=path.parent, check_pictures=check_pictures)


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
        report = validate_report(data, source=source, base_dir=base_dir)
    if check_pictures:
        from annual_docx._input._images import prepare_pictures

        prepare_pictures(report.as_report())
    return report
