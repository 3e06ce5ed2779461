"""Builders of the table blocks: 公文 tables (inline, merged cells, totals, from CSV/xlsx), 项目/内容 forms and
statistics (指标 / 上年 / 本年 / 同比)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from annual_docx._content import _indicators
from annual_docx._content._figures import Table as TablePiece
from annual_docx._content._piece import Block
from annual_docx._content._registry import Scope, block_type
from annual_docx._model import schema_blocks as sb
from annual_docx._numbers import format_fixed, format_number, written
from annual_docx._ooxml import table as ooxml_table
from annual_docx.errors import InputError

if TYPE_CHECKING:  # csv and openpyxl load only for a sheet-sourced block
    from annual_docx._input._sheets import Cell


@block_type(sb.TableBlock, "表格（可合并单元格、合计行，或读取 CSV/xlsx）", table_like=True)
@block_type(sb.FormBlock, "项目/内容表", table_like=True)
def table(block: sb.TableBlock | sb.FormBlock, scope: Scope) -> Iterator[Block]:
    """A 公文 table, its title above (numbered 表N when the document is put together)."""
    yield table_piece(_tabulate(block, scope.path), scope.path, getattr(block, "widths", None),
                      TEXT_SIZES[getattr(block, "text_size", "四号")], getattr(block, "repeat_header", True))


@block_type(sb.IndicatorsBlock, "统计指标表（上年、本年、同比）", table_like=True)
def indicators(block: sb.IndicatorsBlock, scope: Scope) -> Iterator[Block]:
    """The 指标 / 上年 / 本年 / 同比 table of a statistics block (:mod:`._indicators`), after its sentence of prose
    when it asks for one."""
    found = _indicators.indicators_of(block, scope.path)
    if block.summary is not False:
        yield Block("paragraph", _indicators.summary(block, found))
    table = _indicators.indicator_table(block, found)
    yield table_piece(table, scope.path, _indicators.weights(table))


TEXT_SIZES: dict[str, int | None] = {"四号": None, "小四": 24, "五号": 21, "小五": 18}
"""Table text sizes in half-points (四号 is the table styles' own size)."""


def table_piece(table: Table, path: str, weights: Sequence[float] | None = None, size: int | None = None,
                repeat_header: bool = True) -> Block:
    """Return the template block of a tabulated table; rows that do not line up are an error naming ``path``.
    ``size`` (half-points) sets the text smaller; ``repeat_header=False`` keeps the header from repeating."""
    header, rows, aligns, totals, title = table
    built = TablePiece(header, rows, title=title, aligns=aligns, totals=totals, weights=weights, size=size,
                       repeat_header=repeat_header)
    try:
        built.elements()  # lay it out now, so a table whose rows do not line up is an error naming the block
    except ValueError as exc:
        raise InputError(f"{path}: 表格的列数不一致 / the table's rows do not line up: {exc}") from None
    return Block("xml", xml=built)


Table = tuple[list[Any], list[list[Any]], list[str | None] | None, list[str] | None, str | None]


def _tabulate(block: sb.TableBlock | sb.FormBlock, path: str) -> Table:
    if isinstance(block, sb.FormBlock):
        return list(block.labels), [[k, v] for k, v in block.items.items()], [None, "left"], None, block.title
    header, rows = _table_data(block, path)
    units = _row_units(block, rows, path)
    if any(isinstance(c, sb.MergedCell) for row in [*header, *rows] for c in (row if isinstance(row, list) else [row])):
        return _merged_table(block, header, rows, units)
    header = [str(c) for c in header]
    numeric = [bool(rows) and all(_is_number(r[c]) for r in rows if r[c] not in (None, "")) for c in range(len(header))]
    plain = [[format_number(v) for v in r] for r in rows]  # a number written as text prints as written
    totals = None
    if block.total is not None:
        summed = [(r, p) for r, p, unit in zip(rows, plain, units, strict=True) if not unit]  # own unit: not summed
        totals = [block.total, *(_total([r for r, _ in summed], [p for _, p in summed], c) if numeric[c] else ""
                                 for c in range(1, len(header)))]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    aligns: list[str | None] = ["right" if numeric[c] and c else None for c in range(len(header))]
    body = [[text + unit if numeric[c] and c and v not in (None, "") else text
             for c, (v, text) in enumerate(zip(r, p, strict=True))]
            for r, p, unit in zip(rows, plain, units, strict=True)]
    return header, body, aligns, totals, title


def _total(rows: list[list[Any]], printed: list[list[str]], column: int) -> str:
    """Return the sum of a number column, printed like the column: when every number in it is written (text, or
    a float that remembers how it was written), with the most decimals written there and a thousands separator
    only if one of them has it; otherwise as the library prints numbers (``1,234``)."""
    cells = [(r[column], p[column]) for r, p in zip(rows, printed, strict=True) if r[column] not in (None, "")]
    total = sum(_number(value) for value, _ in cells)
    if not cells or not all(_written(value) is not None for value, _ in cells):
        return format_number(total)
    decimals = max(len(text.partition(".")[2]) for _, text in cells)
    grouped = any("," in text for _, text in cells)
    return format_fixed(total, decimals, separator="," if grouped else "")


def _written(value: Cell) -> str | None:
    """Return how a number cell was written — a text cell, or a float read from the report file with its written
    form (``156.40``) — or None for a number the library prints in its own way."""
    return value if isinstance(value, str) else written(value)


def _row_units(block: sb.TableBlock, rows: list[list[Any]], path: str) -> list[str]:
    """Return each row's own unit from ``row_units`` (keyed by the row's first cell), "" for the others; a key that
    names no row is an error naming it."""
    labels = [format_number(r[0].text if isinstance(r[0], sb.MergedCell) else r[0]).strip() if r else "" for r in rows]
    for key in block.row_units:
        if key.strip() not in labels:
            raise InputError(f"{path}.row_units.{key}: 没有第一列为“{key}”的行 / no row's first cell is {key!r}")
    return [block.row_units.get(label, "") for label in labels]


def _merged_table(block: sb.TableBlock, header: list[Any], rows: list[list[Any]], units: list[str]) -> Table:
    """Return a table with merged cells as it is: several header rows allowed, no totals or number alignment; a
    row's own unit goes after its numbers."""

    def cell(value: Any, unit: str = "") -> Any:
        if isinstance(value, sb.MergedCell):
            text = format_number(value.text) + (unit if unit and _is_number(value.text) else "")
            return ooxml_table.Span(text, value.colspan, value.rowspan, value.head, value.align)
        return format_number(value) + (unit if unit and value not in (None, "") and _is_number(value) else "")

    header_rows = header if header and isinstance(header[0], list) else [header]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    body = [[cell(c, unit if i else "") for i, c in enumerate(r)] for r, unit in zip(rows, units, strict=True)]
    return [[cell(c) for c in r] for r in header_rows], body, None, None, title


def _table_data(block: sb.TableBlock, path: str) -> tuple[list[Any], list[list[Any]]]:
    if block.source is None:
        return list(block.header or []), [list(r) for r in block.rows or []]
    try:
        from annual_docx._input._sheets import read_table

        table = read_table(block.source.path, block.source.sheet)
    except InputError as exc:
        raise InputError(f"{path}.source: {exc}") from exc
    if not table:
        raise InputError(f"{path}.source: 表格为空 / the sheet is empty: {block.source.path}")
    return [format_number(c) for c in table[0]], [[_sheet_number(c) for c in row] for row in table[1:]]


def _sheet_number(value: Cell) -> Cell:
    """Return a sheet's number cell as a number (printed the library's way, ``5,120``, as a CSV or .xlsx holds
    values, not how a report writes them); other cells as they are."""
    if isinstance(value, str) and _is_number(value) and value.strip():
        number = float(value.replace(",", ""))
        return int(number) if number.is_integer() and "." not in value else number
    return value


def _is_number(value: Cell) -> bool:
    if isinstance(value, (int, float)):
        return True
    try:
        float(str(value).replace(",", ""))
    except ValueError:
        return False
    return True


def _number(value: Cell) -> float:
    return float(value) if isinstance(value, (int, float)) else float(str(value).replace(",", ""))
