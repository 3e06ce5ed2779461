"""Check any .docx against GB/T 9704-2012: paper, margins, line pitch, character grid, fonts and sizes per element,
page numbers, theme fonts. ``check(path)`` returns one finding per row of the table ``annual-docx check`` prints."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._ooxml.drawings import Figure, FigureCollector
from ._ooxml.read import DocFacts, measure, read_facts
from ._ooxml.reader import Limits, open_package
from .errors import DocumentError

TWIPS_PER_MM = 1440 / 25.4
LINES, CHARS = 22, 28


@dataclass(frozen=True)
class Finding:
    """One row of the check: what is checked, what GB/T 9704 asks, what the document has, and whether it passes."""

    item: str
    expected: str
    found: str
    ok: bool


def _mm(twips: int | None) -> str:
    return "—" if twips is None else f"{twips / TWIPS_PER_MM:.1f} mm"


def _near(twips: int | None, mm: float, tolerance: float = 1.0) -> bool:
    return twips is not None and abs(twips / TWIPS_PER_MM - mm) <= tolerance


def _page(f: DocFacts) -> list[Finding]:
    p = f.page
    paper = f"{_mm(p.get('w'))} × {_mm(p.get('h'))}"
    rows = [Finding("纸张 / paper", "A4 210 × 297 mm", paper, _near(p.get("w"), 210) and _near(p.get("h"), 297))]
    for side, mm, name in (("top", 37, "上"), ("bottom", 35, "下"), ("left", 28, "左"), ("right", 26, "右")):
        rows.append(Finding(f"{name}边距 / {side} margin", f"{mm} ± 1 mm", _mm(p.get(side)), _near(p.get(side), mm)))
    return rows


def _grid(f: DocFacts) -> list[Finding]:
    p, g = f.page, f.grid
    height = p.get("h", 0) - p.get("top", 0) - p.get("bottom", 0)
    width = p.get("w", 0) - p.get("left", 0) - p.get("right", 0)
    normal = f.styles.get("Normal")
    size = normal.size_pt if normal and normal.size_pt else 10.0
    pitch = measure(g.get("linePitch")) or 0
    lines = height // pitch if pitch > 0 and g.get("type") in ("lines", "linesAndChars", "snapToChars") else 0
    rows = [Finding("行距 / line pitch", "28.95 pt（579 twips）", f"{pitch / 20:.2f} pt" if pitch else "无网格 / none",
                    abs(pitch - 579) <= 6),
            Finding("每页行数 / lines a page", f"{LINES}", str(lines) if lines else "—", lines == LINES)]
    if g.get("type") in ("linesAndChars", "snapToChars"):
        cell = size + (measure(g.get("charSpace")) or 0) / 4096
        chars = math.floor(width / 20 / cell + 1e-9) if cell > 0 else 0
        found = f"{g.get('type')} charSpace={g.get('charSpace', 0)} → {chars}"
    else:  # a line grid: glyphs at their own width plus the character spacing (render(grid="portable") condenses)
        cell = size + f.normal_spacing / 20
        chars = math.floor(width / 20 / cell + 1e-9) if cell > 0 else 0
        condensed = f"，字距 / spacing {f.normal_spacing / 20:g} pt" if f.normal_spacing else ""
        found = f"{g.get('type', 'none')}（无字符网格 / no character grid{condensed}）→ {chars}"
    rows.append(Finding("每行字数 / characters a line", f"{CHARS}（linesAndChars / lines + 紧缩 condensed）", found,
                        chars == CHARS))
    return rows


ELEMENTS = (
    ("Normal", "正文 / body", ("仿宋",), 16.0),
    ("Title", "标题 / title", ("小标宋",), 22.0),
    ("Heading1", "一级标题 / heading 1", ("黑体",), 16.0),
    ("Heading2", "二级标题 / heading 2", ("楷体",), 16.0),
    ("Heading3", "三级标题 / heading 3", ("仿宋",), 16.0),
    ("Heading4", "四级标题 / heading 4", ("仿宋",), 16.0),
)


def _fonts(f: DocFacts) -> list[Finding]:
    rows = []
    for style_id, label, faces, size in ELEMENTS:
        s = f.styles.get(style_id)
        expected = f"{'/'.join(faces)} {size:g} pt"
        if s is None:
            used = style_id in f.used_styles
            rows.append(Finding(f"{label} 字体字号 / font", expected, "未定义 / not defined", not used))
            continue
        face = "主题字体 / theme font" if s.theme else (s.east_asia or "未设置 / not set")
        ok = not s.theme and bool(s.east_asia) and any(x in (s.east_asia or "") for x in faces) and s.size_pt == size
        rows.append(Finding(f"{label} 字体字号 / font", expected, f"{face} {s.size_pt or '?'} pt", ok))
    normal = f.styles.get("Normal")
    latin = normal.latin if normal else None
    rows.append(Finding("数字和字母 / Latin and digits", "Times New Roman", latin or "未设置 / not set",
                        latin == "Times New Roman"))
    rows.append(Finding("主题字体 / theme fonts", "无 / none", str(f.theme_attrs), f.theme_attrs == 0))
    rows.append(Finding("东亚语言 / East Asian language", "zh-CN", f.east_asia_lang or "未设置 / not set",
                        (f.east_asia_lang or "").lower() == "zh-cn"))
    return rows


_PAGE_TEXT = re.compile(r"^\s*—\s*\{PAGE\}\s*—\s*$")


def _page_numbers(f: DocFacts) -> list[Finding]:
    footers = {x.kind: x for x in f.footers}
    rows = [Finding("奇偶页不同 / even and odd footers", "是 / on", "是 / on" if f.even_and_odd else "否 / off",
                    f.even_and_odd)]
    for kind, label, align in (("default", "奇数页页码 / odd page number", "right"),
                               ("even", "偶数页页码 / even page number", "left")):
        x = footers.get(kind)
        if x is None:
            rows.append(Finding(label, f"— N —，{align}", "无 / none", False))
            continue
        text = unicodedata.normalize("NFC", x.text)
        ok = bool(_PAGE_TEXT.match(text)) and x.align == align and "宋" in (x.east_asia or "") and x.size_pt == 14
        found = f"{text.strip() or '—'}，{x.align or 'left'}，{x.east_asia or '?'} {x.size_pt or '?'} pt"
        rows.append(Finding(label, f"— {{PAGE}} —，{align}，宋体 14 pt", found, ok))
    footer = f.page.get("footer")
    rows.append(Finding("页码位置 / footer distance", "20–26 mm（版心下 7 mm）", _mm(footer),
                        footer is not None and 20 <= footer / TWIPS_PER_MM <= 26))
    return rows


#: The check items, in the order of the table: each reads the facts and returns its rows.
ITEMS: list[Callable[[DocFacts], list[Finding]]] = [_page, _grid, _fonts, _page_numbers]


def check(docx: str | os.PathLike[str], *, limits: Limits | None = None) -> list[Finding]:
    """Return the GB/T 9704 findings for the .docx at ``docx``.

    Raises :class:`~annual_docx.DocumentError` (and nothing else) when the file cannot be read — missing, not a
    .docx, encrypted, Strict Open XML, damaged, or over ``limits`` (default: 256 MB a part, 1 GB a package)."""
    path = Path(docx)
    if not path.is_file():
        raise DocumentError(f"{path}: 文件不存在 / file not found")
    collector = FigureCollector()
    with open_package(path, limits) as package:
        facts = read_facts(package, [collector])
    return [row for item in ITEMS for row in item(facts)] + _figures(collector.figures, facts)


def _figures(shown: list[Figure], f: DocFacts) -> list[Finding]:
    """One row for the pictures and native charts: how many, how many captioned, all inside the type width."""
    shown = [x for x in shown if x.kind in ("picture", "chart", "group")]
    if not shown:
        return []
    width = (f.page.get("w", 0) - f.page.get("left", 0) - f.page.get("right", 0)) / TWIPS_PER_MM
    wide = [x for x in shown if x.width_mm > width + 0.5]
    charts = sum(x.kind != "picture" for x in shown)  # chart parts and groups of shapes (org charts)
    captioned = sum(x.captioned for x in shown)
    found = (f"{len(shown)} 幅（图片 {len(shown) - charts}，原生图表 {charts}），有图题 {captioned}"
             + (f"；超宽 {len(wide)}：最宽 {max(x.width_mm for x in wide):.1f} mm" if wide else ""))
    return [Finding("图片与图表 / figures and charts", f"宽不超过版心 {width:.0f} mm / within the type width",
                    found, not wide)]


def _cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(findings: list[Finding]) -> str:
    """Return the findings as a plain-text table with a ✓/✗ column and a summary line."""
    header = Finding("项目 / item", "要求 / expected", "实际 / found", True)
    rows = [header, *findings]
    widths = [max(_cell_width(getattr(r, col)) for r in rows) for col in ("item", "expected", "found")]

    def line(r: Finding, mark: str) -> str:
        cells = [getattr(r, c) + " " * (w - _cell_width(getattr(r, c))) for c, w in
                 zip(("item", "expected", "found"), widths, strict=True)]
        return "  ".join([*cells, mark]).rstrip()

    out = [line(header, "结果 / result")] + [line(r, "✓" if r.ok else "✗") for r in findings]
    bad = sum(not r.ok for r in findings)
    out.append(f"不符合 {bad} 项 / {bad} violation(s)" if bad else "全部符合 / all checks pass")
    return "\n".join(out)
