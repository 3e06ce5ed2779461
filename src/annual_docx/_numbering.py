"""Literal heading numbers in the styles Chinese official documents use: 一、 （一） 1. （1）."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"

HEADING_LEVEL = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}
"""Word heading level (style ``Heading N``) that each number style is set in, per GB/T 9704 7.3.3."""


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
    raise ValueError(f"unknown number style {style!r}")
