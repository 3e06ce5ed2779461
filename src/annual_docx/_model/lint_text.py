"""Lint checks over the report's text: years, dates, shares, punctuation, placeholders and control characters.

Each check is a pure function ``Report -> list[Problem]`` over every string of the report (its ``lint:`` settings
left out), each problem carrying its field path and code. Years are expected where a report compares years — table
headers and first columns, chart labels, chronology dates, indicator column labels — and are not flagged there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from annual_docx import schema as s
from annual_docx._model import schema_blocks as sb
from annual_docx._model.schema_lint import ancestors
from annual_docx._model.text import illegal_characters, walk
from annual_docx._model.tree import walk_sections
from annual_docx._numbers import format_number
from annual_docx.errors import Problem

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HALF_WIDTH = re.compile(rf"(?<=[{_CJK}])[,.;:?!](?=\s*(?:$|[{_CJK}“‘《（]))")
_FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d))")
_PLAN = re.compile(r"打算|计划|规划|思路|目标|安排|展望|设想|部署|下一步|明年|来年|工作要点|重点工作|努力方向")
"""Words of a section title that announce next year's plans (``2024年工作打算``, ``存在的问题和下一步打算``)."""
_SHARE = re.compile(r"占[^，,。；;%％]{0,12}?(\d+(?:\.\d+)?)\s*[%％]")
_PLACEHOLDER = re.compile(
    r"[×✕╳]{2,}|[ＸＸｘ]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|某某|[○□◯]{2,}|_{3,}|＿{2,}"
    r"|请填写|待填写?|待补充|此处填写|在此填写|(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"
)


_last: tuple[s.Report, list[tuple[str, Any]]] | None = None  # the last report walked, and what was found


def fields(report: s.Report) -> list[tuple[str, Any]]:
    """Return ``(field path, value)`` for everything in the report but its ``lint:`` settings, walked once for all
    the checks of one lint run (the last report's walk is kept)."""
    global _last
    cached = _last
    if cached is None or cached[0] is not report:
        found = [item for name in type(report).model_fields if name != "lint"
                 for item in walk(getattr(report, name), name)]
        cached = _last = (report, found)
    return cached[1]


def texts(report: s.Report) -> Iterator[tuple[str, str]]:
    """Yield ``(field path, text)`` for every string of the report except its ``lint:`` settings."""
    return ((path, value) for path, value in fields(report) if isinstance(value, str))


def check_characters(report: s.Report) -> list[Problem]:
    """Flag invisible control characters (pasted from Word); the document is written without them."""
    out = []
    for path, text in texts(report):
        if codes := illegal_characters(text):
            out.append(Problem(path, f"含有不可见的控制字符 {', '.join(codes)}，生成文档时已删除 / contains control "
                               f"characters {', '.join(codes)}, left out of the document", "W-CONTROL"))
    return out


def check_percentages(report: s.Report) -> list[Problem]:
    """Flag a paragraph whose shares (占…%) add up to more than 100%."""
    out = []
    for path, text in texts(report):
        shares = [float(m.group(1)) for m in _SHARE.finditer(text)]
        if len(shares) > 1 and sum(shares) > 100.5:
            total = format_number(sum(shares), separator="")
            out.append(Problem(path, f"所占比例合计 {total}%，超过 100% / the shares add up to {total}%, over 100%",
                               "W-SHARE"))
    return out


def year_places(report: s.Report) -> tuple[set[str], set[str]]:
    """Return the field paths where years are expected: ``(exact paths, paths with everything under them)``.

    Table titles, headers and first columns; a form's labels and item names; a chart's labels, series names,
    caption and title; category names (they label pie slices and bars); chronology dates; an indicators block's
    title and column labels. Found by type, so they are found at any depth of the section tree.
    """
    exact: set[str] = set()  # a dict's keys are walked at the dict's own path
    under: set[str] = set()
    for path, value in fields(report):
        if isinstance(value, sb.TableBlock):
            under |= {f"{path}.title", f"{path}.header"}
            under |= {f"{path}.rows[{r}][0]" for r in range(len(value.rows or []))}
        elif isinstance(value, sb.FormBlock):
            under.add(f"{path}.labels")
            exact.add(f"{path}.items")
        elif isinstance(value, sb.SeriesChart):
            under |= {f"{path}.labels", f"{path}.caption"}
            if isinstance(value, sb.ChartBlock):
                under.add(f"{path}.title")
            exact.add(f"{path}.series")
        elif isinstance(value, sb.ChronologyBlock):
            under |= {f"{path}.events[{e}].date" for e in range(len(value.events))}
        elif isinstance(value, sb.IndicatorsBlock):
            under |= {f"{path}.title", f"{path}.labels"}
        if isinstance(getattr(value, "categories", None), dict):
            exact.add(f"{path}.categories")
    return exact, under


