"""Build a 公文 table: title above, header row in 黑体 repeated on every page, body in 仿宋 四号, single spacing.

Widths are explicit everywhere (``w:tblW``, one ``w:gridCol`` per column, ``w:tcW`` in every cell, fixed layout):
WPS and older Word builds lay a table out from those numbers rather than from its contents. The look the table style
``OfficialTable`` (公文表格) gives — rules on every edge, cell margins — is also set on each table itself, as are
the header rows that repeat on every page: LibreOffice drops a table style it saves through .odt, and an agency's
template that lost it still gives ruled tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from annual_docx._ooxml.inline import has_scripts, runs, split_scripts
from annual_docx._ooxml.props import Element, el, w_text
from annual_docx.gbt9704 import TYPE_WIDTH as TYPE_WIDTH  # re-exported: _ooxml.record takes it from here

TABLE_STYLE, TITLE_STYLE, HEADER_STYLE, TEXT_STYLE = "OfficialTable", "TableTitle", "TableHeader", "TableText"
SMALL_TEXT_MARGIN = 57  # twips (1 mm): left, right and bottom cell margin of tables set in text smaller than 四号
RULE = 4  # eighths of a point: the ½ pt single black rules of every edge and between all cells


def rules() -> Element:
    """Return the ``w:tblBorders`` of a 公文 table: ½ pt single black rules around and between all cells."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    return el("w:tblBorders", None,
              *(el(f"w:{e}", {"w:val": "single", "w:sz": RULE, "w:space": 0, "w:color": "000000"}) for e in edges))


CELL_MARGIN = 108
"""Twips: a cell's left and right margin (Word's default, 0.19 cm), set on every 四号 table; the bottom one is 1 mm."""

SHORT_TABLE_ROWS = 8
"""A table with at most this many rows below its header moves whole to the next page instead of splitting."""


def _paragraph(text: str, style: str, align: str | None = None, size: int | None = None, keep_next: bool = False,
               scripts: bool = False) -> Element:
    """Return a paragraph of ``text`` in ``style`` (a line break for each ``\n``); ``size`` (half-points) overrides
    the style's text size; ``scripts``: ``^{…}`` / ``_{…}`` are superscripts and subscripts (table cells, titles,
    captions)."""

    def run_pr() -> Element | None:
        return el("w:rPr", None, el("w:sz", {"w:val": size}), el("w:szCs", {"w:val": size})) if size else None

    if scripts and has_scripts(text) and "\n" not in text:  # 10^{6}: superscripts and subscripts as runs
        body = runs(split_scripts(text), size=size)
    else:
        body = [el("w:r", None, run_pr(), *_broken(text))] if text else []
    return el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": style}),
                               el("w:keepNext") if keep_next else None,
                               el("w:jc", {"w:val": align}) if align else None, run_pr()),
              *body)


def _broken(text: str) -> list[Element]:
    """Return the ``w:t`` of each line of ``text`` with a ``w:br`` between them."""
    out: list[Element] = []
    for i, line in enumerate(text.split("\n")):
        out += [el("w:br")] if i else []
        out.append(w_text(line))
    return out


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


