"""Fill the Word template with a report in a sandboxed Jinja environment and save it atomically."""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import typing
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from annual_docx._atomic import replacing
from annual_docx._content._context import build_context
from annual_docx._input._images import prepare_pictures
from annual_docx._model.text import clean
from annual_docx._ooxml.char_grid import set_default_spacing
from annual_docx._ooxml.prepare import prepare_document, prepare_styles
from annual_docx._ooxml.record import end_body, record_box
from annual_docx._ooxml.repro import package_bytes
from annual_docx._output import _template_cache
from annual_docx._output._docxtpl import (
    Prepared,
    fill,
    highest_drawing_id,
    open_template,
    picture_factory,
    prepared_sources,
)
from annual_docx.errors import InputError, OutputError, TemplateError
from annual_docx.gbt9704 import FANGSONG
from annual_docx.schema import Report

if TYPE_CHECKING:
    from annual_docx._model.report_kind import ReportKind

StrPath: typing.TypeAlias = "str | os.PathLike[str]"
AnyReport: typing.TypeAlias = "ReportKind | Mapping[str, Any]"

_SOURCE_TREE_TEMPLATE = Path(__file__).resolve().parents[3] / "templates" / "report_template.docx"


def default_template() -> Path:
    """Return the path of the bundled GB/T 9704 report template."""
    bundled = resources.files("annual_docx") / "templates" / "report_template.docx"
    if bundled.is_file():
        return Path(str(bundled))
    return _SOURCE_TREE_TEMPLATE  # editable install: the template sits at the top of the repository


Grid = Literal["word", "portable"]
"""The document grid :func:`render` writes: ``word`` (Word's character grid) or ``portable`` (a line grid)."""
GRIDS: tuple[Grid, ...] = typing.get_args(Grid)


@typing.overload
def render(
    report: AnyReport, out: None = None, *, template: StrPath | None = None, grid: Grid = "word",
    allow_noncompliant: bool = False,
) -> bytes: ...
@typing.overload
def render(
    report: AnyReport, out: StrPath, *, template: StrPath | None = None, grid: Grid = "word",
    allow_noncompliant: bool = False,
) -> Path: ...
@typing.overload
def render(
    report: AnyReport, out: BinaryIO, *, template: StrPath | None = None, grid: Grid = "word",
    allow_noncompliant: bool = False,
) -> None: ...


def render(
    report: AnyReport,
    out: StrPath | BinaryIO | None = None,
    *,
    template: StrPath | None = None,
    grid: Grid = "word",
    allow_noncompliant: bool = False,
) -> Path | bytes | None:
    """Render ``report`` as a .docx: return its bytes when ``out`` is None, write it to a binary file object, or
    write it to the path ``out`` and return that path; on any error a path ``out`` is left as it was.

    ``report`` is a :class:`Report`, a :class:`GovinfoReport` (any :class:`ReportKind`) or a plain mapping of
    either, validated as by :func:`annual_docx.validate` (relative picture paths then resolve against the working
    folder). ``template`` is a Word file restyled from the default one (``templates/report_template.docx``).
    ``grid="word"`` (default)
    writes Word's character grid (28 characters a line in Word and WPS; LibreOffice opens it at 14 a line);
    ``grid="portable"`` writes a line grid with text condensed 0.25 pt, 28 a line in LibreOffice and in Word alike.
    Text is cleaned of XML-illegal characters and pictures are checked before anything is written; the same report
    and template give byte-identical files.

    A custom ``template`` is found by its styles' names whatever ids its editor gave them (missing styles come from
    the default template), and is refused with :class:`TemplateError` naming the GB/T 9704 items a document from
    it would break (a probe report rendered through it and checked; the verdict is cached by the template's hash)
    unless ``allow_noncompliant=True``.
    """
    if grid not in GRIDS:
        raise OutputError(f"grid={grid!r}: 网格只能是 word 或 portable / grid must be 'word' or 'portable'")
    if isinstance(report, Mapping):
        from annual_docx._report_kinds import validate

        report = validate(report)
    from annual_docx._model.report_kind import ReportKind

    if not isinstance(report, ReportKind):
        raise InputError(f"report: 不是年报数据（{type(report).__name__}）/ not report data: a Report, a GovinfoReport "
                         f"or a mapping, not {type(report).__name__}")
    template_path = Path(template) if template is not None else default_template()
    out_path = None if out is None or hasattr(out, "write") else Path(out)
    if out_path is not None:
        if not out_path.parent.is_dir():
            raise OutputError(f"{out_path}: 输出目录不存在 / the output folder does not exist: {out_path.parent}")
        if out_path.exists() and template_path.exists() and out_path.resolve() == template_path.resolve():
            raise OutputError(f"{out_path}: 不能覆盖模板文件 / refusing to write over the template")
    data = _document_bytes(report, template_path, grid, custom=template is not None,
                           verdict=not allow_noncompliant)
    if out_path is not None:
        with _atomic_target(out_path) as tmp:
            tmp.write_bytes(data)
        return out_path
    if out is None:
        return data
    try:
        typing.cast(BinaryIO, out).write(data)
    except (OSError, ValueError) as exc:  # a closed or read-only stream
        raise OutputError(f"无法写入输出流 / cannot write to the output stream: {exc}") from exc
    return None


