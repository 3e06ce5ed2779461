"""The one number formatter: every number the library prints — table cells and totals, chart labels and alt text,
counts in 万/亿, shares and changes in percent, dates — is written here. It sits at the base, so the chart drawing,
the content stage and the importer all import it downward.

How Chinese annual reports write numbers: 13.10万册次, 1.36万人, 2,497人, 同比增长8.3%, 14.3%. A number read from the
report file remembers how it was written (:class:`SourceFloat`; ``156.40`` keeps its 0, ``1.0`` its .0) and is
printed that way; other numbers are rounded half up (四舍五入) to the decimals their place allows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from annual_docx._renamed import keyword_only


class SourceFloat(float):
    """A number read from a report file that remembers how it was written (``1.`` → 1.0 written as ``1.``)."""

    source: str

    def __new__(cls, value: float, source: str = "") -> SourceFloat:
        number = super().__new__(cls, value)
        number.source = source or repr(value)
        return number


PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$")
"""A number as a report file writes it and the library prints it back unchanged: digits, a point, digits."""


def source_of(value: object) -> str | None:
    """Return how a float read from a report file was written, in whatever form (``1.``, ``1e3``, ``156.40``), or
    None for a number that was not read from one."""
    source = getattr(value, "source", None)
    return source if isinstance(value, float) and isinstance(source, str) else None


def written(value: object) -> str | None:
    """Return how a float read from a report file was written when that is plain digits (``156.40``, ``1.0``), so
    it prints as written; None otherwise (``1.``, ``1e3``, a computed number)."""
    source = source_of(value)
    return source if source is not None and PLAIN.match(source) else None


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

_WAN = 10_000
_YI = 100_000_000


def _round(value: float | Decimal, decimals: int) -> Decimal:
    """Return ``value`` rounded half up (四舍五入) to ``decimals`` places, from its shortest decimal form."""
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def _trimmed(number: Decimal) -> Decimal:
    """Return ``number`` without trailing zeros after the point (``12.50`` → ``12.5``, ``3.00`` → ``3``), no ``-0``."""
    if number == 0:
        return Decimal(0)
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _grouped(number: Decimal | int, separator: str = ",") -> str:
    """Return ``number`` with ``separator`` between groups of three digits (``""``: none)."""
    return f"{number:,}".replace(",", separator)


def format_number(value: object, *, separator: str = ",", decimals: int = 2) -> str:
    """Return a number as tables and charts print it: as the report file wrote it (``156.40``, ``1.0``); other
    integers with ``separator`` between thousands (tables ``,``, chart labels none); other floats rounded half up to
    at most ``decimals`` places, trailing zeros dropped (``2.5``, not ``2.50``). An exact number (``Decimal``, the
    govinfo tables' figures) prints as given, a whole one without decimals (``66``). Text prints as it is, None as
    nothing."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        exact = Decimal(int(value)) if value == value.to_integral_value() else value
        return f"{exact:,f}".replace(",", separator)
    as_written = written(value)
    if as_written is not None:
        return as_written
    if isinstance(value, float):
        exact = Decimal(int(value)) if value.is_integer() else _trimmed(_round(value, decimals))
        return _grouped(exact, separator)
    if isinstance(value, int):
        return _grouped(value, separator)
    return str(value)


def format_label(value: object) -> str:
    """Return a number as a chart label or its alt text prints it: :func:`format_number` without thousands
    separators (``12500``, ``156.40``, ``2.5``)."""
    return format_number(value, separator="")


def format_ticks(values: Sequence[float], style: CountStyle = DEFAULT_STYLE) -> list[str]:
    """Return the labels of a chart's value axis, written as reports write counts: when the largest tick reaches
    ``style.wan_from`` every tick is in 万 (亿 from 100,000,000), each with only the decimals it needs (``0``,
    ``25万``, ``50万``, ``2.5万``, ``1.5亿``) — never a scientific offset (``1e6``) —, else as chart labels
    (``0``, ``2.5``, ``7500``)."""
    top = max((abs(float(v)) for v in values), default=0.0)
    if top >= _YI:
        scale, suffix = _YI, "亿"
    elif top >= style.wan_from:
        scale, suffix = _WAN, "万"
    else:
        return [format_label(float(v)) for v in values]
    return ["0" if v == 0 else f"{_trimmed(_round(float(v) / scale, 4))}{suffix}" for v in values]


def format_fixed(value: float, decimals: int, *, separator: str = "") -> str:
    """Return ``value`` rounded half up to exactly ``decimals`` places (``12.30``), with ``separator`` between
    thousands — a total printed like the numbers it adds up."""
    return _grouped(_round(value, decimals), separator)


def format_percent(value: float, decimals: int = 1) -> str:
    """Return ``value`` (already in percent) rounded half up to ``decimals`` places, with ``%``: ``14.3%``."""
    rounded = _round(value, decimals)
    return f"{abs(rounded) if rounded == 0 else rounded}%"


def format_count(value: float, unit: str = "", style: CountStyle = DEFAULT_STYLE) -> str:
    """Return ``value`` with ``unit`` as reports write it: ``131000 → 13.10万``, ``2497 → 2,497``.

    Values of at least ``style.wan_from`` are written in 万 (亿 from 100,000,000) with a fixed number of decimals;
    smaller values keep their own decimals — the decimals they were written with in the report file (``156.40``,
    ``1.0``) — and get a thousands separator.
    """
    magnitude = abs(value)
    if magnitude >= _YI:
        return f"{_round(value / _YI, style.yi_decimals)}亿{unit}"
    if magnitude >= style.wan_from:
        return f"{_round(value / _WAN, style.wan_decimals)}万{unit}"
    as_written = written(value)
    if as_written is not None:  # as the report file wrote it: 156.40 keeps its 0, 1.0 its .0
        exact = Decimal(as_written)
    else:
        exact = Decimal(int(value)) if float(value).is_integer() else Decimal(str(value))
    return _grouped(exact, style.thousands_separator) + unit


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
    return _trimmed(_round(this_year - last_year, style.percent_decimals))


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


@keyword_only("unit")
def change_phrase(this_year: float, last_year: float | None, *, unit: str = "",
                  style: CountStyle = DEFAULT_STYLE) -> str:
    """Return the change for prose: ``同比增长8.3%``, ``同比下降12.0%``, ``同比提高1个百分点`` (a rate, ``unit="%"``),
    ``与上年持平``; empty when there is nothing to compare with. ``unit`` given by position still works, with a
    DeprecationWarning."""
    if last_year is None or not is_rate(unit):
        return yoy_phrase(this_year, last_year, style)
    cell = change_cell(this_year, last_year, unit, style)
    return cell if cell == "与上年持平" else f"同比{cell}"


def chinese_date(date: dt.date) -> str:
    """Return ``date`` as GB/T 9704 writes it: ``2021年1月5日`` (Arabic numerals, no zero padding)."""
    return f"{date.year}年{date.month}月{date.day}日"
