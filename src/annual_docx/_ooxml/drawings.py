"""The figures of any .docx body: every drawing (picture, native chart, shape group) with its size, alt text and
whether a caption follows it — what ``check`` counts and holds to the type area."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from annual_docx._ooxml.ns import A_NS, C_NS, PIC_NS, WP_NS, WPG_NS, WPS_NS
from annual_docx._ooxml.props import Element, qn
from annual_docx._ooxml.xmltext import EMU_PER_MM

_WP: Final = WP_NS
_A: Final = A_NS
_KINDS: Final = {
    PIC_NS: "picture",
    C_NS: "chart",
    WPG_NS: "group",
    WPS_NS: "shape",
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


_P, _DRAWING = qn("w:p"), qn("w:drawing")


class FigureCollector:
    """A body-block visitor (see ``read.read_facts``) that collects the drawings of the body in document order (text
    boxes of the 版记 are shapes; anchored drawings count too); a drawing is captioned when the next paragraph has
    the ``Caption`` style or starts with ``图``."""

    def __init__(self) -> None:
        self._done: list[Figure] = []
        self._waiting: list[tuple[str, float, str]] = []  # drawings whose next paragraph has not come yet

    @property
    def figures(self) -> list[Figure]:
        """The drawings seen so far; those with no paragraph after them are uncaptioned."""
        return self._done + [Figure(*waiting, False) for waiting in self._waiting]

    def __call__(self, block: Element) -> None:
        """Collect the drawings of one body-level block (a paragraph, a table, …)."""
        if not self._waiting and next(block.iter(_DRAWING), None) is None:
            return  # nothing to collect and nothing waiting for its caption: most blocks
        for paragraph in block.iter(_P):
            if self._waiting:
                captioned = _style(paragraph) == "Caption" or _paragraph_text(paragraph).startswith("图")
                self._done += [Figure(*waiting, captioned) for waiting in self._waiting]
                self._waiting = []
            for drawing in paragraph.iter(_DRAWING):
                if next(drawing.iterancestors(_P), None) is paragraph:
                    self._waiting += _described(drawing)


def _described(drawing: Element) -> list[tuple[str, float, str]]:
    frame = next(iter(drawing), None)
    if frame is None:
        return []
    extent = frame.find(f"{{{_WP}}}extent")
    doc_pr = frame.find(f"{{{_WP}}}docPr")
    data = frame.find(f"{{{_A}}}graphic/{{{_A}}}graphicData")
    kind = _KINDS.get(data.get("uri", "") if data is not None else "", "other")
    width = int(extent.get("cx", "0")) / EMU_PER_MM if extent is not None else 0.0
    return [(kind, width, (doc_pr.get("descr") or "") if doc_pr is not None else "")]
