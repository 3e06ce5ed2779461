"""Check any .docx against GB/T 9704-2012. ``check(path)`` reads the document (`_ooxml.read`) and runs every item of
``ITEMS`` over its facts and parts; each item returns findings (none when the document lacks the part it checks).
``format_table`` is what ``annual-docx check`` prints, ``format_json`` what ``annual-docx check --json`` prints."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from annual_docx._ooxml.drawings import Figure, FigureCollector
from annual_docx._ooxml.read import DocFacts, read_facts
from annual_docx._ooxml.reader import Limits, open_package
from annual_docx._output import _check_layout, _check_page, _check_parts, _check_text
from annual_docx._output._check_roles import Parts, classify
from annual_docx._output._finding import Finding
from annual_docx._textwidth import text_width
from annual_docx.errors import DocumentError
from annual_docx.gbt9704 import TWIPS_PER_MM

Item = Callable[[DocFacts, Parts], list[Finding]]
ITEMS: tuple[Item, ...] = (
    _check_page.page, _check_page.grid, _check_page.fonts, _check_page.page_numbers,
    _check_parts.head, _check_text.title, _check_parts.recipients, _check_text.headings, _check_text.body_text,
    _check_parts.attachment_note, _check_parts.closing, _check_parts.attachment_pages, _check_parts.record,
    _check_layout.tables_in_area, _check_layout.figures_in_area, _check_layout.captions,
)
JSON_KEYS = ("item", "expected", "found", "where", "ok")

__all__ = ["ITEMS", "Finding", "Findings", "check", "findings", "format_json", "format_table"]


class Findings(list[Finding]):
    """The findings of one document: a list of :class:`Finding` (so ``for f in check(x)`` and ``len(...)`` work as
    before) that also prints itself — ``table()`` is what ``annual-docx check`` prints, ``json()`` what ``check
    --json`` prints — and says whether it passes (``ok``) and how many rows fail (``violations``). ``file`` is the
    document checked, as given."""

    def __init__(self, rows: Iterable[Finding] = (), file: str = "") -> None:
        super().__init__(rows)
        self.file = file

    @property
    def ok(self) -> bool:
        """Return True when every row passes."""
        return all(f.ok for f in self)

    @property
    def violations(self) -> int:
        """Return how many rows fail."""
        return sum(not f.ok for f in self)

    def table(self) -> str:
        """Return the plain-text table ``annual-docx check`` prints (see :func:`format_table`)."""
        return format_table(self)

    def json(self) -> str:
        """Return the JSON ``annual-docx check --json`` prints (see :func:`format_json`), naming ``file``."""
        return format_json(self, self.file)


def findings(facts: DocFacts) -> list[Finding]:
    """Return the findings of every item for a document's ``facts``."""
    parts = classify(facts.body)
    return [row for item in ITEMS for row in item(facts, parts)]


def check(docx: str | os.PathLike[str], *, limits: Limits | None = None) -> Findings:
    """Return the GB/T 9704 findings for the .docx at ``docx``: a list of :class:`Finding` with ``table()``,
    ``json()``, ``ok`` and ``violations`` (:class:`Findings`).

    Raises :class:`~annual_docx.DocumentError` (and nothing else) when the file cannot be read — missing, not a
    .docx, encrypted, Strict Open XML, damaged, or over ``limits`` (default: 256 MB a part, 1 GB a package)."""
    path = Path(docx)
    if not path.is_file():
        raise DocumentError(f"{path}: 文件不存在 / file not found")
    collector = FigureCollector()
    with open_package(path, limits) as package:
        facts = read_facts(package, [collector])
    return Findings(findings(facts) + _figures(collector.figures, facts), os.fspath(docx))


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
    return round(2 * text_width(text))  # terminal cells


def format_table(findings: list[Finding]) -> str:
    """Return the findings as a plain-text table with a ✓/✗ column and a summary line; a finding about one
    paragraph shows it (number and first words) before what was found."""
    header = Finding("项目 / item", "要求 / expected", "实际 / found", True)
    rows = [header, *[Finding(f.item, f.expected, f"{f.where}：{f.found}" if f.where else f.found, f.ok)
                      for f in findings]]
    widths = [max(_cell_width(getattr(r, col)) for r in rows) for col in ("item", "expected", "found")]

    def line(r: Finding, mark: str) -> str:
        cells = [getattr(r, c) + " " * (w - _cell_width(getattr(r, c))) for c, w in
                 zip(("item", "expected", "found"), widths, strict=True)]
        return "  ".join([*cells, mark]).rstrip()

    out = [line(header, "结果 / result")] + [line(r, "✓" if r.ok else "✗") for r in rows[1:]]
    bad = sum(not r.ok for r in findings)
    out.append(f"不符合 {bad} 项 / {bad} violation(s)" if bad else "全部符合 / all checks pass")
    return "\n".join(out)


def format_json(findings: list[Finding], path: str = "") -> str:
    """Return the findings as JSON for other tools: ``{"file", "ok", "violations", "findings": [{"item",
    "expected", "found", "where", "ok"}, …]}`` — these keys are stable."""
    rows = [{key: getattr(f, key) for key in JSON_KEYS} for f in findings]
    return json.dumps({"file": path, "ok": all(f.ok for f in findings), "violations": sum(not f.ok for f in findings),
                       "findings": rows}, ensure_ascii=False, indent=2)