def _document_bytes(report: ReportKind, template_path: Path, grid: str, *, custom: bool,
                    verdict: bool = True, probe: bool = False) -> bytes:
    """Return the finished, byte-reproducible .docx of ``report`` filled into the template at ``template_path``;
    a ``custom`` (outside) template is checked for the report's tags and, with ``verdict``, for the GB/T 9704
    compliance of what it makes (``_template_probe``) first, adopted (styles by name), and rendered within a time
    limit. The ``probe`` render itself skips both checks."""
    plain: Report = clean(report.as_report())  # a 政府信息公开 report converted (its package loads only then)
    pictures = prepare_pictures(plain)
    key: str | None
    if custom:  # a template from outside: kept under its file's bytes, with what its adoption and tags need
        raw = _read_template(template_path)
        key = _template_cache.custom_key(raw)
        entry = _template_cache.prepared(key)
        tags = _known_tags(entry)
        checked = _template_cache.package(key) if tags is not None and isinstance(entry.get("parts"), dict) else None
        tpl = open_template(template_path, checked=checked)
        if checked is None and _read_template(template_path) != raw:  # changed while the reader read it: not kept
            key, entry, tags = None, {"variants": {}}, None
    else:
        tpl = open_template(template_path, bundled=True)
        key = _template_cache.template_key(tpl.template_file.getvalue())
        entry, checked = _template_cache.prepared(key), None
    if custom and not probe:  # an outside template: its tags are checked first (the checker loads only then)
        from annual_docx._output._authoring import refuse_incomplete, tags_as_json, tags_of

        if tags is None:
            entry["tags"] = tags_as_json(tags := tags_of(tpl, template_path))
        refuse_incomplete(tpl, template_path, plain, tags)
        if verdict:
            from annual_docx._output._template_probe import refuse_noncompliant

            refuse_noncompliant(template_path)
    adopt_rest: Callable[[], None] | None = None
    if custom:
        from annual_docx._output._template_adopt import adopt_document, adopt_template

        # styles found by name, what another editor lost put back (in memory); document.xml, headers and footers
        # are adopted from the cache's sources when the package came from it, document.xml only when it is needed
        adoption = adopt_template(tpl.docx, parsed_only=checked is not None)
        if checked is not None:
            adopt_rest = functools.partial(adopt_document, tpl.docx, adoption)
    numbers = itertools.count(1)  # native figures in document order: each group of shapes gets its own id range
    if not isinstance(entry.get("facts"), int):
        entry["facts"] = highest_drawing_id(tpl)
    ids = itertools.count(max(1000, entry["facts"]) + 1)  # every drawing's docPr id, given as the context is built

    def native(spec: Any) -> Any:  # a native chart's parts: their code loads with the report's first native chart
        from annual_docx._ooxml.chart_part import native_figure

        return native_figure(tpl, spec, next(numbers), next(ids))

    context = build_context(plain, picture_factory(tpl, pictures, ids), native)
    record_id = tpl.id_floor = next(ids)
    tpl.prepared = _prepared(tpl, entry, key, context.get("signature"), portable=grid == "portable",
                             adopt=adopt_rest)
    if custom and key is not None and checked is None and _known_tags(entry) is not None:
        _template_cache.keep_prepared(key, entry)  # with its tags, whichever variant this render made
        _template_cache.keep_package(key, tpl.template_file.getvalue())  # as the hardened reader returned it
    # the 版记's paragraphs render on their own into the text box docxtpl's body then ends with
    tpl.tail_sources = tpl.prepared.record if (context.get("official") or {}).get("record") else []
    width = tpl.prepared.width
    tpl.close_body = lambda body, rendered: end_body(body, record_box(rendered, width, record_id))
    fill(tpl, context, template_path, plain.date, seconds=template_seconds() if custom else None)
    return package_bytes(tpl.docx)