@dataclass(frozen=True)
class Span:
    """A cell that spans ``colspan`` columns and ``rowspan`` rows (merged cells); ``head`` sets it like a header
    cell (黑体) wherever it is, ``align`` overrides its column's alignment."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    head: bool = False
    align: str | None = None


@dataclass(frozen=True)
class Placed:
    """A cell placed on the grid: its text, first column, width in columns, and vertical-merge role."""

    text: str
    column: int
    colspan: int
    merge: str | None  # None, "restart" (first row of a vertical merge) or "continue"
    head: bool = False
    align: str | None = None


CellSpec = str | Span


def place(rows: Sequence[Sequence[CellSpec]], columns: int, labels: Sequence[str] | None = None) -> list[list[Placed]]:
    """Lay out rows of cells with spans on a ``columns``-wide grid, the way HTML tables do: a cell spanning rows
    leaves a ``continue`` cell in each row below it. Raise ValueError when a row does not fill the grid exactly."""
    below: dict[int, tuple[int, int]] = {}  # column → (colspan, rows still covered) of a cell spanning down
    placed_rows = []
    for r, row in enumerate(rows):
        placed: list[Placed] = []
        column = _skip_covered(below, 0, placed)
        for cell in (c if isinstance(c, Span) else Span(c) for c in row):
            placed.append(Placed(cell.text, column, cell.colspan, "restart" if cell.rowspan > 1 else None,
                                 cell.head, cell.align))
            if cell.rowspan > 1:
                below[column] = (cell.colspan, cell.rowspan - 1)
            column = _skip_covered(below, column + cell.colspan, placed)
        if column != columns:
            label = labels[r] if labels else f"row {r}"
            raise ValueError(f"{label} has {column} cells, the header has {columns}")
        placed_rows.append(placed)
    if below:
        raise ValueError("合并单元格超出了表格末行 / a merged cell runs past the last row")
    return placed_rows


def _skip_covered(below: dict[int, tuple[int, int]], column: int, placed: list[Placed]) -> int:
    """Append ``continue`` cells for the columns from ``column`` that cells above still cover; return the next free
    column."""
    while column in below:
        colspan, left = below.pop(column)
        placed.append(Placed("", column, colspan, "continue"))
        if left > 1:
            below[column] = (colspan, left - 1)
        column += colspan
    return column


def _cell(cell: Placed, widths: Sequence[int], style: str, align: str | None = None, size: int | None = None,
          keep: bool = False) -> Element:
    width = sum(widths[cell.column:cell.column + cell.colspan])
    merge = None
    if cell.merge is not None:
        merge = el("w:vMerge", {"w:val": "restart"}) if cell.merge == "restart" else el("w:vMerge")
    tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}),
               el("w:gridSpan", {"w:val": cell.colspan}) if cell.colspan > 1 else None, merge,
               el("w:vAlign", {"w:val": "center"}))
    style = HEADER_STYLE if cell.head else style
    return el("w:tc", None, tc_pr, _paragraph(cell.text, style, cell.align or align, size, keep, scripts=True))


def _row(cells: Sequence[Placed], widths: Sequence[int], style: str, header: bool,
         aligns: Sequence[str | None] | None = None, size: int | None = None, keep: bool = False) -> Element:
    """Return a row that never splits; ``keep`` keeps it on the page of the next row (keepNext in its cells)."""
    row_pr = el("w:trPr", None, el("w:cantSplit"), el("w:tblHeader") if header else None,
                el("w:jc", {"w:val": "center"}))
    return el("w:tr", None, row_pr,
              *(_cell(c, widths, style, aligns[c.column] if aligns else None, size, keep) for c in cells))


def official_table(
    header: Sequence[CellSpec] | Sequence[Sequence[CellSpec]],
    rows: Sequence[Sequence[CellSpec]],
    *,
    title: str | None = None,
    weights: Sequence[float] | None = None,
    aligns: Sequence[str | None] | None = None,
    totals: Sequence[str] | None = None,
    size: int | None = None,
    repeat_header: bool = True,
    to_next: bool = False,
) -> list[Element]:
    """Return the title paragraph (if any) and the ``w:tbl`` of a 公文 table, ready to insert into a body.

    ``header`` is one row of cells or several rows; any cell may be a :class:`Span` (merged cells). ``aligns``
    gives each column's alignment in the body (``right`` for numbers; None keeps the style's centring); ``totals``
    is a last row set like the header but not repeated on new pages. The title, the header rows and the first body
    row keep with the row after them, so a title never ends a page alone and a table starts with at least two rows;
    a short table (at most :data:`SHORT_TABLE_ROWS` rows below the header) keeps every row with the next, so it moves
    whole to the next page rather than split; a longer one splits, its header repeated.
    ``size`` (half-points) sets every cell's text smaller than the style's 四号 with 1 mm cell margins left and
    right (narrow columns hold more) and below (LibreOffice otherwise sets small CJK text on the bottom border);
    ``repeat_header=False`` keeps the header rows from repeating on a new page. ``to_next``: the paragraph after the
    table (the 落款) stays on the page of its end — a short table keeps every row, the totals row included, with the
    next; a longer one its last two rows.
    """
    if header and isinstance(header[0], (list, tuple)):
        header_rows = [list(cast("Sequence[CellSpec]", r)) for r in header]
    else:
        header_rows = [list(cast("Sequence[CellSpec]", header))]
    columns = sum(c.colspan if isinstance(c, Span) else 1 for c in header_rows[0])
    widths = column_widths(columns, weights)
    labels = [f"header row {i}" for i in range(len(header_rows))] + [f"row {i}" for i in range(len(rows))]
    placed = place([*header_rows, *rows, *([totals] if totals else [])], columns, [*labels, "totals row"])
    heads, body = placed[:len(header_rows)], placed[len(header_rows):]
    total_row = body.pop() if totals else None
    side = SMALL_TEXT_MARGIN if size and size < 28 else CELL_MARGIN
    tbl_pr = el(
        "w:tblPr",
        None,
        el("w:tblStyle", {"w:val": TABLE_STYLE}),
        el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
        el("w:jc", {"w:val": "center"}),
        rules(),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblCellMar", None, el("w:top", {"w:w": 0, "w:type": "dxa"}),
           el("w:left", {"w:w": side, "w:type": "dxa"}),
           el("w:bottom", {"w:w": SMALL_TEXT_MARGIN, "w:type": "dxa"}),
           el("w:right", {"w:w": side, "w:type": "dxa"})),
        el("w:tblLook", {"w:val": "04A0", "w:firstRow": 1, "w:lastRow": 0, "w:firstColumn": 0, "w:lastColumn": 0,
                         "w:noHBand": 1, "w:noVBand": 1}),
    )
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths))
    following = len(body) + (1 if total_row else 0)  # rows after the header
    kept = following - 1 if following <= SHORT_TABLE_ROWS else min(1, following - 1)  # body rows kept with the next

    def keep(i: int) -> bool:  # the i-th row after the header (the totals row is the last)
        return i < kept or (to_next and (following <= SHORT_TABLE_ROWS or i >= following - 2))

    table = el("w:tbl", None, tbl_pr, grid,
               *(_row(row, widths, HEADER_STYLE, repeat_header, size=size, keep=following > 0) for row in heads),
               *(_row(row, widths, TEXT_STYLE, False, aligns, size, keep=keep(i)) for i, row in enumerate(body)),
               _row(total_row, widths, HEADER_STYLE, False, aligns, size, keep=keep(following - 1))
               if total_row else None)
    return ([_paragraph(title, TITLE_STYLE, scripts=True)] if title else []) + [table]


def gallery(cells: Sequence[tuple[Element, str]], per_row: int, total: int = TYPE_WIDTH,
            to_next: bool = False) -> list[Element]:
    """Return a borderless table laying out pictures ``per_row`` to a row, each ``(wp:inline, caption)`` in a
    centred Figure paragraph with its Caption below; ``to_next``: every paragraph keeps with the next, so a
    gallery of one row stays on the page of what follows it (the 落款)."""
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
                # not kept with the next: a row never splits anyway, and a table whose every row keeps with the next
                # moves whole (LibreOffice left a page empty before a long gallery)
                no_keep = el("w:keepNext") if to_next else el("w:keepNext", {"w:val": 0})
                picture = el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": "Figure"}), no_keep),
                             el("w:r", None, el("w:drawing", None, inline)))
                content = [picture, _paragraph(caption, "Caption", keep_next=to_next, scripts=True)] if caption \
                    else [picture]
            tcs.append(el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"})), *content))
        # kept with the next: no cantSplit, as LibreOffice ignores keep-with-next in a table of one unsplittable row
        # (the keep chain moves the row whole anyway)
        rows.append(el("w:tr", None, el("w:trPr", None, None if to_next else el("w:cantSplit"),
                                        el("w:jc", {"w:val": "center"})), *tcs))
    return [el("w:tbl", None, tbl_pr, grid, *rows)]
