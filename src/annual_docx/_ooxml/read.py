"""Read the layout facts of any .docx: section page setup, effective style fonts and sizes, footers, theme fonts."""

from __future__ import annotations

import copy
import gc
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from annual_docx._ooxml.body_facts import BodyFacts, Para, TableFacts
from annual_docx._ooxml.body_styles import StyleResolver
from annual_docx._ooxml.ns import MC_NS, WP_NS, alignment, w_attr
from annual_docx._ooxml.numbering_in import Numbering
from annual_docx._ooxml.order import local_name
from annual_docx._ooxml.paragraphs import BodyReader, BodySink, Recorder
from annual_docx._ooxml.props import R_NS, THEME_FONT_ATTRS, W_NS, Element, qn
from annual_docx._ooxml.reader import Package
from annual_docx.gbt9704 import TWIPS_PER_MM

NS = {"w": W_NS, "r": R_NS}
_P = qn("w:p")
BlockVisitor = Callable[[Element], None]


@dataclass(frozen=True)
class StyleFacts:
    """A paragraph style's effective East Asian and Latin font, size (points), and whether a theme font is used."""

    style_id: str
    east_asia: str | None
    latin: str | None
    size_pt: float | None
    theme: bool


@dataclass(frozen=True)
class FooterFacts:
    """A footer's type (default/even/first), its text with fields shown as ``{PAGE}``, alignment and fonts."""

    kind: str
    text: str
    align: str | None
    east_asia: str | None
    size_pt: float | None


@dataclass
class DocFacts:
    """What the checker needs to know about one .docx."""

    page: dict[str, int] = field(default_factory=dict)
    grid: dict[str, str] = field(default_factory=dict)
    styles: dict[str, StyleFacts] = field(default_factory=dict)
    footers: list[FooterFacts] = field(default_factory=list)
    even_and_odd: bool = False
    theme_attrs: int = 0
    east_asia_lang: str | None = None
    used_styles: set[str] = field(default_factory=set)
    normal_spacing: int = 0  # the Normal text's character spacing in 1/20 pt (negative: condensed)
    body: BodyFacts = field(default_factory=BodyFacts)  # the paragraphs and tables, for the 公文 checks


_MEASURE = re.compile(r"\s*(-?\d{1,9}(?:\.\d{1,9})?)\s*(mm|cm|in|pt|pc|pi)?\s*")
_TWIPS_PER = {"": 1.0, "pt": 20.0, "pc": 240.0, "pi": 240.0, "in": 1440.0, "mm": TWIPS_PER_MM, "cm": 1440 / 2.54}


def measure(value: str | None, unit_twips: float = 1.0) -> int | None:
    """Return ``value`` (a WordprocessingML number: ``"11906"``, ``"-842"``, ``"210mm"``, ``"12.5pt"``) in units of
    ``unit_twips`` twips (1: twips; 10: half-points), rounded; None when it is missing, malformed or absurdly long."""
    match = _MEASURE.fullmatch(value or "")
    if match is None:
        return None
    number, unit = float(match.group(1)), match.group(2) or ""
    if not unit:
        return round(number)
    return round(number * _TWIPS_PER[unit] / unit_twips)


def half_points(value: str | None) -> int | None:
    """Return a font size (``w:sz``: half-points, or a measure such as ``"16pt"``) in half-points."""
    match = _MEASURE.fullmatch(value or "")
    if match is None:
        return None
    return round(float(match.group(1))) if not match.group(2) else measure(value, 10.0)


class _Styles(StyleResolver):
    """The style resolver as ``check`` reads a style's fonts and size (theme attributes noticed)."""

    def chain(self, style_id: str | None) -> list[Element]:
        """The style, the styles it is based on (nearest first), then the document's run defaults."""
        out = self.style_chain(style_id)
        if self.root is not None:
            out += self.root.findall("w:docDefaults/w:rPrDefault", NS)
        return out

    def find(self, style_id: str | None, path: str, attr: str) -> tuple[str | None, bool]:
        """Return the first value of ``attr`` on ``path`` up the chain, and whether a theme attribute came first."""
        for element in self.chain(style_id):
            found = element.find(path, NS)
            if found is None:
                continue
            if found.get(qn(f"w:{attr}Theme")):
                return None, True
            value = found.get(qn(f"w:{attr}"))
            if value:
                return value, False
        return None, False

    def facts(self, style_id: str) -> StyleFacts:
        east_asia, theme_ea = self.find(style_id, "w:rPr/w:rFonts", "eastAsia")
        latin, theme_latin = self.find(style_id, "w:rPr/w:rFonts", "ascii")
        size = half_points(self.find(style_id, "w:rPr/w:sz", "val")[0])
        return StyleFacts(style_id, east_asia, latin, size / 2 if size else None, theme_ea or theme_latin)


