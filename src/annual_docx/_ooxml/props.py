"""Build WordprocessingML property elements (rPr, pPr, styles, fonts) in the order the OOXML schema requires."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from annual_docx._ooxml.ns import R_NS as R_NS
from annual_docx._ooxml.ns import W_NS as W_NS
from annual_docx._ooxml.ns import XML_NS
from annual_docx._ooxml.ns import qn as qn

NSMAP = {"w": W_NS, "r": R_NS}

THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

Element = etree._Element
Align = Literal["left", "center", "right", "both", "distribute"]


def make(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Element | None,
         nsmap: Mapping[str, str] | None = None) -> Element:
    """Return a new element ``tag`` (a Clark name, ``{uri}local``, of any namespace) with the attributes as named
    (Clark or plain) and the given children (None skipped): the one element builder for raw XML."""
    element = etree.Element(tag, nsmap=dict(nsmap) if nsmap else None)
    for key, value in (attrs or {}).items():
        element.set(key, str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def el(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Element | None) -> Element:
    """Return a new WordprocessingML element with ``w:``-prefixed attributes and the given children (None
    skipped): :func:`make` with ``w:`` names."""
    return make(qn(tag), {qn(key): value for key, value in (attrs or {}).items()}, *children, nsmap=NSMAP)


def style_id(paragraph: Element) -> str | None:
    """Return the id of the paragraph style ``paragraph`` names, if any."""
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def w_text(value: str) -> Element:
    """Return a ``w:t`` holding ``value`` with its spaces preserved."""
    t = el("w:t")
    t.text = value
    t.set(f"{{{XML_NS}}}space", "preserve")
    return t


@dataclass(frozen=True)
class RunFormat:
    """Character formatting: East Asian and Latin font, size in points, bold, colour, spacing in 1/20 pt."""

    east_asia: str | None = None
    latin: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    color: str | None = None
    spacing: int | None = None
    lang: bool = False


@dataclass(frozen=True)
class ParagraphFormat:
    """Paragraph formatting; lengths in twips, ``*_chars`` in hundredths of a character."""

    align: Align | None = None
    first_line_chars: int | None = None
    left_chars: int | None = None
    right_chars: int | None = None
    line_twips: int | None = None  # exact line spacing; None = leave; 0 = single (auto)
    before: int | None = None
    after: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    widow_control: bool | None = None
    snap_to_grid: bool | None = None
    outline_level: int | None = None
    char_pt: float = 16.0  # font size one "character" of indent stands for, for the twips fallback
    page_break_before: bool = False
    borders: tuple[tuple[str, int, str], ...] = ()  # (edge, width in 1/8 pt, colour): ("top", 8, "000000")
    right_tab: int | None = None  # twips from the left indent: a right-aligned tab stop
    hanging_chars: int | None = None  # hanging indent (replaces the first-line indent)


def fonts(east_asia: str | None, latin: str | None) -> Element:
    """Return ``w:rFonts`` naming all four channels explicitly (no theme fonts)."""
    attrs: dict[str, str | int] = {}
    if latin:
        attrs.update({"w:ascii": latin, "w:hAnsi": latin, "w:cs": latin})
    if east_asia:
        attrs["w:eastAsia"] = east_asia
    return el("w:rFonts", attrs)


def rpr(fmt: RunFormat) -> Element:
    """Return ``w:rPr`` for ``fmt`` with children in schema order."""
    half_points = None if fmt.size_pt is None else round(fmt.size_pt * 2)
    bold = None if fmt.bold is None else {} if fmt.bold else {"w:val": 0}
    return el(
        "w:rPr",
        None,
        fonts(fmt.east_asia, fmt.latin) if (fmt.east_asia or fmt.latin) else None,
        el("w:b", bold) if bold is not None else None,
        el("w:bCs", bold) if bold is not None else None,
        el("w:color", {"w:val": fmt.color}) if fmt.color else None,
        el("w:spacing", {"w:val": fmt.spacing}) if fmt.spacing is not None else None,
        el("w:kern", {"w:val": 0}) if fmt.lang else None,
        el("w:sz", {"w:val": half_points}) if half_points else None,
        el("w:szCs", {"w:val": half_points}) if half_points else None,
        el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"}) if fmt.lang else None,
    )


def _on_off(tag: str, value: bool | None) -> Element | None:
    if value is None:
        return None
    return el(tag) if value else el(tag, {"w:val": 0})


def _paragraph_borders(borders: tuple[tuple[str, int, str], ...]) -> Element | None:
    if not borders:
        return None
    order = {"top": 0, "left": 1, "bottom": 2, "right": 3, "between": 4}
    edges = sorted(borders, key=lambda b: order[b[0]])
    return el("w:pBdr", None, *(el(f"w:{edge}", {"w:val": "single", "w:sz": size, "w:space": 1, "w:color": colour})
                                for edge, size, colour in edges))


def ppr(fmt: ParagraphFormat, *, style: str | None = None) -> Element:
    """Return ``w:pPr`` for ``fmt`` (optionally with ``w:pStyle``) with children in schema order."""
    spacing: dict[str, str | int] = {}
    if fmt.before is not None:
        spacing["w:before"] = fmt.before
    if fmt.after is not None:
        spacing["w:after"] = fmt.after
    if fmt.line_twips is not None:
        spacing.update(
            {"w:line": fmt.line_twips, "w:lineRule": "exact"}
            if fmt.line_twips
            else {"w:line": 240, "w:lineRule": "auto"}
        )
    ind: dict[str, str | int] = {}
    first = ("hanging", fmt.hanging_chars) if fmt.hanging_chars is not None else ("firstLine", fmt.first_line_chars)
    for side, chars in (("left", fmt.left_chars), ("right", fmt.right_chars), first):
        if chars is not None:  # Word reads the *Chars value; the twips value is for readers that ignore it
            ind.update({f"w:{side}Chars": chars, f"w:{side}": round(chars * fmt.char_pt * 20 / 100)})
    return el(
        "w:pPr",
        None,
        el("w:pStyle", {"w:val": style}) if style else None,
        el("w:keepNext") if fmt.keep_next else None,
        el("w:keepLines") if fmt.keep_lines else None,
        el("w:pageBreakBefore") if fmt.page_break_before else None,
        _on_off("w:widowControl", fmt.widow_control),
        _paragraph_borders(fmt.borders),
        el("w:tabs", None, el("w:tab", {"w:val": "right", "w:pos": fmt.right_tab})) if fmt.right_tab else None,
        _on_off("w:snapToGrid", fmt.snap_to_grid),
        el("w:spacing", spacing) if spacing else None,
        el("w:ind", ind) if ind else None,
        el("w:jc", {"w:val": fmt.align}) if fmt.align else None,
        el("w:outlineLvl", {"w:val": fmt.outline_level}) if fmt.outline_level is not None else None,
    )


def style(
    style_id: str,
    name: str,
    *,
    kind: Literal["paragraph", "character", "table", "numbering"] = "paragraph",
    based_on: str | None = None,
    next_style: str | None = None,
    default: bool = False,
    ui_priority: int | None = None,
    quick: bool = False,
    semi_hidden: bool = False,
    paragraph: ParagraphFormat | None = None,
    run: RunFormat | None = None,
    table: Element | None = None,
) -> Element:
    """Return a ``w:style`` element with its children in schema order."""
    attrs: dict[str, str | int] = {"w:type": kind, "w:styleId": style_id}
    if default:
        attrs["w:default"] = 1
    return el(
        "w:style",
        attrs,
        el("w:name", {"w:val": name}),
        el("w:basedOn", {"w:val": based_on}) if based_on else None,
        el("w:next", {"w:val": next_style}) if next_style else None,
        el("w:uiPriority", {"w:val": ui_priority}) if ui_priority is not None else None,
        el("w:semiHidden") if semi_hidden else None,
        el("w:unhideWhenUsed") if semi_hidden else None,
        el("w:qFormat") if quick else None,
        ppr(paragraph) if paragraph else None,
        rpr(run) if run else None,
        table,
    )


def table_properties(border_eighths: int = 4, cell_margin_twips: int = 108, bottom_margin_twips: int = 57) -> Element:
    """Return ``w:tblPr`` with single black borders on every edge, left/right cell margins, and a bottom margin (1 mm)
    that keeps single-spaced CJK text off the cell's bottom rule when a viewer's stand-in font has a short descent."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = el(
        "w:tblBorders",
        None,
        *(el(f"w:{e}", {"w:val": "single", "w:sz": border_eighths, "w:space": 0, "w:color": "000000"}) for e in edges),
    )
    margins = el(
        "w:tblCellMar",
        None,
        el("w:left", {"w:w": cell_margin_twips, "w:type": "dxa"}),
        el("w:bottom", {"w:w": bottom_margin_twips, "w:type": "dxa"}),
        el("w:right", {"w:w": cell_margin_twips, "w:type": "dxa"}),
    )
    return el("w:tblPr", None, el("w:jc", {"w:val": "center"}), borders, margins)


