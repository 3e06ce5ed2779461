"""End-to-end: things that belong together stay on one page in LibreOffice's layout (GB/T 9704 documents never
end a page with a heading or a table title).

Each case fills a page to just above its foot with one-line paragraphs after a page break, so that without
keep-with-next the heading, the breakdown's heading and text, or the table's title would be left at the foot of
the page while what belongs to it starts the next.
"""

from __future__ import annotations

from typing import Any

import pytest

import annual_docx

from .conftest import require_tools
from .pdfpage import Page, read_pages

pytestmark = pytest.mark.libreoffice

FILLER = "这是一行用于占位的正文文字共二十个字。"  # 2 characters of indent + 19: one line of the 28-character grid


def filled(lines: int) -> list[dict[str, Any]]:
    """Return a page break and ``lines`` one-line paragraphs: the next block starts on line ``lines + 1``."""
    return [{"type": "page_break"}, *({"type": "paragraph", "text": f"{FILLER}{n:02d}"} for n in range(lines))]


def report() -> dict[str, Any]:
    breakdown = {"type": "breakdown", "title": "年龄结构", "categories": {"35岁以下": 5, "35至50岁": 8, "50岁以上": 3},
                 "paragraphs": ["全馆在职人员中，35岁以下5人，35至50岁8人，50岁以上3人，年龄结构较为合理，"
                                "中青年骨干占多数，能够满足各项业务工作的需要。"]}
    table = {"type": "table", "title": "各类活动统计", "header": ["活动", "场次", "人次"],
             "rows": [["展览", 12, 3400], ["讲座", 30, 2100], ["培训", 18, 900]]}
    return {
        "organisation": "某区文化馆", "year": 2021, "opening": ["说明。"],
        "sections": [
            {"title": "第一部分",  # the page break moves before the heading: heading on line 1, fillers on 2–21
             "blocks": filled(20),
             "sections": [{"title": "标题落页脚", "paragraphs": ["标题后的第一段正文。" * 6]}],
             "closing": [*filled(16), breakdown, {"type": "paragraph", "text": "分类统计之后的段落。"}]},
            {"title": "第二部分", "blocks": [*filled(20), table]},
            {"title": "第三部分", "blocks": [*filled(19), {**table, "title": "各类培训统计",
                                                         "rows": [["初级培训", 3, 90], ["中级培训", 2, 40]]}]},
        ],
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    require_tools("soffice", "pdftotext")
    folder = tmp_path_factory.mktemp("keep")
    docx = annual_docx.render(annual_docx.validate(report()), folder / "keep.docx")
    return read_pages(annual_docx.to_pdf(docx, folder / "keep.pdf"))


def place(pages: list[Page], text: str) -> tuple[int, int]:
    """Return (page index, line index in its body) of the first line starting with ``text``."""
    for n, page in enumerate(pages):
        for i, line in enumerate(page.body):
            if line.text.startswith(text):
                return n, i
    raise AssertionError(f"{text!r} not found")


def test_the_fillers_leave_exactly_one_line(pages: list[Page]) -> None:
    """The set-up works: a section starting with a page break has its heading on the new page's first line, and
    after 20 fillers line 22 is the last one left."""
    page, line = place(pages, "一、第一部分")
    assert line == 0 and place(pages, f"{FILLER}19") == (page, 20)


def test_a_heading_at_the_foot_of_a_page_moves_on_with_its_text(pages: list[Page]) -> None:
    """（一）标题落页脚 would fit on the last line; it starts the next page, above its paragraph."""
    filler_page, _ = place(pages, f"{FILLER}19")
    page, line = place(pages, "（一）标题落页脚")
    assert (page, line) == (filler_page + 1, 0)


def test_a_breakdowns_heading_and_text_move_on_with_its_chart(pages: list[Page]) -> None:
    """After 16 lines the heading and three lines of text would fit, the chart would not: all of it moves on."""
    page, line = place(pages, "（二）年龄结构")
    text_page, _ = place(pages, "全馆在职人员中")
    assert line == 0 and text_page == page


def test_a_table_title_never_ends_a_page(pages: list[Page]) -> None:
    """The title would fit on the last line; it moves on with the header and first rows."""
    page, line = place(pages, "表1")
    header_page, _ = place(pages, "活动")
    assert line < len(pages[page].body) - 1 and header_page == page


def test_a_table_starts_with_its_header_and_first_row_together(pages: list[Page]) -> None:
    """With two lines left, title and header row would fit: they move on with the first body row."""
    page, _ = place(pages, "表2")
    row_page, _ = place(pages, "初级培训")
    assert row_page == page


def test_no_page_ends_with_a_heading(pages: list[Page]) -> None:
    """No page but the last ends with a heading line."""
    for page in pages[:-1]:
        last = page.body[-1].text
        assert not last.startswith(("一、", "二、", "（一）", "（二）", "表1")), last
