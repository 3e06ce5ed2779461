"""The text patterns the recogniser knows: heading numbers, dates, 发文字号, 附件 labels, captions, 版记 lines, red."""

from __future__ import annotations

import re

CN = "一二三四五六七八九十百零〇两"
NUMBERS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(rf"^[{CN}]{{1,4}}(?:、|[．.](?!\d))")),
    ("（一）", 2, re.compile(rf"^[（(][{CN}]{{1,4}}[）)]")),
    ("1.", 3, re.compile(r"^\d{1,3}(?:、|[.．](?!\d))")),
    ("（1）", 4, re.compile(r"^[（(]\d{1,3}[）)]")),
    # a technical report's decimal number 1.1 / 1.1.1 / 1.1.1.1 (level: how many parts), then a space, or a Chinese
    # character after three or more parts: 「1.1 项目背景」「2.3.1关键算法」, never 「1.5亿元」 (a line of its own:
    # ``_roles.heading``)
    ("1.1", 2, re.compile(r"^[1-9]\d?(?:[.．]\d{1,2}){1,3}(?=[^\S\n])"
                          r"|^[1-9]\d?(?:[.．]\d{1,2}){2,3}(?=[\u4e00-\u9fff])")),
    ("【】", 3, re.compile(r"^【[^】]{1,30}】$")),  # a yearbook's 【概况】 heading: the whole line
    ("一是", 2, re.compile(rf"^[{CN}]{{1,3}}是(?=\S)")),  # 一是… as a heading only when it stands alone
    ("第一章", 1, re.compile(rf"^第[{CN}\d]{{1,4}}[章编](?=\s|$)")),  # a regulation's chapter, a line of its own
    ("第一节", 2, re.compile(rf"^第[{CN}\d]{{1,4}}节(?=\s|$)")),
)
_OPENERS = frozenset(CN + "（(【第0123456789")  # the characters a heading number can start with
# the characters each number style can start with (every style of NUMBERS named), and so the styles to try for a
# line's first character, in NUMBERS's order: a line opening with 第 tries two patterns, not eight
_FIRST = {"一、": CN, "（一）": "（(", "1.": "0123456789", "（1）": "（(", "1.1": "123456789", "【】": "【", "一是": CN,
          "第一章": "第", "第一节": "第"}
_BY_FIRST = {c: tuple(entry for entry in NUMBERS if c in _FIRST[entry[0]]) for c in _OPENERS}
ARTICLE = re.compile(rf"^第[{CN}\d]{{1,5}}条")
CHAPTER = re.compile(rf"^第[{CN}\d]{{1,5}}[章节编]")
DOC_NUMBER = re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号")
_D = "\\d一二三四五六七八九十"
DATE = re.compile(rf"^(\d{{4}}|[〇零一二三四五六七八九○]{{4}})年[{_D}]{{1,3}}月[{_D}]{{1,3}}日$")
DATE_IN = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
ARABIC_DATE = re.compile(r"^\d{4}年[1-9]\d?月[1-9]\d?日")
CAPTION = re.compile(r"^(续?[图表])\s*(\d+)")
LABEL = re.compile(r"^附件\s*(\d*)$")
PRINTED = re.compile(rf"[\d{CN}]年.*日印发$")
SENTENCE_END = "。！？!?"
NOTES = re.compile(r"^(?:注|注释|附注|说明|备注|名词解释|名词解释说明)[：:]?$")
INSTRUCTION = ("请", "填写", "注：", "注:", "说明", "此处", "删除", "模板", "示例")
PLACEHOLDERS = re.compile(
    r"^[（(【\[]?(?:请?填写|请输入|输入)?(?:标准名称|文档标题|标题|文件名称|单位名称|名称)[）)】\]]?$")


_FIELD_LABEL = re.compile(r"^([^：:]{1,10})[：:]")
_FIELD_ENDS = ("姓名", "名称", "代码", "号", "级", "日期", "专业", "学院", "院系", "导师", "教师", "题目", "时间",
               "电话", "地址", "邮编", "UDC", "性别", "年级", "班级", "职称", "部门")


def is_field(text: str) -> bool:
    """Whether ``text`` is a cover's or form's field (学校代码：10286, 研究生姓名：), not a 主送 or a title."""
    match = _FIELD_LABEL.match(compact(text))
    return match is not None and match.group(1).endswith(_FIELD_ENDS)


def compact(text: str) -> str:
    """``text`` without any kind of space (U+3000, U+2003, U+00A0, tabs…)."""
    return "".join(text.split())


def lead_stripped(text: str) -> str:
    """``text`` without leading spaces of any kind."""
    return text.lstrip()


def number_of(text: str) -> tuple[str, int, int]:
    """Return ``(number style, level, end)`` of the heading number ``text`` opens with after any leading spaces
    (``end`` counts in ``text``, the number and the spaces after it included); ``("", 0, 0)`` for none."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in _OPENERS:
        return "", 0, 0
    skipped = len(text) - len(stripped)
    for style, level, pattern in _BY_FIRST[stripped[0]]:
        match = pattern.match(stripped)
        if match:
            rest = stripped[match.end():]
            if style == "1.1":  # 1.1 → 2, 1.1.1 → 3, 1.1.1.1 → 4
                level = min(4, 1 + sum(ch in ".．" for ch in match.group()))
            return style, level, skipped + match.end() + len(rest) - len(rest.lstrip())
    return "", 0, 0


_ARABIC = re.compile(r"^[（(]?(\d{1,3})")


def arabic_value(text: str) -> int:
    """The value of the arabic heading number ``text`` opens with (``3.`` and ``（3）`` → 3), 0 for none."""
    match = _ARABIC.match(text.lstrip())
    return int(match.group(1)) if match else 0


def is_red(color: str | None) -> bool:
    """Whether the hex colour ``color`` is a red (FF0000, C00000, E60012…)."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return r >= 0xC0 and g <= 0x50 and b <= 0x50


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is a template's placeholder (标准名称, （填写标准名称）), not a real title."""
    return bool(PLACEHOLDERS.match(compact(text)))


def is_record(text: str) -> bool:
    """Whether ``text`` is a line of the 版记 (抄送：…, …年…日印发)."""
    c = compact(text)
    return c.startswith(("抄送：", "抄送:")) or (c.endswith("印发") and PRINTED.search(c) is not None)


def first_sentence(rest: str) -> int:
    """The index just after the first sentence end (。！？) of ``rest``; 0 when it has none."""
    return next((i + 1 for i, ch in enumerate(rest) if ch in SENTENCE_END), 0)
