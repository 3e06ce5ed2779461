"""How a paragraph of the body looks once its styles are resolved: ``StyleResolver`` follows a style's ``basedOn``
chain and the document defaults for each property, once per style, and caches the effective look of each
(style, paragraph properties, run properties) combination. The base of ``paragraphs.BodyReader``."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from annual_docx._ooxml.body_facts import Rule, number
from annual_docx._ooxml.ns import alignment
from annual_docx._ooxml.ns import w_attr as w_attr
from annual_docx._ooxml.props import Element, qn

_q = functools.cache(qn)
BOTTOM = ("bottom", "outside")
_NONE: dict[str, Rule] = {}  # shared by every paragraph without borders; never changed
MAX_LOOKS = 4096  # distinct (style, pPr, rPr) combinations remembered


@dataclass(frozen=True)
class Look:
    """The effective properties shared by paragraphs with the same style and direct formatting: ``values`` in the
    order of ``Para``'s fields from ``align`` to ``outline``."""

    values: tuple[str | None, float, float, float, str | None, float | None, str | None, bool, int | None]
    page_break_before: bool
    borders: dict[str, Rule]
    lines: tuple[str, ...]
    framed: bool
    spacing: tuple[str, int] = ("", 0)  # the line spacing: (lineRule — auto, exact, atLeast —, w:line); ("", 0) unset


def border_rule(element: Element | None) -> Rule | None:
    """The border line ``element`` (w:top, w:bottom…) draws; None for none or nil."""
    if element is None or (w_attr(element, "val") or "nil") in ("nil", "none"):
        return None
    return Rule(number(w_attr(element, "sz")) or 2, (w_attr(element, "color") or "auto").upper())


