"""Builders of the table blocks: 公文 tables (inline, merged cells, totals, from CSV/xlsx), 项目/内容 forms and
statistics (指标 / 上年 / 本年 / 同比)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from annual_docx._content import _indicators
from annual_docx._content._figures import Table as TablePiece
from annual_docx._content._piece import Block
from annual_docx._content._registry import Scope, block_type
from annual_docx._input._sheets import Cell, read_table
from annual_docx._model import schema_blocks as sb
from annual_docx._ooxml import table as ooxml_table
from annual_docx.errors import InputError


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
    totals = None
    if block.total is not None:
        summed = [r for r, unit in zip(rows, units, strict=True) if not unit]
        sums = [sum(_number(r[c]) for r in summed if r[c] not in (None, "")) if numeric[c] and c else None
                for c in range(len(header))]
        totals = [block.total, *(_format_cell(v) if v is not None else "" for v in sums[1:])]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    aligns: list[str | None] = ["right" if numeric[c] and c else None for c in range(len(header))]
    body = [[_format_cell(_number(v)) + unit if numeric[c] and c and v not in (None, "") else _format_cell(v)
             for c, v in enumerate(r)] for r, unit in zip(rows, units, strict=True)]
    return header, body, aligns, totals, title


def _row_units(block: sb.TableBlock, rows: list[list[Any]], path: str) -> list[str]:
    """Return each row's own unit from ``row_units`` (keyed by the row's first cell), "" for the others; a key that
    names no row is an error naming it."""
    labels = [_format_cell(r[0].text if isinstance(r[0], sb.MergedCell) else r[0]).strip() if r else "" for r in rows]
    for key in block.row_units:
        if key.strip() not in labels:
            raise InputError(f"{path}.row_units.{key}: 没有第一列为“{key}”的行 / no row's first cell is {key!r}")
    return [block.row_units.get(label, "") for label in labels]


def _merged_table(block: sb.TableBlock, header: list[Any], rows: list[list[Any]], units: list[str]) -> Table:
    """Return a table with merged cells as it is: several header rows allowed, no totals or number alignment; a
    row's own unit goes after its numbers."""

    def cell(value: Any, unit: str = "") -> Any:
        if isinstance(value, sb.MergedCell):
            text = _format_cell(value.text) + (unit if unit and _is_number(value.text) else "")
            return ooxml_table.Span(text, value.colspan, value.rowspan, value.head, value.align)
        return _format_cell(value) + (unit if unit and value not in (None, "") and _is_number(value) else "")

    header_rows = header if header and isinstance(header[0], list) else [header]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    body = [[cell(c, unit if i else "") for i, c in enumerate(r)] for r, unit in zip(rows, units, strict=True)]
    return [[cell(c) for c in r] for r in header_rows], body, None, None, title


def _table_data(block: sb.TableBlock, path: str) -> tuple[list[Any], list[list[Any]]]:
    if block.source is None:
        return list(block.header or []), [list(r) for r in block.rows or []]
    try:
        table = read_table(block.source.path, block.source.sheet)
    except InputError as exc:
        raise InputError(f"{path}.source: {exc}") from exc
    if not table:
        raise InputError(f"{path}.source: 表格为空 / the sheet is empty: {block.source.path}")
    return [_format_cell(c) for c in table[0]], table[1:]


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


def _format_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
