"""Break a long 公文 title into lines at word boundaries, longer line above (GB/T 9704 7.3.1: 梯形或菱形).

A title line of 二号 (22 pt) text holds 20 characters on the 156 mm 版心. Chinese has no spaces, so the places a
title may break are found from the words titles are made of: after a year (``2020年度``), after the name of an
organisation (``…图书馆``, ``…委员会``), before the kind of document (``工作年报``, ``关于``…), after a list comma.
Never inside a number, a Latin word, or quotation marks.
"""

from __future__ import annotations

import re

from annual_docx._textwidth import text_width

TITLE_CHARS = 20  # 442.25 pt / 22 pt

_STRONG_AFTER = re.compile(
    r"(?:\d{4}年度?|关于|委员会|办公室|中心|公司|大学|学院|学校|图书馆|博物馆|文化馆|美术馆|档案馆|纪念馆|"
    r"研究院|研究所|政府|机关|[、，：])"
)
_STRONG_BEFORE = re.compile(r"(?:关于|工作|年报|报告|总结|情况|通知|意见|方案|规划|计划|的)")
_WEAK_AFTER = re.compile(r"[省市县区镇乡村局厅部委馆院所站处科室队]")
_OPENERS, _CLOSERS = "“‘《（〔【\"", "”’》）〕】\""


def _protected(title: str, in_quotes: bool = False) -> set[int]:
    """Return the split positions that fall inside a number, a Latin word or (unless ``in_quotes``) quotation
    marks."""
    inside: set[int] = set()
    depth = 0
    for i, ch in enumerate(title):
        if ch in _OPENERS and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        if depth and not in_quotes and i + 1 < len(title):
            inside.add(i + 1)
    for m in re.finditer(r"[0-9A-Za-z.%]+", title):
        inside.update(range(m.start() + 1, m.end()))
    return inside


def break_points(title: str, *, weak: bool = False, in_quotes: bool = False) -> list[int]:
    """Return the positions (0 < i < len) where ``title`` may break, in order: word boundaries, with ``weak`` also
    after single-character place and unit words (市, 局…), with ``in_quotes`` also inside quotation marks."""
    points = {m.end() for m in _STRONG_AFTER.finditer(title)} | {m.start() for m in _STRONG_BEFORE.finditer(title)}
    if weak:
        points |= {m.end() for m in _WEAK_AFTER.finditer(title)}
    bad = _protected(title, in_quotes)
    return sorted(i for i in points if 0 < i < len(title) and i not in bad)


def title_lines(title: str, width: float = TITLE_CHARS) -> list[str]:
    """Return ``title`` as lines of at most ``width`` characters, broken at word boundaries with each line no
    shorter than the next (a trapezoid), as balanced as the boundaries allow."""
    title = title.strip()
    if text_width(title) <= width:
        return [title]
    tiers = [break_points(title), break_points(title, weak=True), break_points(title, weak=True, in_quotes=True)]
    for points in tiers:  # word integrity first, then the trapezoid shape
        two = [i for i in points if text_width(title[:i]) <= width and text_width(title[i:]) <= width]
        trapezoid = [i for i in two if text_width(title[:i]) >= text_width(title[i:])]
        if trapezoid:
            best = min(trapezoid, key=lambda i: text_width(title[:i]) - text_width(title[i:]))
            return [title[:best], title[best:]]
        if two and points is not tiers[0]:
            best = min(two, key=lambda i: abs(text_width(title[:i]) - text_width(title[i:])))
            return [title[:best], title[best:]]
    for points in tiers:
        fits = [i for i in points if width / 2 <= text_width(title[:i]) <= width]
        if fits:
            return [title[: max(fits)], *title_lines(title[max(fits):], width)]
    cut = _hard_cut(title, width)
    return [title[:cut], *title_lines(title[cut:], width)]
def _hard_cut(title: str, width: float) -> int:
    total = 0.0
    for i, ch in enumerate(title):
        total += text_width(ch)
        if total > width:
            return max(i, 1)
    return len(title)
