"""Errors raised by annual_docx.

Every error the library raises on purpose derives from one root, so a caller can catch them all::

    AnnualDocxError
    ├── InputError            the report file cannot be read or parsed (missing, not UTF-8, bad YAML/JSON)
    │   └── DocumentError     a .docx from outside cannot be read (not a zip, encrypted, Strict, .doc, too large…)
    ├── ReportValidationError the data does not fit the report schema (carries every problem at once)
    ├── TemplateError         the Word template is missing, not a .docx, or its tags fail to render
    ├── ChartError            a chart cannot be drawn (no font covers a character, bad data)
    ├── ImageError            a picture named in the report is missing or unreadable
    ├── OutputError           the .docx cannot be written where asked
    └── ToolError             an outside program (LibreOffice, pdftoppm) is missing, fails or times out

A PDF export warns with ``FontWarning`` (a ``UserWarning``, not an error) when no installed font of an official face
has a character of the document.

Messages meant for end users are in Chinese with the English beside it.
"""

from __future__ import annotations

from dataclasses import dataclass


class AnnualDocxError(Exception):
    """Root of every error annual_docx raises on purpose."""


class InputError(AnnualDocxError):
    """Raise when a report file cannot be read or parsed."""


class DocumentError(InputError):
    """Raise when a Word document or template from outside cannot be read: the message names the file and the part
    and says what to do (``annual-docx check`` exits 3 on it)."""


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (``sections[3].items[1].title``), what is wrong and, for a lint warning, its code
    (``W-YEAR``, see :data:`annual_docx.schema_lint.LINT_CODES`)."""

    path: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{text} [{self.code}]" if self.code else text


class ReportValidationError(AnnualDocxError):
    """Raise when report data does not fit the schema; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        lines = [f"{where}报告数据有 {len(problems)} 处错误 / the report has {len(problems)} error(s):"]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))


class TemplateError(AnnualDocxError):
    """Raise when the Word template is missing, invalid, or fails to render."""


class ChartError(AnnualDocxError):
    """Raise when a chart cannot be drawn from the data given."""


class ImageError(AnnualDocxError):
    """Raise when a picture named in the report cannot be used."""


class OutputError(AnnualDocxError):
    """Raise when the output document cannot be written."""


class ToolError(AnnualDocxError):
    """Raise when an outside program the library runs (LibreOffice, pdftoppm) is missing, fails or times out."""


class FontWarning(UserWarning):
    """A PDF export could not draw a character in its official face: no installed font of that face has it."""
