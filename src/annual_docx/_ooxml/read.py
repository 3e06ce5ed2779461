"""Read the layout facts of any .docx: section page setup, effective style fonts and sizes, footers, theme fonts."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .body_facts import BodyFacts
from .paragraphs import read_body
from .props import R_NS, THEME_FONT_ATTRS, W_NS, Element, qn

NS = {"w": W_NS, "r": R_NS}
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


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
    body: BodyFacts = field(default_factory=BodyFacts)


def _xml(zf: zipfile.ZipFile, name: str) -> Element | None:
    try:
        data = zf.read(name)
    except KeyError:
        return None
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def _attr(element: Element | None, name: str) -> str | None:
    return None if element is None else element.get(qn(f"w:{name}"))


class _Styles:
    def __init__(self, root: Element | None) -> None:
        self.root = root
        self.by_id = {} if root is None else {s.get(qn("w:styleId")): s for s in root.iterfind("w:style", NS)}

    def chain(self, style_id: str | None) -> list[Element]:
        out: list[Element] = []
        while style_id and style_id in self.by_id and len(out) < 20:
            style = self.by_id[style_id]
            out.append(style)
            style_id = _attr(style.find("w:basedOn", NS), "val")
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
        size, _ = self.find(style_id, "w:rPr/w:sz", "val")
        return StyleFacts(style_id, east_asia, latin, int(size) / 2 if size else None, theme_ea or theme_latin)


def read_facts(path: Path) -> DocFacts:
    """Return the layout facts of the .docx at ``path`` (raises zipfile.BadZipFile / KeyError on a broken one)."""
    facts = DocFacts()
    with zipfile.ZipFile(path) as zf:
        document = _xml(zf, "word/document.xml")
        if document is None:
            raise KeyError("word/document.xml")
        styles = _Styles(_xml(zf, "word/styles.xml"))
        settings = _xml(zf, "word/settings.xml")
        rels = _xml(zf, "word/_rels/document.xml.rels")
        sect = document.find(".//w:body/w:sectPr", NS)
        if sect is None:
            found = document.findall(".//w:sectPr", NS)
            sect = found[-1] if found else None
        for tag in ("pgSz", "pgMar"):
            element = None if sect is None else sect.find(f"w:{tag}", NS)
            if element is not None:
                facts.page.update({etree.QName(k).localname: int(float(str(v))) for k, v in element.attrib.items()
                                   if str(v).lstrip("-").replace(".", "").isdigit()})
        grid = None if sect is None else sect.find("w:docGrid", NS)
        if grid is not None:
            facts.grid = {etree.QName(k).localname: str(v) for k, v in grid.attrib.items()}
        for style_id in styles.by_id:
            if style_id:
                facts.styles[style_id] = styles.facts(style_id)
        facts.body = read_body(document, styles.root)
        facts.used_styles = {p.get(qn("w:val")) or "" for p in document.iter(qn("w:pStyle"))}
        facts.even_and_odd = settings is not None and settings.find("w:evenAndOddHeaders", NS) is not None
        relationships = [] if rels is None else list(rels.iter(f"{{{_REL_NS}}}Relationship"))
        targets = {r.get("Id"): r.get("Target") for r in relationships}
        for ref in [] if sect is None else sect.findall("w:footerReference", NS):
            target = targets.get(ref.get(qn("r:id")))
            footer = _xml(zf, posixpath.normpath(posixpath.join("word", target))) if target else None
            if footer is not None:
                facts.footers.append(_footer(footer, _attr(ref, "type") or "default", styles))
        for name in zf.namelist():
            if name.endswith(".xml") and name.startswith("word/"):
                root = _xml(zf, name)
                if root is not None:
                    facts.theme_attrs += sum(1 for r in root.iter(qn("w:rFonts"))
                                             for t in THEME_FONT_ATTRS if r.get(qn(f"w:{t}")))
        lang = None if styles.root is None else styles.root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        facts.east_asia_lang = _attr(lang, "eastAsia")
    return facts


def _footer(root: Element, kind: str, styles: _Styles) -> FooterFacts:
    parts: list[str] = []
    for node in root.iter(qn("w:t"), qn("w:instrText"), qn("w:fldSimple")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            instr = node.text if node.tag == qn("w:instrText") else node.get(qn("w:instr"))
            if instr and instr.split() and instr.split()[0].upper() == "PAGE":
                parts.append("{PAGE}")
    text = "".join(parts)
    if "{PAGE}" in text:  # drop the cached result LibreOffice/Word keep after the field code
        head, _, tail = text.partition("{PAGE}")
        text = head + "{PAGE}" + tail.lstrip("0123456789")
    paragraph = next((p for p in root.iter(qn("w:p")) if "".join(str(t) for t in p.itertext()).strip()), None)
    style_id = None if paragraph is None else _attr(paragraph.find("w:pPr/w:pStyle", NS), "val")
    align = None if paragraph is None else _attr(paragraph.find("w:pPr/w:jc", NS), "val")
    if align is None and style_id:
        align, _ = styles.find(style_id, "w:pPr/w:jc", "val")
    east_asia, _ = styles.find(style_id, "w:rPr/w:rFonts", "eastAsia")
    size, _ = styles.find(style_id, "w:rPr/w:sz", "val")
    run = None if paragraph is None else paragraph.find(".//w:r/w:rPr", NS)
    if run is not None:
        east_asia = _attr(run.find("w:rFonts", NS), "eastAsia") or east_asia
        size = _attr(run.find("w:sz", NS), "val") or size
    return FooterFacts(kind, text, align, east_asia, int(size) / 2 if size else None)