def _theme_attrs(root: Element) -> int:
    return sum(1 for r in root.iter(qn("w:rFonts")) for t in THEME_FONT_ATTRS if r.get(qn(f"w:{t}")))


def read_facts(package: Package, visitors: Sequence[BlockVisitor] = (), sink: BodySink | None = None) -> DocFacts:
    """Return the layout facts of an opened package, reading each part once and streaming the main part: memory holds
    the small facts of each paragraph and table (``facts.body``, read by ``paragraphs.BodyReader`` with each style
    resolved once), never the main part's tree. Each of ``visitors`` is also called with every body-level block
    (paragraph, table, section properties…) of the main part before it is freed. With a ``sink`` the body's
    paragraphs and tables go to it one at a time as they are read and ``facts.body`` keeps none of them, so memory
    does not grow with the paragraph count."""
    facts = DocFacts()
    main = package.main_part
    styles_part = next(iter(package.related(main, "styles")), None)
    styles_root = package.xml(styles_part) if styles_part else None
    styles = _Styles(styles_root)
    settings_part = next(iter(package.related(main, "settings")), None)
    settings = package.xml(settings_part) if settings_part else None
    body_sect: Element | None = None
    last_sect: Element | None = None
    p_style, r_fonts, sect_pr, val = qn("w:pStyle"), qn("w:rFonts"), qn("w:sectPr"), qn("w:val")
    theme_attrs = [qn(f"w:{t}") for t in THEME_FONT_ATTRS]
    body = BodyReader(styles_root, Numbering(package), sink)
    if sink is not None:
        sink.start(body.style_names())
    used_styles, theme_count = facts.used_styles, [0]

    def read(block: Element) -> None:
        nonlocal body_sect, last_sect
        body.visit(block)
        for visit in visitors:
            visit(block)
        for node in block.iter(p_style, r_fonts, sect_pr):
            tag = node.tag
            if tag == p_style:
                used = node.get(val) or ""
                if used in styles.by_id:  # bounded by the styles part, however many paragraphs name one
                    used_styles.add(used)
            elif tag == r_fonts:
                theme_count[0] += sum(1 for t in theme_attrs if node.get(t))
            else:
                last_sect = copy.deepcopy(node)
                if node is block:
                    body_sect = last_sect

    cut = package.body_spans(main) if sink is not None and all(
        isinstance(v, PlainAware) for v in visitors) else None
    if cut is None:
        for block in package.blocks(main):
            read(block)
    else:
        _read_spans(package, main, cut, body, read, [v for v in visitors if isinstance(v, PlainAware)], theme_count)
    facts.theme_attrs += theme_count[0]
    sect = body_sect if body_sect is not None else last_sect
    facts.body = body.finish()
    _page_setup(facts, sect)
    for style_id in styles.by_id:
        if style_id:
            facts.styles[style_id] = styles.facts(style_id)
    spacing, _ = styles.find("Normal", "w:rPr/w:spacing", "val")
    facts.normal_spacing = int(spacing) if spacing and spacing.lstrip("-").isdigit() else 0
    facts.even_and_odd = settings is not None and settings.find("w:evenAndOddHeaders", NS) is not None
    footers: dict[str, Element] = {}
    for ref in [] if sect is None else sect.findall("w:footerReference", NS):
        target = package.target(main, ref.get(qn("r:id")) or "")
        if target:
            if target not in footers:  # two references may share one footer part: parse it once
                footers[target] = package.xml(target)
            facts.footers.append(_footer(footers[target], w_attr(ref, "type") or "default", styles))
    done = {main, styles_part, settings_part, *footers}
    for parsed in (styles_root, settings, *footers.values()):
        facts.theme_attrs += 0 if parsed is None else _theme_attrs(parsed)
    for name in package.names():
        if name.endswith(".xml") and name.startswith("word/") and name not in done:
            facts.theme_attrs += sum(_theme_attrs(block) for block in package.blocks(name))
    lang = None if styles_root is None else styles_root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    facts.east_asia_lang = w_attr(lang, "eastAsia")
    return facts


