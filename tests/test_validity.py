"""Every document we produce passes openxml-audit (the Open XML SDK's validation rules) without errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

import annual_docx

from .conftest import small_report

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "report_template.docx"


def errors(path: Path) -> list[str]:
    """Return openxml-audit's error messages for the document at ``path``."""
    return [str(e) for e in OpenXmlValidator().validate(path).errors]


def test_rendered_example_has_no_validation_errors(example_docx: Path) -> None:
    """The rendered 曲阜市图书馆 report opens cleanly by the SDK's rules."""
    assert errors(example_docx) == []


def test_template_has_no_validation_errors() -> None:
    """The bundled template itself is valid."""
    assert errors(TEMPLATE) == []


@pytest.mark.parametrize("title", [None, "2020年度曲阜市图书馆关于全省公共图书馆数字化评估推广项目工作情况的报告"])
def test_small_report_with_signature_and_long_title_is_valid(tmp_path: Path, title: str | None) -> None:
    """A report with a 落款 and a two-line title (a line break in the title) is valid too."""
    data = small_report(signature="某县图书馆", date="2021-01-05")
    if title:
        data["title"] = title
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "r.docx")
    assert errors(out) == []
