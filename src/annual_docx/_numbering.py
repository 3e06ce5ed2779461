"""Literal heading numbers in the styles Chinese reports use: 一、 （一） 1. （1）, yearbook 【】 and none."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"

HEADING_LEVEL: dict[str, int | None] = {
    "一、": 1, "（一）": 2, "1.": 3, "（1）": 4, "【】": 3, "一是": None, "无": None,
}
"""Word heading level (style ``Heading N``) that each number style is set in, per GB/T 9704 7.3.3; yearbook
【概况】 headings take the 1. level's look; ``一是`` and ``无`` (unnumbered) keep the level of their nesting."""


def chinese_number(n: int) -> str:
    """Return ``n`` (1–9999) in Chinese numerals as headings write it: 十、十一、二十一、一百零五."""
    if not 0 < n < 10000:
        raise ValueError(f"cannot write {n} as a heading number")
    units = ["", "十", "百", "千"]
    digits = [int(d) for d in str(n)]
    out: list[str] = []
    zero_pending = False
    for i, d in enumerate(digits):
        place = len(digits) - 1 - i
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(DIGITS[d] + units[place])
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def heading_text(style: str, n: int, title: str) -> str:
    """Return a heading's full text: ``heading_text("（一）", 2, "读者服务") == "（二）读者服务"``,
    ``heading_text("【】", 1, "概况") == "【概况】"``, ``heading_text("无", 1, "概况") == "概况"``."""
    if style == "【】":
        return f"【{title}】"
    if style == "无":
        return title
    return number(style, n) + title


def number(style: str, n: int) -> str:
    """Return the literal number ``n`` in ``style``: ``number("（一）", 3) == "（三）"``."""
    if style == "一、":
        return f"{chinese_number(n)}、"
    if style == "（一）":
        return f"（{chinese_number(n)}）"
    if style == "1.":
        return f"{n}."
    if style == "（1）":
        return f"（{n}）"
    if style == "一是":
        return f"{chinese_number(n)}是"
    raise ValueError(f"unknown number style {style!r}")
