"""``check`` items for the text of a 公文 (GB/T 9704 7.3): headings by level (一、 黑体, （一） 楷体, 1. and （1）
仿宋, 三号 — 7.3.3; one look per level is a note, the standard does not ask it), the title (小标宋 二号, centred —
7.3.1) and the body (仿宋 三号 — 7.3.3). Each item takes the document's facts and parts and returns findings; none
when the document has no such part."""

from __future__ import annotations

from collections import Counter

from annual_docx._ooxml.body_facts import Para
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import Parts
from annual_docx._output._finding import Finding, note, quote
from annual_docx.gbt9704 import BODY_PT, TITLE_PT

MAX_ROWS = 10  # rows of one item about single paragraphs; the rest are counted in one row
FACE_NAMES = {
    "黑体": ("黑体", "simhei", "hei"),
    "楷体": ("楷体", "kaiti", "kai"),
    "仿宋": ("仿宋", "fangsong", "fang"),
    "小标宋": ("小标宋", "xiaobiaosong", "xbs"),
}
HEADING_FACES = {1: "黑体", 2: "楷体", 3: "仿宋", 4: "仿宋"}
HEADING_LABELS = {1: "一级标题「一、」 / heading 1", 2: "二级标题「（一）」 / heading 2",
                  3: "三级标题「1.」 / heading 3", 4: "四级标题「（1）」 / heading 4"}


def has_face(found: str | None, face: str) -> bool:
    """Whether the font name ``found`` is the face ``face`` (黑体, 楷体, 仿宋, 小标宋) by its Chinese or Latin name."""
    name = (found or "").lower()
    return any(alias in name for alias in FACE_NAMES[face])


def look(p: Para) -> str:
    """The font, size and weight of ``p``'s first words, as the found column shows them."""
    bold = " 加粗 / bold" if p.bold else ""
    return f"{p.east_asia or '未设置 / not set'} {p.size_pt or '?'} pt{bold}"


def paragraph_rows(item: str, expected: str, bad: list[tuple[Para, str]], good: int, summary: str,
                   clause: str) -> list[Finding]:
    """One failing row per paragraph in ``bad`` (at most MAX_ROWS, the rest counted), or one passing row saying
    how many ``good`` paragraphs were checked; every row cites ``clause``."""
    if not bad:
        return [Finding(item, expected, f"{good} 处符合 / {good} checked: {summary}", True, clause=clause)]
    rows = [Finding(item, expected, found, False, quote(p.n, p.text), clause) for p, found in bad[:MAX_ROWS]]
    if len(bad) > MAX_ROWS:
        rows.append(Finding(item, expected, f"另有 {len(bad) - MAX_ROWS} 处 / {len(bad) - MAX_ROWS} more", False,
                            clause=clause))
    return rows


LOOK_FIELDS = (("style", "样式 / style"), ("east_asia", "字体 / font"), ("size_pt", "字号 / size"),
               ("bold", "加粗 / bold"))


def _value(p: Para, name: str) -> str:
    value = getattr(p, name)
    if name == "bold":
        return "是 / yes" if value else "否 / no"
    if name == "size_pt":
        return f"{value:g} pt" if value else "?"
    return str(value or "未设置 / not set")


def differences(odd: Para, common: Para) -> str:
    """What tells ``odd``'s look from ``common``'s: each differing property with both values."""
    return "；".join(f"{label} {_value(odd, name)}（多数为 / most {_value(common, name)}）"
                     for name, label in LOOK_FIELDS if getattr(odd, name) != getattr(common, name))


def headings(facts: DocFacts, parts: Parts) -> list[Finding]:
    """Each heading level in its face at 三号, and one look (style, face, size, weight) per level."""
    rows: list[Finding] = []
    by_level: dict[int, list[Para]] = {}
    for p in parts.of("heading"):
        by_level.setdefault(parts.headings[p.n], []).append(p)
    for level, paras in sorted(by_level.items()):
        face, label = HEADING_FACES[level], HEADING_LABELS[level]
        bad = [(p, look(p)) for p in paras if not has_face(p.east_asia, face) or p.size_pt != BODY_PT]
        rows += paragraph_rows(f"{label} 字体字号 / font", f"{face} 三号 16 pt", bad, len(paras), f"{face} 16 pt",
                               "7.3.3")
        key = _look_key
        looks = Counter(key(p) for p in paras)
        common_key = looks.most_common(1)[0][0]
        common = next(p for p in paras if key(p) == common_key)
        odd = [p for p in paras if key(p) != common_key]
        found = (f"{len(looks)} 种 / {len(looks)} looks: {differences(odd[0], common)}" if odd else
                 f"{paras[0].style} {look(paras[0])}")
        rows.append(note(f"{label} 格式统一 / one style per level",
                         "同级标题同一样式（惯例，标准只规定字体）/ one look a level (practice)", found, not odd,
                         quote(odd[0].n, odd[0].text) if odd else ""))
    return rows


def _look_key(p: Para) -> tuple[object, ...]:
    return tuple(getattr(p, name) for name, _ in LOOK_FIELDS)


def title(facts: DocFacts, parts: Parts) -> list[Finding]:
    """The title in 小标宋 二号 (22 pt), centred."""
    paras = parts.of("title")
    bad = [(p, f"{look(p)}，{p.align or 'left'}") for p in paras
           if not has_face(p.east_asia, "小标宋") or p.size_pt != TITLE_PT or p.align != "center"]
    return paragraph_rows("标题 / title", "小标宋 二号 22 pt，居中 / centred", bad, len(paras),
                          "小标宋 22 pt", "7.3.1") if paras else []


def body_text(facts: DocFacts, parts: Parts) -> list[Finding]:
    """Body paragraphs in 仿宋 三号 (16 pt), judged by each paragraph's first words."""
    paras = parts.of("body")
    bad = [(p, look(p)) for p in paras if not has_face(p.east_asia, "仿宋") or p.size_pt != BODY_PT]
    return paragraph_rows("正文段落 / body paragraphs", "仿宋 三号 16 pt", bad, len(paras),
                          "仿宋 16 pt", "7.3.3") if paras else []
