"""The parts around the body of an imported document — title and the byline under it, 版头 (issuer, 发文字号,
签发人), 主送, 附件说明, 署名 and 成文日期, attachment pages and the 版记 — gathered from the roles the structure
recogniser (``annual_docx._roles``, shared with ``check``) gives each item."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from annual_docx._ooxml.outline import Item, Para, Table
from annual_docx._roles import Role

_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DATE = re.compile(
    r"^\s*([〇零一二三四五六七八九○]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_DOC_NUMBER = re.compile(r"^.{0,20}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号$")
_PRINTED = re.compile(r"^(?P<printer>.*?)\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)印发\s*$", re.S)
_ATTACHMENT_LINE = re.compile(r"^(?:附件[：:]\s*)?(?:\d+[.．、]\s*)?(?P<title>.+)$")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def parse_date(text: str) -> dt.date | None:
    """Return the date of ``2021年1月5日`` or ``二〇二一年一月五日``; None for other text or an impossible date."""
    match = _DATE.match(text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _CN_DATE.match(text)
        if match:
            year = int("".join(str(_CN_DIGIT[c]) for c in match[1]))
            return dt.date(year, _cn_small(match[2]), _cn_small(match[3]))
    except ValueError:
        return None
    return None


def _cn_small(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGIT[text[1]]
    if text.endswith("十"):
        return 10 * _CN_DIGIT[text[0]]
    return _CN_DIGIT[text[0]] * 10 + _CN_DIGIT[text[2]] if len(text) == 3 else _CN_DIGIT[text]


@dataclass
class Frame:
    """What surrounds the body: each found part, and the body items left over."""

    title: str = ""
    byline: list[str] = field(default_factory=list)  # the lines under the title (——date and meeting, speaker, 来源)
    official: dict[str, Any] = field(default_factory=dict)
    signature: str | None = None
    date: dt.date | None = None
    body: list[Item] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)  # the role of each body item
    notes: dict[str, str] = field(default_factory=dict)


def _text(item: Item) -> str:
    return item.text.strip() if isinstance(item, Para) else ""


def split_frame(items: list[Item], roles: list[Role]) -> Frame:
    """Return the title, official parts, 落款 and attachments of ``items`` as the structure recogniser decided them
    (``roles``, one per item), and the body between them (its items with their roles)."""
    frame = Frame()
    titles: list[str] = []
    notes: list[str] = []
    attachments: list[dict[str, Any]] = []
    for item, role in zip(items, roles, strict=True):
        text = _text(item)
        kind = role.kind
        if role.part and kind not in ("label", "record"):
            if attachments:
                if kind == "attachment_title" and not attachments[-1]["title"]:
                    attachments[-1]["title"] = text
                elif kind == "attachment_title" and not attachments[-1]["items"]:
                    attachments[-1]["title"] += text
                elif kind != "empty":
                    attachments[-1]["items"].append(item)
                    attachments[-1]["roles"].append(role)  # its headings become the attachment's sections
            continue
        if kind == "title":
            titles.append(text.replace("\n", ""))
        elif kind == "issuer":
            frame.official["issuer"] = text
        elif kind in ("number", "signer") and not _DOC_NUMBER.match(text.partition("签发人")[0].strip()) and (
                kind == "number" or text.partition("签发人")[0].strip()):
            frame.body.append(item)  # in the 发文字号's place but not one (a template's tag): kept as text
            frame.roles.append(Role("body"))
        elif kind in ("number", "signer"):
            number, _, signers = text.partition("签发人")
            if number.strip():
                frame.official["number"] = number.strip()
            names = [n for n in re.split(r"[\s、，,]+", signers.lstrip("：: \t")) if n]
            if names:
                frame.official.setdefault("signers", []).extend(names)
        elif kind == "signer_names":
            frame.official.setdefault("signers", []).extend(n for n in re.split(r"[\s、，,]+", text) if n)
        elif kind == "byline" and titles and not frame.body and text:  # under the title, before the body
            frame.byline.append(text.replace("\n", ""))
        elif kind == "recipients":
            frame.official["recipients"] = text
        elif kind == "signature":
            frame.signature = text
        elif kind == "date":
            frame.date = parse_date(text)
        elif kind == "record":
            _record(text, frame)
        elif kind == "note":
            notes.append(text)
        elif kind == "label":
            attachments.append({"title": "", "items": [], "roles": []})
        elif kind == "instruction":
            frame.notes["instruction"] = f"未导入给撰稿人的说明行 / an instruction line was left out: {text}"
        elif kind != "lead_label":
            frame.body.append(item)
            frame.roles.append(role)
    frame.title = "".join(titles)
    listed = [m["title"].strip() for line in notes if (m := _ATTACHMENT_LINE.match(line.strip("\u3000 ")))]
    merged: list[dict[str, Any]] = []
    for title in listed:
        page = next((a for a in attachments if a["title"] == title), None)
        if page is not None:
            attachments.remove(page)
        merged.append(page or {"title": title})
    for n, page in enumerate(attachments, start=len(merged) + 1):  # pages the 附件说明 does not list
        merged.append(page if page["title"] else {**page, "title": f"附件{n}"})
    if merged:
        frame.official["attachments"] = merged
    return frame


def _record(text: str, frame: Frame) -> None:
    if text.startswith("抄送"):
        names = text[3:].rstrip("。.")
        frame.official["cc"] = [n.strip() for n in re.split(r"[，,、]", names) if n.strip()]
        return
    match = _PRINTED.match(text)
    if match is None:
        return
    if match["printer"].strip():
        frame.official["printer"] = match["printer"].strip()
    frame.official["print_date"] = parse_date(match["date"])


def layout_rows(item: Item) -> list[Item]:
    """Return a small layout table holding a 版头 or 版记 (抄送, 印发, ……文件, 〔2021〕3号) as one paragraph per row,
    the way such parts are often typed; any other item as it is."""
    if not isinstance(item, Table) or len(item.rows) > 3:
        return [item]
    rows = ["\t".join(c.text.strip() for c in row if c.text.strip()) for row in item.rows]
    if not any(r.startswith(("抄送", "印发")) or _PRINTED.match(r) or r.endswith("文件") or _DOC_NUMBER.match(r)
               for r in rows):
        return [item]
    return [Para(r) for r in rows if r]
