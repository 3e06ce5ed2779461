"""Read which font and which glyph draw each character of a PDF (pdfminer.six), and which face of an installed font
collection a glyph comes from (fontTools). Shares no code with the library: the oracle of the PDF font tests."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTCollection, TTFont
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_ENCODING = re.compile(rb"dup (\d+) /(\S+) put")
_CID = re.compile(r"^cid(\d+)$")


@dataclass(frozen=True)
class Glyph:
    """One drawn character: page (1-based), baseline y (points from the bottom), size, font name without the subset
    tag, the glyph's name in the embedded font (``cid12345`` for CFF-derived fonts, else ``None``)."""

    page: int
    x: float
    y: float
    size: float
    text: str
    font: str
    glyph: str | None

    @property
    def cjk(self) -> bool:
        """Return whether the character is a CJK ideograph or full-width form (U+2E80 and up)."""
        return ord(self.text[0]) >= 0x2E80 if self.text else False


class _Collector(PDFLayoutAnalyzer):
    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.glyphs: list[Glyph] = []
        self.page_no = 0
        self._encodings: dict[int, dict[int, str]] = {}

    def receive_layout(self, ltpage: LTPage) -> None:
        pass

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: Any, graphicstate: Any) -> float:
        adv: float = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        item = self.cur_item._objs[-1]
        assert isinstance(item, LTChar)
        text = item.get_text()
        name = _SUBSET.sub("", str(font.fontname))
        self.glyphs.append(Glyph(self.page_no, round(item.x0, 2), round(matrix[5], 2), round(item.size, 2), text,
                                 name, _cid_name(self._encoding(font).get(cid))))
        return adv

    def _encoding(self, font: Any) -> dict[int, str]:
        key = id(font)
        if key not in self._encodings:
            descriptor = getattr(font, "descriptor", {}) or {}
            stream = resolve1(descriptor.get("FontFile")) if "FontFile" in descriptor else None
            data = stream.get_data() if stream is not None else b""
            self._encodings[key] = {int(code): name.decode() for code, name in _ENCODING.findall(data[:200_000])}
        return self._encodings[key]


def _cid_name(name: str | None) -> str | None:
    return None if name is None else _CID.sub(lambda m: f"cid{int(m[1])}", name)


def read_glyphs(pdf: Path) -> list[Glyph]:
    """Return every character drawn in ``pdf`` with its font and glyph."""
    manager = PDFResourceManager()
    device = _Collector(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with pdf.open("rb") as handle:
        for number, page in enumerate(PDFPage.get_pages(handle), start=1):
            device.page_no = number
            interpreter.process_page(page)
    return device.glyphs


def lines(glyphs: list[Glyph]) -> Iterator[list[Glyph]]:
    """Yield the glyphs of each text line (same page, baselines within 1 pt), top to bottom."""
    rows: dict[tuple[int, int], list[Glyph]] = {}
    for g in glyphs:
        rows.setdefault((g.page, round(g.y)), []).append(g)
    for key in sorted(rows, key=lambda k: (k[0], -k[1])):
        yield sorted(rows[key], key=lambda g: g.x)


@dataclass(frozen=True)
class Face:
    """One face of an installed font file: its file, index in a collection, family, PostScript name, CFF name."""

    file: str
    index: int
    family: str
    postscript: str
    cff_name: str | None


@cache
def installed_faces() -> tuple[Face, ...]:
    """Return every face fontconfig lists on this machine (``fc-list``), and the mpl-font wheel's, with the name of
    its CFF table, if any."""
    fmt = "%{file}\t%{index}\t%{family[0]}\t%{postscriptname}\n"
    listing = subprocess.run(["fc-list", "-f", fmt], capture_output=True, text=True, check=True).stdout
    spec = importlib.util.find_spec("mpl_font")  # the pip-installed Noto Sans CJK SC the export also offers
    for folder in (spec.submodule_search_locations or []) if spec else []:
        listing += subprocess.run(["fc-scan", "-f", fmt, str(Path(folder) / "fonts" / "noto")], capture_output=True,
                                  text=True, check=False).stdout
    faces = []
    for row in sorted(set(listing.splitlines())):
        file, index, family, postscript = row.split("\t")
        faces.append(Face(file, int(index), family, postscript, _cff_name(file, int(index))))
    return tuple(faces)


@cache
def _cff_name(file: str, index: int) -> str | None:
    if not file.lower().endswith((".otf", ".ttc", ".otc")):
        return None
    with Path(file).open("rb") as handle:
        collection = file.lower().endswith((".ttc", ".otc"))
        font = TTCollection(handle).fonts[index] if collection else TTFont(handle)
        return str(font["CFF "].cff.fontNames[0]) if "CFF " in font else None


@cache
def glyph_cmap(file: str, index: int) -> dict[int, str]:
    """Return the face's Unicode → glyph name map (CID names without leading zeros: ``cid2893``)."""
    with Path(file).open("rb") as handle:
        collection = file.lower().endswith((".ttc", ".otc"))
        font = TTCollection(handle).fonts[index] if collection else TTFont(handle)
        return {code: str(_cid_name(name)) for code, name in font.getBestCmap().items()}


def faces_drawing(font: str) -> list[Face]:
    """Return the installed faces whose embedded name in a PDF would be ``font``: the PostScript name (plus e.g.
    -VKana, a CFF sub-font's name), or the name of a CFF table a collection's faces share (LibreOffice names a CFF
    font after it)."""
    by_ps = [f for f in installed_faces() if font == f.postscript or font.startswith(f.postscript + "-")]
    if by_ps:  # a single-face font, or annual_docx's standalone copy of a collection face: then all its siblings
        files = {f.file for f in by_ps}
        return [f for f in installed_faces() if f.file in files]
    return [f for f in installed_faces() if f.cff_name and (font == f.cff_name or font.startswith(f.cff_name + "-"))]


def face_of(glyphs: list[Glyph]) -> list[Face]:
    """Return the installed faces whose character map draws every one of ``glyphs`` (all from one PDF font) with
    exactly the glyph the PDF has: the face the text really is in, e.g. Noto Serif CJK SC rather than JP."""
    fonts = {g.font for g in glyphs}
    assert len(fonts) == 1, fonts
    candidates = faces_drawing(fonts.pop())
    named = [g for g in glyphs if g.glyph]
    if not named:
        return candidates
    return [f for f in candidates
            if all(glyph_cmap(f.file, f.index).get(ord(g.text[0])) == g.glyph for g in named if len(g.text) == 1)]
