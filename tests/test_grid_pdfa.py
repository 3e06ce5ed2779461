"""The line grid LibreOffice lays out like Word (render grid="portable", --grid portable) and PDF/A-2b export
(to_pdf pdf_a=True, --pdf-a)."""

from __future__ import annotations

import collections
import re
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest

import annual_docx
from annual_docx.cli import main

from .conftest import ROOT, require_tools
from .pdfpage import PT_PER_MM, full_line_chars, is_full_text_page, read_pages


def _soffice_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert ``docx`` with plain LibreOffice (no copy step, no fontconfig file of ours) and return the PDF."""
    profile = out_dir / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   capture_output=True, check=True, timeout=300)
    return out_dir / (docx.stem + ".pdf")


@pytest.mark.libreoffice
def test_portable_grid_docx_opened_by_libreoffice_lays_22_by_28(example_report: annual_docx.Report,
                                                                  tmp_path: Path) -> None:
    """render(grid="portable") writes a line grid with the text condensed 0.25 pt; plain LibreOffice (no copy step,
    no font mapping) lays 22 lines of 28 characters; 28 × 15.75 pt = 441 pt also fits Word's 442.25 pt line."""
    require_tools("soffice", "pdftotext")
    docx = annual_docx.render(example_report, tmp_path / "portable.docx", grid="portable")
    with zipfile.ZipFile(docx) as zf:
        document, styles = zf.read("word/document.xml").decode(), zf.read("word/styles.xml").decode()
    assert 'w:type="lines"' in document and "w:charSpace" not in document and "linesAndChars" not in document
    assert re.search(r'<w:rPrDefault><w:rPr>.*?<w:spacing w:val="-5"/>', styles)
    assert 28 * (16 - 0.25) <= 442.25 < 29 * (16 - 0.25)
    pages = read_pages(_soffice_pdf(docx, tmp_path))
    full = [p for p in pages[:-1] if is_full_text_page(p)]
    assert len(full) >= 2 and [len(p.body) for p in full] == [22] * len(full)
    counts = collections.Counter(full_line_chars(pages, left=28 * PT_PER_MM))
    assert sum(counts.values()) >= 10 and set(counts) == {28}, counts


def test_default_grid_stays_words_and_a_bad_grid_is_refused(example_report: annual_docx.Report,
                                                           tmp_path: Path) -> None:
    """Without grid= the document keeps Word's linesAndChars grid; an unknown grid is an OutputError, no file."""
    docx = annual_docx.render(example_report, tmp_path / "word.docx")
    assert 'w:type="linesAndChars"' in zipfile.ZipFile(docx).read("word/document.xml").decode()
    with pytest.raises(annual_docx.OutputError, match="portable"):
        annual_docx.render(example_report, tmp_path / "bad.docx", grid="lines")
    assert not (tmp_path / "bad.docx").exists()


@pytest.mark.libreoffice
def test_pdf_a_carries_the_identification_and_embeds_every_font(example_docx: Path, tmp_path: Path) -> None:
    """to_pdf(pdf_a=True): XMP says pdfaid:part 2, conformance B; pdffonts shows every font embedded."""
    require_tools("soffice", "pdfinfo", "pdffonts")
    pdf = annual_docx.to_pdf(example_docx, tmp_path / "a.pdf", pdf_a=True)
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"pdfaid:part(>|=\")2", meta) and re.search(r"pdfaid:conformance(>|=\")B", meta), meta
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [row.split() for row in listing.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" for row in rows), listing
    plain = subprocess.run(["pdfinfo", "-meta", str(annual_docx.to_pdf(example_docx, tmp_path / "p.pdf"))],
                           capture_output=True, text=True, check=True).stdout
    assert "pdfaid" not in plain


@pytest.mark.libreoffice
def test_cli_pdf_a_and_portable_grid(tmp_path: Path) -> None:
    """render --pdf-a --grid portable writes the .docx with a line grid and a PDF/A beside it."""
    require_tools("soffice", "pdfinfo")
    out = tmp_path / "r.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["render", str(ROOT / "examples" / "qufu_2020.yaml"), "-o", str(out), "--pdf-a",
                     "--grid", "portable"]) == 0
    assert 'w:type="lines"' in zipfile.ZipFile(out).read("word/document.xml").decode()
    meta = subprocess.run(["pdfinfo", "-meta", str(out.with_suffix(".pdf"))], capture_output=True, text=True,
                          check=True).stdout
    assert "pdfaid" in meta


def test_check_counts_28_characters_on_the_portable_grid(example_report: annual_docx.Report, tmp_path: Path) -> None:
    """The checker reads the condensed spacing of a portable document: 442.25 / 15.75 → 28, every row passes; the
    same line grid without the condensing would give 27 (442.25 / 16)."""
    docx = annual_docx.render(example_report, tmp_path / "portable.docx", grid="portable")
    findings = annual_docx.check(docx)
    assert all(f.ok for f in findings), [f for f in findings if not f.ok]
    row = next(f for f in findings if f.item.startswith("每行字数"))
    assert row.found.endswith("→ 28") and "-0.25" in row.found
