"""Short tables (at most 8 rows below the header) move whole to the next page instead of splitting; longer ones
split with the header repeated — in the XML and on the page in LibreOffice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import annual_docx
from annual_docx._ooxml.table import SHORT_TABLE_ROWS

from .conftest import require_tools, small_report
from .docxcheck import NS, part
from .pdfpage import read_pages

FILLER = "全年开展各类服务活动，读者满意度持续提升，各项业务指标稳步增长，公共文化服务效能不断增强。" * 2


def table(rows: int) -> dict[str, Any]:
    return {"type": "table", "title": "分馆外借", "header": ["分馆", "上年", "本年"],
            "rows": [[f"分馆{i}", i, i + 1] for i in range(1, rows + 1)]}


def render(tmp_path: Path, rows: int, before: int) -> Path:
    blocks = [*({"type": "paragraph", "text": FILLER} for _ in range(before)), table(rows),
              {"type": "paragraph", "text": "表后段落。"}]
    data = small_report(opening=[FILLER], sections=[{"kind": "text", "title": "统计", "blocks": blocks}])
    return annual_docx.render(annual_docx.validate(data), tmp_path / f"t{rows}_{before}.docx")


def kept_rows(out: Path) -> list[bool]:
    rows = part(out, "word/document.xml").xpath("//w:tbl/w:tr", namespaces=NS)
    return [bool(row.xpath("w:tc[1]/w:p/w:pPr/w:keepNext", namespaces=NS)) for row in rows]


def test_a_short_table_keeps_every_row_with_the_next_and_a_long_one_only_its_start(tmp_path: Path) -> None:
    assert SHORT_TABLE_ROWS == 8
    assert kept_rows(render(tmp_path, 4, 0)) == [True, True, True, True, False]  # header + 4 rows
    assert kept_rows(render(tmp_path, 8, 0)) == [True] * 8 + [False]
    assert kept_rows(render(tmp_path, 9, 0)) == [True, True] + [False] * 8  # header and the first row


def page_of(pages: list[list[str]], text: str) -> int:
    return next(n for n, lines in enumerate(pages) for line in lines if text in line)


def test_on_the_page_short_tables_move_whole_and_a_long_one_splits_with_its_header(tmp_path: Path) -> None:
    """Eight 4-row tables, each after a paragraph of filler, run over several pages: each stays on one page with its
    title (the ones that split 3 + 1 or 2 + 2 before now start the next page); a 40-row table splits, its header
    repeated on the next page."""
    require_tools("soffice", "pdftotext")
    blocks: list[dict[str, Any]] = []
    for t in range(1, 9):
        blocks.append({"type": "paragraph", "text": FILLER})
        blocks.append({"type": "table", "title": f"第{t}组", "header": ["分馆", "上年", "本年"],
                       "rows": [[f"组{t}馆{i}", i, i + 1] for i in range(1, 5)]})
    blocks.append({"type": "table", "title": "长表", "header": ["项目", "上年", "本年"],
                   "rows": [[f"长项{i}", i, i + 1] for i in range(1, 41)]})
    data = small_report(sections=[{"kind": "text", "title": "统计", "blocks": blocks}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "tables.docx")
    pages = [[line.text for line in page.lines] for page in read_pages(annual_docx.to_pdf(out, tmp_path / "t.pdf"))]
    for t in range(1, 9):
        assert {page_of(pages, f"第{t}组")} == {page_of(pages, f"组{t}馆{i}") for i in range(1, 5)}, t
    first, last = page_of(pages, "长项1"), page_of(pages, "长项40")
    assert last == first + 1
    assert sum("项目" in line for line in pages[last]) == 1  # the header repeated


def test_a_long_gallery_starts_under_its_heading(tmp_path: Path) -> None:
    """Six photos two a row right after a heading: the gallery's rows are not kept with the next (each row never
    splits), so the first row sits on page 1 under the heading instead of the whole gallery moving to page 2."""
    from annual_docx._charts import category_chart

    photos = []
    for i in range(6):
        path = tmp_path / f"p{i}.png"
        path.write_bytes(category_chart(f"结构{i}", [("甲类", 3 + i), ("乙类", 5), ("丙类", 2)], width_mm=90).png)
        photos.append({"path": str(path), "caption": f"展厅{i + 1}"})
    data = small_report(sections=[{"kind": "text", "title": "展览",
                                   "blocks": [{"type": "photos", "photos": photos, "per_row": 2}]}])
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "gallery.docx")
    figures = part(out, "word/document.xml").xpath("//w:tbl//w:p[w:pPr/w:pStyle/@w:val='Figure']", namespaces=NS)
    assert [p.xpath("string(w:pPr/w:keepNext/@w:val)", namespaces=NS) for p in figures] == ["0"] * 6
    require_tools("soffice", "pdftotext")
    pages = [[line.text for line in page.lines] for page in read_pages(annual_docx.to_pdf(out, tmp_path / "g.pdf"))]
    assert page_of(pages, "一、展览") == page_of(pages, "图1") == 0
