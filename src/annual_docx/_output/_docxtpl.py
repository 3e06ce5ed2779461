"""The one module that touches docxtpl: open a template, render a context into it in the bounded sandbox, place
pictures with alt text, render the core properties as plain text, and escape user text for docxtpl's rewrites.

Everything the document shows is final in the context; docxtpl only fills the template's tags. The only docxtpl
names used are its public ones: ``DocxTemplate`` (``init_docx``, ``render``, ``patch_xml``, ``get_xml``,
``get_headers_footers``, ``get_part_xml``, the ``HEADER_URI``/``FOOTER_URI`` constants, ``current_rendering_part``),
and the methods it documents for overriding (``patch_xml``, ``map_tree``, ``render_properties``). Tested with the
docxtpl versions pinned in ``pyproject.toml``.

One pass: docxtpl's ``render`` is kept as it is (its steps, in its order), and the steps around Jinja are ours
(``init_docx``, ``build_xml``, ``build_headers_footers_xml``, ``fix_tables``, ``fix_docpr_ids``, ``map_tree``): the
template's parts come as Jinja sources (:class:`Prepared`, from the template cache when ``_render`` has them), the
whole of document.xml is filled, and what Jinja returns is parsed once and becomes the part's tree. Without a
:class:`Prepared` (``FastTemplate`` used alone) the sources are written out from the template's parts as the render
starts, as docxtpl does.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, Final, NamedTuple

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from annual_docx._model.text import clean_text
from annual_docx._ooxml.lazy_parts import has_content, open_document, parse_all
from annual_docx._ooxml.ns import W_NS, WP_NS
from annual_docx._ooxml.pictures import described_inline, picture_run_markup
from annual_docx._output._bounds import BoundedSandbox, RenderTimeout, time_limit
from annual_docx._output._template_cache import compiled as compiled_code
from annual_docx.errors import AnnualDocxError, DocumentError, ImageError, TemplateError

# docxtpl turns ``{_{``, ``}_}``, ``{_%`` and ``%_}`` into Jinja tags after rendering; an ``_`` of the output beside
# ``{``/``}``/``%`` (or at its ends, where a template's own brace may sit) is written ``&#95;`` so it stays text
_UNDERSCORE_BY_TAG: Final = re.compile(r"(?<=[{%])_|_(?=[}%])|^_|_$")
_PROPERTY_LIMIT: Final = 255  # characters python-docx (and Word) allow in a core text property
_CORE_TEXT_PROPERTIES: Final = ("author", "comments", "identifier", "language", "subject", "title")
_MAX_PATCHED: Final = 16
_DOC_PR_TAG: Final = f"{{{WP_NS}}}docPr"
_BODY_TAG: Final = f"{{{W_NS}}}body"
_patched: dict[str, str] = {}
_FOOTNOTES_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: a Jinja tag inside one of the template's tables (docxtpl then fixes the filled tables' columns)
_TAG_IN_TABLE: Final = re.compile(r"<w:tbl>(?:(?!</w:tbl>).)*?(?:\{%|\{\{)", re.S)


def protect(value: Any) -> Any:
    """Return what a ``{{ }}`` tag writes: a string escaped for XML, or the markup of an object that renders itself
    (``__html__``), either with ``_`` beside ``{``/``}``/``%`` as ``&#95;``; other values pass through unchanged."""
    if hasattr(value, "__html__"):
        return Markup(_UNDERSCORE_BY_TAG.sub("&#95;", str(value.__html__())))
    if isinstance(value, str):
        return Markup(_UNDERSCORE_BY_TAG.sub("&#95;", str(escape(value))))
    return value


class _CompilingOnceSandbox(BoundedSandbox):
    """A sandbox (bounded in work, see ``_bounds``) that compiles each template source once: rendering many reports
    reuses the compiled parts, and a new process loads the code compiled before (``_template_cache``)."""

    MAX_SOURCES = 64

    def __init__(self, autoescape: bool) -> None:
        super().__init__(autoescape=autoescape, undefined=jinja2.StrictUndefined)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= self.MAX_SOURCES:
                self._compiled.clear()
            code = compiled_code(self, source)  # from the disk cache when another process compiled it
            compiled = self._compiled[source] = self.template_class.from_code(self, code, self.make_globals(None), None)
        return compiled


