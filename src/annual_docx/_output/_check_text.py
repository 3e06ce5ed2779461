"""``check`` items for the text of a 公文 (GB/T 9704 7.3): headings by level (一、 黑体, （一） 楷体, 1. and （1）
仿宋, 三号 — 7.3.3; one look per level is a note, the standard does not ask it), the title (小标宋 二号, centred —
7.3.1) and the body (仿宋 三号 — 7.3.3). Each item takes the document's facts and parts and returns findings; none
when the document has no such part."""

from __future__ import annotations

import re
from collections.abc import Callable

from annual_docx._ooxml.body_facts import Para
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import Parts
from annual_docx._output._check_stream import Gathered, Offenders
from annual_docx._output._finding import NOTE, PASS, PRACTICE, Finding, note, quote
from annual_docx.gbt9704 import BODY_PT, TITLE_PT

FACE_NAMES = {
    "黑体": ("黑体", "simhei", "hei"),
    "楷体": ("楷体", "kaiti", "kai"),
    "仿宋": ("仿宋", "fangsong", "fang"),
    "小标宋": ("小标宋", "xiaobiaosong", "xbs"),
}
HEADING_FACES = {1: "黑体", 2: "楷体", 3: "仿宋", 4: "仿宋"}
HEADING_NAMES = {1: ("一级标题", "heading 1"), 2: ("二级标题", "heading 2"), 3: ("三级标题", "heading 3"),
                 4: ("四级标题", "heading 4")}
_CN = "一二三四五六七八九十百零〇"
_NUMBER_STYLES = (  # a heading's number as typed or rendered → its style, as the label shows it
    (re.compile(rf"^[{_CN}]+[、，]"), "一、"), (re.compile(rf"^[（(][{_CN}]+[）)]"), "（一）"),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), "1."), (re.compile(r"^[（(]\d{1,2}[）)]"), "（1）"),
    (re.compile(r"^【.+】"), "【】"), (re.compile(rf"^[{_CN}]+是"), "一是"),
    (re.compile(rf"^第[{_CN}]+章"), "第一章"), (re.compile(rf"^第[{_CN}\d]+节"), "第一节"),
    (re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){1,3}(?![.．]?\d)"), "1.1"),
)
GB_LEVELS = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}  # the four numbers 7.3.3 names, each with its layer's face
PRACTICE_STYLES = frozenset(("第一章", "第一节", "1.1"))  # chapters, sections, a technical report's 1.1 / 1.1.1


def number_styles(p: Para) -> list[str]:
    """The number styles a heading's text starts with (``一、``, ``（一）``, ``1.``, ``（1）``, ``【】``, ``一是`` for a
    heading line that counts 一是、二是…, ``第一章`` for a regulation's chapters); none when unnumbered."""
    text = p.text.strip()
    return [style for pattern, style in _NUMBER_STYLES if pattern.match(text)]


def heading_key(p: Para, level: int) -> tuple[int, bool]:
    """The level a heading is judged at and whether only practice applies to it: a heading numbered 一、（一）1.（1）
    is at most that number's layer (a writer's Heading 2 on 「一、重要提示」 does not make it a 楷体 heading; a
    Heading 1 「1. 简介」 stays the first layer); one numbered only 第一章, 第一节 or 1.1 / 1.1.1 keeps its level but
    7.3.3 names no face for it (practice, a note); an unnumbered heading set by its style or outline level
    (「释义」) keeps its level (7.3.3's faces go by layer)."""
    styles = number_styles(p)
    layer = next((GB_LEVELS[style] for style in styles if style in GB_LEVELS), 0)
    if layer:
        return min(layer, level), False
    return level, bool(styles) and all(style in PRACTICE_STYLES for style in styles)


def heading_label(level: int, styles: dict[str, None]) -> str:
    """Return the label of a heading level with the number ``styles`` its headings use, in order of first use:
    ``三级标题「1.」 / heading 3``, ``三级标题「【】」`` for a yearbook's 【】 headings, no style when unnumbered."""
    zh, en = HEADING_NAMES[level]
    return f"{zh}{''.join(f'「{style}」' for style in styles)} / {en}"


def has_face(found: str | None, face: str) -> bool:
    """Whether the font name ``found`` is the face ``face`` (黑体, 楷体, 仿宋, 小标宋) by its Chinese or Latin name."""
    name = (found or "").lower()
    return any(alias in name for alias in FACE_NAMES[face])


def look(p: Para) -> str:
    """The font, size and weight of ``p``'s first words, as the found column shows them."""
    bold = " 加粗 / bold" if p.bold else ""
    return f"{p.east_asia or '未设置 / not set'} {p.size_pt or '?'} pt{bold}"


