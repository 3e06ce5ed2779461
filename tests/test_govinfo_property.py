"""Property test of the relations: tables built by the test's own arithmetic (no library code) always validate, and
changing any one number of table 三 or 四 by one is always refused."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import annual_docx
from annual_docx.errors import ReportValidationError

from .test_govinfo import valid

GROUPS = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
SIMPLE = ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
count = st.integers(min_value=0, max_value=40)
six = st.lists(count, min_size=6, max_size=6)


def with_total(row: list[int]) -> list[int]:
    return [*row, sum(row)]


@st.composite
def tables(draw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return table 三 and table 四 data whose relations hold by the test's own sums, every total given."""
    outcomes = [draw(six) for _ in range(2 + sum(GROUPS.values()))]
    total = [sum(row[c] for row in outcomes) for c in range(6)]
    carried = [min(v, t) for v, t in zip(draw(six), total, strict=True)]
    carry_over = draw(six)
    new = [t + o - c for t, o, c in zip(total, carry_over, carried, strict=True)]
    rows = iter(outcomes)
    block: dict[str, Any] = {label: with_total(next(rows)) for label in SIMPLE}
    for group, size in GROUPS.items():
        block[group] = {str(n): with_total(next(rows)) for n in range(1, size + 1)}
    block["（七）总计"] = with_total(total)
    requests = {"一": with_total(new), "二": with_total(carried), "三": block, "四": with_total(carry_over)}
    reviews = {g: with_total(draw(st.lists(count, min_size=4, max_size=4)))
               for g in ("行政复议", "未经复议直接起诉", "复议后起诉")}
    return requests, reviews


def cells(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every number in nested table data."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in cells(value, (*path, key))]
    return [(*path, i) for i in range(len(data))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.data())
def test_consistent_tables_validate_and_any_changed_number_is_refused(
    built: tuple[dict[str, Any], dict[str, Any]], pick: st.DataObject
) -> None:
    requests, reviews = built
    annual_docx.validate(valid(requests=requests, reviews=reviews))
    table = pick.draw(st.sampled_from(["requests", "reviews"]))
    data = {"requests": requests, "reviews": reviews}[table]
    path = pick.draw(st.sampled_from(cells(data)))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] += 1
    try:
        annual_docx.validate(valid(requests=requests, reviews=reviews))
    except ReportValidationError as exc:
        assert exc.problems
    else:
        raise AssertionError(f"changing {table} {path} by one was accepted")
