"""Tests of PDF export and PNG preview: the API, the CLI, missing tools, the fontconfig mapping."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import annual_docx
from annual_docx._pdf import fontconfig_file
from annual_docx.cli import main

ROOT = Path(__file__).resolve().parent.parent
needs_lo = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
    reason="LibreOffice or poppler-utils is not installed",
)


def test_missing_soffice_is_a_clear_error(example_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without soffice on PATH, to_pdf raises ToolError saying which package to install."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(annual_docx.ToolError, match="libreoffice-writer"):
        annual_docx.to_pdf(example_docx, tmp_path / "out.pdf")


def test_cli_pdf_without_soffice_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """render --pdf without LibreOffice writes the .docx, then exits 1 with the install hint (no traceback)."""
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "r.docx"
    assert main(["render", str(ROOT / "examples" / "qufu_2020.yaml"), "-o", str(out), "--pdf"]) == 1
    assert out.is_file()
    err = capsys.readouterr().err
    assert "soffice" in err and "Traceback" not in err


def test_to_pdf_of_a_missing_file_is_an_output_error(tmp_path: Path) -> None:
    """A .docx that does not exist is reported by name."""
    with pytest.raises(annual_docx.OutputError, match=r"none\.docx"):
        annual_docx.to_pdf(tmp_path / "none.docx", tmp_path / "none.pdf")


def test_fontconfig_file_maps_every_official_face() -> None:
    """The shipped fontconfig file names a stand-in for each face the template uses and includes the system one."""
    text = fontconfig_file().read_text(encoding="utf-8")
    for face, stand_in in (("仿宋_GB2312", "FandolFang"), ("楷体_GB2312", "FandolKai"), ("黑体", "FandolHei"),
                           ("宋体", "FandolSong"), ("方正小标宋简体", "Noto Serif CJK SC")):
        block = text[text.index(f"<string>{face}</string>"):]
        assert block[: block.index("</match>")].count(f"<string>{stand_in}</string>") == 1
    assert "/etc/fonts/fonts.conf" in text


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools are not installed")
def test_fontconfig_file_resolves_fangsong_to_fandol_when_installed() -> None:
    """fc-match with our file turns 仿宋_GB2312 into FandolFang where Fandol is installed, else some CJK face."""
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}
    found = subprocess.run(["fc-match", "-f", "%{family}", "仿宋_GB2312"], capture_output=True, text=True,
                           env=env, check=True).stdout
    installed = subprocess.run(["fc-list", "FandolFang"], capture_output=True, text=True, check=True).stdout
    assert ("FandolFang" in found) if installed.strip() else ("CJK" in found or "Fandol" in found)


@pytest.mark.libreoffice
@needs_lo
def test_cli_render_pdf_and_preview_write_files(tmp_path: Path) -> None:
    """render --pdf writes the PDF beside the .docx; preview writes one PNG per page, in page order."""
    out = tmp_path / "r.docx"
    assert main(["render", str(ROOT / "examples" / "qufu_2020.yaml"), "-o", str(out), "--pdf"]) == 0
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["preview", str(pdf), "-o", str(tmp_path / "pages"), "--dpi", "30"]) == 0
    pages = sorted((tmp_path / "pages").glob("r-*.png"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert len(pages) == count and all(p.read_bytes().startswith(b"\x89PNG") for p in pages)


@pytest.mark.libreoffice
@needs_lo
def test_pdf_keeps_pictures_lossless(tmp_path: Path, example_docx: Path) -> None:
    """Charts reach the PDF as Flate (PNG-like) images, not re-encoded as JPEG."""
    pdf = annual_docx.to_pdf(example_docx, tmp_path / "x.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    charts = [row for row in rows if row[2] == "image" and row[12] == "300"]  # charts are drawn at 300 dpi
    assert len(charts) >= 3 and all(row[8] == "image" for row in charts), listing
