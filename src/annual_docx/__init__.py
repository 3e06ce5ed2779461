"""annual_docx: an organisation's annual report, written as data, rendered as a GB/T 9704-2012 Word document.

>>> import annual_docx
>>> report = annual_docx.load("examples/qufu_2020.yaml")      # doctest: +SKIP
>>> annual_docx.lint(report)                                   # doctest: +SKIP
>>> annual_docx.render(report, "qufu_2020.docx")              # doctest: +SKIP
"""

from __future__ import annotations

from ._check import check
from ._finding import Finding
from ._import import import_docx, import_to_yaml
from ._lint import lint
from ._load import load, validate
from ._numbers import change_phrase
from ._ooxml.reader import Limits
from ._pdf import preview, to_pdf
from ._render import default_template, render
from .errors import (
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
from .govinfo import GovinfoReport
from .schema import (
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

__version__ = "0.1.0"

__all__ = [
    "AnnualDocxError",
    "Award",
    "AwardsSection",
    "Breakdown",
    "ChartError",
    "ChartFont",
    "ChartSection",
    "ContentSection",
    "DocumentError",
    "Finding",
    "FontWarning",
    "GovinfoReport",
    "ImageError",
    "InputError",
    "Limits",
    "OrgChartSection",
    "OrgUnit",
    "OutputError",
    "PartyBranch",
    "PartySection",
    "PersonnelSection",
    "PhotoSection",
    "Picture",
    "Problem",
    "Report",
    "ReportValidationError",
    "Role",
    "TemplateError",
    "TextSection",
    "ToolError",
    "WorkItem",
    "WorkItemsSection",
    "__version__",
    "change_phrase",
    "check",
    "default_template",
    "import_docx",
    "import_to_yaml",
    "lint",
    "load",
    "preview",
    "render",
    "to_pdf",
    "validate",
]
