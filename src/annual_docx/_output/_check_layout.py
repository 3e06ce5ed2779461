"""``check`` items for what sits on the page: tables and figures inside the type area (版心, GB/T 9704 5.2.1), and
captions (图N, 表N) numbered in order, restarting in each attachment — a note: the standard does not ask it."""

from __future__ import annotations

from annual_docx._ooxml.body_facts import Para, TableFacts
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import CAPTION, Parts
from annual_docx._output._check_stream import Gathered, Oversize
from annual_docx._output._finding import Finding, note, quote
from annual_docx.gbt9704 import TWIPS_PER_MM


def _in_area(item: str, found: Oversize, unit: str, offenders: list[tuple[str, str, str]]) -> list[Finding]:
    """The rows of one type-area item: each offender ``(expected, found, where)``, the rest counted, or one passing
    row when none is too big."""
    rows = [Finding(item, expected, size, False, where, "5.2.1") for expected, size, where in offenders]
    if found.failed > len(found.first):
        more = found.failed - len(found.first)
        rows.append(Finding(item, "不超出版心 / within the type area", f"另有 {more} 个 / {more} more", False,
                            clause="5.2.1"))
    return rows or [Finding(item, "不超出版心 / within the type area", f"{found.count} {unit}", True, clause="5.2.1")]


def _mm(twips: float) -> str:
    return f"{twips / TWIPS_PER_MM:.0f}"


def tables_in_area(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Each table with a fixed width no wider than the type area of its section (5.2.1)."""
    found = parts.tables
    if not found.count:
        return []
    offenders = []
    for t, w, _, width, _ in found.first:
        assert isinstance(t, TableFacts)
        offenders.append((f"不超出版心 / within the type area, {_mm(width)} mm", f"{_mm(w)} mm",
                          f"表格「{t.first_words}」 / table before paragraph {t.n}"))
    return _in_area("表格宽度 / table width", found, "个表格 / tables", offenders)


def figures_in_area(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """Each picture, chart or text box no wider and no taller than the type area of its section (5.2.1)."""
    found = parts.figures
    if not found.count:
        return []
    offenders = []
    for p, w, h, width, height in found.first:
        assert isinstance(p, Para)
        offenders.append((f"不超出版心 / within {_mm(width)} × {_mm(height)} mm", f"{_mm(w)} × {_mm(h)} mm",
                          quote(p.n, p.text or "（图片 / picture）")))
    return _in_area("图片大小 / figure size", found, "个 / figures", offenders)


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