@runtime_checkable
class PlainAware(Protocol):
    """A block visitor that can be told of a block without seeing it again: ``plain_key`` returns what it needs of a
    block (a paragraph or a table), ``plain`` is called with that for a later block of the same bytes instead of the
    visitor itself — once for a run of plain paragraphs (text runs only, no drawing: each tells the same)."""

    def __call__(self, block: Element) -> None: ...

    def plain_key(self, block: Element) -> object: ...

    def plain(self, key: object) -> None: ...  # once for a run of paragraphs of the same bytes

    def quiet(self) -> bool: ...  # a paragraph of text runs only (no drawing) would change nothing now


@dataclass(frozen=True)
class _Seen:
    """A plain paragraph read once: the reader's record of it, whether its look starts a page, its theme font
    attributes, and what each visitor keeps of it."""

    para: Para
    own_break: bool
    theme: int
    keys: tuple[object, ...]


@dataclass(frozen=True)
class _Shape:
    """A plain paragraph read once, for others of its shape (``_shape``): the reader's record of it, whether its look
    starts a page, its theme font attributes."""

    para: Para
    own_break: bool
    theme: int


MAX_SEEN = 4096  # distinct paragraphs and tables remembered by their bytes
KEPT_BYTES = 16 << 20  # and their bytes together at most
BATCH = 256  # blocks parsed together (one parse of the root's namespace declarations for all)
BATCH_BYTES = 4 << 20
MAX_KEPT = 1 << 16  # blocks larger than this (bytes) are not kept to be read again
_KEPT = (qn("w:p"), qn("w:tbl"))
MAX_SHAPES = 4096  # distinct paragraph shapes (bytes without their text) remembered
# the text of a run: in these two spellings of the start tag only, so what stands between them is text (no '<')
_RUN_TEXT = re.compile(rb'(<w:t(?: xml:space="preserve")?>)([^<]*)(?=</w:t>)')


def _shape(data: bytes) -> tuple[tuple[bytes, int], str] | None:
    """A paragraph's shape — its bytes with the text of each ``w:t`` taken out, and which ``w:t`` is the first whose
    text is not blank — and its text; None when its text may hold what the parser would change (an entity or
    character reference, a carriage return: what stands outside the text is in the shape, so alike for one shape).
    Two paragraphs of one shape that read as plain differ only in their text: the same style, look and run
    properties."""
    parts = _RUN_TEXT.split(data)  # before, start tag, text, before, start tag, text… after
    texts = parts[2::3]
    joined = b"".join(texts)
    if b"&" in joined or b"\r" in joined:
        return None
    del parts[2::3]
    first = next((k for k, t in enumerate(texts) if t and not t.decode().isspace()), -1)
    return (b"".join(parts), first), joined.decode()


def _read_spans(package: Package, main: str, cut: Iterator[tuple[bytes, bytes, int]], body: BodyReader,
                read: Callable[[Element], None], visitors: list[PlainAware], theme_count: list[int]) -> None:
    """Read the body from its blocks' bytes: a paragraph whose bytes were read before as a plain paragraph is read
    again from what was kept of it (``BodyReader.replay``, each visitor's ``plain``), and so is a table or another
    paragraph read before with the same page break pending (``BodyReader.replay_block``); the others are parsed, a
    few hundred at a time, and read as :meth:`Package.blocks` would give them."""
    paused = gc.isenabled()
    gc.disable()  # the pass makes no reference cycles; the collector's passes over what lives cost ~10 %
    try:
        _read_cut(package, main, cut, body, read, visitors, theme_count)
    finally:
        if paused:
            gc.enable()


@dataclass(frozen=True)
class _Block:
    """A block (a table, a paragraph with drawings…) read once: what the reader handed on, numbered after paragraph
    ``base``, how many paragraphs it holds, the page break pending after it, its theme font attributes, what each
    visitor kept of it."""

    handed: tuple[Para | TableFacts, ...]
    base: int
    paragraphs: int
    pending_after: bool
    theme: int
    keys: tuple[object, ...]


