"""Turn a section's content blocks (lists, tables, forms, statistics, 大事记, page breaks) into template blocks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import schema_blocks as sb
from ._fonts import KAITI
from ._numbering import chinese_number
from ._numbers import NumberStyle, format_count, yoy_phrase
from ._ooxml import body as ooxml_body
from ._ooxml import table as ooxml_table
from ._sheets import Cell, read_table
from .errors import InputError

if TYPE_CHECKING:
    from ._context import Block

FULL_SPACE = "\u3000"
TEXT_SIZES: dict[str, int | None] = {"四号": None, "小四": 24, "五号": 21, "小五": 18}
"""Table text sizes in half-points (四号 is the table styles' own size)."""


def content_blocks(
    blocks: Sequence[sb.ContentBlock], path: str, chart: Callable[[sb.ChartBlock], Block]
) -> Iterator[Block]:
    """Yield the template blocks of ``blocks``; ``path`` (``sections[2].blocks``) names them in errors; ``chart``
    draws a chart block as a figure."""
    from ._context import Block

    previous_table = False
    for i, block in enumerate(blocks):
        is_table = isinstance(block, (sb.TableBlock, sb.FormBlock, sb.IndicatorsBlock))
        if is_table and previous_table and not getattr(block, "title", None):
            yield Block("paragraph")  # Word merges two tables that touch
        previous_table = is_table
        if isinstance(block, sb.ParagraphBlock):
            paragraph = ooxml_body.rich_paragraph(emphasis(block.text), kai_font=KAITI)
            yield Block("xml", xml=Markup(ooxml_body.markup([paragraph])))
        elif isinstance(block, sb.ListBlock):
            yield from (Block("paragraph", line) for line in list_lines(block))
        elif isinstance(block, sb.ChronologyBlock):
            yield from (Block("paragraph", f"{e.date}{FULL_SPACE}{e.event}") for e in block.events)
        elif isinstance(block, sb.ChartBlock):
            yield chart(block)
        elif isinstance(block, sb.PageBreakBlock):
            yield Block("xml", xml=Markup(ooxml_body.markup([ooxml_body.page_break()])))
        else:
            header, rows, aligns, totals, title = _tabulate(block, f"{path}[{i}]")
            try:
                elements = ooxml_table.official_table(header, rows, title=title, aligns=aligns, totals=totals,
                                                      weights=getattr(block, "widths", None),
                                                      size=TEXT_SIZES[getattr(block, "text_size", "四号")],
                                                      repeat_header=getattr(block, "repeat_header", True))
            except ValueError as exc:
                raise InputError(f"{path}[{i}]: 表格的列数不一致 / the table's rows do not line up: {exc}") from None
            yield Block("xml", xml=Markup(ooxml_body.markup(elements)))


_EMPHASIS = re.compile(r"\\\*|\*\*(.+?)\*\*|\*(.+?)\*", re.S)


def emphasis(text: str) -> list[tuple[str, str | None]]:
    """Split ``text`` into ``(text, emphasis)`` runs: ``**加粗**`` → bold, ``*引文*`` → kai (楷体);
    ``\\*`` is a star."""
    out: list[tuple[str, str | None]] = []
    plain, position = "", 0
    for match in _EMPHASIS.finditer(text):
        plain += text[position:match.start()]
        position = match.end()
        if match.group(0) == "\\*":
            plain += "*"
            continue
        if plain:
            out.append((plain, None))
            plain = ""
        out.append((match.group(1), "bold") if match.group(1) is not None else (match.group(2), "kai"))
    plain += text[position:]
    if plain:
        out.append((plain, None))
    return out


def list_lines(block: sb.ListBlock) -> list[str]:
    """Return a list's paragraphs: ``1.甲`` lines, or one ``一是甲；二是乙。`` sentence."""
    if block.style == "一是":
        parts = [f"{chinese_number(n)}是{item.rstrip('；;。.')}" for n, item in enumerate(block.items, start=1)]
        return [f"{block.lead or ''}{'；'.join(parts)}。"]
    if block.style == "（1）":
        return [f"（{n}）{item}" for n, item in enumerate(block.items, start=1)]
    return [f"{n}.{item}" for n, item in enumerate(block.items, start=1)]


Table = tuple[list[Any], list[list[Any]], list[str | None] | None, list[str] | None, str | None]


def _tabulate(block: sb.TableBlock | sb.FormBlock | sb.IndicatorsBlock, path: str) -> Table:
    if isinstance(block, sb.FormBlock):
        return list(block.labels), [[k, v] for k, v in block.items.items()], [None, "left"], None, block.title
    if isinstance(block, sb.IndicatorsBlock):
        indicators = block.indicators or _sheet_indicators(block, path)
        return indicator_table(indicators, block.title, block.wan_from)
    header, rows = _table_data(block, path)
    if any(isinstance(c, sb.MergedCell) for row in [*header, *rows] for c in (row if isinstance(row, list) else [row])):
        return _merged_table(block, header, rows)
    header = [str(c) for c in header]
    numeric = [bool(rows) and all(_is_number(r[c]) for r in rows if r[c] not in (None, "")) for c in range(len(header))]
    totals = None
    if block.total is not None:
        sums = [sum(_number(r[c]) for r in rows if r[c] not in (None, "")) if numeric[c] and c else None
                for c in range(len(header))]
        totals = [block.total, *(_format_cell(v) if v is not None else "" for v in sums[1:])]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    aligns: list[str | None] = ["right" if numeric[c] and c else None for c in range(len(header))]
    body = [[_format_cell(_number(v) if numeric[c] and c and v not in (None, "") else v) for c, v in enumerate(r)]
            for r in rows]
    return header, body, aligns, totals, title


def _merged_table(block: sb.TableBlock, header: list[Any], rows: list[list[Any]]) -> Table:
    """Return a table with merged cells as it is: several header rows allowed, no totals or number alignment."""

    def cell(value: Any) -> Any:
        if isinstance(value, sb.MergedCell):
            return ooxml_table.Span(_format_cell(value.text), value.colspan, value.rowspan, value.head, value.align)
        return _format_cell(value)

    header_rows = header if header and isinstance(header[0], list) else [header]
    title = f"{block.title}（单位：{block.unit}）" if block.title and block.unit else block.title
    return [[cell(c) for c in r] for r in header_rows], [[cell(c) for c in r] for r in rows], None, None, title


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


INDICATOR_COLUMNS = {"指标": "name", "单位": "unit", "本年": "value", "上年": "last_year"}


def _sheet_indicators(block: sb.IndicatorsBlock, path: str) -> list[sb.Indicator]:
    """Return the indicators of a sheet whose header names the columns 指标, 单位, 本年 and 上年."""
    assert block.source is not None
    try:
        table = read_table(block.source.path, block.source.sheet)
    except InputError as exc:
        raise InputError(f"{path}.source: {exc}") from exc
    header = [str(c or "").strip() for c in (table[0] if table else [])]
    if "指标" not in header or "本年" not in header:
        raise InputError(f"{path}.source: 表头须含“指标”和“本年”列 / the header needs columns 指标 and 本年: "
                         f"{block.source.path}")
    out = []
    for i, row in enumerate(table[1:], start=2):
        fields = {INDICATOR_COLUMNS[h]: v for h, v in zip(header, row, strict=True)
                  if h in INDICATOR_COLUMNS and v not in (None, "")}
        try:
            out.append(sb.Indicator.model_validate(fields))
        except ValueError as exc:
            raise InputError(f"{path}.source: 第 {i} 行无法读取 / row {i} is not an indicator: {exc}") from None
    return out


def indicator_table(indicators: Sequence[sb.Indicator], title: str | None, wan_from: int = 10_000) -> Table:
    """Return the 指标 / 上年 / 本年 / 同比 table of a statistics block."""
    style = NumberStyle(wan_from=wan_from)
    with_last = any(i.last_year is not None for i in indicators)
    header = ["指标", "上年", "本年", "同比"] if with_last else ["指标", "本年"]
    rows = []
    for ind in indicators:
        this_year = format_count(ind.value, ind.unit, style)
        if with_last:
            last = format_count(ind.last_year, ind.unit, style) if ind.last_year is not None else "—"
            change = yoy_phrase(ind.value, ind.last_year, style).removeprefix("同比") or "—"
            rows.append([ind.name, last, this_year, change])
        else:
            rows.append([ind.name, this_year])
    aligns: list[str | None] = [None, *(["right"] * (len(header) - 1))]
    return header, rows, aligns, None, title


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
