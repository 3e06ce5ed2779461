"""A number typed into a table title or a caption (表3 外借, 图5　趋势) is replaced by the document's own number,
not kept beside it (表1 表3 外借)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import annual_docx

from .conftest import small_report


@pytest.mark.parametrize("typed", ["表3 外借", "表3外借", "表 3：外借", "表3　外借", "表2-1 外借"])
def test_a_number_typed_into_a_table_title_is_replaced(tmp_path: Path, typed: str) -> None:
    table = {"type": "table", "title": typed, "header": ["分馆", "册次"], "rows": [["城关", 1]]}
    chart = {"type": "chart", "title": "外借", "labels": [2022, 2023], "series": {"外借": [1, 2]},
             "caption": "图5　外借趋势"}
    data = small_report(sections=[{"kind": "text", "title": "业务", "blocks": [table, chart]}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "t.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "表1 外借" in texts and not any("表3" in t or "表2" in t for t in texts)
    assert "图1 外借趋势" in texts and not any("图5" in t for t in texts)
