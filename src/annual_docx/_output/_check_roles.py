"""Tell the parts of a 公文 apart in any .docx: 版头 (issuer, document number, 签发人), title, 主送, headings by level,
附件说明, 署名 and date, 附件 labels and titles, captions, 版记 and body text. A part is known by the style our
template gives it (``Issuer``, ``Title``, ``Heading1``…) or, in documents from elsewhere, by its text and look."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from annual_docx._ooxml.body_facts import BodyFacts, Para

CN = "一二三四五六七八九十百零〇"
LEVELS = (
    (1, re.compile(rf"^[{CN}]+、")),
    (2, re.compile(rf"^[（(][{CN}]+[）)]")),
    (3, re.compile(r"^\d+[.．](?!\d)")),
    (4, re.compile(r"^[（(]\d+[）)]")),
)
DOC_NUMBER = re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号")
DATE = re.compile(rf"^(\d{{4}}|[{CN}]{{4}})年[\d{CN}]{{1,3}}月[\d{CN}]{{1,3}}日$")
ARABIC_DATE = re.compile(r"^\d{4}年[1-9]\d?月[1-9]\d?日")
CAPTION = re.compile(r"^(续?[图表])\s*(\d+)")
_PRINTED = re.compile(rf"[\d{CN}]年.*日印发$")
LABEL = re.compile(r"^附件\s*(\d*)$")
_STYLE_ROLES = {"Issuer": "issuer", "DocNumber": "number", "Title": "title", "Recipients": "recipients",
                "AttachmentNote": "note", "Signature": "signature", "Date": "date", "AttachmentLabel": "label",
                "AttachmentTitle": "attachment_title", "Caption": "caption", "TableTitle": "caption",
                "RecordCc": "record", "RecordPrint": "record", "GroupTitle": "group"}


@dataclass
class Parts:
    """The paragraphs of each part, in reading order; ``headings`` maps a paragraph to its level (1–4)."""

    roles: dict[str, list[Para]] = field(default_factory=dict)
    headings: dict[int, int] = field(default_factory=dict)

    def of(self, role: str) -> list[Para]:
        return self.roles.get(role, [])


def compact(text: str) -> str:
    """``text`` without any kind of space."""
    return "".join(text.split()).replace("\u3000", "")


def number_level(text: str) -> int | None:
    """The heading level the number at the start of ``text`` marks (一、→1, （一）→2, 1.→3, （1）→4), if any."""
    stripped = text.lstrip(" \u3000\t")
    return next((level for level, pattern in LEVELS if pattern.match(stripped)), None)


_HEADING_NAME = re.compile(r"(?:heading|标题)([1-4])")


@functools.cache
def _named_level(style: str, name: str) -> int | None:
    m = _HEADING_NAME.fullmatch(compact(name).lower()) or _HEADING_NAME.fullmatch(style.lower())
    return int(m.group(1)) if m else None


def style_level(p: Para, names: dict[str, str]) -> int | None:
    """The heading level of ``p``'s style (Heading1–4 / 标题 1–4) or outline level, if any."""
    level = _named_level(p.style, names.get(p.style, p.style))
    if level:
        return level
    return p.outline + 1 if p.outline is not None and 0 <= p.outline <= 3 else None


