"""Tests of the public face: what annual_docx exports, and how cheap it is to import."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import annual_docx

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_sorted_and_exported() -> None:
    """__all__ is sorted, and every name in it exists."""
    assert annual_docx.__all__ == sorted(annual_docx.__all__)
    assert all(hasattr(annual_docx, name) for name in annual_docx.__all__)


def test_every_error_derives_from_the_root() -> None:
    """Catching AnnualDocxError catches every error the library raises on purpose."""
    errors = [getattr(annual_docx, n) for n in annual_docx.__all__ if n.endswith("Error")]
    assert len(errors) >= 6
    assert all(issubclass(e, annual_docx.AnnualDocxError) for e in errors)


def test_import_does_not_load_matplotlib_or_pyplot() -> None:
    """`import annual_docx` stays light: no matplotlib, no docxtpl until a report is rendered."""
    code = (
        "import sys, annual_docx;"
        "print(sorted(m for m in ('matplotlib', 'matplotlib.pyplot', 'docxtpl') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_wheel_carries_the_template_and_type_marker(tmp_path: Path) -> None:
    """The built wheel contains the Word template and py.typed, so a plain `pip install .` can render."""
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("annual_docx-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "annual_docx/templates/report_template.docx" in names
    assert "annual_docx/py.typed" in names
    assert any(n.endswith("entry_points.txt") for n in names)
