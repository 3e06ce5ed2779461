"""`check` labels each heading level by the number styles its headings use: a yearbook's 【】 headings are
「【】」, not 「1.」."""

from __future__ import annotations

from pathlib import Path

import annual_docx

from .conftest import small_report


def test_heading_rows_name_the_number_style_the_headings_use(tmp_path: Path) -> None:
    sections = [{"title": "概况", "sections": [{"title": "馆藏", "sections": [
        {"title": "古籍", "paragraphs": ["甲。"]}, {"title": "地方文献", "paragraphs": ["乙。"]}]}]}]
    data = small_report(numbering=["一、", "（一）", "【】"], sections=sections)
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "yearbook.docx")
    items = [f.item for f in annual_docx.check(out)]
    level3 = [item for item in items if item.startswith("三级标题「")]  # the heading rows (the style row has no 「」)
    assert level3 and all(item.startswith("三级标题「【】」 / heading 3") for item in level3), level3
    assert any(item.startswith("一级标题「一、」 / heading 1") for item in items)
    assert any(item.startswith("二级标题「（一）」 / heading 2") for item in items)
