"""The headings of an imported document, as the structure recogniser (``annual_docx._roles``, shared with
``check``) found them, and the section tree rebuilt over them. Nesting follows the numbers: a number style seen
before closes back to its level, a new one opens a
deeper level; headings without a number nest by their Word level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annual_docx._ooxml.outline import Item, Para, Run
from annual_docx._roles import Role
from annual_docx._roles.text import number_of

MODEL_NUMBERS = ("一、", "（一）", "1.", "（1）", "【】")
"""The number styles the report model writes (``numbering``); other numbers are kept in the heading's text."""


@dataclass
class Node:
    """A heading and what follows it up to the next heading of its level or above."""

    title: str
    style: str  # number style: 一、 （一） 1. （1） 【】 无
    level: int  # 1-based depth in the tree
    content: list[Item] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    guessed: str = ""  # why it was taken for a heading when its style did not say so
    text: str = ""  # the heading as written, number included
    numbered: bool = True  # False: the title keeps its own number (or none) and the renderer adds none
    note: str = ""
    run_in: bool = False  # the heading opened a paragraph that goes on with body text


def headings_of(items: list[Item], roles: list[Role]) -> dict[int, Heading]:
    """Return the headings among ``items`` as the structure recogniser decided them (``roles``, one per item)."""
    out: dict[int, Heading] = {}
    for index, (item, role) in enumerate(zip(items, roles, strict=True)):
        if role.kind != "heading" or not isinstance(item, Para):
            continue
        text = item.text.strip()
        whole = item.text[:role.split] if role.split else item.text
        number, _, end = number_of(whole)
        title = whole[end:].strip() if number else whole.strip()
        if number not in MODEL_NUMBERS:  # 一是…, 第一章: the number stays in the title as written
            number, title = "", whole.strip()
        if number == "【】":
            title = text.strip("【】")
        rest = item.text[role.split:].strip() if role.split else ""
        guessed = "" if item.heading else f"标题级别按序号“{number}”推断 / heading level guessed from its number"
        out[index] = Heading(number or "无", title, role.level, guessed, whole.strip() if rest else text, rest)
    return out


@dataclass(frozen=True)
class Heading:
    """A heading found: number style (``无`` for none), title without the number, level, why it was guessed, the
    heading as written, and — for a run-in heading — the text of the paragraph after it."""

    style: str
    title: str
    level: int
    guessed: str
    text: str
    rest: str = ""


def build_tree(items: list[Item], headings: dict[int, Heading]) -> tuple[list[Item], list[Node]]:
    """Return the items before the first heading and the heading tree over the rest (``headings`` by index)."""
    lead: list[Item] = []
    roots: list[Node] = []
    stack: list[tuple[str, int, Node]] = []  # (number style or "无"+word level, word level, node)
    for index, item in enumerate(items):
        if index not in headings:
            (stack[-1][2].content if stack else lead).append(item)
            continue
        found = headings[index]
        style, title, word_level, note = found.style, found.title, found.level, found.guessed
        key = style if style != "无" else f"无{word_level}"
        if style == "无":  # an unnumbered heading's Word level is its depth
            del stack[max(word_level - 1, 0):]
        while stack and stack[-1][0] != key and key not in [k for k, _, _ in stack] and (
                stack[-1][1] > word_level or (stack[-1][1] == word_level and stack[-1][0].startswith("无"))):
            stack.pop()  # a Word level above closes deeper headings; so does an unnumbered one at the same level
        if key in [k for k, _, _ in stack]:
            while stack[-1][0] != key:
                stack.pop()
            stack.pop()
        node = Node(title, style, len(stack) + 1, guessed=note, text=found.text, run_in=bool(found.rest))
        if found.rest:  # a run-in heading: the rest of its paragraph is the section's first paragraph
            node.content.append(Para(found.rest, [Run(found.rest)]))
        (stack[-1][2].children if stack else roots).append(node)
        stack.append((key, word_level, node))
    return lead, roots


_CN = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def number_value(text: str) -> int | None:
    """Return the number a heading starts with (``三、`` → 3, ``（十二）`` → 12, ``4.`` → 4), None if it has none."""
    match = re.match(r"^[（(]?(\d{1,3}|[一二三四五六七八九十百零〇两]+)", text.strip())
    if not match:
        return None
    digits = match[1]
    if digits.isdigit():
        return int(digits)
    value, current = 0, 0
    for ch in digits:
        if ch == "百":
            value += (current or 1) * 100
            current = 0
        elif ch == "十":
            value += (current or 1) * 10
            current = 0
        else:
            current = _CN[ch]
    return value + current
