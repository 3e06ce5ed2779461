"""Warnings for a 政府信息公开工作年度报告: numbers quoted in the prose that differ from the tables, headings that are
neither the national wording nor a common variant, and the checks of any report (years, punctuation, characters)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from annual_docx._model.lint import report_lint, section_titles, silenced_places, unknown_places, unsilenced
from annual_docx._model.text import strings, walk
from annual_docx.errors import Problem
from annual_docx.govinfo import labels as L
from annual_docx.govinfo.convert import to_report
from annual_docx.govinfo.keys import text
from annual_docx.govinfo.model import SECTION_NUMBERS, ZERO, Figures, GovinfoReport

_GAP = r"[^。；，,;：:\d]{0,%d}?"
_ROWS = {path[-1]: path for path in L.ROWS3}


def _row(label: str) -> Callable[[Figures], Decimal]:
    return lambda f: f.table3[_ROWS[label]][6]


def _group(prefix: str) -> Callable[[Figures], Decimal]:
    return lambda f: sum((v[6] for p, v in f.table3.items() if len(p) > 2 and p[1] == prefix), ZERO)


QUOTES: tuple[tuple[re.Pattern[str], str, Callable[[Figures], Decimal]], ...] = tuple(
    (re.compile(pattern), where, get) for pattern, where, get in (
        (rf"(?:新收|收到|受理){_GAP % 12}申请{_GAP % 4}(\d+)\s*件", f"表三“{L.NEW}”总计", _row(L.NEW)),
        (rf"上年结转{_GAP % 10}(\d+)\s*件", f"表三“{L.CARRIED}”总计", _row(L.CARRIED)),
        (rf"结转下年度{_GAP % 8}(\d+)\s*件", f"表三“{L.CARRY_OVER}”总计", _row(L.CARRY_OVER)),
        (rf"办结{_GAP % 10}(\d+)\s*件", f"表三“{L.OUTCOME_TOTAL}”总计", _row(L.OUTCOME_TOTAL)),
        (rf"(?<!不)予以公开{_GAP % 3}(\d+)\s*件", "表三“（一）予以公开”总计", _row("（一）予以公开")),
        (rf"部分公开{_GAP % 3}(\d+)\s*件", "表三“（二）部分公开”总计",
         _row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
        (rf"不予公开{_GAP % 3}(\d+)\s*件", "表三“（三）不予公开”各项之和", _group("（三）不予公开")),
        (rf"无法提供{_GAP % 3}(\d+)\s*件", "表三“（四）无法提供”各项之和", _group("（四）无法提供")),
        (rf"不予处理{_GAP % 3}(\d+)\s*件", "表三“（五）不予处理”各项之和", _group("（五）不予处理")),
        (rf"行政复议{_GAP % 6}(\d+)\s*[件起]", "表四“行政复议”总计", lambda f: f.table4[L.REVIEW][4]),
        (rf"行政诉讼{_GAP % 6}(\d+)\s*[件起]", "表四“行政诉讼”两项总计之和",
         lambda f: f.table4[L.DIRECT][4] + f.table4[L.AFTER_REVIEW][4]),
        (rf"行政许可{_GAP % 8}(\d+)\s*件", "表二“行政许可”", lambda f: f.table2["行政许可"][0]),
        (rf"行政处罚{_GAP % 8}(\d+)\s*件", "表二“行政处罚”", lambda f: f.table2["行政处罚"][0]),
    )
)


def quoted_numbers(report: GovinfoReport) -> list[Problem]:
    """Flag a number in the prose (``收到申请66件``) that differs from the table it comes from. A number belongs to
    the row the sentence names nearest before it: in ``办结的申请中予以公开22件`` the 22 is the 予以公开 row, not
    the 办结 total, though both patterns reach it."""
    figures, out = report.figures, []
    prose = [("opening", report.opening), ("overview", report.overview), ("problems", report.problems),
             ("other", report.other)]
    for field, value in prose:
        for path, sentence in strings(value, field):
            nearest: dict[int, tuple[re.Match[str], str, Callable[[Figures], Decimal]]] = {}
            for pattern, where, get in QUOTES:
                for match in pattern.finditer(sentence):
                    named = nearest.get(match.start(1))
                    if named is None or match.start() > named[0].start():
                        nearest[match.start(1)] = (match, where, get)
            for _, (match, where, get) in sorted(nearest.items()):
                said, table = Decimal(match.group(1)), get(figures)
                if said != table:
                    out.append(Problem(path, f"文中“{match.group(0)}”为 {text(said)}，而{where}为 {text(table)} / "
                                       f"the text says {text(said)} ({match.group(0)}), the table {text(table)}",
                                       "W-QUOTED-NUMBER"))
    return out


def headings(report: GovinfoReport) -> list[Problem]:
    """Flag a section heading that is neither the national wording nor one of its common longer variants."""
    out = []
    for number, title in report.headings.items():
        index = SECTION_NUMBERS.index(number)
        allowed = (L.HEADINGS[index], *L.HEADING_VARIANTS.get(index, ()))
        if title not in allowed:
            out.append(Problem(f"headings.{number}", f"“{title}”不是国家格式的标题（{'、'.join(allowed)}）/ not the "
                               f"national heading of section {number}: {L.HEADINGS[index]}", "W-HEADING"))
    return out


_SECTION_FIELDS = {0: "overview", 4: "problems", 5: "other"}
_SECTION = re.compile(r"^sections\[(\d)\]")


def govinfo_path(path: str) -> str:
    """Return a field path of the converted report (``sections[0].sections[1]``) as the govinfo field it comes from
    (``overview.sections[1]``)."""
    return _SECTION.sub(lambda m: _SECTION_FIELDS.get(int(m.group(1)), m.group(0)), path)


def lint(report: GovinfoReport, *, silenced: bool = False) -> list[Problem]:
    """Return every warning for ``report``; the checks of any report name the govinfo fields. The report's
    ``lint:`` settings silence codes as in any report (``silenced=True`` keeps them): ``ignore`` everywhere,
    ``ignore_at`` under a govinfo field path (``overview.paragraphs[0]``, ``headings.三``) or a section title."""
    converted = to_report(report)
    problems = [Problem(govinfo_path(p.path), p.message, p.code) for p in report_lint(converted, silenced=True)]
    problems += [*headings(report), *quoted_numbers(report)]
    if not report.lint.ignore_at:
        return problems if silenced else unsilenced(problems, report.lint, {})
    fields = {path for name in type(report).model_fields if name != "lint"
              for path, _ in walk(getattr(report, name), name)}
    titles = {title: [govinfo_path(path) for path in paths] for title, paths in section_titles(converted).items()}
    problems += unknown_places(report.lint, fields | set(titles))
    if silenced:
        return problems
    return unsilenced(problems, report.lint, silenced_places(report.lint, fields, titles))
