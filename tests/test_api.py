"""Tests of the public face: what annual_docx exports, and how cheap it is to import."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx

from .conftest import small_report

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
    for asset in ("index.html", "form.js", "editor.js", "editor.css"):  # the editor's page, no build step
        assert f"annual_docx/editor/static/{asset}" in names


def test_render_without_out_returns_the_docx_bytes(example_report: annual_docx.Report, example_docx: Path) -> None:
    """``render(report)`` — the call scripts use — returns the same bytes the path form writes."""
    data = annual_docx.render(example_report)
    assert isinstance(data, bytes)
    assert data == example_docx.read_bytes()


def test_render_writes_into_a_binary_file_object(example_report: annual_docx.Report, example_docx: Path) -> None:
    """A binary stream (a web response, an upload) receives the document; nothing is returned."""
    stream = io.BytesIO()
    assert annual_docx.render(example_report, stream) is None
    assert stream.getvalue() == example_docx.read_bytes()


def test_render_to_a_closed_stream_is_an_output_error(example_report: annual_docx.Report) -> None:
    """A stream that cannot be written gives the library's OutputError, not a raw ValueError."""
    stream = io.BytesIO()
    stream.close()
    with pytest.raises(annual_docx.OutputError):
        annual_docx.render(example_report, stream)


def test_render_accepts_a_plain_dict_and_validates_it() -> None:
    """A dict is validated like ``validate`` would; bad data is a ReportValidationError naming the field."""
    data = annual_docx.render(small_report())
    text = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "开头段落。" in text
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.render(small_report(year="明年"))
    assert "year" in str(caught.value)
