"""Check any .docx against GB/T 9704-2012. ``check(path)`` reads the document (`_ooxml.read`), streaming its body
through the role recogniser into bounded facts (`_check_stream`), tells its kind (`_check_kind`) and runs every item
of ``ITEMS`` over its facts and parts; each item returns findings (none when the document lacks the part it checks),
marked not applicable when the kind has no such part.
``format_table`` is what ``annual-docx check`` prints, ``format_json`` what ``annual-docx check --json`` prints."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from annual_docx._ooxml.drawings import FigureCollector
from annual_docx._ooxml.read import DocFacts, read_facts
from annual_docx._ooxml.reader import Limits, open_package
from annual_docx._output import _check_kind, _check_layout, _check_page, _check_parts, _check_text
from annual_docx._output._check_kind import KINDS, CheckKind, Kind
from annual_docx._output._check_stream import CheckSink, Gathered
from annual_docx._output._finding import NOT_APPLICABLE, NOTE, PASS, VIOLATION, Finding
from annual_docx._renamed import keyword_only
from annual_docx._textwidth import text_width
from annual_docx.errors import DocumentError
from annual_docx.gbt9704 import TWIPS_PER_MM

Item = Callable[[DocFacts, Gathered], list[Finding]]
ITEMS: tuple[Item, ...] = (
    _check_page.page, _check_page.grid, _check_page.fonts, _check_page.page_numbers,
    _check_parts.head, _check_text.title, _check_parts.recipients, _check_text.headings, _check_text.body_text,
    _check_parts.attachment_note, _check_parts.closing, _check_parts.attachment_pages, _check_parts.record,
    _check_layout.tables_in_area, _check_layout.figures_in_area, _check_layout.captions,
)
JSON_KEYS = ("item", "expected", "found", "where", "ok", "clause", "severity")
MARKS = {PASS: "✓", VIOLATION: "✗", NOTE: "注 / note", NOT_APPLICABLE: "不适用 / n/a"}

__all__ = ["ITEMS", "Finding", "Findings", "check", "findings", "format_error", "format_json", "format_table"]


class Findings(list[Finding]):
    """The findings of one document: a list of :class:`Finding` (so ``for f in check(x)`` and ``len(...)`` work as
    before) with ``kind``, what the document was judged to be (a :class:`~annual_docx._output._check_kind.Kind`:
    name, the reason, whether ``--kind`` gave it), and ``file``, the document checked as given. It prints itself —
    ``table()`` is what ``annual-docx check`` prints, ``json()`` what ``check --json`` prints — and says whether it
    passes (``ok``) and how many rows are violations (``violations``; notes and items that do not apply never are).
    """

    @keyword_only("kind", "file")
    def __init__(self, rows: Iterable[Finding] = (), *, kind: Kind | None = None, file: str = "") -> None:
        super().__init__(rows)
        self.kind = kind
        self.file = file

    @property
    def ok(self) -> bool:
        """Return True when no row is a violation."""
        return all(f.ok for f in self)

    @property
    def violations(self) -> int:
        """Return how many rows are violations."""
        return sum(not f.ok for f in self)

    def table(self) -> str:
        """Return the plain-text table ``annual-docx check`` prints (see :func:`format_table`)."""
        return format_table(self)

    def json(self) -> str:
        """Return the JSON ``annual-docx check --json`` prints (see :func:`format_json`), naming ``file``."""
        return format_json(self, self.file)

    @staticmethod
    @keyword_only("file")
    def error_json(message: str, *, file: str = "") -> str:
        """Return the JSON ``check --json`` prints for a file it cannot read (see :func:`format_error`)."""
        return format_error(message, file)


def findings(facts: DocFacts, parts: Gathered, kind: CheckKind | None = None) -> Findings:
    """Return the findings of every item for a document's ``facts`` and the ``parts`` gathered while its body
    streamed, judged for its kind (``kind`` names one of ``_check_kind.KINDS`` to override what the document looks
    like)."""
    judged = _check_kind.given(kind) if kind else _check_kind.decide(parts.evidence, parts)
    return Findings(_check_kind.apply(judged, [row for item in ITEMS for row in item(facts, parts)]), kind=judged)


def gather() -> tuple[Gathered, CheckSink]:
    """A fresh :class:`Gathered` and the reader's sink that fills it."""
    parts = Gathered(_check_text.body_fault, _check_text.heading_fault, _check_text.number_styles,
                     _check_text.heading_key)
    return parts, CheckSink(parts)


