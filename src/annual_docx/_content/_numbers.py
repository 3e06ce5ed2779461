"""Numbers the way Chinese annual reports write them: 13.10万册次, 1.36万人, 2,497人, 同比增长8.3%."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class CountStyle:
    """How counts are written: from which value 万/亿 are used, and how many decimals they keep. (How a heading
    level is numbered, 一、 or （一）, is :data:`annual_docx.schema.NumberStyle`, a different thing.)"""

    wan_from: int = 10_000
    wan_decimals: int = 2
    yi_decimals: int = 2
    thousands_separator: str = ","
    percent_decimals: int = 1


DEFAULT_STYLE = CountStyle()


def _round(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_count(value: float, unit: str = "", style: CountStyle = DEFAULT_STYLE) -> str:
    """Return ``value`` with ``unit`` as reports write it: ``131000 → 13.10万``, ``2497 → 2,497``.

    Values of at least ``style.wan_from`` are written in 万 (亿 from 100,000,000) with a fixed number of decimals;
    smaller values keep their own decimals — the decimals they were written with in the report file (``156.40``,
    ``1.0``) — and get a thousands separator.
    """
    magnitude = abs(value)
    if magnitude >= 100_000_000:
        return f"{_round(value / 100_000_000, style.yi_decimals)}亿{unit}"
    if magnitude >= style.wan_from:
        return f"{_round(value / 10_000, style.wan_decimals)}万{unit}"
    written = _written(value)
    if written is not None:  # as the report file wrote it: 156.40 keeps its 0, 1.0 its .0
        text = f"{Decimal(written):,}"
    else:
        text = f"{int(value):,}" if float(value).is_integer() else f"{Decimal(str(value)):,}"
    return text.replace(",", style.thousands_separator) + unit


def _written(value: float) -> str | None:
    """Return how a float read from the report file was written (``156.40``), if it was written plainly."""
    source = getattr(value, "source", None)
    if isinstance(source, str) and source.replace(".", "", 1).lstrip("-").isdigit():
        return source
    return None


def change_percent(this_year: float, last_year: float) -> float | None:
    """Return the year-over-year change in percent, or None when last year was zero."""
    if last_year == 0:
        return None
    return (this_year - last_year) / abs(last_year) * 100


def yoy_phrase(this_year: float, last_year: float | None, style: CountStyle = DEFAULT_STYLE) -> str:
    """Return ``同比增长8.3%``, ``同比下降12.0%`` or ``与上年持平``; empty when there is nothing to compare with."""
    if last_year is None:
        return ""
    change = change_percent(this_year, last_year)
    if change is None:
        return "上年为0" if this_year else "与上年持平"
    rounded = _round(abs(change), style.percent_decimals)
    if rounded == 0:
        return "与上年持平"
    return f"同比{'增长' if change > 0 else '下降'}{rounded}%"


RATE_UNITS = ("%", "％")
"""Units of rates (外借率 67%): they are compared in 百分点, not in percent of percent."""


def is_rate(unit: str) -> bool:
    """Return whether values in ``unit`` are rates, compared in 百分点."""
    return unit.strip() in RATE_UNITS


def _points(this_year: float, last_year: float, style: CountStyle) -> Decimal:
    """Return the difference of two rates in 百分点, rounded, without trailing zeros (67 → 68 is 1, not 1.0)."""
    points = _round(this_year - last_year, style.percent_decimals)
    points = abs(points) if points == 0 else points  # no -0
    return points.quantize(Decimal(1)) if points == points.to_integral_value() else points.normalize()


def change_cell(this_year: float, last_year: float | None, unit: str = "", style: CountStyle = DEFAULT_STYLE,
                *, signed: bool = False) -> str:
    """Return the change from last year as a table cell: ``增长8.3%``, ``提高1个百分点``, ``与上年持平``; or, with
    ``signed``, ``+8.3%``, ``-12.0%``, ``+1个百分点``, ``0个百分点``. ``—`` when there is nothing to compare with."""
    if last_year is None:
        return "—"
    if is_rate(unit):
        points = _points(this_year, last_year, style)
        if signed:
            return f"{'+' if points > 0 else ''}{points}个百分点"
        return "与上年持平" if points == 0 else f"{'提高' if points > 0 else '下降'}{abs(points)}个百分点"
    if not signed:
        return yoy_phrase(this_year, last_year, style).removeprefix("同比") or "—"
    change = change_percent(this_year, last_year)
    if change is None:
        return "—"
    rounded = _round(change, style.percent_decimals)
    rounded = abs(rounded) if rounded == 0 else rounded  # no -0.0%
    return f"{'+' if rounded > 0 else ''}{rounded}%"


def change_phrase(this_year: float, last_year: float | None, unit: str = "", *,
                  style: CountStyle = DEFAULT_STYLE) -> str:
    """Return the change for prose: ``同比增长8.3%``, ``同比下降12.0%``, ``同比提高1个百分点`` (a rate, unit ``%``),
    ``与上年持平``; empty when there is nothing to compare with."""
    if last_year is None or not is_rate(unit):
        return yoy_phrase(this_year, last_year, style)
    cell = change_cell(this_year, last_year, unit, style)
    return cell if cell == "与上年持平" else f"同比{cell}"


def chinese_date(date: dt.date) -> str:
    """Return ``date`` as GB/T 9704 writes it: ``2021年1月5日`` (Arabic numerals, no zero padding)."""
    return f"{date.year}年{date.month}月{date.day}日"
