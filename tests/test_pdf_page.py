"""End-to-end: the example exported by annual_docx.to_pdf, measured on the page against GB/T 9704-2012."""

from __future__ import annotations

import collections
import os
import re
import subprocess
from pathlib import Path

import pytest

import annual_docx

from .conftest import require_tools
from .pdfpage import PT_PER_MM, Page, full_line_chars, is_full_text_page, mean_pitch, read_pages

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdf(example_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the example as a PDF made by to_pdf (skipped without LibreOffice/poppler, except on CI)."""
    require_tools("soffice", "pdftotext")
    return annual_docx.to_pdf(example_docx, tmp_path_factory.mktemp("pdf") / "qufu_2020.pdf")


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[Page]:
    """Return the PDF's pages with their text lines."""
    return read_pages(pdf)


@pytest.fixture(scope="module")
def full_pages(pages: list[Page]) -> list[Page]:
    """Return the pages that are body text from the top of the 版心 to its bottom."""
    full = [p for p in pages[:-1] if is_full_text_page(p)]
    assert len(full) >= 2, "the example should have at least two full text pages"
    return full


def test_every_full_page_holds_22_lines(full_pages: list[Page]) -> None:
    """Each page of running text holds exactly 22 body lines (GB/T 9704 5.2.3)."""
    assert [len(p.body) for p in full_pages] == [22] * len(full_pages)


def test_line_pitch_is_28_95_pt(full_pages: list[Page]) -> None:
    """Lines are 28.95 pt apart (± 0.3) on every full page."""
    for page in full_pages:
        assert abs(mean_pitch(page) - 28.95) <= 0.3, mean_pitch(page)


def test_full_lines_of_chinese_hold_28_characters(pages: list[Page]) -> None:
    """Every full line of Chinese body text holds 28 characters."""
    counts = collections.Counter(full_line_chars(pages, left=28 * PT_PER_MM))
    assert sum(counts.values()) >= 10 and set(counts) == {28}, counts


def test_margins_are_37_35_28_26_mm(full_pages: list[Page]) -> None:
    """The text block sits 37 mm from the top, 35 from the bottom, 28 from the left, 26 from the right (± 1 mm)."""
    for page in full_pages:
        body = page.body
        top = (body[0].y1 - mean_pitch(page)) / PT_PER_MM
        bottom = (page.height - body[-1].y1) / PT_PER_MM
        left = min(ln.x0 for ln in body) / PT_PER_MM
        ends = sorted(page.width - ln.x1 for ln in body if ln.x1 > page.width * 0.8)
        right = ends[len(ends) // 2] / PT_PER_MM
        assert abs(top - 37) <= 1 and abs(bottom - 35) <= 1, (top, bottom)
        assert abs(left - 28) <= 1 and abs(right - 26) <= 1, (left, right)


def test_page_numbers_alternate_sides_one_character_in(pages: list[Page]) -> None:
    """Page N shows — N —: odd pages right-aligned, even pages left-aligned, one 14 pt character in from the
    版心 edge, its top about 7 mm below the 版心."""
    one_char = 14
    for n, page in enumerate(pages, start=1):
        footer = page.footer
        assert footer is not None and footer.text == f"—{n}—", (n, footer)
        if n % 2:
            assert abs((page.width - 26 * PT_PER_MM - one_char) - footer.x1) < 3, (n, footer)
        else:
            assert abs((28 * PT_PER_MM + one_char) - footer.x0) < 3, (n, footer)
        below = (footer.y0 - (page.height - 35 * PT_PER_MM)) / PT_PER_MM
        assert 4 <= below <= 9, below


def test_pdf_uses_the_stand_in_fonts(pdf: Path) -> None:
    """pdffonts lists FandolFang (仿宋), FandolHei (黑体), FandolSong (宋体 page numbers), a serif title face."""
    if not any(Path(d, "fandol").is_dir() for d in ("/usr/local/share/fonts", "/usr/share/fonts")):
        if os.environ.get("CI"):
            pytest.fail(".ci/run must install the Fandol fonts")
        pytest.skip("the Fandol stand-in fonts are not installed")
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for face in ("FandolFang", "FandolHei", "FandolSong", "NotoSerifCJK", "LiberationSerif"):
        assert face in listing, listing


HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")


def test_no_page_ends_with_a_heading(pages: list[Page]) -> None:
    """The last body line of every page but the last is not a heading (headings keep with the next paragraph)."""
    for n, page in enumerate(pages[:-1], start=1):
        last = page.body[-1]
        assert not (HEADING.match(last.text) and len(last.text) < 28), (n, last.text)


def test_role_lists_line_up_in_columns(pages: list[Page]) -> None:
    """In every party branch the 职务：姓名 lines start and end at the same x (labels and names padded)."""
    roles = [ln for page in pages for ln in page.body if "：" in ln.text and ln.x0 > 40 * PT_PER_MM]
    assert len(roles) >= 4
    starts, ends = {round(ln.x0) for ln in roles}, [ln.x1 for ln in roles]
    assert max(s for s in starts) - min(s for s in starts) <= 1
    assert max(ends) - min(ends) <= 1.5, [(ln.text, ln.x1) for ln in roles]
