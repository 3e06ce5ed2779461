"""The parts around the body of an imported document: title, 版头 (issuer, 发文字号), 主送, 附件说明, 署名 and 成文日期,
attachment pages and the 版记 — found by annual_docx's own style names, or by their text where the style says
nothing (a ``〔2021〕3号`` line, a closing date line, ``抄送：``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from annual_docx._ooxml.outline import Item, Para, Table

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
    official: dict[str, Any] = field(default_factory=dict)
    signature: str | None = None
    date: dt.date | None = None
    body: list[Item] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def _text(item: Item) -> str:
    return item.text.strip() if isinstance(item, Para) else ""


def split_frame(items: list[Item], is_heading: set[int], core_title: str) -> Frame:
    """Return the title, official parts, 落款 and attachments of ``items``, and the body between them."""
    frame = Frame()
    start = _front(items, is_heading, core_title, frame)
    end = _back(items, start, is_heading, frame)
    frame.body = items[start:end]
    return frame


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


def _front(items: list[Item], is_heading: set[int], core_title: str, frame: Frame) -> int:
    first_heading = min(is_heading, default=len(items))
    index = 0
    titles: list[str] = []
    while index < min(first_heading, len(items)):
        item, text = items[index], _text(items[index])
        style = item.style if isinstance(item, Para) else ""
        if not text and isinstance(item, Para):
            index += 1
            continue
        if style == "Issuer" or (not titles and not frame.official and text.endswith("文件") and len(text) <= 30):
            frame.official["issuer"] = text
        elif style == "DocNumber" or (not titles and _DOC_NUMBER.match(text.split("签发人")[0].strip())):
            number, _, signers = text.partition("签发人")
            frame.official["number"] = number.strip()
            names = [n for n in re.split(r"[\s、，,]+", signers.lstrip("：: \t")) if n]
            if names:
                frame.official["signers"] = names
        elif isinstance(item, Para) and (style == "Title" or item.style_name.lower() in ("title", "标题")):
            titles.append(text.replace("\n", ""))
        elif not titles and isinstance(item, Para) and item.align == "center" and len(text) <= 60:
            titles.append(text.replace("\n", ""))
            frame.notes["title"] = "标题取自正文开头居中的一行 / title taken from the first centred line"
        elif titles and (style == "Recipients" or (text.endswith(("：", ":")) and len(text) <= 40
                                                     and "recipients" not in frame.official)):
            frame.official["recipients"] = text
        else:
            break
        index += 1
    frame.title = "".join(titles) or core_title
    if not titles:
        if not core_title and index < len(items) and _text(items[index]) and index < first_heading \
                and len(_text(items[index])) <= 60 and not _text(items[index]).endswith(("。", "；", "！", "？")):
            # a sentence is body text, never a title: a document without a title gets none
            frame.title = _text(items[index])
            index += 1
        frame.notes.setdefault("title", "标题取自文档属性或第一行 / title taken from the document properties or "
                                        "the first line")
    return index


def _back(items: list[Item], start: int, is_heading: set[int], frame: Frame) -> int:
    last_heading = max(is_heading, default=start - 1)
    end = len(items)
    # 版记: 抄送 / 印发 lines, usually in a text box at the very end
    record_at = [i for i in range(max(start, last_heading + 1), len(items))
                 if _text(items[i]).startswith(("抄送：", "抄送:")) or _PRINTED.match(_text(items[i]))]
    for i in record_at:
        text = _text(items[i])
        if text.startswith("抄送"):
            names = text[3:].rstrip("。.")
            frame.official["cc"] = [n.strip() for n in re.split(r"[，,、]", names) if n.strip()]
        else:
            match = _PRINTED.match(text)
            assert match is not None
            if match["printer"].strip():
                frame.official["printer"] = match["printer"].strip()
            frame.official["print_date"] = parse_date(match["date"])
    if record_at:
        end = min(record_at)
    # 落款: a date line after the last heading, with the signing organisation above it
    date_at = next((i for i in range(end - 1, max(start, last_heading), -1) if parse_date(_text(items[i]))), None)
    if date_at is None:
        return end
    frame.date = parse_date(_text(items[date_at]))
    sig_at = date_at - 1
    while sig_at > last_heading and isinstance(items[sig_at], Para) and not _text(items[sig_at]):
        sig_at -= 1
    signature_text = _text(items[sig_at]) if sig_at > last_heading else ""
    cut = date_at
    if signature_text and len(signature_text) <= 40 and not signature_text.endswith("。"):
        frame.signature = signature_text
        cut = sig_at
    attachments = _attachments(items[date_at + 1:end])
    styled = [i for i in range(start, cut) if getattr(items[i], "style", "") == "AttachmentNote"]
    body_end = min(styled, default=cut)
    k = body_end  # 附件说明 written without our style: 附件：… and its numbered continuation lines before the 落款
    while k > start and isinstance(items[k - 1], Para) and (not _text(items[k - 1])
                                                            or re.match(r"^\d+[.．、]", _text(items[k - 1]))):
        k -= 1
    if k > start and _text(items[k - 1]).startswith(("附件：", "附件:")):
        body_end = k - 1
    while body_end > start and isinstance(items[body_end - 1], Para) and not _text(items[body_end - 1]):
        body_end -= 1
    notes = [i for i in range(body_end, cut) if _text(items[i])]
    titles = [m["title"].strip() for i in notes if (m := _ATTACHMENT_LINE.match(_text(items[i]).strip("\u3000 ")))]
    pages = {a["title"]: a for a in attachments}
    merged = [pages.pop(t, {"title": t}) for t in titles]
    merged += list(pages.values())  # pages the 附件说明 does not list
    if merged:
        frame.official["attachments"] = merged
    return body_end


def _attachments(items: list[Item]) -> list[dict[str, Any]]:
    """Return the attachment pages after the 落款: ``附件1`` label, title line, then paragraphs."""
    out: list[dict[str, Any]] = []
    index = 0
    while index < len(items):
        text = _text(items[index])
        if re.fullmatch(r"附件\s*\d*", text) and index + 1 < len(items):
            out.append({"title": _text(items[index + 1]), "items": []})
            index += 2
            continue
        if out:
            out[-1]["items"].append(items[index])
        index += 1
    return out
