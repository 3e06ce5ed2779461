"""The figures of any .docx body: the drawings (pictures, native charts, shape groups) counted with their widths and
whether a caption follows each — what ``check`` counts and holds to the type width, in memory bounded by caps, not by
the number of drawings."""

from __future__ import annotations

from typing import Final

from annual_docx._ooxml.body_facts import number
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


SHOWN: Final = ("picture", "chart", "group")  # the drawings counted as figures (not text boxes or lines)
MAX_WIDTHS: Final = 4096  # distinct widths counted exactly; more are counted to the 0.1 mm, then by their largest
_COARSE: Final = EMU_PER_MM // 10


def _paragraph_text(p: Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def _style(p: Element) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return "" if style is None else style.get(qn("w:val")) or ""


def _captionlike(p: Element) -> bool:
    return _style(p) == "Caption" or _paragraph_text(p).startswith("图")


_P, _DRAWING = qn("w:p"), qn("w:drawing")


class FigureCollector:
    """A body-block visitor (see ``read.read_facts``) that counts the figures of the body — pictures, native charts,
    groups of shapes (org charts) — in document order, memory bounded however many there are: how many, how many
    are charts, how many captioned (the next paragraph has the ``Caption`` style or starts with ``图``), and their
    widths (``widths``: EMU → how many; exact for ``MAX_WIDTHS`` distinct widths, then to the 0.1 mm, then only the
    largest, ``over``). Text boxes and other shapes are not figures. A plain paragraph read again from its bytes is
    told through ``plain`` (``read.PlainAware``)."""

    def __init__(self) -> None:
        self.count = 0
        self.charts = 0  # chart parts and groups of shapes
        self.captioned = 0
        self.waiting = 0  # figures whose next paragraph has not come yet
        self.widths: dict[int, int] = {}
        self.over = (0, 0)  # figures past both caps of ``widths``: how many, the widest (EMU)

    def __call__(self, block: Element) -> None:
        """Count the figures of one body-level block (a paragraph, a table, …)."""
        if not self.waiting and next(block.iter(_DRAWING), None) is None:
            return  # nothing to count and nothing waiting for its caption: most blocks
        self.plain(self.plain_key(block))

    def plain_key(self, block: Element) -> tuple[bool | tuple[str, int], ...]:
        """What a block tells, in order (``read.PlainAware``): for each paragraph whether it is a caption (True or
        False), then each figure drawn in it (kind, width in EMU)."""
        out: list[bool | tuple[str, int]] = []
        for paragraph in block.iter(_P):
            out.append(_captionlike(paragraph))
            for drawing in paragraph.iter(_DRAWING):
                if next(drawing.iterancestors(_P), None) is paragraph:
                    found = _figure(drawing)
                    if found is not None:
                        out.append(found)
        return tuple(out)

    def quiet(self) -> bool:
        """Whether a paragraph without drawings would change nothing now (no figure waits for its caption):
        ``read`` may then read such a paragraph without showing it (``read.PlainAware``)."""
        return not self.waiting

    def plain(self, key: object) -> None:
        """Take what a block told (``plain_key``) again."""
        assert isinstance(key, tuple)
        for told in key:
            if told is True or told is False:
                if self.waiting:
                    self.captioned += self.waiting if told else 0
                    self.waiting = 0
            else:
                self._add(*told)

    def _add(self, kind: str, width: int) -> None:
        self.count += 1
        self.charts += kind != "picture"
        self.waiting += 1
        widths = self.widths
        if width in widths or len(widths) < MAX_WIDTHS:
            widths[width] = widths.get(width, 0) + 1
            return
        coarse = -(width // _COARSE) - 1  # negative keys: 0.1 mm buckets (the bucket's top edge as its width)
        if coarse in widths or len(widths) < 2 * MAX_WIDTHS:
            widths[coarse] = widths.get(coarse, 0) + 1
        else:
            self.over = (self.over[0] + 1, max(self.over[1], width))

    def sizes(self) -> list[tuple[float, int]]:
        """Each width counted (mm) with how many figures have it."""
        out = [(key / EMU_PER_MM if key >= 0 else (-key) * _COARSE / EMU_PER_MM, n) for key, n in self.widths.items()]
        return out + ([(self.over[1] / EMU_PER_MM, self.over[0])] if self.over[0] else [])




def _figure(drawing: Element) -> tuple[str, int] | None:
    """A drawing's kind and width (EMU) when it is a figure (picture, chart, group of shapes)."""
    frame = next(iter(drawing), None)
    if frame is None:
        return None
    data = frame.find(f"{{{_A}}}graphic/{{{_A}}}graphicData")
    kind = _KINDS.get(data.get("uri", "") if data is not None else "", "other")
    if kind not in SHOWN:
        return None
    extent = frame.find(f"{{{_WP}}}extent")
    return kind, max(number(extent.get("cx")) or 0, 0) if extent is not None else 0
