"""Build a 公文 table: title above, header row in 黑体 repeated on every page, body in 仿宋 四号, single spacing.

Widths are explicit everywhere (``w:tblW``, one ``w:gridCol`` per column, ``w:tcW`` in every cell, fixed layout):
WPS and older Word builds lay a table out from those numbers rather than from its contents.
"""

from __future__ import annotations

from collections.abc import Sequence

from .props import Element, el

TYPE_WIDTH = 8845  # twips: the 156 mm 版心
TABLE_STYLE, TITLE_STYLE, HEADER_STYLE, TEXT_STYLE = "OfficialTable", "TableTitle", "TableHeader", "TableText"


def _t(text: str) -> Element:
    t = el("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _paragraph(text: str, style: str, align: str | None = None) -> Element:
    return el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": style}),
                               el("w:jc", {"w:val": align}) if align else None),
              el("w:r", None, _t(text)) if text else None)


def column_widths(count: int, weights: Sequence[float] | None = None, total: int = TYPE_WIDTH) -> list[int]:
    """Return ``count`` column widths in twips summing to ``total``, proportional to ``weights`` (equal if None)."""
    if count < 1:
        raise ValueError("a table needs at least one column")
    shares = list(weights) if weights is not None else [1.0] * count
    if len(shares) != count or any(w <= 0 for w in shares):
        raise ValueError("one positive weight per column is needed")
    widths = [int(total * w / sum(shares)) for w in shares]
    widths[-1] += total - sum(widths)
    return widths


def _cell(text: str, width: int, style: str, align: str | None = None) -> Element:
    return el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                                el("w:vAlign", {"w:val": "center"})), _paragraph(text, style, align))


def _row(cells: Sequence[str], widths: Sequence[int], style: str, header: bool,
         aligns: Sequence[str | None] | None = None) -> Element:
    row_pr = el("w:trPr", None, el("w:cantSplit"), el("w:tblHeader") if header else None,
                el("w:jc", {"w:val": "center"}))
    aligns = aligns or [None] * len(cells)
    return el("w:tr", None, row_pr, *(_cell(text, w, style, a)
                                      for text, w, a in zip(cells, widths, aligns, strict=True)))


def official_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    weights: Sequence[float] | None = None,
    aligns: Sequence[str | None] | None = None,
    totals: Sequence[str] | None = None,
) -> list[Element]:
    """Return the title paragraph (if any) and the ``w:tbl`` of a 公文 table, ready to insert into a body.

    ``aligns`` gives each body column's alignment (``right`` for numbers; None keeps the style's centring);
    ``totals`` is a last row set like the header but not repeated on new pages.
    """
    widths = column_widths(len(header), weights)
    for i, row in enumerate([*rows, *([totals] if totals else [])]):
        if len(row) != len(header):
            raise ValueError(f"row {i} has {len(row)} cells, the header has {len(header)}")
    tbl_pr = el(
        "w:tblPr",
        None,
        el("w:tblStyle", {"w:val": TABLE_STYLE}),
        el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
        el("w:jc", {"w:val": "center"}),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblLook", {"w:val": "04A0", "w:firstRow": 1, "w:lastRow": 0, "w:firstColumn": 0, "w:lastColumn": 0,
                         "w:noHBand": 1, "w:noVBand": 1}),
    )
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths))
    table = el("w:tbl", None, tbl_pr, grid, _row(header, widths, HEADER_STYLE, True),
               *(_row(row, widths, TEXT_STYLE, False, aligns) for row in rows),
               _row(totals, widths, HEADER_STYLE, False, aligns) if totals else None)
    return ([_paragraph(title, TITLE_STYLE)] if title else []) + [table]


def gallery(cells: Sequence[tuple[Element, str]], per_row: int, total: int = TYPE_WIDTH) -> list[Element]:
    """Return a borderless table laying out pictures ``per_row`` to a row, each ``(wp:inline, caption)`` in a
    centred Figure paragraph with its Caption below."""
    widths = column_widths(per_row, total=total)
    tbl_pr = el("w:tblPr", None, el("w:tblW", {"w:w": total, "w:type": "dxa"}), el("w:jc", {"w:val": "center"}),
                el("w:tblLayout", {"w:type": "fixed"}),
                el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                 "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}))
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths))
    rows = []
    for start in range(0, len(cells), per_row):
        chunk = list(cells[start:start + per_row])
        tcs = []
        for i, width in enumerate(widths):
            content = [el("w:p")]
            if i < len(chunk):
                inline, caption = chunk[i]
                picture = el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": "Figure"})),
                             el("w:r", None, el("w:drawing", None, inline)))
                content = [picture, _paragraph(caption, "Caption")] if caption else [picture]
            tcs.append(el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"})), *content))
        rows.append(el("w:tr", None, el("w:trPr", None, el("w:cantSplit"), el("w:jc", {"w:val": "center"})), *tcs))
    return [el("w:tbl", None, tbl_pr, grid, *rows)]


def insert_before_section(body: Element, elements: Sequence[Element]) -> None:
    """Insert ``elements`` at the end of ``body``, before its final ``w:sectPr``; a table gets an empty paragraph
    after it (Word needs a paragraph between a table and the section end)."""
    tail = body[-1] if len(body) and str(body[-1].tag).endswith("}sectPr") else None
    position = len(body) - (1 if tail is not None else 0)
    items = list(elements)
    if items and str(items[-1].tag).endswith("}tbl"):
        items.append(el("w:p"))
    for offset, element in enumerate(items):
        body.insert(position + offset, element)
