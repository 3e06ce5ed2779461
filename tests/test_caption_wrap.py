"""A caption that wraps never leaves one character alone on its last line: it is broken into balanced lines
(图1 古陶瓷 / 精品展展厅) by line breaks of ours, the same in Word and LibreOffice; the importer joins them again."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import docx
import pytest

import annual_docx
from annual_docx._content._figures import caption_lines
from annual_docx._ooxml.table import CELL_MARGIN, column_widths
from annual_docx._textwidth import text_width

from .conftest import require_tools, small_report
from .pdfpage import read_pages

PHOTO_CAPTIONS = ["古陶瓷精品展展厅", "青铜器专题展开幕式现场", "馆藏书画"]
LONG = "二〇二三年度全县博物馆观众人次与社会教育活动参与人次对比情况（按月）"


@pytest.mark.parametrize("units", range(3, 30))
def test_lines_fit_and_the_last_is_never_one_character(units: int) -> None:
    """Every caption of 2–60 characters in a cell of ``units`` grid cells: the lines join to the caption, each fits,
    the last holds more than one character, no line starts with closing punctuation."""
    rng = random.Random(units)
    for n in range(2, 60):
        text = "图1 " + "".join(rng.choice("古陶瓷精品展厅馆藏，（）分布、") for _ in range(n))
        lines = caption_lines(text, round(units * 316) + 5)
        assert "".join(lines) == text
        if len(lines) > 1:
            assert all(text_width(line) <= units for line in lines), lines
            assert text_width(lines[-1]) > 1, lines
            assert not any(line[0] in "，、）" for line in lines[1:]), lines
    room = column_widths(3)[0] - 2 * CELL_MARGIN
    assert caption_lines("图1 古陶瓷精品展展厅", room) == ["图1 古陶瓷", "精品展展厅"]
    assert caption_lines("图1 古陶瓷精品展展厅", column_widths(1)[0]) == ["图1 古陶瓷精品展展厅"]


def report(images: Path) -> dict[str, Any]:
    from annual_docx._charts import category_chart

    photos = []
    for i, caption in enumerate(PHOTO_CAPTIONS):
        path = images / f"p{i}.png"
        path.write_bytes(category_chart(f"结构{i}", [("甲", 1 + i), ("乙", 2)]).png)
        photos.append({"path": str(path), "caption": caption})
    chart = {"type": "chart", "title": "观众", "labels": [2022, 2023], "series": {"观众": [1, 2]}, "caption": LONG}
    return small_report(sections=[{"kind": "text", "title": "展览",
                                   "blocks": [{"type": "photos", "photos": photos, "per_row": 3}, chart]}])


def test_wrapped_captions_are_broken_in_the_document_and_joined_on_import(tmp_path: Path) -> None:
    out = annual_docx.render(annual_docx.validate(report(tmp_path)), tmp_path / "captions.docx")
    document = docx.Document(str(out))
    gallery = [p.text for cell in document.tables[0].rows[0].cells for p in cell.paragraphs if p.text]
    assert gallery == ["图1 古陶瓷\n精品展展厅", "图2 青铜器专题\n展开幕式现场", "图3 馆藏书画"]
    assert "图4 二〇二三年度全县博物馆观众人次与\n社会教育活动参与人次对比情况（按月）" in [
        p.text for p in document.paragraphs]
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []
    imported = annual_docx.import_docx(out, assets=tmp_path / "assets")
    blocks = imported.sections[0].blocks
    assert [p.caption for p in blocks[0].photos] == PHOTO_CAPTIONS  # type: ignore[union-attr]
    assert blocks[1].caption == LONG  # type: ignore[union-attr]


def test_on_the_page_no_caption_line_is_one_character(tmp_path: Path) -> None:
    require_tools("soffice", "pdftotext")
    out = annual_docx.render(annual_docx.validate(report(tmp_path)), tmp_path / "captions.docx")
    lines = [line.text for page in read_pages(annual_docx.to_pdf(out, tmp_path / "c.pdf")) for line in page.lines]
    assert any(line.startswith("精品展展厅") for line in lines) and "厅" not in lines  # gallery cells share lines
    assert "社会教育活动参与人次对比情况（按月）" in lines
