"""Read a PDF's text lines with their boxes (``pdftotext -bbox-layout``) and measure the GB/T 9704 page on them."""

from __future__ import annotations

import itertools
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

PT_PER_MM = 72 / 25.4
FOOTER = re.compile(r"^—\s*\d+\s*—$")
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    """One text line: its box in points from the page's top-left corner, and its text without spaces."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def cjk_only(self) -> bool:
        """Return whether every character is a CJK ideograph or full-width punctuation."""
        return bool(self.text) and all(ord(ch) >= 0x2E80 for ch in self.text)


@dataclass(frozen=True)
class Page:
    """A page's size in points and its text lines, top to bottom."""

    width: float
    height: float
    lines: list[Line]

    @property
    def footer(self) -> Line | None:
        """Return the page-number line (``— N —``), if any."""
        found = [ln for ln in self.lines if FOOTER.match(ln.text)]
        return found[-1] if found else None

    @property
    def body(self) -> list[Line]:
        """Return the lines that are not the page number."""
        return [ln for ln in self.lines if not FOOTER.match(ln.text)]


def read_pages(pdf: Path) -> list[Page]:
    """Return every page of ``pdf`` with its text lines (needs poppler-utils' pdftotext)."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is not installed"
    html = subprocess.run([tool, "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            text = "".join((w.text or "") for w in line.iter(f"{_XHTML}word"))
            box = [float(line.get(k) or 0) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(Line(*box, text=text))
        lines.sort(key=lambda ln: (round(ln.y0, 1), ln.x0))
        pages.append(Page(float(page.get("width") or 0), float(page.get("height") or 0), _merge_rows(lines)))
    return pages


def _merge_rows(lines: list[Line]) -> list[Line]:
    """Join pieces pdftotext split on one baseline (e.g. 书　　记：孔德安) into one line."""
    rows: list[Line] = []
    for ln in lines:
        if rows and abs(rows[-1].y1 - ln.y1) < 1.0:
            prev = rows[-1]
            rows[-1] = Line(min(prev.x0, ln.x0), min(prev.y0, ln.y0), max(prev.x1, ln.x1), max(prev.y1, ln.y1),
                            prev.text + ln.text)
        else:
            rows.append(ln)
    return rows


def is_full_text_page(page: Page, pitch: float = 28.95) -> bool:
    """Return whether ``page`` is all body text (no figure, no blank gap) from the top to the bottom of the 版心."""
    body = page.body
    gaps = [b.y1 - a.y1 for a, b in itertools.pairwise(body)]
    bottom_gap = page.height - 35 * PT_PER_MM - body[-1].y1 if body else 999
    return len(body) > 10 and all(g < 1.5 * pitch for g in gaps) and bottom_gap < pitch


def mean_pitch(page: Page) -> float:
    """Return the mean distance between consecutive line bottoms over the page."""
    body = page.body
    return (body[-1].y1 - body[0].y1) / (len(body) - 1)


def full_line_chars(pages: list[Page], left: float) -> list[int]:
    """Return the character counts of full lines of Chinese body text: CJK only, starting at the left margin and
    reaching (within one character) the right margin."""
    counts = []
    for page in pages:
        right = page.width - _median_right(page)
        for ln in page.body:
            if ln.cjk_only and abs(ln.x0 - left) < 2 and ln.x1 > right - 8:
                counts.append(len(ln.text))
    return counts


def _median_right(page: Page) -> float:
    ends = [page.width - ln.x1 for ln in page.body if ln.x1 > page.width * 0.8]
    return statistics.median(ends) if ends else 0.0


def dark_pixels(pdf: Path, page: int, dpi: int) -> tuple[bytes, int, int]:
    """Return page ``page`` (1-based) of ``pdf`` rasterised at ``dpi`` as one byte a pixel, row after row (1 where
    it is dark), with its width and height (needs poppler-utils' pdftoppm)."""
    from PIL import Image

    prefix = pdf.with_name(f"{pdf.stem}-raster-{page}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-png", str(pdf),
                    str(prefix)], check=True, capture_output=True)
    image = Image.open(next(prefix.parent.glob(f"{prefix.name}*.png"))).convert("L")
    return image.point(lambda v: 1 if v < 128 else 0).tobytes(), image.size[0], image.size[1]
