"""End-to-end: LibreOffice, the real client, opens the rendered example and exports it to PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def example_pdf(example_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the example converted to PDF by soffice --headless (skipped where soffice is absent, except on CI)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed: .ci/run must install libreoffice-writer")
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("lo")
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(example_docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = work / (example_docx.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return pdf


def pdf_text(pdf: Path, *args: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_libreoffice_exports_every_section(example_pdf: Path) -> None:
    """The PDF LibreOffice makes has the title and all six section headings."""
    text = pdf_text(example_pdf).replace(" ", "")
    for heading in ("2020年度曲阜市图书馆工作年报", "一、年度概况", "三、党组织架构", "六、获奖统计"):
        assert heading in text


def test_libreoffice_numbers_pages_with_dashes(example_pdf: Path) -> None:
    """Page 1 ends with — 1 — and page 2 with — 2 —: the even/odd PAGE fields work."""
    for page in (1, 2):
        lines = [ln.replace(" ", "") for ln in pdf_text(example_pdf, "-f", str(page), "-l", str(page)).splitlines()]
        assert [ln for ln in lines if ln.strip()][-1] == f"—{page}—"
