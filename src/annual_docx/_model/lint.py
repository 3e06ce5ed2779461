"""Consistency checks over a valid :class:`Report`: things a schema cannot catch but a reader would.

Each check is a pure function ``Report -> list[Problem]``; :func:`lint` runs them all and drops the ones the report's
``lint:`` settings silence. Every finding has a code (:data:`~annual_docx._model.schema_lint.LINT_CODES`). The
findings are warnings: ``annual-docx validate`` prints them (errors with ``--strict``) and ``render`` shows them
without failing.
The text checks are in :mod:`.lint_text`; the ones over the section tree are here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from annual_docx import schema as s
from annual_docx._model.lint_text import (
    check_characters,
    check_dates,
    check_percentages,
    check_placeholders,
    check_punctuation,
    check_years,
    fields,
)
from annual_docx._model.schema_lint import LintSettings, ancestors
from annual_docx._model.tree import number_styles, original_sections, walk_blocks, walk_sections
from annual_docx.errors import Problem

if TYPE_CHECKING:
    from annual_docx._model.report_kind import ReportKind

_TYPED_NUMBER = re.compile(
    r"^\s*(?:(?P<cn>[一二三四五六七八九十百零〇]+)\s*[、，,.．]|[（(]\s*(?P<cn_paren>[一二三四五六七八九十百零〇]+)\s*[）)]"
    r"|(?P<digit>\d{1,2})\s*[.．、](?!\d)|[（(]\s*(?P<digit_paren>\d{1,2})\s*[）)]|【.+】\s*$)"
)
_TYPED_STYLE = {"cn": "一、", "cn_paren": "（一）", "digit": "1.", "digit_paren": "（1）"}


def check_personnel(report: s.Report) -> list[Problem]:
    """Flag staff above the establishment in a personnel section (its breakdowns are checked as blocks)."""
    out = []
    for where, section in original_sections(report.sections):
        if not isinstance(section, s.PersonnelSection):
            continue
        staff, posts = section.staff, section.establishment
        if staff is not None and posts is not None and posts < staff:
            out.append(Problem(f"{where}.establishment", f"编制 {posts} 人少于在职 {staff} 人 / the establishment "
                               f"({posts}) is smaller than the staff in post ({staff})", "W-POSTS"))
    return out


def check_blocks(report: s.Report) -> list[Problem]:
    """Run each block's own lint rule (its model's ``lint_problems``) on every block, at any level."""
    return [problem for path, block in walk_blocks(report) for problem in block.lint_problems(path)]


def check_sections(report: s.Report) -> list[Problem]:
    """Flag a section title repeated among its siblings, and sections with nothing under their title, at any
    level."""
    out = []
    siblings: dict[str, dict[str, str]] = {}  # parent path -> title -> path of the first section with it
    for path, _depth, section in walk_sections(report.sections):
        seen = siblings.setdefault(path.rsplit("[", 1)[0], {})
        if section.title in seen:
            out.append(Problem(f"{path}.title", f"节标题“{section.title}”与 {seen[section.title]} "
                               f"重复 / the title repeats that of {seen[section.title]}", "W-DUP-TITLE"))
        seen.setdefault(section.title, path)
        if not (section.paragraphs or section.blocks or section.sections or section.closing):
            out.append(Problem(path, "该节没有内容 / the section is empty", "W-EMPTY"))
    return out


def typed_style(title: str) -> str | None:
    """Return the number style of a number typed at the start of a title (``（一）主要职能`` → ``（一）``), if any."""
    m = _TYPED_NUMBER.match(title)
    if not m:
        return None
    return next((style for group, style in _TYPED_STYLE.items() if m.group(group)), "【】")


def check_numbering(report: s.Report) -> list[Problem]:
    """Flag a heading number typed into a numbered title (it would read 一、一、…), and a section numbered in the
    same style as its parent (（一） under （一）), whether the style comes from ``numbering`` or is typed."""
    out = []
    styles: dict[str, tuple[str, str]] = {}  # section path → (its number style, its title)
    numbering = number_styles(report.numbering, report.sections)
    for where, _depth, section in walk_sections(report.sections):
        level = numbering[where]
        if not section.numbered:
            level = "无"
        typed = typed_style(section.title)
        if typed and level != "无":
            out.append(Problem(f"{where}.title", f"标题“{section.title}”中手写了序号，序号会自动加上（{level}），请删去"
                               f"或将该级设为“无” / the title has a typed number; numbers are added ({level}): remove "
                               "it or number the level 无", "W-TYPED-NUMBER"))
        style = level if level != "无" else (typed or "无")
        styles[where] = (style, section.title)
        above, parent = styles[where.rsplit(".", 1)[0]] if "." in where else ("无", "")
        if style != "无" and style == above:
            out.append(Problem(where, f"“{section.title}”与上级节“{parent}”同用“{style}”式序号，请核对层级 / "
                               f"numbered in the same style ({style}) as its parent section; check its level",
                               "W-NUMBERING"))
    return out


def silenced_places(settings: LintSettings, fields: set[str], titles: dict[str, list[str]]) -> dict[str, set[str]]:
    """Return field path → codes silenced there, from ``lint.ignore_at``: a key is a field path as warnings print it
    (one of ``fields``: ``sections[2].blocks[0]``) or a section title (``2021年工作打算``: its paths in ``titles``,
    that section wherever it is)."""
    places: dict[str, set[str]] = {}
    for key, codes in settings.ignore_at.items():
        for where in [key] if key in fields else titles.get(key, []):
            places.setdefault(where, set()).update(codes)
    return places


def section_titles(report: s.Report) -> dict[str, list[str]]:
    """Return section title → the field paths of the sections with that title."""
    titles: dict[str, list[str]] = {}
    for path, _depth, section in walk_sections(report.sections):
        titles.setdefault(section.title, []).append(path)
    return titles


def unknown_places(settings: LintSettings, known: set[str]) -> list[Problem]:
    """Flag a ``lint.ignore_at`` key that names neither a field nor a section title (a typo, or a section since
    removed), so nothing is silenced by mistake; ``known`` holds the field paths and the titles."""
    return [Problem(f"lint.ignore_at.{key}", f"“{key}”既不是字段路径也不是节标题，该处的警告未被屏蔽 / {key!r} names "
                    "neither a field nor a section title: nothing is silenced there", "W-IGNORE-PATH")
            for key in settings.ignore_at if key not in known]


def unsilenced(problems: list[Problem], settings: LintSettings, places: dict[str, set[str]]) -> list[Problem]:
    """Return ``problems`` less those whose code ``settings.ignore`` lists or ``places`` silences at or above
    their path."""
    return [p for p in problems if p.code not in settings.ignore
            and not any(p.code in places.get(where, ()) for where in ancestors(p.path))]


def _fields(report: s.Report) -> set[str]:
    return {path for path, _ in fields(report)}


def check_silencing(report: s.Report) -> list[Problem]:
    """Flag a ``lint.ignore_at`` key that names neither a field nor a section title."""
    if not report.lint.ignore_at:
        return []
    return unknown_places(report.lint, _fields(report) | set(section_titles(report)))


CHECKS: tuple[Callable[[s.Report], list[Problem]], ...] = (
    check_characters, check_personnel, check_blocks, check_percentages, check_years, check_dates, check_punctuation,
    check_placeholders, check_sections, check_numbering, check_silencing,
)


def lint(report: ReportKind, *, silenced: bool = False) -> list[Problem]:
    """Return every consistency warning for ``report``, each with its field path and code, leaving out those the
    report's ``lint:`` settings silence (``silenced=True`` keeps them). A 政府信息公开工作年度报告 adds its own:
    numbers quoted in the text against the tables, headings."""
    return report.lint_warnings(silenced=silenced)


def report_lint(report: s.Report, *, silenced: bool = False) -> list[Problem]:
    """Return the warnings of an ordinary :class:`Report` (what :func:`lint` gives for one)."""
    problems = [problem for check in CHECKS for problem in check(report)]
    if silenced:
        return problems
    places = silenced_places(report.lint, _fields(report), section_titles(report)) if report.lint.ignore_at else {}
    return unsilenced(problems, report.lint, places)