class StyleResolver:
    """Resolves paragraph and run properties through the parsed ``styles.xml`` ``root`` (None: no styles part)."""

    def __init__(self, root: Element | None) -> None:
        self.root = root
        self.by_id = {} if root is None else {str(s.get(_q("w:styleId"))): s for s in root.iterfind(_q("w:style"))}
        self.cache: dict[tuple[tuple[str, ...], str, str, str], str | None] = {}
        self.looks: dict[tuple[str, bytes, bytes], Look] = {}
        self.pstyles: dict[bytes, str] = {}  # a paragraph's style by its serialised pPr
        self.indent_cache: dict[tuple[Element, float], tuple[float, float, float]] = {}
        self.elements: dict[tuple[tuple[str, ...], str, str, str], Element | None] = {}
        self.default_style = "" if root is None else next(
            (str(s.get(_q("w:styleId"))) for s in root.iterfind(_q("w:style"))
             if w_attr(s, "type") == "paragraph" and on(w_attr(s, "default"))),
            "Normal" if "Normal" in self.by_id else "")

    def style_chain(self, style_id: str | None) -> list[Element]:
        """The style ``style_id`` and the styles it is based on, nearest first."""
        out: list[Element] = []
        while style_id and style_id in self.by_id and len(out) < 20:
            out.append(self.by_id[style_id])
            style_id = w_attr(self.by_id[style_id].find(_q("w:basedOn")), "val")
        return out

    def inherited(self, styles: tuple[str, ...], kind: str, tag: str, attr: str) -> str | None:
        """``attr`` of ``tag`` in the ``kind`` (w:pPr / w:rPr) of ``styles`` (nearest first, each with its base
        styles) then the document defaults; computed once per style."""
        key = (styles, kind, tag, attr)
        if key not in self.cache:
            holders = [h for sid in styles for style in self.style_chain(sid)
                       if (h := style.find(_q(kind))) is not None]
            if self.root is not None:
                holders += self.root.findall(f"{_q('w:docDefaults')}/*/{_q(kind)}")
            self.cache[key] = _lookup(holders, tag, attr)
        return self.cache[key]

    def element(self, styles: tuple[str, ...], tag: str) -> Element | None:
        """The nearest ``tag`` element in the pPr of ``styles`` or the defaults (indents and borders are read
        whole, as Word takes them from one place)."""
        key = (styles, "element", tag, "")
        if key not in self.elements:
            holders = [h for sid in styles for style in self.style_chain(sid)
                       if (h := style.find(_q("w:pPr"))) is not None]
            if self.root is not None:
                holders += self.root.findall(f"{_q('w:docDefaults')}/*/{_q('w:pPr')}")
            self.elements[key] = next((e for h in holders if (e := h.find(_q(tag))) is not None), None)
        return self.elements[key]

    def indents(self, ind: Element | None, char: float) -> tuple[float, float, float]:
        """Left, right and first-line indents of ``ind`` in characters of ``char`` twips (a style's computed
        once)."""
        if ind is None:
            return 0.0, 0.0, 0.0
        key = (ind, char)
        found = self.indent_cache.get(key)
        if found is None:
            found = (_chars(ind, "left", "start", char), _chars(ind, "right", "end", char),
                     _chars(ind, "firstLine", None, char) - _chars(ind, "hanging", None, char))
            holder = ind.getparent()
            owner = None if holder is None else holder.getparent()
            if owner is not None and owner.tag == _q("w:style"):
                self.indent_cache[key] = found
        return found

    def look(self, sid: str, ppr: Element | None, rpr: Element | None) -> Look:
        """The effective look of a paragraph of style ``sid`` with direct properties ``ppr`` and first run ``rpr``."""
        rstyles = (w_attr(None if rpr is None else rpr.find(_q("w:rStyle")), "val") or "", sid)
        font = None if rpr is None else rpr.find(_q("w:rFonts"))
        east_asia = self.prop(rpr, rstyles, "w:rPr", "w:rFonts", "eastAsia")
        # Word draws the theme's face where an rFonts names both a theme and a face; a face set on the run itself
        # overrides a theme inherited from the styles
        theme_on_run = font is not None and w_attr(font, "eastAsiaTheme") is not None
        face_on_run = font is not None and w_attr(font, "eastAsia") is not None
        theme = theme_on_run or (not face_on_run and
                                 self.inherited(rstyles, "w:rPr", "w:rFonts", "eastAsiaTheme") is not None)
        size_pt = (number(self.prop(rpr, rstyles, "w:rPr", "w:sz", "val")) or 0) / 2 or None
        color = self.prop(rpr, rstyles, "w:rPr", "w:color", "val")
        ind = child_of(ppr, "w:ind")
        ind = self.element((sid,), "w:ind") if ind is None else ind
        bdr = child_of(ppr, "w:pBdr")
        bdr = self.element((sid,), "w:pBdr") if bdr is None else bdr
        borders = {side: rule for side in ("top", "bottom")
                   if (rule := border_rule(None if bdr is None else bdr.find(_q(f"w:{side}")))) is not None} or _NONE
        left, right, first = self.indents(ind, (size_pt or 16) * 20)
        values = (alignment(self.prop(ppr, (sid,), "w:pPr", "w:jc", "val")), left, right, first,
                  "主题字体 / theme font" if theme else east_asia, size_pt,
                  None if color in (None, "auto") else str(color).upper(),
                  on(self.prop(rpr, rstyles, "w:rPr", "w:b", "val")),
                  number(self.prop(ppr, (sid,), "w:pPr", "w:outlineLvl", "val")))
        line = number(self.prop(ppr, (sid,), "w:pPr", "w:spacing", "line")) or 0
        line_rule = (self.prop(ppr, (sid,), "w:pPr", "w:spacing", "lineRule") or "auto") if line else ""
        return Look(values, on(self.prop(ppr, (sid,), "w:pPr", "w:pageBreakBefore", "val")), borders,
                    tuple(r.color for r in borders.values()), framed_bottom(ppr), (line_rule, line))

    def prop(self, direct: Element | None, styles: tuple[str, ...], kind: str, tag: str, attr: str) -> str | None:
        """``attr`` of ``tag`` set directly on ``direct`` (a pPr or rPr), else inherited from ``styles``."""
        found = None if direct is None else _lookup([direct], tag, attr)
        return found if found is not None else self.inherited(styles, kind, tag, attr)


def child_of(holder: Element | None, tag: str) -> Element | None:
    return None if holder is None else holder.find(_q(tag))


def _lookup(holders: list[Element], tag: str, attr: str) -> str | None:
    """The first ``attr`` of ``tag`` in ``holders`` (pPr / rPr elements); ``"1"`` for an on/off element present
    without a value."""
    for holder in holders:
        found = holder.find(_q(tag))
        if found is None:
            continue
        value = found.get(_q(f"w:{attr}"))
        if value is not None:
            return value
        if attr == "val" and tag in ("w:b", "w:pageBreakBefore"):
            return "1"
    return None


def on(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


def _chars(ind: Element | None, name: str, alias: str | None, char_twips: float) -> float:
    """Return the indent ``name`` (or its ``alias``) of ``ind`` in characters: ``…Chars`` (hundredths) when given
    and not zero, as Word reads it, else twips over the character width."""
    for key in (name, alias):
        if ind is None or key is None:
            continue
        chars = number(w_attr(ind, f"{key}Chars"))
        if chars:
            return chars / 100
        twips = number(w_attr(ind, key))
        if twips is not None:
            return twips / char_twips
    return 0.0


def framed_bottom(ppr: Element | None) -> bool:
    frame = None if ppr is None else ppr.find(_q("w:framePr"))
    return frame is not None and w_attr(frame, "yAlign") in BOTTOM