def is_red(color: str | None) -> bool:
    """Whether the hex colour ``color`` is a red (FF0000, C00000, E60012…)."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return r >= 0xC0 and g <= 0x50 and b <= 0x50


def classify(body: BodyFacts) -> Parts:
    """Return the parts of the document ``body``."""
    parts = Parts()
    names = body.style_names

    def add(role: str, p: Para) -> None:
        parts.roles.setdefault(role, []).append(p)

    paras = [p for p in body.paragraphs if p.text.strip() or p.style in _STYLE_ROLES]
    taken: set[int] = set()
    for p in paras:
        role = _STYLE_ROLES.get(p.style) or _STYLE_ROLES.get(names.get(p.style, ""), "")
        if not role:
            text = compact(p.text)
            if text.startswith(("抄送：", "抄送:")) or (text.endswith("印发") and _PRINTED.search(text)):
                role = "record"
            elif p.place != "box" and len(text) <= 60 and CAPTION.match(p.text.strip()):
                role = "caption"
        if role == "number":
            role = _number_line(p, parts)
        if role:
            add(role, p)
            taken.add(p.n)
    body_paras = [p for p in paras if p.place == "body" and p.n not in taken]
    _head_and_title(parts, body_paras, taken)
    _closing(parts, body_paras, taken)
    for p in body_paras:
        if p.n in taken:
            continue
        by_number = number_level(p.text)
        level = (by_number if by_number in (1, 2) else None) or style_level(p, names)
        if level:
            parts.headings[p.n] = by_number or level
            add("heading", p)
        elif not p.drawings or p.text.strip():
            add("body", p)
    return parts


def _number_line(p: Para, parts: Parts) -> str:
    """Return the role of a paragraph in the 发文字号 style: with 签发人 (GB/T 9704 7.2.5) the number and the label
    share a line, and with more than two signers the lines above hold the label and names, or names only."""
    signer, has_number = "签发人" in p.text, DOC_NUMBER.search(p.text) is not None
    if signer:
        if has_number:
            parts.roles.setdefault("number", []).append(p)
        return "signer"
    if not has_number and parts.of("signer"):
        return "signer_names"  # a line of further signers' names
    return "number"


def _head_and_title(parts: Parts, paras: list[Para], taken: set[int]) -> None:
    titles = parts.of("title")
    if not titles:  # a document from elsewhere: the first centred, large paragraph before any heading
        for p in paras[:8]:
            if LABEL.match(compact(p.text)):
                break
            if number_level(p.text) or (p.color and is_red(p.color)) or DOC_NUMBER.search(p.text):
                continue
            if p.align == "center" and (p.size_pt or 0) >= 18:
                titles = [p]
                parts.roles["title"] = titles
                taken.add(p.n)
                break
    if not titles:
        return
    first = titles[0].n
    numbers = [p.n for p in paras if p.n < first and DOC_NUMBER.search(p.text)]
    for p in paras:
        if p.n >= first or p.n in taken:
            continue
        text = compact(p.text)
        later_number = bool(numbers) and numbers[-1] > p.n
        role = "signer" if "签发人" in text else "number" if DOC_NUMBER.search(text) else (
            "issuer" if is_red(p.color) or later_number else "")
        if "签发人" in text and DOC_NUMBER.search(text):
            parts.roles.setdefault("number", []).append(p)
        if role:
            parts.roles.setdefault(role, []).append(p)
            taken.add(p.n)
    after = [p for p in paras if p.n > titles[-1].n and p.n not in taken]
    if not parts.of("recipients") and after and compact(after[0].text).endswith(("：", ":")) and \
            len(compact(after[0].text)) <= 60 and not number_level(after[0].text):
        parts.roles["recipients"] = [after[0]]
        taken.add(after[0].n)


def _closing(parts: Parts, paras: list[Para], taken: set[int]) -> None:
    for i, p in enumerate(paras):
        if p.n in taken:
            continue
        text = compact(p.text)
        if LABEL.match(text):
            parts.roles.setdefault("label", []).append(p)
            taken.add(p.n)
            following = paras[i + 1] if i + 1 < len(paras) else None
            if following is not None and following.n not in taken and not LABEL.match(compact(following.text)):
                parts.roles.setdefault("attachment_title", []).append(following)
                taken.add(following.n)
        elif text.startswith(("附件：", "附件:")) or (
                parts.of("note") and paras[i - 1].n == parts.of("note")[-1].n and re.match(r"^\d+[.．]", text)):
            parts.roles.setdefault("note", []).append(p)
            taken.add(p.n)
        elif DATE.match(text) and not parts.of("date"):
            parts.roles["date"] = [p]
            taken.add(p.n)
            before = paras[i - 1] if i else None
            short = before is not None and len(compact(before.text)) <= 30
            if not parts.of("signature") and before is not None and before.n not in taken and short and \
                    not compact(before.text).endswith("。") and not number_level(before.text):
                parts.roles["signature"] = [before]
                taken.add(before.n)