def _read_cut(package: Package, main: str, cut: Iterator[tuple[bytes, bytes, int]], body: BodyReader,
              read: Callable[[Element], None], visitors: list[PlainAware], theme_count: list[int]) -> None:
    _, root, _ = next(cut)
    seen: dict[bytes, _Seen] = {}
    shapes: dict[tuple[bytes, int], _Shape] = {}  # plain paragraphs by their shape (``_shape``)
    blocks: dict[tuple[bool, bytes], _Block] = {}  # by the page break pending before and the bytes
    pending: list[bytes] = []
    size = kept = 0
    r_fonts = qn("w:rFonts")
    theme_attrs = [qn(f"w:{t}") for t in THEME_FONT_ATTRS]
    sink = body.sink
    assert sink is not None

    # whether every visitor is quiet (asked per paragraph: one visitor's own method when there is one)
    quiet: Callable[[], bool] = visitors[0].quiet if len(visitors) == 1 else (
        lambda: all(v.quiet() for v in visitors))

    def theme_of(block: Element) -> int:
        return sum(1 for node in block.iter(r_fonts) for t in theme_attrs if node.get(t))

    def flush() -> None:
        nonlocal size, kept
        # a paragraph that will not be kept, of a shape read before as plain: read from its text and the shape's
        # record, unless a visitor wants to see it (a figure above waits for its caption); the others parsed
        shaped: list[tuple[_Shape, str] | None] = [None] * len(pending)
        if shapes:
            full = len(seen) + len(blocks) >= MAX_SEEN
            for k, data in enumerate(pending):
                if (full or len(data) > MAX_KEPT or kept + len(data) > KEPT_BYTES) and data.startswith(b"<w:p") and \
                        (found := _shape(data)) is not None and found[0] in shapes:
                    shaped[k] = (shapes[found[0]], found[1])
        parsed = iter(package.parse_spans(main, root, [d for d, s in zip(pending, shaped, strict=True) if s is None]))
        for data, fast in zip(pending, shaped, strict=True):
            if fast is not None:
                if quiet():
                    shape, text = fast
                    body.reread(shape.para, shape.own_break, text)
                    theme_count[0] += shape.theme
                    continue
                block = package.parse_spans(main, root, [data])[0]
            else:
                block = next(parsed)
            count, numbered, section, before = body.count, body.numbered_count, body.section, body.pending_break
            keep = block.tag in _KEPT and len(data) <= MAX_KEPT and b"sectPr" not in data and \
                len(seen) + len(blocks) < MAX_SEEN and kept + len(data) <= KEPT_BYTES
            recorder = body.sink = Recorder(sink) if keep else sink
            try:
                read(block)
            finally:
                body.sink = sink
            plain = body.plain
            plain = plain if plain is not None and body.count == count + 1 and plain[0].n == body.count and \
                block.tag == _P and body.numbered_count == numbered else None
            if plain is not None and len(shapes) < MAX_SHAPES and b"sectPr" not in data and \
                    (found := _shape(data)) is not None and found[0] not in shapes:
                # its styles are in used_styles now: one of its shape adds none
                shapes[found[0]] = _Shape(plain[0], plain[1], theme_of(block))
            if not keep or not isinstance(recorder, Recorder):
                continue
            if plain is not None:
                # its styles are in used_styles now: a paragraph of the same bytes adds none
                seen[data] = _Seen(plain[0], plain[1], theme_of(block), tuple(v.plain_key(block) for v in visitors))
                kept += len(data)
            elif not recorder.ended and body.numbered_count == numbered and body.section == section:
                blocks[before, data] = _Block(tuple(recorder.handed), count, body.count - count, body.pending_break,
                                              theme_of(block), tuple(v.plain_key(block) for v in visitors))
                kept += len(data)
        pending.clear()
        size = 0

    for tag, data, count in cut:
        if tag == b"w:p":
            hit = seen.get(data)
            if hit is None and count > 1:  # read the first, then the others again from it
                pending.append(data)
                flush()
                count -= 1
                hit = seen.get(data)
            if hit is not None:
                if pending:
                    flush()
                body.replay(hit.para, hit.own_break, count)
                theme_count[0] += hit.theme * count
                for visit, key in zip(visitors, hit.keys, strict=True):
                    visit.plain(key)  # a paragraph without drawings tells the same each time: once for the run
                continue
        if blocks and ((False, data) in blocks or (True, data) in blocks):
            if pending:
                flush()  # the page break pending before this block is known once those before it are read
            while count and (again := blocks.get((body.pending_break, data))) is not None:
                body.replay_block(again.handed, again.base, again.paragraphs, again.pending_after)
                theme_count[0] += again.theme
                for visit, key in zip(visitors, again.keys, strict=True):
                    visit.plain(key)
                count -= 1
        for _ in range(count):
            pending.append(data)
            size += len(data)
            if len(pending) >= BATCH or size >= BATCH_BYTES:
                flush()
    if pending:
        flush()