def check(docx: str | os.PathLike[str], *, limits: Limits | None = None, kind: CheckKind | None = None) -> Findings:
    """Return the GB/T 9704 findings for the .docx at ``docx`` (a list with ``.kind``, what the document was
    judged to be; ``kind`` overrides it: one of ``gongwen-upward``, ``gongwen-downward``, ``gongwen``, ``report``,
    ``standard``, ``form``, ``thesis``). Items that do not apply to the kind are marked ``not_applicable``. The body
    is read in one streaming pass and folded into bounded facts (``_check_stream``): memory does not grow with the
    number of paragraphs.

    Raises :class:`~annual_docx.DocumentError` (and nothing else) when the file cannot be read — missing, not a
    .docx, encrypted, Strict Open XML, damaged, or over ``limits`` (default: 256 MB a part, 1 GB a package)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    path = Path(docx)
    if not path.is_file():
        raise DocumentError(f"{path}: 文件不存在 / file not found")
    collector = FigureCollector()
    parts, sink = gather()
    with open_package(path, limits) as package:
        facts = read_facts(package, [collector], sink)
    sink.finish(facts.body.sections)
    found = findings(facts, parts, kind)
    judged = found.kind
    assert judged is not None  # findings() always judges the kind
    return Findings(found + _check_kind.apply(judged, _figures(collector, facts)), kind=judged,
                    file=os.fspath(docx))


def _figures(shown: FigureCollector, f: DocFacts) -> list[Finding]:
    """One row for the pictures and native charts: how many, how many captioned, all inside the type width."""
    if not shown.count:
        return []
    width = (f.page.get("w", 0) - f.page.get("left", 0) - f.page.get("right", 0)) / TWIPS_PER_MM
    wide = [(mm, n) for mm, n in shown.sizes() if mm > width + 0.5]
    charts = shown.charts  # chart parts and groups of shapes (org charts)
    found = (f"{shown.count} 幅（图片 {shown.count - charts}，原生图表 {charts}），有图题 {shown.captioned}"
             + (f"；超宽 {sum(n for _, n in wide)}：最宽 {max(mm for mm, _ in wide):.1f} mm" if wide else ""))
    return [Finding("图片与图表 / figures and charts", f"宽不超过版心 {width:.0f} mm / within the type width",
                    found, not wide, clause="5.2.1")]


def _cell_width(text: str) -> int:
    return round(2 * text_width(text))  # terminal cells


def kind_line(kind: Kind | None) -> str:
    """The line that says what the document was judged to be, and how to say otherwise."""
    if kind is None:
        return ""
    how = ("（由 --kind 指定 / given by --kind）" if kind.given else
           f"（{kind.why}；可用 --kind 指定 / override with --kind）")
    out = f"文档类型 / kind: {kind.label}{how}"
    if kind.name in _check_kind.NOT_GONGWEN:
        out += "\nGB/T 9704 只适用于公文，以下各项仅供参考 / GB/T 9704 applies to 公文 only: rows for reference"
    return out


def format_table(findings: list[Finding]) -> str:
    """Return the findings as a plain-text table with the clause of GB/T 9704-2012 each cites, a result column (✓,
    ✗, 注 for a practice the standard does not require, 不适用 for an item that does not apply) and a summary line;
    a finding about one paragraph shows it (number and first words) before what was found."""
    header = Finding("项目 / item", "要求 / expected", "实际 / found", True, clause="条款 / clause")
    rows = [header, *[Finding(f.item, f.expected, f"{f.where}：{f.found}" if f.where else f.found, f.ok,
                              clause=f.clause, severity=f.severity) for f in findings]]
    columns = ("clause", "item", "expected", "found")
    widths = [max(_cell_width(getattr(r, col)) for r in rows) for col in columns]

    def line(r: Finding, mark: str) -> str:
        cells = [getattr(r, c) + " " * (w - _cell_width(getattr(r, c))) for c, w in zip(columns, widths, strict=True)]
        return "  ".join([*cells, mark]).rstrip()

    kind = kind_line(getattr(findings, "kind", None))
    out = [*([kind] if kind else []), line(header, "结果 / result")] + [line(r, MARKS[r.severity]) for r in rows[1:]]
    bad = sum(f.severity == VIOLATION for f in findings)
    notes = sum(f.severity == NOTE for f in findings)
    extra = f"；另有 {notes} 条提示（非标准要求）/ {notes} note(s), not required by GB/T 9704" if notes else ""
    out.append((f"不符合 {bad} 项 / {bad} violation(s)" if bad else "全部符合 / all checks pass") + extra)
    return "\n".join(out)


def format_json(findings: list[Finding], path: str = "") -> str:
    """Return the findings as JSON for other tools: ``{"file", "ok", "violations", "notes", "kind", "findings":
    [{"item", "expected", "found", "where", "ok", "clause", "severity"}, …]}`` — these keys are stable; ``kind``
    is the name of the document's kind (``report``, ``gongwen``…), null for a plain list of findings."""
    rows = [{key: getattr(f, key) for key in JSON_KEYS} for f in findings]
    kind = getattr(findings, "kind", None)
    return json.dumps({"file": path, "ok": all(f.ok for f in findings), "violations": sum(not f.ok for f in findings),
                       "notes": sum(f.severity == NOTE for f in findings), "kind": kind.name if kind else None,
                       "findings": rows}, ensure_ascii=False, indent=2)


def format_error(message: str, path: str = "") -> str:
    """Return the JSON ``check --json`` prints for a file it cannot read: the same keys as :func:`format_json`, no
    findings, and ``error`` saying why."""
    return json.dumps({"file": path, "ok": False, "violations": 0, "notes": 0, "kind": None, "findings": [],
                       "error": message},
                      ensure_ascii=False, indent=2)
