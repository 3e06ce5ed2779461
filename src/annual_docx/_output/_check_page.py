"""``check`` items for the page (GB/T 9704 5.1, 5.2, 7.5): paper, margins, line pitch, lines a page and characters a
line, fonts and sizes of the styles, page numbers; Latin font, theme fonts and language tag as notes (Word practice,
not asked by the standard)."""

from __future__ import annotations

import math
import re
import unicodedata

from annual_docx._ooxml.char_grid import signed_char_space
from annual_docx._ooxml.read import DocFacts, measure
from annual_docx._output._check_roles import Parts
from annual_docx._output._finding import NOTE, Finding, note
from annual_docx.gbt9704 import CHARS_PER_LINE, LATIN, LINE, LINES_PER_PAGE, MARGINS_MM, PAPER_MM, TWIPS_PER_MM

LINES, CHARS = LINES_PER_PAGE, CHARS_PER_LINE


def _mm(twips: int | None) -> str:
    return "—" if twips is None else f"{twips / TWIPS_PER_MM:.1f} mm"


def _near(twips: int | None, mm: float, tolerance: float = 1.0) -> bool:
    return twips is not None and abs(twips / TWIPS_PER_MM - mm) <= tolerance


def page(f: DocFacts, parts: Parts) -> list[Finding]:
    p = f.page
    paper = f"{_mm(p.get('w'))} × {_mm(p.get('h'))}"
    width_mm, height_mm = PAPER_MM
    rows = [Finding("纸张 / paper", f"A4 {width_mm} × {height_mm} mm", paper,
                    _near(p.get("w"), width_mm) and _near(p.get("h"), height_mm), clause="5.1")]
    names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
    for side, mm in MARGINS_MM:
        name = names[side]
        rows.append(Finding(f"{name}边距 / {side} margin", f"{mm} ± 1 mm", _mm(p.get(side)), _near(p.get(side), mm),
                            clause="5.2.1"))
    return rows


SINGLE = 1.25  # a single line of Chinese text is about 1.25 times its size high (Word, WPS, LibreOffice)
_SNAPS = ("lines", "linesAndChars", "snapToChars")


def body_line(parts: Parts) -> tuple[float | None, tuple[str, int]]:
    """The size and line spacing most body paragraphs have (the first of the most common), as read while streaming;
    ``(None, ("", 0))`` when there is no body text."""
    counts: dict[tuple[float | None, tuple[str, int]], int] = getattr(parts, "body_lines", {})
    return max(counts, key=lambda k: counts[k]) if counts else (None, ("", 0))


def line_height(size: float, spacing: tuple[str, int], pitch: int, snaps: bool) -> tuple[int, int]:
    """How high one line of body text of ``size`` pt with ``spacing`` is on the page, in twips, and how many grid
    lines of ``pitch`` twips it takes (0 when it does not snap to the grid): exact spacing ignores the grid; single,
    multiple and at-least spacing snap each line to a whole number of grid lines (a 14 pt line on the 15.6 pt grid
    of a default Chinese page takes two)."""
    rule, line = spacing
    if rule == "exact" and line > 0:
        return line, 0
    natural = size * 20 * SINGLE * (line / 240 if rule == "auto" and line > 0 else 1)
    if rule == "atLeast":
        natural = max(natural, line)
    if snaps and pitch > 0:
        cells = max(1, math.ceil(natural / pitch - 0.01))
        return cells * pitch, cells
    return round(natural), 0


