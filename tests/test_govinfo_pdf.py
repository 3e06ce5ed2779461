"""End-to-end: the 政府信息公开工作年度报告 exported by LibreOffice — tables inside the 156 mm type area, no number
broken over two lines even with five-digit counts in table 三 and four-digit ones in 四, and table 三's header
repeated on the page it continues on."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

import annual_docx

from .conftest import require_tools
from .pdfpage import dark_pixels
from .test_govinfo import valid

pytestmark = pytest.mark.libreoffice

DPI = 144
LEFT_MM, RIGHT_MM = 28.0, 210.0 - 26.0  # the 版心: 28 mm from the left edge, 26 mm from the right
PT_PER_MM = 72 / 25.4
TYPE_BOTTOM_PT = (297 - 35) * PT_PER_MM  # below it: the page number
_XHTML = "{http://www.w3.org/1999/xhtml}"


def scaled(value: object, factor: int) -> object:
    if isinstance(value, dict):
        return {k: scaled(v, factor) for k, v in value.items()}
    if isinstance(value, list):
        return [scaled(v, factor) for v in value]
    return value * factor if isinstance(value, int) else value


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """The example with table 三's counts × 1111 (up to 28,886: five digits) and four-digit counts in table 四,
    exported to PDF; and the set of every number its tables print."""
    require_tools("soffice", "pdftotext", "pdftoppm")
    data = valid()
    data["requests"] = scaled(data["requests"], 1111)
    data["reviews"] = {"行政复议": [1234, 2345, 3456, 1111, 8146], "未经复议直接起诉": [4999, 1000, 1000, 2000, 8999],
                       "复议后起诉": [1000, 1000, 1000, 1000, 4000]}
    report = annual_docx.validate(data)
    figures = report.figures  # type: ignore[union-attr]
    numbers = {str(int(v)) for table in (figures.table2, figures.table3, figures.table4)
               for values in table.values() for v in values if isinstance(v, Decimal)}
    tmp = tmp_path_factory.mktemp("govinfo-pdf")
    docx = annual_docx.render(report, tmp / "govinfo.docx")
    return annual_docx.to_pdf(docx, tmp / "govinfo.pdf"), numbers


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Return each page's words as (x0, y0, x1, y1, text) in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.XMLParser(recover=True))
    return [[(float(w.get("xMin") or 0), float(w.get("yMin") or 0), float(w.get("xMax") or 0),
              float(w.get("yMax") or 0), w.text or "") for w in page.iter(f"{_XHTML}word")]
            for page in root.iter(f"{_XHTML}page")]


def table_words(page: list[tuple[float, float, float, float, str]]) -> list[tuple[float, float, float, float, str]]:
    """Return the words set smaller than the 16 pt body text (boxes 20.8 pt high): the tables' 小四 and 五号 text
    (15.6 and 13.65 pt), the page number aside."""
    return [w for w in page if w[3] - w[1] < 17 and w[1] < TYPE_BOTTOM_PT]


def test_no_number_in_the_tables_is_broken_over_two_lines(exported: tuple[Path, set[str]]) -> None:
    pdf, numbers = exported
    printed = [w[4] for page in words(pdf) for w in table_words(page) if w[4].isdigit()]
    assert printed and set(printed) <= numbers, set(printed) - numbers  # a wrapped 28886 would show as 2888 and 6
    assert {"28886", "8146", "8999", "4000"} <= set(printed)
    assert len(printed) == 10 + 25 * 7 + 15


def test_tables_stay_inside_the_type_area(exported: tuple[Path, set[str]]) -> None:
    """Every table word and every table rule lies between the left and right margins; the rules are 156 mm."""
    pdf, _ = exported
    pages = words(pdf)
    for page in pages:
        for x0, _, x1, _, text in table_words(page):
            assert x0 / PT_PER_MM >= LEFT_MM - 0.5 and x1 / PT_PER_MM <= RIGHT_MM + 0.5, text
    table_pages = [i + 1 for i, page in enumerate(pages) if table_words(page)]
    assert len(table_pages) >= 2
    for number in table_pages:
        rules = horizontal_rules(pdf, number)
        assert rules, f"page {number} has no table rule"
        for start, end in rules:
            assert start >= LEFT_MM - 0.6 and end <= RIGHT_MM + 0.6, (number, start, end)
        assert any(end - start > 154 for start, end in rules)


def horizontal_rules(pdf: Path, page: int) -> list[tuple[float, float]]:
    """Return (start, end) in mm from the left edge of each horizontal line longer than 60 mm on ``page``."""
    dark, width, height = dark_pixels(pdf, page, DPI)
    mm = 25.4 / DPI
    found = []
    for y in range(height):
        for run in re.finditer(b"\x01+", dark[y * width:(y + 1) * width]):
            if (run.end() - run.start()) * mm > 60:
                found.append((run.start() * mm, run.end() * mm))
    return found


def test_table_three_header_repeats_on_the_next_page(exported: tuple[Path, set[str]]) -> None:
    pdf, _ = exported
    pages = words(pdf)
    with_header = [i for i, page in enumerate(pages) if any(w[4] == "申请人情况" for w in page)]
    assert len(with_header) == 2 and with_header[1] == with_header[0] + 1
    second = pages[with_header[1]]
    header_y = next(w[1] for w in second if w[4] == "申请人情况")
    body = [w for w in second if w[1] < TYPE_BOTTOM_PT]
    assert header_y <= min(w[1] for w in body) + 1  # the repeated header is the first thing on the page
    later_rows = "".join(w[4] for w in second)
    assert "（七）总计" in later_rows and "四、结转下年度继续办理" in later_rows
    assert "一、本年新收政府信息公开申请数量" not in later_rows