def offender_rows(item: str, expected: str, found: Offenders, summary: str, clause: str) -> list[Finding]:
    """One failing row per offender kept in ``found`` (the first MAX_ROWS, the rest counted in one row), or one
    passing row saying how many paragraphs were checked; every row cites ``clause``."""
    if not found.failed:
        good = found.checked
        return [Finding(item, expected, f"{good} 处符合 / {good} checked: {summary}", True, clause=clause)]
    rows = [Finding(item, expected, what, False, quote(p.n, p.text), clause) for p, what in found.first]
    more = found.failed - len(found.first)
    if more:
        rows.append(Finding(item, expected, f"另有 {more} 处 / {more} more", False, clause=clause))
    return rows


def judge(paras: list[Para], fault: Callable[[Para], str | None]) -> Offenders:
    """The offenders among a few kept ``paras`` (a part's lines) by ``fault``."""
    found = Offenders()
    for p in paras:
        found.add(p, fault(p))
    return found


def paragraph_rows(item: str, expected: str, paras: list[Para], fault: Callable[[Para], str | None],
                   summary: str, clause: str) -> list[Finding]:
    """:func:`offender_rows` for the kept paragraphs of a part, judged by ``fault``."""
    return offender_rows(item, expected, judge(paras, fault), summary, clause)


def body_fault(p: Para) -> str | None:
    """What is wrong with a body paragraph (仿宋 三号, by its first words), None when nothing."""
    return None if has_face(p.east_asia, "仿宋") and p.size_pt == BODY_PT else look(p)


def heading_fault(p: Para, level: int) -> str | None:
    """What is wrong with a heading of ``level`` (its level's face, 三号), None when nothing."""
    return None if has_face(p.east_asia, HEADING_FACES[level]) and p.size_pt == BODY_PT else look(p)


LOOK_FIELDS = (("style", "样式 / style"), ("east_asia", "字体 / font"), ("size_pt", "字号 / size"),
               ("bold", "加粗 / bold"))


def _value(p: Para, name: str) -> str:
    value = getattr(p, name)
    if name == "bold":
        return "是 / yes" if value else "否 / no"
    if name == "size_pt":
        return f"{value:g} pt" if value else "?"
    return str(value or "未设置 / not set")


def differences(odd: Para, common: Para) -> str:
    """What tells ``odd``'s look from ``common``'s: each differing property with both values."""
    return "；".join(f"{label} {_value(odd, name)}（多数为 / most {_value(common, name)}）"
                     for name, label in LOOK_FIELDS if getattr(odd, name) != getattr(common, name))


def headings(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Each heading level in its face at 三号 (7.3.3); one look (style, face, size, weight) per level is a note."""
    rows: list[Finding] = []
    judged = [(level, stats, False) for level, stats in sorted(parts.levels.items())]
    practice = [(level, stats, True) for level, stats in sorted(parts.practice_levels.items())]
    for level, stats, by_practice in judged + practice:
        face, label = HEADING_FACES[level], heading_label(level, stats.number_styles)
        level_rows = offender_rows(f"{label} 字体字号 / font", f"{face} 三号 16 pt", stats.offenders,
                                   f"{face} 16 pt", "7.3.3")
        if by_practice:  # 7.3.3 names the faces of 一、（一）1.（1）, not of chapters, sections, 1.1 or no number
            why = ("章标题：惯例，标准未规定 / chapters: practice" if list(stats.number_styles) == ["第一章"] else
                   "非「一、（一）1.（1）」编号：惯例，标准未规定 / numbered other than 一、（一）1.（1）: practice")
            level_rows = [Finding(f.item, f"{f.expected}（{why}）", f.found,
                                  True, f.where, PRACTICE, PASS if f.ok else NOTE) for f in level_rows]
        rows += level_rows
        looks = stats.looks
        common_key = max(looks, key=lambda k: looks[k].count)  # the first of the most common
        common = looks[common_key].first
        odd = min((seen.first for key, seen in looks.items() if key != common_key), key=lambda x: x.n, default=None)
        count = len(looks) + (1 if stats.other_looks else 0)
        found = (f"{count} 种 / {count} looks: {differences(odd, common)}" if odd else
                 f"{common.style} {look(common)}")
        rows.append(note(f"{label} 格式统一 / one style per level",
                         "同级标题同一样式（惯例，标准只规定字体）/ one look a level (practice)", found, odd is None,
                         quote(odd.n, odd.text) if odd else ""))
    return rows


def title(facts: DocFacts, parts: Parts) -> list[Finding]:
    """The title in 小标宋 二号 (22 pt), centred (7.3.1)."""
    paras = parts.of("title")

    def fault(p: Para) -> str | None:
        right = has_face(p.east_asia, "小标宋") and p.size_pt == TITLE_PT and p.align == "center"
        return None if right else f"{look(p)}，{p.align or 'left'}"

    return paragraph_rows("标题 / title", "小标宋 二号 22 pt，居中 / centred", paras, fault, "小标宋 22 pt",
                          "7.3.1") if paras else []


def body_text(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Body paragraphs in 仿宋 三号 (16 pt), judged by each paragraph's first words (7.3.3)."""
    return offender_rows("正文段落 / body paragraphs", "仿宋 三号 16 pt", parts.body, "仿宋 16 pt",
                         "7.3.3") if parts.body.checked else []
