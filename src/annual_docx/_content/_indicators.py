"""Statistics blocks: the 指标 / 上年 / 本年 / 同比 table, its rows read from a sheet, and a sentence for prose.

Column labels are the clerk's (``2015年`` / ``2016年`` or ``上年`` / ``本年``); a unit goes after each value
(``13.10万册次``) or into the row name (``外借册次（册次）``); a rate (unit ``%``) changes in 百分点
(外借率 67% → 68% is 提高1个百分点, not 增长1.5%). Number formatting is :mod:`annual_docx._numbers`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from annual_docx._model import schema_blocks as sb
from annual_docx._numbers import CountStyle, change_cell, change_phrase, format_count
from annual_docx._textwidth import text_width
from annual_docx.errors import InputError

if TYPE_CHECKING:
    from annual_docx._content._blocks import Table

SHEET_COLUMNS = {"指标": "name", "单位": "unit", "本年": "value", "上年": "last_year"}
"""The header a sheet of indicators names its columns by (the block's own labels are accepted too)."""


def indicators_of(block: sb.IndicatorsBlock, path: str) -> list[sb.Indicator]:
    """Return the block's indicators, inline or read from its sheet; ``path`` names the block in errors."""
    return list(block.indicators) if block.indicators is not None else _sheet_indicators(block, path)


def _sheet_indicators(block: sb.IndicatorsBlock, path: str) -> list[sb.Indicator]:
    """Return the indicators of a sheet whose header names the columns 指标, 单位, 本年 and 上年 (or the block's
    labels, e.g. 2015年 and 2016年)."""
    assert block.source is not None
    try:
        from annual_docx._input._sheets import read_table  # csv/openpyxl only for a sheet-sourced block

        table = read_table(block.source.path, block.source.sheet)
    except InputError as exc:
        raise InputError(f"{path}.source: {exc}") from exc
    labels = block.labels
    columns = {**SHEET_COLUMNS, labels.name: "name", labels.value: "value", labels.last_year: "last_year"}
    header = [str(c or "").strip() for c in (table[0] if table else [])]
    found = {columns[h] for h in header if h in columns}
    if not {"name", "value"} <= found:
        raise InputError(f"{path}.source: 表头须含“{labels.name}”和“{labels.value}”列（或“指标”和“本年”）/ the header "
                         f"needs columns {labels.name} and {labels.value} (or 指标 and 本年): {block.source.path}")
    out = []
    for i, row in enumerate(table[1:], start=2):
        fields = {columns[h]: v for h, v in zip(header, row, strict=True) if h in columns and v not in (None, "")}
        try:
            out.append(sb.Indicator.model_validate(fields))
        except ValueError as exc:
            raise InputError(f"{path}.source: 第 {i} 行无法读取 / row {i} is not an indicator: {exc}") from None
    return out


def indicator_table(block: sb.IndicatorsBlock, indicators: Sequence[sb.Indicator]) -> Table:
    """Return the table of a statistics block: 指标, 上年 (when any indicator has one), 本年 and the change."""
    style = CountStyle(wan_from=block.wan_from)
    labels = block.labels
    with_last = any(i.last_year is not None for i in indicators)
    with_change = with_last and block.change != "none"
    header = [labels.name, *([labels.last_year] if with_last else []), labels.value,
              *([labels.change] if with_change else [])]
    rows = []
    for ind in indicators:
        unit = ind.unit if block.unit_in == "value" else ""
        name = f"{ind.name}（{ind.unit}）" if ind.unit and block.unit_in == "name" else ind.name
        row = [name]
        if with_last:
            row.append(_count(ind, "last_year", unit, style) if ind.last_year is not None else "—")
        row.append(_count(ind, "value", unit, style))
        if with_change:
            row.append(change_cell(ind.value, ind.last_year, ind.unit, style, signed=block.change == "signed"))
        rows.append(row)
    aligns: list[str | None] = [None, *(["right"] * (len(header) - 1))]
    return header, rows, aligns, None, block.title


def _count(ind: sb.Indicator, key: Literal["value", "last_year"], unit: str, style: CountStyle) -> str:
    """Return the indicator's ``key`` with ``unit``: as written when written in 万/亿 (``31.2万人次``), else in the
    block's number style (``13.10万册次``)."""
    value = getattr(ind, key)
    written = ind.written(key)
    return f"{written}{unit}" if written else format_count(value, unit, style)


def weights(table: Table) -> list[float]:
    """Return column weights from the widest text of each column (a CJK character counts two), so that names such as
    外借册次（册次） and changes such as 提高3.5个百分点 fit on one line where the page allows."""
    header, rows = table[0], table[1]
    return [2.0 + max(_width(str(row[c])) for row in [header, *rows]) for c in range(len(header))]


def _width(text: str) -> float:
    return 2 * text_width(text)  # in half-width cells


def summary(block: sb.IndicatorsBlock, indicators: Sequence[sb.Indicator]) -> str:
    """Return the statistics as one sentence of prose: ``全年外借册次13.10万册次，同比增长8.3%；外借率68%，同比提高1个
    百分点。`` (the lead-in is ``summary`` when it is text)."""
    style = CountStyle(wan_from=block.wan_from)
    parts = []
    for ind in indicators:
        phrase = change_phrase(ind.value, ind.last_year, unit=ind.unit, style=style)
        parts.append(f"{ind.name}{_count(ind, 'value', ind.unit, style)}" + (f"，{phrase}" if phrase else ""))
    lead = block.summary if isinstance(block.summary, str) else ""
    return f"{lead}{'；'.join(parts)}。"
