"""Helpers for tests that read a rendered .docx back: effective fonts of runs, styles, zip parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(docx: Path, name: str) -> etree._Element:
    """Return the parsed XML of one part of ``docx``."""
    with zipfile.ZipFile(docx) as zf:
        return etree.fromstring(zf.read(name))


def style_east_asia(styles: etree._Element) -> dict[str, str | None]:
    """Return each style id's effective East Asian font, following basedOn up to the document defaults."""
    by_id = {s.get(q("styleId")): s for s in styles.iter(q("style"))}
    default = styles.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS) or None

    def resolve(style_id: str | None, seen: frozenset[str] = frozenset()) -> str | None:
        style = by_id.get(style_id)
        if style is None or style_id in seen:
            return default
        own = style.xpath("string(w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS)
        if own:
            return str(own)
        parent = style.xpath("string(w:basedOn/@w:val)", namespaces=NS) or None
        return resolve(parent, seen | {style_id}) if parent else default

    return {sid: resolve(sid) for sid in by_id}


def run_east_asia_fonts(docx: Path) -> list[tuple[str, str | None]]:
    """Return (run text, effective East Asian font) for every text run in the body."""
    styles = style_east_asia(part(docx, "word/styles.xml"))
    body = part(docx, "word/document.xml")
    normal = styles.get("Normal")
    out = []
    for p in body.iter(q("p")):
        para_style = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) or "Normal"
        for r in p.iter(q("r")):
            text = "".join(t.text or "" for t in r.iter(q("t")))
            if not text:
                continue
            own = r.xpath("string(w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS) or None
            char_style = r.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) or None
            font = own or (styles.get(char_style) if char_style else None) or styles.get(para_style, normal)
            out.append((text, font))
    return out
