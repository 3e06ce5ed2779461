"""Read the numbers of tables 二、三、四 from a report's data: rows named by their national label or their number.

A clerk may write a row the way the printed table shows it (``（一）予以公开``), with half-width brackets or ASCII
quotes (``(一)予以公开``), or by its number alone (``（一）``, ``一``, ``1``). Every count becomes a
:class:`~decimal.Decimal`; whether it is whole and not negative is checked with the relations, so all such
errors are reported together.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from annual_docx._numbers import format_number
from annual_docx.govinfo import labels as L

Numbers = tuple[Decimal, ...]
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_FOLD = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", "．": ".", "\u3000": None, " ": None,
                       '"': None, "\u201c": None, "\u201d": None, "'": None, "、": None})


def fold(text: str) -> str:
    """Return ``text`` as keys are compared: full-width brackets, no spaces, quotes or 、, ASCII dots and digits."""
    text = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in str(text))
    return text.translate(_FOLD).rstrip(".")


def number_of(label: str) -> str:
    """Return the number a label starts with, folded (``（三）不予公开`` → ``（三）``, ``1.属于国家秘密`` → ``1``)."""
    match = _NUMBER.match(label)
    return fold(match.group(0)) if match else ""


def _names(label: str) -> set[str]:
    number = number_of(label)
    return {fold(label), *({number, number.strip("（）")} if number else set())}


def match_key(key: Any, choices: Sequence[str], where: str) -> str:
    """Return the label in ``choices`` that ``key`` names (by label or number), or raise ValueError naming it."""
    for label in choices:
        if fold(str(key)) in _names(label):
            return label
    close = difflib.get_close_matches(fold(str(key)), [fold(c) for c in choices], n=1, cutoff=0.5)
    hint = f"，是否应为“{choices[[fold(c) for c in choices].index(close[0])]}”？" if close else ""
    valid = "、".join(f"“{c}”" for c in choices)
    raise ValueError(f"{where}没有“{key}”这一行{hint}（可用：{valid}）/ {where} has no row {key!r}")


def number(value: Any, where: str) -> Decimal:
    """Return ``value`` (a number, a numeric string, or empty for 0) as a Decimal, or raise ValueError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Decimal(0)
    if isinstance(value, bool):
        raise ValueError(f"{where}应为数字，而不是 {value} / {where}: expected a number, not {value}")
    try:
        result = Decimal(str(value).strip().replace(",", "")) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise ValueError(f"{where}应为数字（实际为“{value}”）/ {where}: expected a number, found {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"{where}应为数字（实际为“{value}”）/ {where}: expected a number, found {value!r}")
    return result


def numbers(value: Any, columns: Sequence[str], counts: Sequence[int], where: str) -> Numbers:
    """Return a row's numbers: a list of one of the ``counts`` lengths (a lone number for one column)."""
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    if len(items) not in counts:
        wanted = "或".join(str(c) for c in counts)
        raise ValueError(f"{where}应有{wanted}个数（{'、'.join(columns[:max(counts)])}），实际为{len(items)}个 / "
                         f"{where}: expected {' or '.join(str(c) for c in counts)} numbers, found {len(items)}")
    return tuple(number(v, f"{where}“{columns[i]}”列") for i, v in enumerate(items))


def _mapping(data: Any, where: str) -> Mapping[Any, Any]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}应为“行名: 数字”的键值表 / {where}: expected a mapping of row names to numbers")
    return data


def table2(data: Any) -> dict[str, Numbers]:
    """Return table 二's given rows: row label → three counts (规章, 行政规范性文件) or one number."""
    rows = {row: block for block in L.TABLE2 for row in block.rows}
    out: dict[str, Numbers] = {}
    for key, value in _mapping(data, "表二").items():
        row = match_key(key, list(rows), "表二")
        columns = rows[row].columns
        out[row] = numbers(value, columns, [len(columns)], f"表二“{row}”行")
    return out


def table3(data: Any) -> dict[tuple[str, ...], Numbers]:
    """Return table 三's given rows: label path → six counts (the 总计 column computed) or seven."""
    out: dict[tuple[str, ...], Numbers] = {}

    def walk(level: Any, nodes: tuple[L.Node, ...], path: tuple[str, ...]) -> None:
        where = f"表三“{path[-1]}”下" if path else "表三"
        for key, value in _mapping(level, where).items():
            label = match_key(key, [n.label for n in nodes], where)
            node = next(n for n in nodes if n.label == label)
            if node.children:
                walk(value, node.children, (*path, label))
            else:
                leaf = (*path, label)
                out[leaf] = numbers(value, L.COLUMNS3, [6, 7], f"表三“{label}”行")

    walk(data, L.TABLE3, ())
    return out


def table4(data: Any) -> dict[str, Numbers]:
    """Return table 四's given groups (行政复议, 未经复议直接起诉, 复议后起诉) → four results (总计 computed) or
    five."""
    out: dict[str, Numbers] = {}
    for key, value in _mapping(data, "表四").items():
        group = match_key(key, L.GROUPS4, "表四")
        out[group] = numbers(value, L.RESULTS4, [4, 5], f"表四“{group}”")
    return out


def text(value: Decimal) -> str:
    """Return a number as the tables print it: whole numbers without decimals (``66``), amounts as given, no
    separator between thousands (the one formatter's :func:`~annual_docx._numbers.format_number`)."""
    return format_number(value, separator="")
