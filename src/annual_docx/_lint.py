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
from ._registry import registry
from ._text import illegal_characters, strings
from ._tree import original_sections, walk_blocks, walk_sections
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
    """Flag staff above the establishment in a personnel section (its breakdowns are checked as blocks)."""
    out = []
    for where, section in original_sections(report.sections):
        if not isinstance(section, s.PersonnelSection):
            continue
        staff, posts = section.staff, section.establishment
        if staff is not None and posts is not None and posts < staff:
            out.append(Problem(f"{where}.establishment", f"编制 {posts} 人少于在职 {staff} 人 / the establishment "
                               f"({posts}) is smaller than the staff in post ({staff})"))
    return out


def check_blocks(report: s.Report) -> list[Problem]:
    """Run each block type's own lint rule (from the block registry) on every block, at any level."""
    kinds = registry()
    out = []
    for path, block in walk_blocks(report):
        rule = kinds[type(block)].lint if type(block) in kinds else None
        out += rule(block, path) if rule else []
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
    """Flag a section title repeated among its siblings, and sections with nothing under their title, at any
    level."""
    out = []
    siblings: dict[str, dict[str, str]] = {}  # parent path -> title -> path of the first section with it
    for path, _depth, section in walk_sections(report.sections):
        seen = siblings.setdefault(path.rsplit("[", 1)[0], {})
        if section.title in seen:
            out.append(Problem(f"{path}.title", f"节标题“{section.title}”与 {seen[section.title]} "
                               f"重复 / the title repeats that of {seen[section.title]}"))
        seen.setdefault(section.title, path)
        if not (section.paragraphs or section.blocks or section.sections or section.closing):
            out.append(Problem(path, "该节没有内容 / the section is empty"))
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
    check_characters, check_personnel, check_blocks, check_percentages, check_years, check_dates, check_punctuation,
    check_sections,
)


def lint(report: s.Report | GovinfoReport) -> list[Problem]:
    """Return every consistency warning for ``report``, each with the field path it concerns (a 政府信息公开工作年度报告
    adds its own: numbers quoted in the text against the tables, headings)."""
    if not isinstance(report, s.Report):
        from .govinfo import lint as govinfo_lint

        return govinfo_lint(report)
    return [problem for check in CHECKS for problem in check(report)]
