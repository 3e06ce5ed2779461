"""The figures of any .docx body: every drawing (picture, native chart, shape group) with its size, alt text and
whether a caption follows it — what ``check`` counts and holds to the type area."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from .props import Element, qn
from .xmltext import EMU_PER_MM

_WP: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
_KINDS: Final = {
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "picture",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": "group",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "shape",
}


@dataclass(frozen=True)
class Figure:
    """One drawing of the body: ``kind`` (picture, chart, group, shape or other), width in mm, alt text, and
    whether the next paragraph is its caption (style ``Caption`` or text starting ``图``)."""

    kind: str
    width_mm: float
    alt: str
    captioned: bool


def _paragraph_text(p: Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def _style(p: Element) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return "" if style is None else style.get(qn("w:val")) or ""


def figures(path: Path) -> list[Figure]:
    """Return the drawings of the body of the .docx at ``path`` in document order (text boxes of the 版记 are
    shapes; anchored drawings count too)."""
    with zipfile.ZipFile(path) as zf:
        body = etree.fromstring(zf.read("word/document.xml")).find(qn("w:body"))
    if body is None:
        return []
    out = []
    paragraphs = list(body.iter(qn("w:p")))
    following = {id(p): paragraphs[i + 1] if i + 1 < len(paragraphs) else None for i, p in enumerate(paragraphs)}
    for drawing in body.iter(qn("w:drawing")):
        frame = next(iter(drawing), None)
        if frame is None:
            continue
        extent = frame.find(f"{{{_WP}}}extent")
        doc_pr = frame.find(f"{{{_WP}}}docPr")
        data = frame.find(f"{{{_A}}}graphic/{{{_A}}}graphicData")
        kind = _KINDS.get(data.get("uri", "") if data is not None else "", "other")
        paragraph = next((a for a in drawing.iterancestors(qn("w:p"))), None)
        after = following.get(id(paragraph)) if paragraph is not None else None
        captioned = after is not None and (_style(after) == "Caption" or _paragraph_text(after).startswith("图"))
        width = int(extent.get("cx", "0")) / EMU_PER_MM if extent is not None else 0.0
        out.append(Figure(kind, width, (doc_pr.get("descr") or "") if doc_pr is not None else "", captioned))
    return out

