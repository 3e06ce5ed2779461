"""Read a table from a CSV file or an .xlsx sheet, as agencies keep their statistics in spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annual_docx.errors import InputError

Cell = str | int | float | None


def read_table(path: Path, sheet: str | None = None) -> list[list[Cell]]:
    """Return the rows of ``path`` (CSV or .xlsx) with trailing empty rows and columns removed.

    CSV files may be UTF-8 (with or without BOM) or GBK/GB18030, as Excel saves them on Chinese Windows. Numbers in an
    .xlsx stay numbers (the values Excel last calculated for formulas); CSV cells stay text.
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: 表格文件不存在 / spreadsheet not found")
    if suffix == ".csv":
        rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(_decode(path)))]
    elif suffix in {".xlsx", ".xlsm"}:
        rows = _read_xlsx(path, sheet)
    else:
        raise InputError(f"{path}: 只支持 .csv 和 .xlsx 表格 / only .csv and .xlsx spreadsheets are supported")
    return _trim(rows)


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{path}: 无法识别表格的文字编码，请另存为 UTF-8 CSV / unknown text encoding; "
                         "save it as CSV UTF-8") from None


def _read_xlsx(path: Path, sheet: str | None) -> list[list[Cell]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for broken files
        raise InputError(f"{path}: 无法读取 Excel 文件 / cannot read the workbook: {exc}") from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"{path}: 没有名为“{sheet}”的工作表 / no sheet named {sheet!r}; "
                             f"sheets: {', '.join(book.sheetnames)}")
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        return [[_cell(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)  # dates and times as Excel shows them in ISO form


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    def empty(cell: Cell) -> bool:
        return cell is None or (isinstance(cell, str) and not cell.strip())

    while rows and all(empty(c) for c in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, c in enumerate(row) if not empty(c)), default=0)
    return [(row + [None] * width)[:width] for row in rows]
