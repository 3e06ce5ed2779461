"""End-to-end: the 版记 exported by LibreOffice sits on the last page with its last rule on the 版心 bottom
(GB/T 9704-2012 7.4), and moves to a new page with the text before it rather than overlapping it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import annual_docx

from .conftest import require_tools, small_report
from .pdfpage import PT_PER_MM, Page, dark_pixels, read_pages

pytestmark = pytest.mark.libreoffice

DPI = 144
TYPE_BOTTOM_MM = 297 - 35  # the 版心 ends 35 mm above the bottom edge
OFFICIAL = {"cc": ["县委宣传部", "县财政局"], "printer": "某县图书馆办公室", "print_date": "2021-01-05"}
LINE_OF_TEXT = "正文段落，这是一段用于测试版记位置的文字，长度大约可以占满一行还多一些的样子。"  # two lines


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    """Skip without LibreOffice or poppler-utils, except on CI."""
    require_tools("soffice", "pdftotext", "pdftoppm")


def export(tmp: Path, paragraphs: int, official: dict[str, object] = OFFICIAL) -> Path:
    """Render a report with ``paragraphs`` two-line paragraphs, a 落款 and a 版记, and export it to PDF."""
    data = small_report(official=official, signature="某县图书馆", date="2021-01-05")
    data["sections"][0]["paragraphs"] = [LINE_OF_TEXT] * paragraphs
    docx = annual_docx.render(annual_docx.validate(data), tmp / f"record{paragraphs}.docx")
    return annual_docx.to_pdf(docx, tmp / f"record{paragraphs}.pdf")


def rules_mm(pdf: Path, page: int) -> list[tuple[float, float]]:
    """Return (y from the top, length) in mm of each horizontal black rule on ``page`` (1-based) of ``pdf``."""
    dark, width, height = dark_pixels(pdf, page, DPI)
    mm = 25.4 / DPI
    found: list[tuple[float, float]] = []
    for y in range(height):
        best = max((len(run) for run in re.findall(b"\x01+", dark[y * width:(y + 1) * width])), default=0)
        if best * mm > 100 and not (found and y * mm - found[-1][0] < 1.0):  # one entry per rule, however thick
            found.append((y * mm, best * mm))
    return found


def text_bottom_mm(page: Page) -> float:
    """Return how far down the page the last line of text (the page number aside) ends, in mm."""
    return max(ln.y1 for ln in page.body) / PT_PER_MM


def test_record_rules_are_type_wide_and_the_last_sits_on_the_type_area_bottom(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A short report: the 版记's three rules span the 156 mm 版心 a grid line apart, the last one on the 版心
    bottom (± 1 mm), on the same page as the text and the 落款."""
    pdf = export(tmp_path_factory.mktemp("short"), 3)
    pages = read_pages(pdf)
    last = pages[-1]
    texts = [ln.text for ln in last.body]
    assert texts[-2].startswith("抄送：") and texts[-1].startswith("某县图书馆办公室"), texts
    assert "2021年1月5日" in texts  # the 落款's date is on the 版记's page
    rules = rules_mm(pdf, len(pages))
    assert len(rules) == 3, rules
    assert all(abs(length - 156) <= 1.5 for _, length in rules), rules
    assert abs(rules[-1][0] - TYPE_BOTTOM_MM) <= 1, rules
    pitch_mm = 28.95 / PT_PER_MM
    assert abs(rules[1][0] - rules[0][0] - pitch_mm) <= 0.6 and abs(rules[2][0] - rules[1][0] - pitch_mm) <= 0.6


def test_record_without_cc_has_two_rules(tmp_path_factory: pytest.TempPathFactory) -> None:
    """印发 only: one line between two rules, the lower on the 版心 bottom."""
    pdf = export(tmp_path_factory.mktemp("nocc"), 3, {"printer": "某县图书馆办公室", "print_date": "2021-01-05"})
    rules = rules_mm(pdf, len(read_pages(pdf)))
    assert len(rules) == 2 and abs(rules[-1][0] - TYPE_BOTTOM_MM) <= 1, rules


@pytest.mark.parametrize("paragraphs", [28, 29])
def test_record_never_overlaps_text_and_moves_on_with_the_date(
        paragraphs: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    """28 paragraphs leave exactly room for the 落款 (a blank line, 署名, date) and the 版记 on page 3, the date on
    the line right above the 版记; 29 do not, and the 落款 and the 版记 move to page 4 together. Either way the
    text ends above the 版记's first rule."""
    pdf = export(tmp_path_factory.mktemp(f"full{paragraphs}"), paragraphs)
    pages = read_pages(pdf)
    assert len(pages) == (3 if paragraphs == 28 else 4)
    last = pages[-1]
    texts = [ln.text for ln in last.body]
    assert "2021年1月5日" in texts and texts[-2].startswith("抄送：")
    rules = rules_mm(pdf, len(pages))
    record_top = rules[0][0]
    above = [ln for ln in last.body if not ln.text.startswith(("抄送：", "某县图书馆办公室"))]
    assert max(ln.y1 for ln in above) / PT_PER_MM < record_top, (above[-1], rules)
    if paragraphs == 28:  # no line lost: the date is on the last grid line above the 版记
        assert record_top - max(ln.y1 for ln in above) / PT_PER_MM < 28.95 / PT_PER_MM
    assert abs(rules[-1][0] - TYPE_BOTTOM_MM) <= 1
