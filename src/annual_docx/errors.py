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
from pathlib import Path
from typing import Any


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
    (``W-YEAR``, see :data:`annual_docx._model.schema_lint.LINT_CODES`)."""

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


class _FieldError(AnnualDocxError):
    """An error at one field of the report: ``path`` (``sections[3].breakdowns[0]``, empty when unknown) is data,
    ``detail`` the message without it; ``str()`` is ``"path: detail"``. A ``root`` path names a field from the top of
    the report (``chart_font``): it is kept as it is when the error passes out through a section."""

    def __init__(self, detail: str, path: str = "", *, root: bool = False) -> None:
        self.detail = detail
        self.path = path
        self.root = root
        super().__init__(f"{self._where()}: {detail}" if path else detail)

    def _where(self) -> str:
        return self.path

    def __reduce__(self) -> tuple[Any, ...]:  # keeps path and detail across processes (render-all)
        return (_rebuild, (type(self), self.detail, dict(self.__dict__)))

    def under(self, field: str) -> _FieldError:
        """Return this error as seen from ``field``: its path joined on (``sections[3]`` + ``breakdowns[0]``)."""
        if self.root:
            return self
        error = _rebuild(type(self), self.detail, dict(self.__dict__))
        error.path = f"{field}.{self.path}" if self.path else field
        error.args = (f"{error._where()}: {self.detail}",)
        return error


def _rebuild(cls: type[_FieldError], detail: str, state: dict[str, Any]) -> _FieldError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = (f"{error._where()}: {detail}" if error.path else detail,)
    return error


class ChartError(_FieldError):
    """Raise when a chart cannot be drawn from the data given; ``path`` is the report field it comes from."""


class ImageError(_FieldError):
    """Raise when a picture named in the report cannot be used; ``path`` is the report field that names it,
    ``file`` the picture file (``None`` when not known)."""

    def __init__(self, detail: str, path: str = "", *, file: str | Path | None = None) -> None:
        self.file = file
        super().__init__(detail, path)

    def _where(self) -> str:
        return f"{self.path} ({self.file})" if self.file is not None else self.path


class OutputError(AnnualDocxError):
    """Raise when the output document cannot be written."""


class ToolError(AnnualDocxError):
    """Raise when an outside program the library runs (LibreOffice, pdftoppm) is missing, fails or times out."""


class FontWarning(UserWarning):
    """A PDF export could not draw a character in its official face: no installed font of that face has it."""
