"""``check`` items for what sits on the page: tables and figures inside the type area (版心, GB/T 9704 5.2.1), and
captions (图N, 表N) numbered in order, restarting in each attachment — a note: the standard does not ask it."""

from __future__ import annotations

from annual_docx._ooxml.body_facts import Para, TableFacts
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import CAPTION, Parts
from annual_docx._output._check_stream import Gathered
from annual_docx._output._finding import Finding, note, quote


def tables_in_area(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Each table with a fixed width no wider than the type area of its section (5.2.1)."""
    found = parts.tables
    if not found.count:
        return []
    rows = []
    for t, w, _, width, _ in found.first:
        assert isinstance(t, TableFacts)
        rows.append(Finding("表格宽度 / table width", f"不超出版心 / within the type area, {width / 56.7:.0f} mm",
                            f"{w / 56.7:.0f} mm", False, f"表格「{t.first_words}」 / table before paragraph {t.n}",
                            "5.2.1"))
    if found.failed > len(found.first):
        more = found.failed - len(found.first)
        rows.append(Finding("表格宽度 / table width", "不超出版心 / within the type area",
                            f"另有 {more} 个 / {more} more", False, clause="5.2.1"))
    return rows or [Finding("表格宽度 / table width", "不超出版心 / within the type area",
                            f"{found.count} 个表格 / tables", True, clause="5.2.1")]


def figures_in_area(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Each picture, chart or text box no wider and no taller than the type area of its section (5.2.1)."""
    found = parts.figures
    if not found.count:
        return []
    rows = []
    for p, w, h, width, height in found.first:
        assert isinstance(p, Para)
        rows.append(Finding("图片大小 / figure size",
                            f"不超出版心 / within {width / 56.7:.0f} × {height / 56.7:.0f} mm",
                            f"{w / 56.7:.0f} × {h / 56.7:.0f} mm", False, quote(p.n, p.text or "（图片 / picture）"),
                            "5.2.1"))
    if found.failed > len(found.first):
        more = found.failed - len(found.first)
        rows.append(Finding("图片大小 / figure size", "不超出版心 / within the type area",
                            f"另有 {more} 个 / {more} more", False, clause="5.2.1"))
    return rows or [Finding("图片大小 / figure size", "不超出版心 / within the type area",
                            f"{found.count} 个 / figures", True, clause="5.2.1")]


def captions(facts: DocFacts, parts: Parts) -> list[Finding]:
    """图N and 表N numbered 1, 2, 3… in reading order, each series on its own; an attachment may start again at 1."""
    caps = parts.of("caption")
    if not caps:
        return []
    restarts = [p.n for p in parts.of("label")]
    expected = {"图": 1, "表": 1}
    rows = []
    count = 0
    for p in caps:
        m = CAPTION.match(p.text.strip())
        if m is None or m.group(1).startswith("续"):
            continue
        kind, n = m.group(1), int(m.group(2)[:6])
        count += 1
        if n == 1 and any(prev < p.n for prev in restarts) and expected[kind] != 1:
            restarts = [r for r in restarts if r > p.n]
            expected[kind] = 1
        if n != expected[kind]:
            rows.append(note("题注编号 / caption numbers",
                             f"{kind}{expected[kind]}（依次编号，惯例 / in order, practice）", f"{kind}{n}", False,
                             quote(p.n, p.text)))
        expected[kind] = n + 1
    if not count:
        return []
    return rows or [note("题注编号 / caption numbers", "图、表依次编号（惯例）/ 图1, 图2…; 表1, 表2… (practice)",
                         f"{count} 个题注 / captions", True)]