def grid(f: DocFacts, parts: Parts) -> list[Finding]:
    """行数和字数 (5.2.3): 22 lines a page and 28 characters a line, counted as the page shows them — at the size
    and line spacing of the body text (a line snaps to the grid unless its spacing is exact)."""
    p, g = f.page, f.grid
    height = p.get("h", 0) - p.get("top", 0) - p.get("bottom", 0)
    width = p.get("w", 0) - p.get("left", 0) - p.get("right", 0)
    normal = f.styles.get(style_id(f, "Normal"))
    normal_size = normal.size_pt if normal and normal.size_pt else 10.0
    body_size, spacing = body_line(parts)
    size = body_size or normal_size
    pitch = measure(g.get("linePitch")) or 0
    snaps = g.get("type") in _SNAPS
    if not snaps and not spacing[0]:
        lines, found_pitch = 0, "无网格 / none"
        effective = 0
    else:
        effective, cells = line_height(size, spacing, pitch, snaps)
        lines = height // effective if effective > 0 else 0
        found_pitch = f"{effective / 20:.2f} pt"
        if cells > 1:
            found_pitch += (f"（{size:g} pt 正文每行占 {cells} 格 {pitch / 20:.2f} pt / a {size:g} pt line takes "
                            f"{cells} grid lines）")
        elif spacing[0] == "exact":
            found_pitch += "（固定行距 / exact）"
    rows = [Finding("行距 / line pitch", f"{LINE / 20:.2f} pt（{LINE} twips）", found_pitch,
                    abs(effective - LINE) <= 6, clause="5.2.3"),
            Finding("每页行数 / lines a page", f"{LINES}", str(lines) if lines else "—", lines == LINES,
                    clause="5.2.3")]
    if g.get("type") in ("linesAndChars", "snapToChars"):
        spacing_chars = signed_char_space(g.get("charSpace")) or 0  # LibreOffice writes a negative one unsigned
        cell = normal_size + spacing_chars / 4096  # the character grid is drawn at the Normal style's size
        chars = math.floor(width / 20 / cell + 1e-9) if cell > 0 else 0
        found = f"{g.get('type')} charSpace={spacing_chars} → {chars}"
    else:  # a line grid: glyphs at their own width plus the character spacing (render(grid="portable") condenses)
        cell = size + f.normal_spacing / 20
        chars = math.floor(width / 20 / cell + 1e-9) if cell > 0 else 0
        condensed = f"，字距 / spacing {f.normal_spacing / 20:g} pt" if f.normal_spacing else ""
        at = f"，{size:g} pt 正文 / body" if body_size and body_size != normal_size else ""
        found = f"{g.get('type', 'none')}（无字符网格 / no character grid{condensed}{at}）→ {chars}"
    rows.append(Finding("每行字数 / characters a line", f"{CHARS}（linesAndChars / lines + 紧缩 condensed）", found,
                        chars == CHARS, clause="5.2.3"))
    return rows


ELEMENTS = (
    ("Normal", "正文 / body", ("仿宋",), 16.0, "5.2.2"),
    ("Title", "标题 / title", ("小标宋",), 22.0, "7.3.1"),
    ("Heading1", "一级标题 / heading 1", ("黑体",), 16.0, "7.3.3"),
    ("Heading2", "二级标题 / heading 2", ("楷体",), 16.0, "7.3.3"),
    ("Heading3", "三级标题 / heading 3", ("仿宋",), 16.0, "7.3.3"),
    ("Heading4", "四级标题 / heading 4", ("仿宋",), 16.0, "7.3.3"),
)
# the names a style goes by in styles.xml, case and spaces aside (WPS numbers its styles: id 1 is Normal in one
# file and heading 1 in another; Word localises ids), so a style is found by its name, the id only as a last resort
STYLE_NAMES = {"Normal": ("normal", "正文"), "Title": ("title", "标题"),
               **{f"Heading{n}": (f"heading{n}", f"标题{n}") for n in range(1, 5)}}


def style_id(f: DocFacts, wanted: str) -> str:
    """The id of the style ``wanted`` (``Normal``, ``Title``, ``Heading1``…) in this document, found by its name."""
    names = STYLE_NAMES.get(wanted, ())
    for sid, name in f.body.style_names.items():
        if "".join(name.split()).casefold() in names and sid in f.styles:
            return sid
    return wanted


def _judged(parts: Parts, style: str) -> bool:
    """Whether the text this style is for was judged on the page (the body, the title, headings of a level)."""
    if style == "Normal":
        body = getattr(parts, "body", None)
        return bool(body is not None and body.checked)
    if style == "Title":
        return bool(parts.of("title"))
    levels = getattr(parts, "levels", {})
    practice = getattr(parts, "practice_levels", {})  # headings numbered 第一章 1.1: their text has its own (note) row
    return style.startswith("Heading") and (int(style[-1]) in levels or int(style[-1]) in practice)