def _expected(path: str, exact: set[str], under: set[str]) -> bool:
    """Return whether ``path`` is in ``exact``, or is or lies under a path of ``under``."""
    return path in exact or any(a in under for a in ancestors(path))


def plan_paths(report: s.Report) -> set[str]:
    """Return the field paths of the plan sections: a section whose title names next year's plans (:data:`_PLAN`);
    everything under such a section (its title, text, blocks and subsections) lies in the plan."""
    return {path for path, _, section in walk_sections(report.sections) if _PLAN.search(section.title)}


def check_years(report: s.Report) -> list[Problem]:
    """Flag a year in the text that is not the report's year, earlier (``截至 2018 年`` in a 2020 report) or later,
    except where years are expected (:func:`year_places`) and the next year in a plan section (:func:`plan_paths`);
    a report without a ``year`` whose text mentions years gets one warning on ``year`` that they cannot be checked
    (nothing is guessed)."""
    exact, under = year_places(report)
    plans = plan_paths(report)
    out = []
    for path, text in texts(report):
        if _expected(path, exact, under):
            continue
        in_plan = any(a in plans for a in ancestors(path))
        mentioned = dict.fromkeys(int(m.group(1)) for m in _YEAR.finditer(text))
        if report.year is None:
            if mentioned:  # once: without the report's year the years in the text cannot be checked
                return [Problem("year", "报告未写年度（year），无法核对正文中提到的年份 / the report states no year "
                                "(year), so the years its text mentions cannot be checked", "W-YEAR")]
            continue
        for year in mentioned:
            if year == report.year or (in_plan and year == report.year + 1):
                continue
            zh, en = (f"晚于报告年度 {report.year} 年", "after") if year > report.year else (
                f"与报告年度 {report.year} 年不同", "not")
            out.append(Problem(path, f"提到 {year} 年，{zh}，请核对 / mentions the year {year}, {en} the report year "
                               f"{report.year}; please check", "W-YEAR"))
    return out


def check_dates(report: s.Report) -> list[Problem]:
    """Flag a full date in the text later than the report's date (成文日期), and a date that does not exist."""
    out = []
    for path, text in texts(report):
        for m in _DATE.finditer(text):
            month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            try:
                when = dt.date(int(m.group(1)), int(month), int(day))
            except ValueError:
                out.append(Problem(path, f"日期 {m.group(0)} 不存在 / {m.group(0)} is not a real date",
                                   "W-DATE-INVALID"))
                continue
            if report.date is not None and when > report.date:
                out.append(Problem(path, f"日期 {m.group(0)} 晚于成文日期 {report.date} / the date {m.group(0)} is "
                                   f"after the report's date {report.date}", "W-DATE"))
    return out


def _distinct_matches(report: s.Report, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(field path, matched text)`` for each distinct match of ``pattern`` in each string of the report."""
    for path, text in texts(report):
        for found in dict.fromkeys(m.group(0) for m in pattern.finditer(text)):
            yield path, found


def check_punctuation(report: s.Report) -> list[Problem]:
    """Flag half-width punctuation (, . ; : ? !) inside Chinese sentences."""
    return [Problem(path, f"中文句中使用了半角标点“{mark}”，应为“{_FULL_WIDTH[mark]}” / half-width {mark!r} in Chinese "
                    f"text; use the full-width {_FULL_WIDTH[mark]!r}", "W-PUNCT")
            for path, mark in _distinct_matches(report, _HALF_WIDTH)]


def check_placeholders(report: s.Report) -> list[Problem]:
    """Flag starter placeholders left in the text: ××, 某某, XX, ○○, ____, 请填写, TODO …"""
    return [Problem(path, f"含有占位文字“{found}”，请替换为实际内容 / contains the placeholder {found!r}; replace it "
                    "with the real text", "W-PLACEHOLDER")
            for path, found in _distinct_matches(report, _PLACEHOLDER)]
