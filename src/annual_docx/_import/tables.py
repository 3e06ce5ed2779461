"""An imported table as a table block: header rows, merged cells as spans, number columns as numbers, a totals row
recognised, ``（单位：…）`` moved out of the title."""

from __future__ import annotations

import re
from typing import Any

from annual_docx._numbers import format_number  # the library's own way of printing a table number
from annual_docx._ooxml.outline import Cell, Table

_TOTAL_LABELS = {"合计", "总计", "合 计", "总 计", "合　计", "总　计"}
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_UNIT = re.compile(r"^(?P<title>.+?)[（(]单位[：:](?P<unit>[^）)]+)[）)]$")


def as_number(text: str) -> int | float | None:
    """Return ``text`` as a number when the library prints that number back exactly as written (``12,800``, ``3.5``);
    otherwise None and the cell stays text, which prints as written (``156.40``, ``1.0``, ``1223474``)."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", ""))
    number: int | float = int(value) if value.is_integer() and "." not in text else value
    return number if format_number(number) == text else None


def _grid(table: Table) -> list[list[Cell]]:
    """Return the rows filled to the grid: gaps become empty cells, spans clipped to the grid and the last row."""
    width, height = table.columns, len(table.rows)
    covered: dict[tuple[int, int], bool] = {}
    out: list[list[Cell]] = []
    for r, row in enumerate(table.rows):
        starts = {c.column: c for c in row}
        filled: list[Cell] = []
        column = 0
        while column < width:
            if covered.get((r, column)):
                column += 1
                continue
            cell = starts.get(column)
            if cell is None:
                filled.append(Cell("", column))
                column += 1
                continue
            span = 1
            while span < cell.colspan and column + span < width and not covered.get((r, column + span)):
                span += 1
            rows = min(cell.rowspan, height - r)
            for dr in range(1, rows):
                for dc in range(span):
                    covered[(r + dr, column + dc)] = True
            filled.append(Cell(cell.text, column, span, rows))
            column += span
        out.append(filled)
    return out


def table_block(table: Table, title: str | None) -> dict[str, Any] | None:
    """Return the table block of ``table`` (None for a table without text)."""
    rows = _grid(table)
    if not rows or not any(c.text for row in rows for c in row):
        return None
    header_rows = max(1, min(table.header_rows, len(rows) - 1) if len(rows) > 1 else 1)
    while header_rows < len(rows) and any(c.rowspan > header_rows - r for r in range(header_rows) for c in rows[r]):
        header_rows += 1  # a header cell merged down into the body: take those rows into the header
    merged = header_rows > 1 or any(c.colspan > 1 or c.rowspan > 1 for row in rows for c in row)
    block: dict[str, Any] = {"type": "table"}
    if title:
        match = _UNIT.match(title)
        block["title"] = match["title"] if match else title
        if match:
            block["unit"] = match["unit"]
    body = rows[header_rows:]
    if merged:
        header = [[_cell(c, False) for c in row] for row in rows[:header_rows]]
        if not any(c.colspan > 1 or c.rowspan > 1 for row in rows for c in row):  # several header rows, nothing merged
            header[0][0] = {"text": header[0][0], "colspan": 1}
        block["header"] = header
        block["rows"] = [[_cell(c, c.column > 0) for c in row] for row in body]
        return block
    numeric = [c > 0 and bool(body) and all(as_number(row[c].text) is not None for row in body if row[c].text)
               and any(row[c].text for row in body) for c in range(len(rows[0]))]
    values = [[(as_number(c.text) if numeric[i] and c.text else (c.text or None)) for i, c in enumerate(row)]
              for row in body]
    if len(values) > 1 and str(values[-1][0] or "") in _TOTAL_LABELS and _is_total(values, numeric):
        block["total"] = values[-1][0]
        values = values[:-1]
    block["header"] = [c.text for c in rows[0]]
    block["rows"] = values
    return block


def _cell(cell: Cell, numbers: bool) -> Any:
    value: Any = as_number(cell.text) if numbers else None
    value = cell.text if value is None else value
    out: dict[str, Any] = {"text": value}
    if cell.colspan > 1:
        out["colspan"] = cell.colspan
    if cell.rowspan > 1:
        out["rowspan"] = cell.rowspan
    return out if len(out) > 1 else value


def _is_total(values: list[list[Any]], numeric: list[bool]) -> bool:
    """Return whether the last row is the sums of the numeric columns above it (blank elsewhere)."""
    last, above = values[-1], values[:-1]
    if not any(numeric):
        return False
    for c, flag in enumerate(numeric):
        if c == 0:
            continue
        if not flag:
            if last[c] not in (None, ""):
                return False
            continue
        total = sum(row[c] for row in above if isinstance(row[c], (int, float)))
        if not isinstance(last[c], (int, float)) or abs(total - last[c]) > 1e-9:
            return False
    return True
