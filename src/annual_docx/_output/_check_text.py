"""``check`` items for the text of a 公文 (GB/T 9704 7.3): headings by level (一、 黑体, （一） 楷体, 1. and （1）
仿宋, 三号, one look per level), the title (小标宋 二号, centred) and the body (仿宋 三号). Each item takes the
document's facts and parts and returns findings; none when the document has no such part."""

from __future__ import annotations

import re
from collections import Counter

from annual_docx._ooxml.body_facts import Para
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import Parts
from annual_docx._output._finding import Finding, quote
from annual_docx.gbt9704 import BODY_PT, TITLE_PT

MAX_ROWS = 10  # rows of one item about single paragraphs; the rest are counted in one row
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
    (re.compile(r"^【.+】"), "【】"),
)


def heading_label(level: int, paras: list[Para]) -> str:
    """Return the label of a heading level with the number styles its headings use, in order of first use:
    ``三级标题「1.」 / heading 3``, ``三级标题「【】」`` for a yearbook's 【】 headings, no style when unnumbered."""
    styles = dict.fromkeys(style for p in paras for pattern, style in _NUMBER_STYLES if pattern.match(p.text.strip()))
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


def paragraph_rows(item: str, expected: str, bad: list[tuple[Para, str]], good: int, summary: str) -> list[Finding]:
    """One failing row per paragraph in ``bad`` (at most MAX_ROWS, the rest counted), or one passing row saying
    how many ``good`` paragraphs were checked."""
    if not bad:
        return [Finding(item, expected, f"{good} 处符合 / {good} checked: {summary}", True)]
    rows = [Finding(item, expected, found, False, quote(p.n, p.text)) for p, found in bad[:MAX_ROWS]]
    if len(bad) > MAX_ROWS:
        rows.append(Finding(item, expected, f"另有 {len(bad) - MAX_ROWS} 处 / {len(bad) - MAX_ROWS} more", False))
    return rows


def headings(facts: DocFacts, parts: Parts) -> list[Finding]:
    """Each heading level in its face at 三号, and one look (style, face, size, weight) per level."""
    rows: list[Finding] = []
    by_level: dict[int, list[Para]] = {}
    for p in parts.of("heading"):
        by_level.setdefault(parts.headings[p.n], []).append(p)
    for level, paras in sorted(by_level.items()):
        face, label = HEADING_FACES[level], heading_label(level, paras)
        bad = [(p, look(p)) for p in paras if not has_face(p.east_asia, face) or p.size_pt != BODY_PT]
        rows += paragraph_rows(f"{label} 字体字号 / font", f"{face} 三号 16 pt", bad, len(paras), f"{face} 16 pt")
        looks = Counter((p.style, p.east_asia, p.size_pt, p.bold) for p in paras)
        common = looks.most_common(1)[0][0]
        odd = [p for p in paras if (p.style, p.east_asia, p.size_pt, p.bold) != common]
        found = (f"{len(looks)} 种 / {len(looks)} looks: {odd[0].style} {look(odd[0])}，多数为 / most are "
                 f"{common[0]} {common[1]} {common[2]} pt" if odd else f"{paras[0].style} {look(paras[0])}")
        rows.append(Finding(f"{label} 格式统一 / one style per level", "同级标题同一样式 / one style a level",
                            found, not odd, quote(odd[0].n, odd[0].text) if odd else ""))
    return rows


def title(facts: DocFacts, parts: Parts) -> list[Finding]:
    """The title in 小标宋 二号 (22 pt), centred."""
    paras = parts.of("title")
    bad = [(p, f"{look(p)}，{p.align or 'left'}") for p in paras
           if not has_face(p.east_asia, "小标宋") or p.size_pt != TITLE_PT or p.align != "center"]
    return paragraph_rows("标题 / title", "小标宋 二号 22 pt，居中 / centred", bad, len(paras),
                          "小标宋 22 pt") if paras else []


def body_text(facts: DocFacts, parts: Parts) -> list[Finding]:
    """Body paragraphs in 仿宋 三号 (16 pt), judged by each paragraph's first words."""
    paras = parts.of("body")
    bad = [(p, look(p)) for p in paras if not has_face(p.east_asia, "仿宋") or p.size_pt != BODY_PT]
    return paragraph_rows("正文段落 / body paragraphs", "仿宋 三号 16 pt", bad, len(paras),
                          "仿宋 16 pt") if paras else []
