"""The head of a document, decided once the body starts: 版头 (issuer, 发文字号, 签发人), a red instruction line, the
label of a file that is itself an attachment, the title over one or more lines, the byline under it (来源, ——date
and meeting, the speaker), and 主送.

The title is the first title-like line (short, no sentence end, not a date, a number, a label or a placeholder),
taken with the lines after it that look the same (a title over two or three lines). A red line is the 发文机关标志
only when it reads like one (ends in 文件, or a 发文字号 follows); otherwise it is an instruction to the writer."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from annual_docx._roles.line import Line
from annual_docx._roles.text import (
    DATE,
    DATE_IN,
    DOC_NUMBER,
    INSTRUCTION,
    LABEL,
    compact,
    is_field,
    is_placeholder,
    is_red,
    number_of,
)

STYLE_ROLES = {"Issuer": "issuer", "DocNumber": "number", "Title": "title", "Recipients": "recipients",
               "AttachmentNote": "note", "Signature": "signature", "Date": "date", "AttachmentLabel": "label",
               "AttachmentTitle": "attachment_title", "Caption": "caption", "TableTitle": "caption",
               "RecordCc": "record", "RecordPrint": "record", "GroupTitle": "group"}
_TITLE_NAMES = {"title", "标题"}
TITLE_MAX = 60


def style_role(line: Line) -> str:
    """The part our template's style names (``Title``, ``Issuer``…), or ``""``."""
    return _style_role(line.style, line.style_name)


@functools.cache
def _style_role(style: str, name: str) -> str:
    return STYLE_ROLES.get(style) or STYLE_ROLES.get(name, "") or (
        "title" if compact(name).lower() in _TITLE_NAMES else "")


def is_toc(line: Line) -> bool:
    """Whether ``line`` is a line of a table of contents Word generates (styles toc 1…, 目录 1…)."""
    return _is_toc(line.style_name or line.style)


@functools.cache
def _is_toc(style_name: str) -> bool:
    name = compact(style_name).lower()
    return (name.startswith("toc") and name[3:].isdigit()) or (name.startswith("目录") and name[2:].isdigit())


def title_like(line: Line) -> bool:
    """Whether ``line`` could be (a line of) a title (not a cover's field such as 学校代码：10286)."""
    text = compact(line.text)
    if is_field(text):
        return False
    if line.place != "body" or not 2 <= len(text) <= TITLE_MAX or text.endswith(("。", "：", ":", "；", "，")):
        return False
    if DATE.match(text) or number_of(line.text)[0] or LABEL.match(text) or is_placeholder(text):
        return False
    return not text.startswith(("来源", "——", "—", "－", "-", "抄送", "（此页")) and "签发人" not in text


def is_byline(line: Line, text: str) -> bool:
    """A line under the title that is not the body: 来源, ——date and meeting, the date, the speaker."""
    if text.startswith(("来源", "——", "—", "－－", "作者", "发布", "时间", "日期", "（", "(")) and len(text) <= 120:
        return True
    if DATE.match(text) or (DATE_IN.search(text) and len(text) <= 90):
        return True
    return len(text) <= 24 and not text.endswith(("。", "：", ":", "；", "！"))


def is_instruction(line: Line, text: str) -> bool:
    """A red line that tells the writer what to do rather than naming the issuer."""
    return is_red(line.color) and (any(w in text for w in INSTRUCTION) or text.endswith("。") or len(text) > 30)