def _prepared(tpl: Any, entry: dict[str, Any], key: str | None, signature: Any, *, portable: bool,
              adopt: Callable[[], None] | None = None) -> Prepared:
    """Make the opened template ``tpl`` final for this report (``_ooxml/prepare.py``): its styles each time, its
    document.xml, headers and footers as Jinja's sources from ``entry`` (the template cache's, named ``key``; None:
    not kept) when it holds them — document.xml for this variant (the 落款's indents, the grid), the headers and
    footers for any — else made from the parsed parts and kept. ``adopt`` adopts document.xml first when it must be
    made (a template from outside whose package came from the cache, its document.xml left as it was)."""
    variant = json.dumps([None if signature is None else [signature.name_right, signature.date_right], portable])
    variants, parts = entry.setdefault("variants", {}), entry.get("parts")
    try:
        prepared: Prepared | None = Prepared.from_json({**variants[variant], "parts": parts})
    except (KeyError, TypeError):
        prepared = None
        if adopt is not None:  # as the adoption would have, before the styles are made final
            adopt()
    prepare_styles(tpl.docx, FANGSONG)
    if prepared is None:
        body = prepare_document(tpl.docx.element, tpl.docx.styles.element, signature, portable=portable)
        prepared = prepared_sources(tpl, body.record, body.width, body.spacing,
                                    parts=parts if isinstance(parts, dict) else None)
        if key is not None:
            entry["parts"], variants[variant] = prepared.parts, {**prepared.as_json(), "parts": None}
            _template_cache.keep_prepared(key, entry)
    if prepared.spacing:
        set_default_spacing(tpl.docx.styles.element, prepared.spacing)
    return prepared


def _read_template(path: Path) -> bytes:
    """Return the bytes of the template file at ``path``; raise TemplateError when it cannot be read."""
    if not path.is_file():
        raise TemplateError(f"{path}: 模板文件不存在 / template not found")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: 无法读取模板 / cannot read the template: {exc.strerror or exc}") from exc


def _known_tags(entry: dict[str, Any]) -> Any:
    """Return the tags a template's cache ``entry`` holds (``_authoring.tags_from_json``), None when it holds none."""
    if "tags" not in entry:
        return None
    from annual_docx._output._authoring import tags_from_json

    return tags_from_json(entry["tags"])


def template_seconds() -> float:
    """Return the time limit of a custom template's render: ``ANNUAL_DOCX_TEMPLATE_SECONDS``, default 30 s."""
    try:
        return max(0.1, float(os.environ.get("ANNUAL_DOCX_TEMPLATE_SECONDS", "") or 30))
    except ValueError:
        return 30.0


@contextlib.contextmanager
def _atomic_target(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out`` (:func:`annual_docx._atomic.replacing`), the errors worded for the user."""
    try:
        with replacing(out) as tmp:
            yield tmp
    except OSError as exc:
        raise OutputError(f"{out}: 无法写入 / cannot write the document: {exc.strerror or exc}") from exc
