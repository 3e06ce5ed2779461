"""Tables 二、三、四 in a workbook laid out like the national tables, one sheet per table, as offices keep them.

:func:`workbook_bytes` is the empty workbook (labels, merged cells, borders; number cells empty).
:func:`read_workbook` reads the numbers back by position after checking every label cell, so a sheet whose rows
were moved is refused rather than misread; an empty number cell is 0. Errors name the sheet and the cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from annual_docx._model.schema_blocks import MergedCell, TableBlock
from annual_docx.errors import InputError
from annual_docx.govinfo import labels as L
from annual_docx.govinfo import tables
from annual_docx.govinfo.keys import fold, number
from annual_docx.govinfo.model import ZERO, Figures

SHEETS = {"二": "表二 主动公开政府信息情况", "三": "表三 收到和处理政府信息公开申请情况",
          "四": "表四 政府信息公开行政复议、行政诉讼情况"}
FIRST_ROW = 3  # row 1: the sheet's title; row 2: a note; the table starts in row 3
_NOTE = "在空白单元格中填写数字（空白按0计）；请勿移动或改动文字单元格。/ " \
        "Type numbers into the blank cells (blank = 0); do not move or edit the label cells."


@dataclass(frozen=True)
class Spot:
    """A table cell on the sheet: 1-based row and column, its spans, its label (None for a number cell)."""

    row: int
    column: int
    colspan: int
    rowspan: int
    label: str | None


def _blank() -> Figures:
    zero2 = {row: (ZERO,) * len(block.columns) for block in L.TABLE2 for row in block.rows}
    return Figures(zero2, dict.fromkeys(L.ROWS3, (ZERO,) * 7), dict.fromkeys(L.GROUPS4, (ZERO,) * 5))


def layout(table: TableBlock) -> Iterator[Spot]:
    """Yield the cells of a table block placed on a grid the way the document places them (HTML-style spans)."""
    covered: set[tuple[int, int]] = set()
    header = [list(r) for r in table.header or []] if isinstance((table.header or [None])[0], list) else [table.header]
    body_start = len(header)
    for r, row in enumerate([*header, *(table.rows or [])]):
        column = 0
        for value in row:
            while (r, column) in covered:
                column += 1
            spec = value if isinstance(value, MergedCell) else MergedCell.model_validate({"text": str(value)})
            covered |= {(r + i, column + j) for i in range(spec.rowspan) for j in range(spec.colspan)}
            is_number = r >= body_start and spec.text == "0"
            yield Spot(FIRST_ROW + r, column + 1, spec.colspan, spec.rowspan, None if is_number else str(spec.text))
            column += spec.colspan


def _blocks() -> dict[str, TableBlock]:
    blank = _blank()
    return {"二": tables.table2(blank), "三": tables.table3(blank), "四": tables.table4(blank)}


def workbook_bytes() -> bytes:
    """Return the empty workbook as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = Workbook()
    book.remove(book.active)
    for number_, table in _blocks().items():
        sheet = book.create_sheet(SHEETS[number_])
        sheet.cell(1, 1, f"{number_}、{L.HEADINGS['一二三四五六'.index(number_)]}").font = Font(bold=True, size=14)
        sheet.cell(2, 1, _NOTE).font = Font(italic=True, size=9)
        for spot in layout(table):
            for r in range(spot.row, spot.row + spot.rowspan):
                for c in range(spot.column, spot.column + spot.colspan):
                    sheet.cell(r, c).border = border
            target = sheet.cell(spot.row, spot.column, spot.label)
            target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if spot.colspan > 1 or spot.rowspan > 1:
                sheet.merge_cells(start_row=spot.row, start_column=spot.column,
                                  end_row=spot.row + spot.rowspan - 1, end_column=spot.column + spot.colspan - 1)
        widths = {"二": [24, 16, 16, 16], "三": [8, 12, 40, *[10] * 7], "四": [9] * 15}[number_]
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_workbook(path: Path) -> dict[str, Any]:
    """Return the numbers of the workbook at ``path`` as report data: ``{"proactive": …, "requests": …,
    "reviews": …}`` keyed by the national labels; raise InputError naming the sheet and cell of any problem."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        book = load_workbook(path, data_only=True, read_only=False)
    except FileNotFoundError:
        raise InputError(f"{path}: 工作簿不存在 / workbook not found") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: 无法读取工作簿（应为 .xlsx）/ cannot read the workbook (.xlsx expected): {exc}"
                         ) from None
    out: dict[str, Any] = {}
    for number_, table in _blocks().items():
        sheet = next((book[n] for n in book.sheetnames if n.replace(" ", "").startswith(f"表{number_}")), None)
        if sheet is None:
            raise InputError(f"{path}: 缺少工作表“{SHEETS[number_]}” / the sheet {SHEETS[number_]!r} is missing")
        values: list[Decimal] = []
        for spot in layout(table):
            ref = f"{get_column_letter(spot.column)}{spot.row}"
            found = sheet.cell(spot.row, spot.column).value
            where = f"{path.name}“{sheet.title}”{ref}"
            if spot.label is not None and fold(str(found or "")) != fold(spot.label):
                raise InputError(f"{where} 应为“{spot.label}”，实际为“{found or ''}”：表格的版式被改动了 / {where} "
                                 f"should read {spot.label!r}, found {found!r}: the sheet's layout was changed")
            if spot.label is None:
                try:
                    values.append(number(found, where))
                except ValueError as exc:
                    raise InputError(str(exc)) from None
        out.update(_numbers_as_data(number_, values))
    return out


def _numbers_as_data(table: str, values: list[Decimal]) -> dict[str, Any]:
    """Return a sheet's numbers, in reading order, as the report data of that table."""
    if table == "二":
        data: dict[str, Any] = {}
        position = 0
        for block in L.TABLE2:
            for row in block.rows:
                count = 3 if len(block.columns) == 3 else 1
                data[row] = values[position:position + count]
                position += count
        return {"proactive": data}
    if table == "三":
        nested: dict[str, Any] = {}
        for i, path in enumerate(L.ROWS3):
            level = nested
            for label in path[:-1]:
                level = level.setdefault(label, {})
            level[path[-1]] = values[7 * i:7 * i + 7]
        return {"requests": nested}
    return {"reviews": {group: values[5 * i:5 * i + 5] for i, group in enumerate(L.GROUPS4)}}