@functools.cache
def sandbox(*, autoescape: bool = True) -> SandboxedEnvironment:
    """Return this process's sandboxed environment (one escaping XML, one for plain-text properties): unknown
    names are errors, and each template source is compiled once."""
    env = _CompilingOnceSandbox(autoescape)
    if autoescape:
        env.finalize = protect
    return env


def render_properties(core: Any, context: dict[str, Any], date: dt.date | None) -> None:
    """Render the template's text core properties (title, subject…) as plain text in the sandbox, cut to 255
    characters; date the document with the report's 成文日期 rather than the clock (python-docx ``CoreProperties``)."""
    env = sandbox(autoescape=False)
    for name in _CORE_TEXT_PROPERTIES:
        initial = getattr(core, name)
        if initial and ("{" in initial):
            text = clean_text(env.from_string(initial).render(context))
            setattr(core, name, text[:_PROPERTY_LIMIT])
    if date is not None:
        stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
        core.created = stamp
        core.modified = stamp


class Prepared(NamedTuple):  # a named tuple: built in a twentieth of a dataclass's time, on every start
    """A template made ready for Jinja, as :func:`prepared_sources` gives it and the template cache keeps it."""

    #: document.xml's root element (the body inside it) as Jinja's source: made final, cleaned up (``patch_xml``)
    document: str
    #: each header's and footer's source, cleaned up, by its relationship id (the headers and footers with content)
    parts: dict[str, str]
    #: paragraphs taken out of the template, rendered on their own (the 版记's, see ``FastTemplate.tail_sources``)
    record: tuple[str, ...] = ()
    width: int = 0  #: the 版心's width in twips
    spacing: int = 0  #: the portable grid's condensing of the default run (1/20 pt; 0: none)
    #: whether a tag sits in one of the template's tables (docxtpl then fixes the filled tables' columns)
    table_tags: bool = False
    #: whether the body holds drawings of the template's own (docxtpl then renumbers the filled body's)
    drawings: bool = False

    def as_json(self) -> dict[str, Any]:
        return {**self._asdict(), "record": list(self.record)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Prepared:
        """Return the prepared template ``data`` (from :meth:`as_json`) holds; raise TypeError or KeyError when it is
        not one."""
        if set(data) != set(cls._fields) or not isinstance(data["document"], str) \
                or not isinstance(data["parts"], dict):
            raise TypeError("not a prepared template")
        return cls(**{**data, "record": tuple(data["record"])})


def prepared_sources(tpl: Any, record: Sequence[str] = (), width: int = 0, spacing: int = 0, *,
                     parts: dict[str, str] | None = None) -> Prepared:
    """Return the opened template ``tpl``'s document.xml and headers and footers as Jinja's sources, as docxtpl
    cleans them up, with what preparing it told (``record``, ``width``, ``spacing``); each part is written out once.
    The headers' and footers' sources are ``parts`` when given (preparing changes only document.xml)."""
    document = str(tpl.patch_xml(tpl.xml_to_string(tpl.docx.element)))
    if parts is None:
        parts = {rid: str(tpl.patch_xml(tpl.get_part_xml(part)))
                 for uri in (tpl.HEADER_URI, tpl.FOOTER_URI) for rid, part in tpl.get_headers_footers(uri)}
    body = tpl.docx.element.find(_BODY_TAG)
    drawings = body is not None and next(body.iter(_DOC_PR_TAG), None) is not None
    return Prepared(document, parts, tuple(record), width, spacing, _TAG_IN_TABLE.search(document) is not None,
                    drawings)


@functools.cache
def template_class() -> Any:
    """Return the ``DocxTemplate`` subclass (docxtpl is imported on first use): its body swap is linear in the new
    body, its XML clean-up memoised, and its core properties rendered as plain text dated by the report."""
    from docxtpl import DocxTemplate

    class FastTemplate(DocxTemplate):  # type: ignore[misc]
        """A DocxTemplate for annual reports (see :func:`template_class`)."""

        docx: Any
        is_rendered: bool
        report_date: dt.date | None = None
        id_floor = 1000  # drawing ids the context gave out end here (see ``fix_docpr_ids``)
        #: paragraphs taken out of the template, rendered on their own and handed with the rendered body to
        #: ``close_body``, which returns the body to use (the 版记's text box at its end)
        tail_sources: Sequence[str] = ()
        close_body: Callable[[str, list[str]], str] | None = None
        #: the template made ready for Jinja (``_render`` sets it, from the template cache); None: the template's
        #: parts as they are, written out as the render starts
        prepared: Prepared | None = None
        _sources: Prepared | None = None  # what the render under way fills

        def init_docx(self, reload: bool = True) -> None:
            # python-docx's package, with document.xml, headers and footers parsed only when asked for
            if not self.docx or (self.is_rendered and reload):
                source = self.template_file
                data = source.getvalue() if isinstance(source, BytesIO) else Path(source).read_bytes()
                self.docx = open_document(data)
                self.is_rendered = False

        def get_xml(self) -> str:
            # the body, whether the root is python-docx's (before rendering) or the filled one
            return str(self.xml_to_string(self.docx.element.find(_BODY_TAG)))

        def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
            # the whole of document.xml is filled (its root holds no tag), so what Jinja returns is parsed once
            # and becomes the part's tree as it is
            sources = self._sources = self.prepared or prepared_sources(self)
            part = self.docx.part
            xml = str(self.render_xml_part(sources.document, part, context, jinja_env))
            if self.close_body is None:
                return xml
            tail = [str(self.render_xml_part(self.patch_xml(source), part, context, jinja_env))
                    for source in self.tail_sources]
            return self.close_body(xml, tail)

        def patch_xml(self, src_xml: str) -> str:
            # a dozen regular expressions over the whole part that depend only on the template: once per process
            patched = _patched.get(src_xml)
            if patched is None:
                if len(_patched) >= _MAX_PATCHED:
                    _patched.clear()
                patched = _patched[src_xml] = super().patch_xml(src_xml)
            return patched

        def map_tree(self, tree: Any) -> None:
            # the filled document.xml becomes the part's tree (docxtpl swapped the filled body into the template's
            # tree: lxml's ``replace`` walked the whole old body to move it out, 3.9 s for 12,000 tags, docxtpl
            # #490). The body is put back in its place, as docxtpl's swap put it in: lxml then drops the namespace
            # declarations the root already makes from the markup the tags wrote (a table's ``xmlns:w``), in C,
            # as it did then — the document written is the same, byte for byte
            body = tree.find(_BODY_TAG)
            if body is not None:
                tree.insert(tree.index(body), body)
            self.docx.part._element = tree

        def get_headers_footers(self, uri: str) -> Iterator[tuple[str, Any]]:
            # docxtpl tests each part's ``blob`` (a serialisation of the whole part) only to skip empty ones
            for rid, rel in self.docx.part.rels.items():
                if rel.reltype == uri and not rel.is_external and has_content(rel.target_part):
                    yield rid, rel.target_part

        def get_part_xml(self, part: Any) -> str:
            # the parsed part as Jinja's source; docxtpl serialises it, parses that and serialises again
            element = getattr(part, "element", None)
            return str(self.xml_to_string(element)) if element is not None else str(super().get_part_xml(part))

        def build_headers_footers_xml(self, context: dict[str, Any], uri: str, jinja_env: Any = None) -> Any:
            # the sources prepared with the body (docxtpl writes each part out here); docxtpl's own encoding rule
            # gives UTF-8 for a source without an XML declaration, which these are
            sources = self._sources
            for rid, part in self.get_headers_footers(uri):
                source = sources.parts.get(rid) if sources is not None else None
                if source is None:
                    source = self.patch_xml(self.get_part_xml(part))
                yield rid, str(self.render_xml_part(source, part, context, jinja_env)).encode("utf-8")

        def fix_tables(self, xml: str) -> Any:
            # docxtpl's column fix is for the template's own table tags (``{%tc %}``, ``{% colspan %}``…); the
            # tables the context builds are final, so the filled document is only parsed (with docxtpl's parser)
            if self._sources is None or self._sources.table_tags:
                return super().fix_tables(xml)
            return etree.fromstring(xml, parser=etree.XMLParser(recover=True))

        def fix_docpr_ids(self, tree: Any) -> None:
            # the context numbers every drawing it places; only a template's own drawings (which a loop may
            # repeat) make docxtpl renumber the body's, then above every id the context gave out
            if self._sources is None or self._sources.drawings:
                self.docx_ids_index = self.id_floor
                super().fix_docpr_ids(tree)

        def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            # docxtpl finds the footnotes part once per section, reading the sections from the filled body; the
            # package's parts are the same whatever the section, so they are looked through once
            for part in self.docx.part.package.parts:
                if part.content_type == _FOOTNOTES_TYPE:
                    source = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                    xml = self.render_xml_part(self.patch_xml(source), part, context, jinja_env)
                    part._blob = xml.encode("utf-8")

        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            # docxtpl would XML-escape the (plain-text) core properties; ours renders them as plain text, sandboxed
            render_properties(self.docx.core_properties, context, self.report_date)

    return FastTemplate


def open_template(path: Path, *, bundled: bool = False, checked: bytes | None = None) -> Any:
    """Return the docxtpl template at ``path``, read through the hardened reader within TEMPLATE_LIMITS (a template
    may come from anywhere; each XML part is parsed there once more than python-docx parses it), or read as it is
    when it is the ``bundled`` default template; raise TemplateError when it cannot be used. ``checked`` is the
    package the hardened reader returned for the same file's bytes before (kept by the template cache): it is opened
    as it is, its parts left as bytes until used."""
    if checked is not None:
        return _open_bytes(path, checked, parse=False)
    if not path.is_file():
        raise TemplateError(f"{path}: 模板文件不存在 / template not found")
    try:
        if bundled:
            data = path.read_bytes()
        else:  # the hardened reader loads only for a template from outside
            from annual_docx._ooxml.reader import TEMPLATE_LIMITS, open_package
            from annual_docx._ooxml.sanitize import template_bytes

            with open_package(path, TEMPLATE_LIMITS) as package:
                data = template_bytes(package)
    except DocumentError as exc:
        raise TemplateError(f"模板无法使用 / the template cannot be used: {exc}") from exc
    except OSError as exc:
        raise TemplateError(f"{path}: 无法读取模板 / cannot read the template: {exc.strerror or exc}") from exc
    return _open_bytes(path, data, parse=not bundled)


def _open_bytes(path: Path, data: bytes, *, parse: bool) -> Any:
    """Return the docxtpl template of the package ``data`` (read from ``path``); with ``parse``, every part python-docx
    would parse as it opens is parsed now."""
    try:
        tpl = template_class()(BytesIO(data))
        tpl.init_docx()
        if parse:  # as python-docx opening it would: a part it cannot read fails here (the checks parse them)
            parse_all(tpl.docx)
    except Exception as exc:  # python-docx raises several unrelated types for a broken package
        raise TemplateError(f"{path}: 无法打开模板 / cannot open the template: {exc}") from exc
    return tpl


def template_source(tpl: Any) -> str:
    """Return the body, headers and footers of a template as docxtpl prepares them for Jinja."""
    xml = str(tpl.patch_xml(tpl.get_xml()))
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            xml += str(tpl.patch_xml(tpl.get_part_xml(part)))
    return xml


def fill(tpl: Any, context: dict[str, Any], template_path: Path, date: dt.date | None = None, *,
         seconds: float | None = None) -> None:
    """Render ``context`` into the opened template ``tpl`` in the bounded sandbox, within ``seconds`` (None: no time
    limit). Whatever the template's expressions raise becomes a TemplateError."""
    tpl.report_date = date
    failed = f"{template_path}: 模板渲染失败 / the template failed to render"
    try:
        with time_limit(seconds):
            tpl.render(context, sandbox(), autoescape=True)
    except jinja2.TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        line = f"（第 {lineno} 行 / line {lineno}）" if lineno else ""
        raise TemplateError(f"{failed}{line}: {exc.message or exc}") from exc
    except RenderTimeout as exc:
        raise TemplateError(f"{failed}: 超过 {seconds} 秒 / it took longer than {seconds} s") from exc
    except AnnualDocxError:
        raise
    except Exception as exc:  # an expression of the template failed (1/0, 'a' + 1, recursion…)
        raise TemplateError(f"{failed}: {type(exc).__name__}: {exc}") from exc


class Picture:
    """A picture placed by ``{{ b.image }}`` (or in a gallery's cell), with ``alt`` as its alt text; it adds its
    image to the part being rendered when Jinja writes it."""

    def __init__(self, tpl: Any, source: bytes | str, width_mm: float, alt: str, doc_pr_id: int) -> None:
        self.tpl, self.source, self.width_mm, self.alt, self.doc_pr_id = tpl, source, width_mm, alt, doc_pr_id

    def inline(self) -> Any:
        """Add the picture to the part being rendered and return its described ``wp:inline`` element."""
        from docx.oxml.shape import CT_Inline
        from docx.shared import Mm

        part = self.tpl.current_rendering_part
        source = BytesIO(self.source) if isinstance(self.source, bytes) else self.source
        try:
            rid, image = part.get_or_add_image(source)
            cx, cy = image.scaled_dimensions(Mm(self.width_mm), None)
        except Exception as exc:  # python-docx raises its own and PIL's errors for unreadable images
            raise ImageError(f"无法读取图片 / cannot read the picture {self.alt!r}: {exc}") from exc
        inline = CT_Inline.new_pic_inline(self.doc_pr_id, rid, image.filename, cx, cy)
        return described_inline(inline, self.alt, self.alt[:40])

    def __html__(self) -> str:
        return picture_run_markup(self.inline())

    def __str__(self) -> str:
        return self.__html__()


def highest_drawing_id(tpl: Any) -> int:
    """Return the largest drawing (``docPr``) id in the opened template ``tpl``'s body, headers and footers (0:
    none); the ids a render gives count up from above it, and from 1001 at least (where docxtpl numbers)."""
    roots = [tpl.docx.element.find(_BODY_TAG)]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        roots += [part.element for _, part in tpl.get_headers_footers(uri) if hasattr(part, "element")]
    found = [int(n) for root in roots if root is not None for d in root.iter(_DOC_PR_TAG)
             if (n := d.get("id") or "").isdigit()]
    return max([0, *found])


def picture_factory(tpl: Any, prepared: dict[tuple[Path, float], bytes], ids: Iterator[int]) -> Any:
    """Return ``make(source, width_mm, alt)`` → :class:`Picture` for ``tpl``, numbered from ``ids``, taking a file's
    checked, upright, downscaled bytes from ``prepared`` (path, width) when there are some (a gallery places them
    narrower)."""

    def make(source: bytes | Path, width_mm: float, alt: str) -> Picture:
        if isinstance(source, Path):
            same_file = (data for (path, _), data in prepared.items() if path == source)
            source = prepared.get((source, width_mm)) or next(same_file, source)
        return Picture(tpl, source if isinstance(source, bytes) else str(source), width_mm, alt, next(ids))

    return make


def warm_up() -> None:
    """Import docxtpl (and with it python-docx and Jinja) now, before worker processes fork from this one."""
    template_class()
