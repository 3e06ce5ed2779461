"""Consistency checks over a valid :class:`Report`: things a schema cannot catch but a reader would.

Each check is a pure function ``Report -> list[Problem]``; :func:`lint` runs them all. The findings are warnings:
``annual-docx validate`` prints them (errors with ``--strict``) and ``render`` shows them without failing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import schema as s
from ._text import illegal_characters, strings
from .errors import Problem

if TYPE_CHECKING:
    from .govinfo import GovinfoReport

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HALF_WIDTH = re.compile(rf"(?<=[{_CJK}])[,.;:?!](?=\s*(?:$|[{_CJK}“‘《（]))")
_FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d))")
_SHARE = re.compile(r"占[^，,。；;%％]{0,12}?(\d+(?:\.\d+)?)\s*[%％]")


def check_personnel(report: s.Report) -> list[Problem]:
    """Flag breakdowns whose sum differs from the stated staff, and staff above the establishment."""
    out = []
    for i, section in enumerate(report.sections):
        if not isinstance(section, s.PersonnelSection):
            continue
        where = f"sections[{i}]"
        staff, posts = section.staff, section.establishment
        if staff is not None and posts is not None and posts < staff:
            out.append(Problem(f"{where}.establishment", f"编制 {posts} 人少于在职 {staff} 人 / the establishment "
                               f"({posts}) is smaller than the staff in post ({staff})"))
        for j, breakdown in enumerate(section.breakdowns):
            if staff is not None and breakdown.total != staff:
                out.append(Problem(
                    f"{where}.breakdowns[{j}].categories",
                    f"“{breakdown.title}”各类合计 {breakdown.total} 人，与在职人数 {staff} 人不符 / the categories of "
                    f"{breakdown.title!r} add up to {breakdown.total}, not the staff of {staff}",
                ))
    return out


def check_percentages(report: s.Report) -> list[Problem]:
    """Flag a paragraph whose shares (占…%) add up to more than 100%."""
    out = []
    for path, text in strings(report):
        shares = [float(m.group(1)) for m in _SHARE.finditer(text)]
        if len(shares) > 1 and sum(shares) > 100.5:
            total = f"{sum(shares):g}"
            out.append(Problem(path, f"所占比例合计 {total}%，超过 100% / the shares add up to {total}%, over 100%"))
    return out


def check_years(report: s.Report) -> list[Problem]:
    """Flag a year in the text that is not the report's year (``截至 2018 年 12 月`` in a 2020 report)."""
    out = []
    for path, text in strings(report):
        for year in dict.fromkeys(int(m.group(1)) for m in _YEAR.finditer(text)):
            if year != report.year:
                out.append(Problem(path, f"提到 {year} 年，与报告年度 {report.year} 年不同，请核对 / mentions the year "
                                   f"{year}, not the report year {report.year}; please check"))
    return out


def check_dates(report: s.Report) -> list[Problem]:
    """Flag a full date in the text later than the report's date (成文日期)."""
    if report.date is None:
        return []
    out = []
    for path, text in strings(report):
        for m in _DATE.finditer(text):
            month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            try:
                when = dt.date(int(m.group(1)), int(month), int(day))
            except ValueError:
                out.append(Problem(path, f"日期 {m.group(0)} 不存在 / {m.group(0)} is not a real date"))
                continue
            if when > report.date:
                out.append(Problem(path, f"日期 {m.group(0)} 晚于成文日期 {report.date} / the date {m.group(0)} is "
                                   f"after the report's date {report.date}"))
    return out


def check_punctuation(report: s.Report) -> list[Problem]:
    """Flag half-width punctuation (, . ; : ? !) inside Chinese sentences."""
    out = []
    for path, text in strings(report):
        marks = dict.fromkeys(m.group(0) for m in _HALF_WIDTH.finditer(text))
        for mark in marks:
            out.append(Problem(path, f"中文句中使用了半角标点“{mark}”，应为“{_FULL_WIDTH[mark]}” / half-width "
                               f"{mark!r} in Chinese text; use the full-width {_FULL_WIDTH[mark]!r}"))
    return out


def check_sections(report: s.Report) -> list[Problem]:
    """Flag duplicate section titles and sections with nothing under their title."""
    out = []
    seen: dict[str, int] = {}
    for i, section in enumerate(report.sections):
        if section.title in seen:
            out.append(Problem(f"sections[{i}].title", f"节标题“{section.title}”与 sections[{seen[section.title]}] "
                               f"重复 / the title repeats that of sections[{seen[section.title]}]"))
        seen.setdefault(section.title, i)
        if isinstance(section, s.TextSection) and not section.paragraphs and not section.blocks:
            out.append(Problem(f"sections[{i}]", "该节没有内容 / the section is empty"))
    return out


def check_characters(report: s.Report) -> list[Problem]:
    """Flag invisible control characters (pasted from Word); the document is written without them."""
    out = []
    for path, text in strings(report):
        if codes := illegal_characters(text):
            out.append(Problem(path, f"含有不可见的控制字符 {', '.join(codes)}，生成文档时已删除 / contains control "
                               f"characters {', '.join(codes)}, left out of the document"))
    return out


CHECKS: tuple[Callable[[s.Report], list[Problem]], ...] = (
    check_characters, check_personnel, check_percentages, check_years, check_dates, check_punctuation, check_sections,
)


def lint(report: s.Report | GovinfoReport) -> list[Problem]:
    """Return every consistency warning for ``report``, each with the field path it concerns (a 政府信息公开工作年度报告
    adds its own: numbers quoted in the text against the tables, headings)."""
    if not isinstance(report, s.Report):
        from .govinfo import lint as govinfo_lint

        return govinfo_lint(report)
    return [problem for check in CHECKS for problem in check(report)]