def _page_setup(facts: DocFacts, sect: Element | None) -> None:
    for tag in ("pgSz", "pgMar"):
        element = None if sect is None else sect.find(f"w:{tag}", NS)
        for key, value in [] if element is None else element.attrib.items():
            number = measure(str(value))
            if number is not None:
                facts.page[local_name(key)] = number
    grid = None if sect is None else sect.find("w:docGrid", NS)
    if grid is not None:
        facts.grid = {local_name(k): str(v) for k, v in grid.attrib.items()}


_MC_FALLBACK = f"{{{MC_NS}}}Fallback"
_WP = WP_NS


def _footer_text(root: Element) -> tuple[str, Element | None]:
    """A footer's text as a reader sees it, a PAGE field shown as ``{PAGE}`` (its cached result left out, the
    ``mc:Fallback`` copy of a text box skipped), and the paragraph that holds the field (or the first with text)."""
    parts: list[str] = []
    holder: Element | None = None
    result = False  # between a field's separate and end marks: the cached result
    t, instr_text, simple, char = qn("w:t"), qn("w:instrText"), qn("w:fldSimple"), qn("w:fldChar")
    for node in root.iter(t, instr_text, simple, char):
        if any(a.tag == _MC_FALLBACK for a in node.iterancestors()):
            continue
        if node.tag == char:
            kind = node.get(qn("w:fldCharType"))
            result = kind == "separate" or (result and kind != "end")
            continue
        if node.tag == t:
            if not result and not any(a.tag == simple for a in node.iterancestors()):
                parts.append(node.text or "")
                if holder is None and (node.text or "").strip():
                    holder = next(node.iterancestors(qn("w:p")), None)
            continue
        instr = node.text if node.tag == instr_text else node.get(qn("w:instr"))
        if instr and instr.split() and instr.split()[0].upper() == "PAGE":
            parts.append("{PAGE}")
            holder = next(node.iterancestors(qn("w:p")), None)
    return "".join(parts), holder


def _footer(root: Element, kind: str, styles: _Styles) -> FooterFacts:
    text, paragraph = _footer_text(root)
    style_id = None if paragraph is None else w_attr(paragraph.find("w:pPr/w:pStyle", NS), "val")
    align = None if paragraph is None else w_attr(paragraph.find("w:pPr/w:jc", NS), "val")
    if align is None and style_id:
        align, _ = styles.find(style_id, "w:pPr/w:jc", "val")
    anchor = None if paragraph is None else next(paragraph.iterancestors(f"{{{_WP}}}anchor"), None)
    align = alignment(align)
    placed = None if anchor is None else anchor.find(f"{{{_WP}}}positionH/{{{_WP}}}align")
    if placed is not None and placed.text:  # a page number in a text box placed at the centre or a side
        align = {"inside": "left", "outside": "right"}.get(placed.text.strip(), placed.text.strip())
    east_asia, _ = styles.find(style_id, "w:rPr/w:rFonts", "eastAsia")
    size, _ = styles.find(style_id, "w:rPr/w:sz", "val")
    run = None if paragraph is None else paragraph.find(".//w:r/w:rPr", NS)
    if run is not None:
        east_asia = w_attr(run.find("w:rFonts", NS), "eastAsia") or east_asia
        size = w_attr(run.find("w:sz", NS), "val") or size
    half = half_points(size)
    return FooterFacts(kind, text, align, east_asia, half / 2 if half else None)