def styles_part(defaults: RunFormat, styles: list[Element]) -> Element:
    """Return a ``w:styles`` root with ``docDefaults`` from ``defaults`` followed by ``styles``."""
    doc_defaults = el(
        "w:docDefaults",
        None,
        el("w:rPrDefault", None, rpr(defaults)),
        el("w:pPrDefault", None, el("w:pPr")),
    )
    return el("w:styles", None, doc_defaults, *styles)


def font_table(faces: dict[str, tuple[str | None, int, str, str]]) -> Element:
    """Return ``w:fonts`` declaring each face: name → (altName, charset, family, pitch)."""
    entries = []
    for name, (alt, charset, family, pitch) in faces.items():
        entries.append(
            el(
                "w:font",
                {"w:name": name},
                el("w:altName", {"w:val": alt}) if alt else None,
                el("w:charset", {"w:val": f"{charset:02X}"}),
                el("w:family", {"w:val": family}),
                el("w:pitch", {"w:val": pitch}),
            )
        )
    return el("w:fonts", None, *entries)


def strip_theme_fonts(root: Element) -> int:
    """Remove theme-font attributes from every ``w:rFonts`` under ``root``; return how many were removed."""
    removed = 0
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            if qn(f"w:{attr}") in rfonts.attrib:
                del rfonts.attrib[qn(f"w:{attr}")]
                removed += 1
    return removed
