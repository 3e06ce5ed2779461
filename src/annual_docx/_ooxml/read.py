"""Read the layout facts of any .docx: section page setup, effective style fonts and sizes, footers, theme fonts."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annual_docx._ooxml.body_facts import BodyFacts
from annual_docx._ooxml.body_styles import StyleResolver
from annual_docx._ooxml.ns import MC_NS, WP_NS, w_attr
from annual_docx._ooxml.numbering_in import Numbering
from annual_docx._ooxml.order import local_name
from annual_docx._ooxml.paragraphs import BodyReader, BodySink
from annual_docx._ooxml.props import R_NS, THEME_FONT_ATTRS, W_NS, Element, qn
from annual_docx._ooxml.reader import Package
from annual_docx.gbt9704 import TWIPS_PER_MM

NS = {"w": W_NS, "r": R_NS}
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
    for block in package.blocks(main):
        body.visit(block)
        for visit in visitors:
            visit(block)
        for node in block.iter(p_style, r_fonts, sect_pr):
            tag = node.tag
            if tag == p_style:
                used = node.get(val) or ""
                if used in styles.by_id:  # bounded by the styles part, however many paragraphs name one
                    facts.used_styles.add(used)
            elif tag == r_fonts:
                facts.theme_attrs += sum(1 for t in theme_attrs if node.get(t))
            else:
                last_sect = copy.deepcopy(node)
                if node is block:
                    body_sect = last_sect
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
