"""Find the headings of an imported document and rebuild the section tree.

A paragraph is a heading when its style is a Word heading style or carries an outline level, or — in a document
without such styles for that number style — when it is a short numbered line (一、 （一） 1. （1） 【】) followed by
body text. Nesting follows the numbers: a number style seen before closes back to its level, a new one opens a
deeper level; headings without a number nest by their Word level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from annual_docx._ooxml.outline import Item, Para, Run

NUMBERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(r"^[一二三四五六七八九十百零〇两]+[、，,．.]\s*")),
    ("（一）", re.compile(r"^[（(][一二三四五六七八九十百零〇]+[）)]\s*")),
    ("1.", re.compile(r"^\d{1,3}(?:[.．、](?!\d)|\s)\s*")),
    ("（1）", re.compile(r"^[（(]\d{1,3}[）)]\s*")),
    ("【】", re.compile(r"^【(.+)】$")),
)
GB_LEVEL = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4, "【】": 3, "无": 9}
_SENTENCE_END = ("。", "；", ";", "，", ",", "：", ":")


def number_style(text: str) -> tuple[str, str]:
    """Return ``(number style, title without the number)``; ``("无", text)`` for an unnumbered line."""
    text = text.strip()
    for style, pattern in NUMBERS:
        match = pattern.match(text)
        if match and (style == "【】" or text[match.end():].strip()):
            title = match.group(1) if style == "【】" else text[match.end():]
            return style, title.strip()
    return "无", text


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
    run_in: bool = False  # the heading opened its first paragraph (段首标题)


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*\d$", re.I)
_CLOSING = ("。", "！", "？", "!", "?")


def split_run_in(items: list[Item]) -> list[Item]:
    """Return ``items`` with each run-in heading split off the paragraph it opens (段首标题): a body paragraph (not
    in a heading style) that starts with a heading number (一、 （一） 1. （1）) and goes on after the heading, when

    - it carries an outline level (as ``render`` writes it): the heading is its leading runs in one look (face,
      bold, 楷体) when the text goes on in another, or — all in one look (a （1） heading in 仿宋) — its runs up to
      the first one that ends a sentence (``。``);
    - or, without an outline level, its leading runs stand out — bold, 楷体 or a 黑体/楷体 face the rest does not
      have — and hold the heading sentence, up to its ``。`` (which may be the first character after them, not
      emphasised): ``**（一）坚持稳中求进，推动经济回升向好**。全年……``. Its level is its number's (（一） → 2).
    """
    out: list[Item] = []
    for item in items:
        split = _run_in(item) if isinstance(item, Para) else None
        out.extend(split or [item])
    return out


def _stands_out(look: tuple[str, bool, bool], rest: tuple[str, bool, bool]) -> bool:
    face, bold, kai = look
    return (bold and not rest[1]) or (kai and not rest[2]) or (
        face != rest[0] and any(mark in face for mark in ("黑", "楷", "Hei", "Kai")))


def _split_runs(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """Return ``runs`` split after the first ``at`` characters (a run across the point is cut in two)."""
    head: list[Run] = []
    rest = list(runs)
    while at and rest:
        first = rest.pop(0)
        if len(first.text) <= at:
            head.append(first)
            at -= len(first.text)
        else:
            head.append(replace(first, text=first.text[:at]))
            rest.insert(0, replace(first, text=first.text[at:]))
            at = 0
    return head, rest


def _run_in(para: Para) -> list[Para] | None:
    if para.in_textbox or len(para.runs) < 2 or _HEADING_STYLE.match(para.style_name or ""):
        return None
    looks = [(r.face, r.bold, r.kai) for r in para.runs]
    cut = next((i for i in range(1, len(looks)) if looks[i] != looks[0]), None)
    level = para.heading
    if level is None:  # by look alone: the heading must stand out and end its sentence
        if cut is None or not _stands_out(looks[0], looks[cut]):
            return None
        text = "".join(r.text for r in para.runs)
        emphasised = len("".join(r.text for r in para.runs[:cut]))
        end = next((i + 1 for i, c in enumerate(text) if c in "。！？!?"), None)  # the heading is one sentence
        if end is None or end > emphasised + 1 or end > 80:  # ends inside the emphasis, or on the next character
            return None
        head, rest = text[:end], text[end:]
        style = number_style(head)[0]
        if style not in ("一、", "（一）", "1.", "（1）") or not rest.strip():
            return None
        head_runs, rest_runs = _split_runs(para.runs, end)
        return [Para(head.strip(), head_runs, para.style, para.style_name, GB_LEVEL[style], para.align, run_in=True),
                Para(rest.strip(), rest_runs, para.style, para.style_name, None, para.align)]
    if cut is None:  # one look throughout: the heading ends with the first run that ends a sentence
        cut = next((i + 1 for i, r in enumerate(para.runs[:-1]) if r.text.rstrip().endswith(_CLOSING)), None)
    head = "".join(r.text for r in para.runs[:cut]) if cut else ""
    rest = "".join(r.text for r in para.runs[cut:]) if cut else ""
    if not cut or not head.strip() or not rest.strip() or number_style(head)[0] == "无":
        return None
    return [Para(head.strip(), para.runs[:cut], para.style, para.style_name, level, para.align, run_in=True),
            Para(rest.strip(), para.runs[cut:], para.style, para.style_name, None, para.align)]


def _short_line(para: Para) -> bool:
    text = para.text.strip()
    return 0 < len(text) <= 40 and "\n" not in text and not text.endswith(_SENTENCE_END)


def find_headings(items: list[Item]) -> dict[int, tuple[str, str, int, str]]:
    """Return ``{index: (number style, title, word level, guess note)}`` of the items that are headings."""
    styled_numbers = {number_style(i.text)[0] for i in items if isinstance(i, Para) and i.heading and not i.run_in}
    out: dict[int, tuple[str, str, int, str]] = {}
    for index, item in enumerate(items):
        if not isinstance(item, Para) or item.in_textbox or not item.text.strip():
            continue
        style, title = number_style(item.text)
        if item.heading:
            out[index] = (style, title, item.heading, "")
            continue
        if style == "无" or style in styled_numbers or not _short_line(item):
            continue
        following = next((x for x in items[index + 1:] if not (isinstance(x, Para) and not x.text.strip())), None)
        previous = next((x for x in reversed(items[:index]) if not (isinstance(x, Para) and not x.text.strip())),
                        None)
        if following is None:
            continue
        in_list = any(isinstance(x, Para) and not x.heading and number_style(x.text)[0] == style and _short_line(x)
                      for x in (following, previous))
        if in_list:
            continue
        out[index] = (style, title, GB_LEVEL[style], f"标题级别按序号“{style}”推断 / heading level guessed from its "
                                                      f"number")
    return out


def build_tree(items: list[Item]) -> tuple[list[Item], list[Node]]:
    """Return the items before the first heading and the heading tree over the rest."""
    headings = find_headings(items)
    lead: list[Item] = []
    roots: list[Node] = []
    stack: list[tuple[str, int, Node]] = []  # (number style or "无"+word level, word level, node)
    for index, item in enumerate(items):
        if index not in headings:
            (stack[-1][2].content if stack else lead).append(item)
            continue
        style, title, word_level, note = headings[index]
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
        para = items[index]
        assert isinstance(para, Para)
        node = Node(title, style, len(stack) + 1, guessed=note, text=para.text.strip(), run_in=para.run_in)
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