def decide(lines: Sequence[Line]) -> list[str]:
    """Return the role of each line of the head (``""`` for lines the body decides)."""
    roles = [""] * len(lines)
    texts = [compact(x.text) for x in lines]
    for i, line in enumerate(lines):
        role = style_role(line)
        if role:
            roles[i] = role
        elif not texts[i]:
            roles[i] = "empty"
    signers = False
    for i, role in enumerate(roles):  # the 发文字号 style holds 签发人 lines too (GB/T 9704 7.2.5)
        if role == "number" and "签发人" in texts[i]:
            roles[i], signers = "signer", True
        elif role == "number" and signers and not DOC_NUMBER.search(texts[i]):
            roles[i] = "signer_names"
    title_at = [i for i, r in enumerate(roles) if r == "title"]
    if not title_at:
        title_at = _find_title(lines, texts, roles)
    first = title_at[0] if title_at else len(lines)
    numbers = [i for i in range(first) if DOC_NUMBER.search(texts[i])]
    for i in range(first):
        if roles[i]:
            continue
        text = texts[i]
        if "签发人" in text:
            roles[i], signers = "signer", True
        elif signers and not DOC_NUMBER.search(text) and len(text) <= 20:
            roles[i] = "signer_names"
        elif DOC_NUMBER.search(text):
            roles[i] = "number"
        elif LABEL.match(text):
            roles[i] = "lead_label"
        elif is_instruction(lines[i], text):
            roles[i] = "instruction"
        elif (text.endswith("文件") and len(text) <= 30) or (
                (is_red(lines[i].color) or bool(numbers)) and numbers and numbers[-1] > i and len(text) <= 30):
            roles[i] = "issuer"
        elif title_at:
            roles[i] = "byline"  # something above the title: kept out of the body
    if title_at:
        _after_title(lines, texts, roles, title_at[-1])
    return roles


def _find_title(lines: Sequence[Line], texts: list[str], roles: list[str]) -> list[int]:
    start = None
    for i, line in enumerate(lines):
        if roles[i]:
            continue
        text = texts[i]
        if "签发人" in text or DOC_NUMBER.search(text) or LABEL.match(text) or is_instruction(line, text):
            continue
        if text.endswith("文件") and len(text) <= 30 and i + 1 < len(lines):
            continue  # the issuer's mark
        if line.place != "body" or (is_field(text) and len(text) <= 40):
            continue  # a text box, a cover's field (学校代码：10286) above the title
        if title_like(line):
            start = i
        break
    if start is None:
        return []
    start = _most_prominent(lines, texts, roles, start)
    found = [start]
    head = lines[start]
    for j in range(start + 1, len(lines)):
        if roles[j] == "empty":
            continue
        line = lines[j]
        if roles[j] or not title_like(line) or head.align != "center" or not _same_look(head, line) or \
                DATE_IN.search(texts[j]):
            break
        found.append(j)
    for j in found:
        roles[j] = "title"
    return found


def _most_prominent(lines: Sequence[Line], texts: list[str], roles: list[str], start: int) -> int:
    """The first title-like line, or a larger centred one right after it (a cover's 「某大学学位论文」 above the
    title in a larger size): the title is the most prominent of the lines that open the document."""
    best = start
    following = [j for j in range(start + 1, min(len(lines), start + 6)) if not roles[j]][:2]
    for j in following:
        line, top = lines[j], lines[best]
        if not title_like(line) or line.align != "center" or top.align != "center":
            break
        if (line.size_pt or 0) > (top.size_pt or 0) > 0:
            best = j
    return best


def _same_look(a: Line, b: Line) -> bool:
    return a.align == b.align and a.size_pt == b.size_pt and a.bold == b.bold and (a.color or "") == (b.color or "")


def _after_title(lines: Sequence[Line], texts: list[str], roles: list[str], last: int) -> None:
    for i in range(last + 1, len(lines)):
        if roles[i] == "empty":
            continue
        if roles[i]:
            if roles[i] == "recipients":
                return
            continue
        text = texts[i]
        if text.endswith(("：", ":")) and len(text) <= TITLE_MAX and not number_of(lines[i].text)[0] and \
                not is_field(text):
            roles[i] = "recipients"
            return
        if number_of(lines[i].text)[0] or not is_byline(lines[i], text):
            return
        roles[i] = "byline"
