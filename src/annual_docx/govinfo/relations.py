"""The arithmetic relations (勾稽关系) of tables 三 and 四, and whole, non-negative counts everywhere.

Each failure is its own :class:`~annual_docx.errors.Problem` naming the table, the row, the column and both sides, in
Chinese and English. Reviewers check exactly these; a report that breaks one is not rendered.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from annual_docx.errors import Problem
from annual_docx.govinfo import labels as L
from annual_docx.govinfo.keys import text
from annual_docx.govinfo.model import ZERO, Figures, GovinfoReport

FIELDS = {"二": "proactive", "三": "requests", "四": "reviews"}


_n = text


def _where(table: str, source: str | None) -> str:
    return f"{source} 表{table}" if source else FIELDS[table]


def counts(report: GovinfoReport, source: str | None = None) -> list[Problem]:
    """Flag counts that are negative or not whole (the 行政事业性收费 amount may have decimals, not be negative)."""
    out = []

    def check(table: str, row: str, columns: Iterable[str], values: Iterable[Decimal], whole: bool = True) -> None:
        for column, value in zip(columns, values, strict=False):
            if value < 0 or (whole and value != value.to_integral_value()):
                kind = "不小于0的整数" if whole else "不小于0的数"
                out.append(Problem(_where(table, source), f"表{table}“{row}”行“{column}”列为 {_n(value)}，应为{kind} / "
                                   f"table {table}, row {row}, column {column}: {_n(value)} is not a "
                                   f"{'whole number' if whole else 'number'} of 0 or more"))

    for block in L.TABLE2:
        for row in block.rows:
            if row in report.proactive:
                check("二", row, block.columns, report.proactive[row], whole=row != L.FEE_ROW)
    for path, values in report.requests.items():
        check("三", path[-1], L.COLUMNS3, values)
    for group, values in report.reviews.items():
        check("四", group, L.RESULTS4, values)
    return out


def table3(figures: Figures, source: str | None = None) -> list[Problem]:
    """Check table 三: per column 一 + 二 = （七）总计 + 四; （七）总计 = the 21 outcome rows; 总计 = six columns."""
    rows, where, out = figures.table3, _where("三", source), []
    by_label = {path[-1]: values for path, values in rows.items()}
    new, carried, total, carry = (by_label[x] for x in (L.NEW, L.CARRIED, L.OUTCOME_TOTAL, L.CARRY_OVER))
    for c, column in enumerate(L.COLUMNS3):
        left, right = new[c] + carried[c], total[c] + carry[c]
        if left != right:
            out.append(Problem(where, (
                f"表三“{column}”列：第一项加第二项之和（{_n(new[c])}+{_n(carried[c])}={_n(left)}）不等于第三项"
                f"（七）总计加第四项之和（{_n(total[c])}+{_n(carry[c])}={_n(right)}） / table 三, column {column}: "
                f"一 + 二 = {_n(left)} but 三（七）总计 + 四 = {_n(right)}")))
    for c, column in enumerate(L.COLUMNS3):
        outcomes = sum((rows[p][c] for p in L.OUTCOME_ROWS), ZERO)
        if outcomes != total[c]:
            out.append(Problem(where, (
                f"表三“（七）总计”行“{column}”列为 {_n(total[c])}，而（一）至（六）各项之和为 {_n(outcomes)} / "
                f"table 三, row （七）总计, column {column}: {_n(total[c])}, but the 21 outcome rows add up to "
                f"{_n(outcomes)}")))
    for path, values in rows.items():
        six = sum(values[:6], ZERO)
        if six != values[6]:
            out.append(Problem(where, (
                f"表三“{path[-1]}”行：“总计”列为 {_n(values[6])}，而自然人及法人或其他组织五列之和为 {_n(six)} / "
                f"table 三, row {path[-1]}, column 总计: {_n(values[6])}, but the six applicant columns add up to "
                f"{_n(six)}")))
    return out


def table4(figures: Figures, source: str | None = None) -> list[Problem]:
    """Check table 四: each group's 总计 is the sum of its four results."""
    out = []
    for group, values in figures.table4.items():
        four = sum(values[:4], ZERO)
        if four != values[4]:
            parent = L.REVIEW if group == L.REVIEW else f"{L.LITIGATION}·{group}"
            out.append(Problem(_where("四", source), (
                f"表四“{parent}”的“总计”为 {_n(values[4])}，"
                f"而结果维持、结果纠正、其他结果、尚未审结之和为 {_n(four)} / "
                f"table 四, {parent}, column 总计: {_n(values[4])}, but its four results add up to {_n(four)}")))
    return out


def relations(report: GovinfoReport, source: str | None = None) -> list[Problem]:
    """Return every broken count and relation of ``report``'s tables."""
    figures = report.figures
    return [*counts(report, source), *table3(figures, source), *table4(figures, source)]
