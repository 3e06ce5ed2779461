"""Tests of PDF export and PNG preview: the API, the CLI, missing tools, the fontconfig file of an export."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import annual_docx
from annual_docx._output._fontmatch import OFFICIAL_FACES, Choice, InstalledFont, fontconfig_text, plan
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


def test_fontconfig_text_maps_every_official_name_to_its_choice_alone() -> None:
    """The export's fontconfig file maps each official name (and alias) to the chosen family with a strong assign,
    Times New Roman to Liberation Serif, and includes the system configuration last."""
    face = OFFICIAL_FACES[1]  # 仿宋
    choice = Choice(face, InstalledFont("Some Fang SC", "/x.otf", 0))
    text = fontconfig_text([choice])
    for name in face.names:
        rule = text[text.index(f"<string>{name}</string>"):]
        rule = rule[: rule.index("</match>")]
        assert 'mode="assign" binding="strong"><string>Some Fang SC</string></edit>' in rule, rule
    assert "<string>Liberation Serif</string>" in text
    assert text.index("<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>") > text.rindex("</match>")


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools are not installed")
def test_fontconfig_text_hides_regional_faces_and_fc_match_follows_it(tmp_path: Path) -> None:
    """With the generated file, fc-match turns 仿宋_GB2312 into the chosen family, and asking for a JP face of an
    installed CJK collection gives no JP face when its SC sibling is installed."""
    choices = plan()
    config = tmp_path / "fonts.conf"
    config.write_text(fontconfig_text(choices), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    fangsong = next(c for c in choices if c.face.label == "仿宋")
    found = subprocess.run(["fc-match", "-f", "%{family}", "仿宋_GB2312"], capture_output=True, text=True,
                           env=env, check=True).stdout
    if fangsong.font is not None:
        assert fangsong.font.family in found.split(",")
    listed = subprocess.run(["fc-list", "-f", "%{family}\n"], capture_output=True, text=True, env=env,
                            check=True).stdout
    system = subprocess.run(["fc-list", "-f", "%{family}\n"], capture_output=True, text=True, check=True).stdout
    if "Noto Serif CJK SC" in system:
        assert "Noto Serif CJK JP" in system and "Noto Serif CJK JP" not in listed
        assert "Noto Serif CJK SC" in listed


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