def fonts(f: DocFacts, parts: Parts) -> list[Finding]:
    """The fonts and sizes of the styles for the body, title and headings. The standard speaks of the printed text,
    not of Word's styles: where the text itself is judged (7.3.1, 7.3.3 rows) or the style is not used, a style
    that differs is a note — one fact, one finding."""
    rows = []
    for wanted, label, faces, size, clause in ELEMENTS:
        sid = style_id(f, wanted)
        s = f.styles.get(sid)
        expected = f"{'/'.join(faces)} {size:g} pt"
        used = sid in f.used_styles or (wanted == "Normal" and s is not None)
        if s is None:
            rows.append(Finding(f"{label} 字体字号 / font", expected, "未定义 / not defined", not used,
                                clause=clause))
            continue
        face = "主题字体 / theme font" if s.theme else (s.east_asia or "未设置 / not set")
        ok = not s.theme and bool(s.east_asia) and any(x in (s.east_asia or "") for x in faces) and s.size_pt == size
        found = f"{face} {s.size_pt or '?'} pt"
        if not ok and (_judged(parts, wanted) or not used):
            why = "（页面文字另行判断 / the text is judged on its own row）" if used else "（未使用 / not used）"
            rows.append(Finding(f"{label} 字体字号 / font", f"{expected}（样式 / the style）", found + why, True,
                                clause=clause, severity=NOTE))
            continue
        rows.append(Finding(f"{label} 字体字号 / font", expected, found, ok, clause=clause))
    normal = f.styles.get(style_id(f, "Normal"))
    latin = normal.latin if normal else None
    # Word practice, not asked by GB/T 9704 (it names Chinese typefaces only): notes, never violations
    rows.append(note("数字和字母 / Latin and digits", f"{LATIN}（惯例，标准未要求 / practice）",
                     latin or "未设置 / not set", latin == LATIN))
    rows.append(note("主题字体 / theme fonts", "无（惯例，标准未要求 / practice）", str(f.theme_attrs),
                     f.theme_attrs == 0))
    rows.append(note("东亚语言 / East Asian language", "zh-CN（惯例，标准未要求 / practice）",
                     f.east_asia_lang or "未设置 / not set", (f.east_asia_lang or "").lower() == "zh-cn"))
    return rows


_PAGE_TEXT = re.compile(r"^\s*—\s*\{PAGE\}\s*—\s*$")


def _shown(text: str) -> str:
    """A footer's text as a clerk sees it on page 1: the page-number field as its number, and whether there is one."""
    if "{PAGE}" in text:
        return text.strip().replace("{PAGE}", "1") + "（页码域 / page field）"
    return (text.strip() or "—") + "（无页码域 / no page field）"


def page_numbers(f: DocFacts, parts: Parts) -> list[Finding]:
    """页码 (7.5): ``— N —`` in 宋体 四号, odd pages right and even pages left. Word shows a different even-page
    footer only with 奇偶页不同 on, so a document without it (or without an even footer) gets one even-page row.
    A document without any page number gets one row saying so (one fact: no odd, even or distance rows)."""
    footers = {x.kind: x for x in f.footers}
    if not any("{PAGE}" in x.text for x in f.footers if x.kind in ("default", "even")):
        # no page number at all: one fact, one row (not an odd and an even one, nor the footer's distance)
        found = "、".join(f"「{x.text.strip()}」" for x in f.footers if x.text.strip()) or "无 / none"
        return [Finding("页码 / page numbers",
                        "— 1 —（页码域 / page field），单页居右、双页居左，宋体 14 pt / odd right, even left",
                        f"无页码 / no page number{'：' + found if found != '无 / none' else ''}", False,
                        clause="7.5")]
    rows = []
    for kind, label, align in (("default", "奇数页页码 / odd page number", "right"),
                               ("even", "偶数页页码 / even page number", "left")):
        x = footers.get(kind)
        expected = f"— 1 —（页码域 / page field），{align}，宋体 14 pt"
        if kind == "even" and not f.even_and_odd:
            odd = footers.get("default")
            found = "未设奇偶页不同，偶数页与奇数页相同" + (f"（{odd.align or 'left'}）" if odd else "") + \
                " / no separate even-page footer (奇偶页不同 off)"
            rows.append(Finding(label, expected, found, False, clause="7.5"))
            continue
        if x is None:
            rows.append(Finding(label, expected, "无 / none", False, clause="7.5"))
            continue
        text = unicodedata.normalize("NFC", x.text)
        ok = bool(_PAGE_TEXT.match(text)) and x.align == align and "宋" in (x.east_asia or "") and x.size_pt == 14
        found = f"{_shown(text)}，{x.align or 'left'}，{x.east_asia or '?'} {x.size_pt or '?'} pt"
        rows.append(Finding(label, expected, found, ok, clause="7.5"))
    footer = f.page.get("footer")
    rows.append(Finding("页码位置 / footer distance", "20–26 mm（版心下 7 mm）", _mm(footer),
                        footer is not None and 20 <= footer / TWIPS_PER_MM <= 26, clause="7.5"))
    return rows
