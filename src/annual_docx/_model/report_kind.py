"""The one protocol every kind of report data follows, so that the stages take "a report" without spelling each
kind in their signatures.

A :class:`~annual_docx.schema.Report` is the ordinary kind; a report of another kind (``kind: govinfo``, the
政府信息公开工作年度报告) has its own model and becomes a Report to render. Loading (``_report_kinds.validate``) picks
the model by ``kind``; everything after it asks the report itself: :meth:`ReportKind.as_report` for the Report it
renders as, :meth:`ReportKind.lint_warnings` for its warnings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from annual_docx.errors import Problem
    from annual_docx.schema import Report


@runtime_checkable
class ReportKind(Protocol):
    """A report of any kind: what rendering, linting, importing and the JSON Schema need of it."""

    def as_report(self) -> Report:
        """Return the ordinary Report this report renders as (a Report returns itself)."""
        ...

    def lint_warnings(self, *, silenced: bool = False) -> list[Problem]:
        """Return its consistency warnings with their field paths; ``silenced=True`` keeps those its ``lint:``
        settings silence."""
        ...
