"""annual_docx: an organisation's annual report, written as data, rendered as a GB/T 9704-2012 Word document.

>>> import annual_docx
>>> report = annual_docx.load("examples/qufu_2020.yaml")      # doctest: +SKIP
>>> annual_docx.lint(report)                                   # doctest: +SKIP
>>> annual_docx.render(report, "qufu_2020.docx")              # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from annual_docx.errors import (
    AnnualDocxError,
    ChartError,
    DocumentError,
    FontWarning,
    ImageError,
    InputError,
    OutputError,
    Problem,
    ReportValidationError,
    TemplateError,
    ToolError,
)

if TYPE_CHECKING:
    from annual_docx._atomic import write_file
    from annual_docx._import import Imported, import_docx, import_report, import_to_yaml
    from annual_docx._model.lint import lint
    from annual_docx._model.report_kind import ReportKind
    from annual_docx._numbers import CountStyle, change_phrase
    from annual_docx._ooxml.reader import Limits
    from annual_docx._output._authoring import (
        StarterKind,
        TemplateCheck,
        check_template,
        json_schema,
        starter_report,
    )
    from annual_docx._output._batch import Outcome, render_all
    from annual_docx._output._check import Findings, check
    from annual_docx._output._check_kind import CheckKind
    from annual_docx._output._finding import Finding, Severity
    from annual_docx._output._fontreport import FontReport, font_report
    from annual_docx._output._pdf import preview, to_pdf
    from annual_docx._output._render import Grid, default_template, render
    from annual_docx._report_kinds import load, load_with_warnings, validate
    from annual_docx.govinfo import GovinfoReport
    from annual_docx.schema import (
        Award,
        AwardsSection,
        Breakdown,
        ChartFont,
        ChartSection,
        ContentSection,
        OrgChartSection,
        OrgUnit,
        PartyBranch,
        PartySection,
        PersonnelSection,
        PhotoSection,
        Picture,
        Report,
        Role,
        TextSection,
        WorkItem,
        WorkItemsSection,
    )

_LAZY = {  # public name -> the module that defines it, imported the first time the name is used
    "Award": ".schema",
    "AwardsSection": ".schema",
    "Breakdown": ".schema",
    "ChartFont": ".schema",
    "ChartSection": ".schema",
    "CheckKind": "._output._check_kind",
    "ContentSection": ".schema",
    "CountStyle": "._numbers",
    "Finding": "._output._finding",
    "Findings": "._output._check",
    "FontReport": "._output._fontreport",
    "GovinfoReport": ".govinfo",
    "Grid": "._output._render",
    "Imported": "._import",
    "Limits": "._ooxml.reader",
    "OrgChartSection": ".schema",
    "OrgUnit": ".schema",
    "Outcome": "._output._batch",
    "PartyBranch": ".schema",
    "PartySection": ".schema",
    "PersonnelSection": ".schema",
    "PhotoSection": ".schema",
    "Picture": ".schema",
    "Report": ".schema",
    "ReportKind": "._model.report_kind",
    "Role": ".schema",
    "Severity": "._output._finding",
    "StarterKind": "._output._authoring",
    "TemplateCheck": "._output._authoring",
    "TextSection": ".schema",
    "WorkItem": ".schema",
    "WorkItemsSection": ".schema",
    "change_phrase": "._numbers",
    "check": "._output._check",
    "check_template": "._output._authoring",
    "default_template": "._output._render",
    "font_report": "._output._fontreport",
    "import_docx": "._import",
    "import_report": "._import",
    "import_to_yaml": "._import",
    "json_schema": "._output._authoring",
    "lint": "._model.lint",
    "load": "._report_kinds",
    "load_with_warnings": "._report_kinds",
    "preview": "._output._pdf",
    "render": "._output._render",
    "render_all": "._output._batch",
    "starter_report": "._output._authoring",
    "to_pdf": "._output._pdf",
    "validate": "._report_kinds",
    "write_file": "._atomic",
}

__version__ = "0.1.0"

__all__ = [
    "AnnualDocxError",
    "Award",
    "AwardsSection",
    "Breakdown",
    "ChartError",
    "ChartFont",
    "ChartSection",
    "CheckKind",
    "ContentSection",
    "CountStyle",
    "DocumentError",
    "Finding",
    "Findings",
    "FontReport",
    "FontWarning",
    "GovinfoReport",
    "Grid",
    "ImageError",
    "Imported",
    "InputError",
    "Limits",
    "OrgChartSection",
    "OrgUnit",
    "Outcome",
    "OutputError",
    "PartyBranch",
    "PartySection",
    "PersonnelSection",
    "PhotoSection",
    "Picture",
    "Problem",
    "Report",
    "ReportKind",
    "ReportValidationError",
    "Role",
    "Severity",
    "StarterKind",
    "TemplateCheck",
    "TemplateError",
    "TextSection",
    "ToolError",
    "WorkItem",
    "WorkItemsSection",
    "__version__",
    "change_phrase",
    "check",
    "check_template",
    "default_template",
    "font_report",
    "import_docx",
    "import_report",
    "import_to_yaml",
    "json_schema",
    "lint",
    "load",
    "load_with_warnings",
    "preview",
    "render",
    "render_all",
    "starter_report",
    "to_pdf",
    "validate",
    "write_file",
]


def __getattr__(name: str) -> Any:
    """Import the module behind a public name the first time it is used: ``import annual_docx`` stays cheap and a
    command-line render loads no compliance checker, importer or PDF code (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'annual_docx' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
