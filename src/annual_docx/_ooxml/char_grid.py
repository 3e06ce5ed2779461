"""Compute the GB/T 9704 character grid, and emulate it for LibreOffice, which lays a Word character grid out wrongly.

Word: a ``linesAndChars`` grid gives each character a cell of (Normal font size + ``charSpace`` / 4096) points, so
``charSpace = floor((type width / characters per line − font size) × 4096)`` puts exactly that many characters on a
line. For 三号 (16 pt) text on the 442.25 pt (8845 twip) 版心 and 28 characters: 442.25 / 28 = 15.7946 pt a cell,
15.7946 − 16 = −0.2054 pt, × 4096 = −841.1, rounded down (so 28 cells never exceed the width) = −842.

LibreOffice 7.4 puts every glyph wider than its cell into *two* cells when ``charSpace`` is negative (measured: 14
characters a line at −842, 18 with a 12 pt Normal). For the PDF we hand it a copy whose grid is a plain line grid and
whose text is condensed by the difference between the font size and the cell (−0.25 pt for −842): justified text
then holds the same number of characters as Word's grid (28 measured).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from annual_docx._ooxml.order import RPR_ORDER, insert_in_order
from annual_docx._ooxml.props import W_NS, Element, el, qn
from annual_docx._ooxml.zipwrite import zip_into

if TYPE_CHECKING:  # the reader (and its byte splitter) loads only where a package is read, not on a render
    from annual_docx._ooxml.reader import Package

GRID_TYPES_WITH_CHARS = ("linesAndChars", "snapToChars")
_WORD = 2**32


def signed_char_space(value: str | None) -> int | None:
    """Return a ``w:charSpace`` as the number it means: LibreOffice writes a negative spacing as its unsigned 32-bit
    form (−1025 as ``4294966271``), which read as it stands would widen every cell by a million points; None when
    ``value`` is missing or not a whole number."""
    text = (value or "").strip()
    if not text.lstrip("-").isdigit():
        return None
    number = int(text)
    return number - _WORD if 2**31 <= number < _WORD else number


def fit_char_grids(document: Element, styles: Element) -> int:
    """Rewrite the ``w:charSpace`` of every character grid under ``document`` as the one :func:`char_space` gives
    for the characters a line it holds, and an unsigned one as the negative number it means; return how many
    changed.

    An editor that stores the grid its own way writes back a rounded cell: LibreOffice saves Word's −842 (28
    characters of 三号 on the 版心) as −1025, a 15.75 pt cell that still holds 28 a line in Word but condenses
    the text of the PDF's copy by 0.3 pt instead of 0.25 pt and breaks lines elsewhere. The characters a line
    are what the page setup asks for; the cell is recomputed from them."""
    attr, changed = qn("w:charSpace"), 0
    size = None
    for grid in document.iter(qn("w:docGrid")):
        raw = grid.get(attr)
        value = signed_char_space(raw)
        if raw is None or value is None:
            continue
        width = _type_width(grid.getparent())
        if width and grid.get(qn("w:type")) in GRID_TYPES_WITH_CHARS:
            size = normal_font_pt(styles) if size is None else size
            cell = size + value / 4096
            if cell > 0:
                value = char_space(width, math.floor(width / 20 / cell + 1e-9), size)
        if str(value) != raw.strip():
            grid.set(attr, str(value))
            changed += 1
    return changed


def restore_char_grid(document: Element, styles: Element, chars: int) -> int:
    """Turn every line grid (``lines``) under ``document`` whose text is not condensed to fit into a character grid of
    ``chars`` characters a line; return how many were turned.

    LibreOffice 7.4 cannot read back the unsigned ``charSpace`` it writes: a template saved by it a second time has
    a plain line grid, and the page holds 27 三号 characters a line instead of 28. A template that condenses its
    text to fit a line grid (``render(grid="portable")``'s way) is left alone."""
    if styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:spacing')}") is not None:
        return 0
    turned = 0
    for grid in document.iter(qn("w:docGrid")):
        width = _type_width(grid.getparent())
        if grid.get(qn("w:type")) != "lines" or not width or not grid.get(qn("w:linePitch")):
            continue
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:charSpace"), str(char_space(width, chars, normal_font_pt(styles))))
        turned += 1
    return turned


def _type_width(sect_pr: Element | None) -> int | None:
    """Return the width in twips between the margins of the section ``sect_pr``, None when it does not say."""
    if sect_pr is None:
        return None
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    values = [None if e is None else e.get(qn(a)) for e, a in ((size, "w:w"), (margins, "w:left"),
                                                                 (margins, "w:right"))]
    if not all(v and v.isdigit() for v in values):
        return None
    page, left, right = (int(v or 0) for v in values)
    return page - left - right if page > left + right else None


def char_space(width_twips: int, chars: int, font_pt: float) -> int:
    """Return the ``w:charSpace`` that fits ``chars`` characters of ``font_pt`` text on a ``width_twips`` line."""
    return math.floor((width_twips / 20 / chars - font_pt) * 4096)


def normal_font_pt(styles: Element) -> float:
    """Return the Normal style's font size in points (its own, else the document default, else Word's 10 pt)."""
    ns = {"w": W_NS}
    normal = next((st for st in styles.iterfind("w:style", ns)
                   if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true")), None)
    for sz in (None if normal is None else normal.find("w:rPr/w:sz", ns),
               styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", ns)):
        if sz is not None and (sz.get(qn("w:val")) or "").isdigit():
            return int(sz.get(qn("w:val")) or 0) / 2
    return 10.0


def condense_twentieths(char_space_value: int, font_pt: float) -> int:
    """Return the character spacing (1/20 pt, ≤ 0) that makes ``font_pt`` glyphs no wider than the grid cell."""
    shrink = max(0.0, -char_space_value / 4096)
    return -math.ceil(round(shrink * 20, 6)) if shrink else 0


def line_grid_for_libreoffice(document: Element, styles: Element) -> int:
    """Turn every character grid in ``document`` into a line grid and condense the default run by the cell
    difference; return the spacing applied (0 when there was no character grid with a negative ``charSpace``)."""
    spacing = document_line_grid(document, styles)
    if spacing:
        set_default_spacing(styles, spacing)
    return spacing


def document_line_grid(document: Element, styles: Element) -> int:
    """Turn every character grid in ``document`` into a line grid; return the spacing (1/20 pt, ≤ 0) the default
    run is to be condensed by (:func:`set_default_spacing`), 0 when no grid had a negative ``charSpace``.
    ``styles`` is only read."""
    spacing = 0
    for grid in document.iter(qn("w:docGrid")):
        value = signed_char_space(grid.get(qn("w:charSpace"))) or 0
        if grid.get(qn("w:type")) not in GRID_TYPES_WITH_CHARS:
            continue
        grid.set(qn("w:type"), "lines")
        if qn("w:charSpace") in grid.attrib:
            del grid.attrib[qn("w:charSpace")]
        if value < 0:
            spacing = min(spacing, condense_twentieths(value, normal_font_pt(styles)))
    return spacing


def set_default_spacing(styles: Element, spacing: int) -> None:
    """Condense the document default run of ``styles`` by ``spacing`` (1/20 pt)."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    insert_in_order(rpr, el("w:spacing", {"w:val": spacing}), RPR_ORDER)


def libreoffice_copy(package: Package, dst: Path) -> int:
    """Write a copy of the opened .docx ``package`` to ``dst`` with its character grid emulated as a line grid and
    condensed text (laid out alike by LibreOffice and Word); return the spacing applied (see
    :func:`line_grid_for_libreoffice`). Every part is read through the reader, one at a time, within its limits."""
    main = package.main_part
    styles_part = next(iter(package.related(main, "styles", missing_ok=True)), None)
    changed: dict[str, bytes] = {}
    spacing = 0
    if styles_part is not None:
        document, styles = package.xml(main), package.xml(styles_part)
        spacing = line_grid_for_libreoffice(document, styles)
        for name, root in ((main, document), (styles_part, styles)):
            changed[name.lower()] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    zip_into(dst, ((name, changed.get(name.lstrip("/").lower()) or package.part(name)) for name in package.names()))
    return spacing
