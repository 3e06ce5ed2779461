"""Read the paragraphs, tables and drawings of a document's body in reading order, each with its effective style,
font, size, colour, alignment, indents and borders, for the 公文 checks of ``_check_parts`` / ``_check_text`` /
``_check_layout``. :class:`BodyReader` is fed the body's blocks one at a time (``read.read_facts`` streams them from
the package and frees each after) and keeps only the small facts; it never opens a file."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

from .body_facts import BodyFacts, Para, Rule, TableFacts, number
from .props import Element, qn

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_q = functools.cache(qn)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"
_SKIP = {_q("w:txbxContent"), f"{{{_MC}}}Fallback", _q("w:delText"), _q("w:instrText")}
_BOTTOM = ("bottom", "outside")
_SPECIAL = frozenset((*_SKIP, _q("w:tab"), _q("w:br"), _q("w:cr"), f"{{{_MC}}}AlternateContent", _q("w:drawing"),
                      _q("w:pict"), _q("w:object")))
_PPR, _RPR, _T, _SECTPR = (_q(t) for t in ("w:pPr", "w:rPr", "w:t", "w:sectPr"))
_TEXT_OR_SPECIAL = (_T, *_SPECIAL)
_NONE: dict[str, Rule] = {}  # shared by every paragraph without borders; never changed
MAX_NESTING = 64  # tables in tables, text boxes in text boxes: deeper content is not read
MAX_LOOKS = 4096  # distinct (style, pPr, rPr) combinations remembered


@dataclass(frozen=True)
class _Look:
    """The effective properties shared by paragraphs with the same style and direct formatting: ``values`` in the
    order of ``Para``'s fields from ``align`` to ``outline``."""

    values: tuple[str | None, float, float, float, str | None, float | None, str | None, bool, int | None]
    page_break_before: bool
    borders: dict[str, Rule]
    lines: tuple[str, ...]
    framed: bool


@dataclass
class _Walk:
    """What a walk through one paragraph's runs collects besides its text."""

    run: Element | None = None
    brk: bool = False
    brk_after: bool = False
    draw: list[tuple[int, int]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    boxes: list[tuple[Element, bool]] = field(default_factory=list)


def _w(element: Element | None, name: str) -> str | None:
    return None if element is None else element.get(_q(f"w:{name}"))


def _rule(element: Element | None) -> Rule | None:
    if element is None or (_w(element, "val") or "nil") in ("nil", "none"):
        return None
    return Rule(number(_w(element, "sz")) or 2, (_w(element, "color") or "auto").upper())


class BodyReader:
    """Collects the facts of a body from its blocks: ``visit`` each body-level element in order, then ``finish``.
    ``root`` is the parsed ``styles.xml`` (None when the package has none); each style is resolved once."""

    def __init__(self, root: Element | None) -> None:
        self.root = root
        self.by_id = {} if root is None else {str(s.get(_q("w:styleId"))): s for s in root.iterfind(_q("w:style"))}
        self.facts = BodyFacts()
        self.section = 0
        self.pending_break = False
        self.depth = 0
        self.areas: list[tuple[int, int]] = []  # the type area of each section ended by a paragraph
        self.last_area: tuple[int, int] | None = None  # the body's own (last) section's
        self.cache: dict[tuple[tuple[str, ...], str, str, str], str | None] = {}
        self.looks: dict[tuple[str, bytes, bytes], _Look] = {}
        self.pstyles: dict[bytes, str] = {}  # a paragraph's style by its serialised pPr
        self.indent_cache: dict[tuple[Element, float], tuple[float, float, float]] = {}
        self.elements: dict[tuple[tuple[str, ...], str, str, str], Element | None] = {}
        self.default_style = "" if root is None else next(
            (str(s.get(_q("w:styleId"))) for s in root.iterfind(_q("w:style"))
             if _w(s, "type") == "paragraph" and _on(_w(s, "default"))), "Normal" if "Normal" in self.by_id else "")

    def style_chain(self, style_id: str | None) -> list[Element]:
        """The style ``style_id`` and the styles it is based on, nearest first."""
        out: list[Element] = []
        while style_id and style_id in self.by_id and len(out) < 20:
            out.append(self.by_id[style_id])
            style_id = _w(self.by_id[style_id].find(_q("w:basedOn")), "val")
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

    def look(self, sid: str, ppr: Element | None, rpr: Element | None) -> _Look:
        """The effective look of a paragraph of style ``sid`` with direct properties ``ppr`` and first run ``rpr``."""
        rstyles = (_w(None if rpr is None else rpr.find(_q("w:rStyle")), "val") or "", sid)
        font = None if rpr is None else rpr.find(_q("w:rFonts"))
        east_asia = self.prop(rpr, rstyles, "w:rPr", "w:rFonts", "eastAsia")
        theme_on_run = font is not None and _w(font, "eastAsiaTheme") is not None and _w(font, "eastAsia") is None
        theme = theme_on_run or (east_asia is None and
                                 self.inherited(rstyles, "w:rPr", "w:rFonts", "eastAsiaTheme") is not None)
        size_pt = (number(self.prop(rpr, rstyles, "w:rPr", "w:sz", "val")) or 0) / 2 or None
        color = self.prop(rpr, rstyles, "w:rPr", "w:color", "val")
        ind = _element(ppr, "w:ind")
        ind = self.element((sid,), "w:ind") if ind is None else ind
        bdr = _element(ppr, "w:pBdr")
        bdr = self.element((sid,), "w:pBdr") if bdr is None else bdr
        borders = {side: rule for side in ("top", "bottom")
                   if (rule := _rule(None if bdr is None else bdr.find(_q(f"w:{side}")))) is not None} or _NONE
        left, right, first = self.indents(ind, (size_pt or 16) * 20)
        values = (self.prop(ppr, (sid,), "w:pPr", "w:jc", "val"), left, right, first,
                  "主题字体 / theme font" if theme else east_asia, size_pt,
                  None if color in (None, "auto") else str(color).upper(),
                  _on(self.prop(rpr, rstyles, "w:rPr", "w:b", "val")),
                  number(self.prop(ppr, (sid,), "w:pPr", "w:outlineLvl", "val")))
        return _Look(values, _on(self.prop(ppr, (sid,), "w:pPr", "w:pageBreakBefore", "val")), borders,
                     tuple(r.color for r in borders.values()), _framed_bottom(ppr))

    def prop(self, direct: Element | None, styles: tuple[str, ...], kind: str, tag: str, attr: str) -> str | None:
        """``attr`` of ``tag`` set directly on ``direct`` (a pPr or rPr), else inherited from ``styles``."""
        found = None if direct is None else _lookup([direct], tag, attr)
        return found if found is not None else self.inherited(styles, kind, tag, attr)

    def paragraph(self, p: Element, place: str, pinned: bool) -> None:
        # lxml's C loops (serialising, iter(tags)) wherever possible: Python code runs per w:t, not per element
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == _PPR else None
        ppr_key = b"" if ppr is None else etree.tostring(ppr)
        sid = self.pstyles.get(ppr_key)
        if sid is None:
            sid = _w(_element(ppr, "w:pStyle"), "val") or self.default_style
            if len(self.pstyles) < MAX_LOOKS:
                self.pstyles[ppr_key] = sid
        text: list[str] = []
        state = _Walk()
        for node in p.iter(*_TEXT_OR_SPECIAL):
            if node.tag != _T:  # tabs, breaks, drawings, text boxes…: the full walk
                text, state = [], _Walk()
                self._walk(p, text, state)
                break
            text.append(node.text or "")
            if state.run is None and (node.text or "").strip():
                state.run = node.getparent()
        run = state.run
        rpr = run[0] if run is not None and len(run) and run[0].tag == _RPR else None
        rpr_key = b"" if rpr is None else etree.tostring(rpr)
        key = (sid, ppr_key, rpr_key)
        look = self.looks.get(key)
        if look is None:
            look = self.look(sid, ppr, rpr)
            if len(self.looks) < MAX_LOOKS:
                self.looks[key] = look
        self.facts.paragraphs.append(Para(
            len(self.facts.paragraphs) + 1, "".join(text), sid, place, self.section, *look.values,
            page_break_before=state.brk or self.pending_break or look.page_break_before, borders=look.borders,
            drawings=tuple(state.draw), lines=(*state.lines, *look.lines) if state.lines else look.lines,
            pinned_bottom=pinned or look.framed))
        self.pending_break = state.brk_after
        for box, box_pinned in state.boxes:
            self.container(box, "box", box_pinned)
        sect = ppr.find(_SECTPR) if ppr is not None and b"sectPr" in ppr_key else None
        if sect is not None:
            self.section += 1
            self.areas.append(_type_area(sect))
            self.pending_break = _w(sect.find(_q("w:type")), "val") != "continuous"

    def _walk(self, node: Element, text: list[str], state: _Walk, depth: int = 0) -> None:
        if depth > MAX_NESTING:
            return
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _q("w:t"):
                text.append(child.text or "")
                if state.run is None and (child.text or "").strip():
                    state.run = child.getparent()
            elif tag == _q("w:tab"):
                text.append("\t")
            elif tag in (_q("w:br"), _q("w:cr")):
                if _w(child, "type") == "page":
                    if "".join(text).strip():
                        state.brk_after = True
                    else:
                        state.brk = True
                else:
                    text.append("\n")
            elif tag in (f"{{{_WP}}}inline", f"{{{_WP}}}anchor"):
                self._drawing(child, state)
            elif tag in (f"{{{_V}}}line", f"{{{_V}}}shape", f"{{{_V}}}rect") and child.get("strokecolor"):
                state.lines.append(str(child.get("strokecolor")).lstrip("#").upper())
                self._vml_box(child, state)
            elif tag.startswith(f"{{{_V}}}"):
                self._vml_box(child, state)
            else:
                self._walk(child, text, state, depth + 1)

    def _drawing(self, anchor: Element, state: _Walk) -> None:
        extent = anchor.find(f"{{{_WP}}}extent")
        cx, cy = number(_attr(extent, "cx")) or 0, number(_attr(extent, "cy")) or 0
        state.draw.append((cx, cy))
        for ln in anchor.iter(f"{{{_A}}}ln"):
            state.lines += [str(c.get("val")).upper() for c in ln.iter(f"{{{_A}}}srgbClr")]
        pos = anchor.find(f"{{{_WP}}}positionV")
        align = None if pos is None else pos.findtext(f"{{{_WP}}}align")
        pinned = align in _BOTTOM and (pos.get("relativeFrom") if pos is not None else "") in (
            "margin", "page", "bottomMargin")
        for box in anchor.iter(_q("w:txbxContent")):
            state.boxes.append((box, pinned))

    def _vml_box(self, shape: Element, state: _Walk) -> None:
        style = (shape.get("style") or "").replace(" ", "")
        pinned = "mso-position-vertical:bottom" in style
        for box in shape.iter(_q("w:txbxContent")):
            state.boxes.append((box, pinned))

    def table(self, tbl: Element, place: str, pinned: bool) -> None:
        tblpr = tbl.find(_q("w:tblPr"))
        width_el = None if tblpr is None else tblpr.find(_q("w:tblW"))
        width = number(_w(width_el, "w")) if _w(width_el, "type") in (None, "dxa") else None
        cols = [number(_w(c, "w")) or 0 for c in tbl.iterfind(f"{_q('w:tblGrid')}/{_q('w:gridCol')}")]
        if (width is None or width == 0) and cols and _w(width_el, "type") != "pct":
            width = sum(cols)
        borders: dict[str, Rule] = {}
        outer = None if tblpr is None else tblpr.find(_q("w:tblBorders"))
        for side in ("top", "bottom", "insideH"):
            rule = _rule(None if outer is None else outer.find(_q(f"w:{side}")))
            if rule:
                borders[side] = rule
        words = "".join(t.text or "" for t in tbl.iter(_q("w:t")))[:12]
        self.facts.tables.append(TableFacts(len(self.facts.paragraphs) + 1, words, width,
                                            number(_w(None if tblpr is None else tblpr.find(_q("w:tblInd")), "w"))
                                            or 0, borders, place, self.section, pinned))
        for row in tbl.iterfind(_q("w:tr")):
            for cell in row.iterfind(_q("w:tc")):
                self.container(cell, "table" if place == "body" else place, pinned)

    def container(self, node: Element, place: str, pinned: bool = False) -> None:
        self.depth += 1
        if self.depth <= MAX_NESTING:
            self._children(node, place, pinned)
        self.depth -= 1

    def _children(self, node: Element, place: str, pinned: bool) -> None:
        for child in node:
            self._block(child, place, pinned)

    def _block(self, child: Element, place: str, pinned: bool) -> None:
        if child.tag == _q("w:p"):
            self.paragraph(child, place, pinned)
        elif child.tag == _q("w:tbl"):
            self.table(child, place, pinned)
        elif child.tag == _q("w:sdt"):
            content = child.find(_q("w:sdtContent"))
            if content is not None:
                self.container(content, place, pinned)
        elif child.tag == _q("w:customXml"):
            self.container(child, place, pinned)

    def visit(self, block: Element) -> None:
        """Read one body-level element (paragraph, table, content control, the body's section properties…); the
        caller may free it afterwards — nothing of the tree is kept."""
        if block.tag == _SECTPR:
            self.last_area = _type_area(block)
        else:
            self._block(block, "body", False)

    def finish(self) -> BodyFacts:
        """Return the facts of every block visited, with the style names and each section's type area."""
        self.facts.style_names = {sid: str(_w(s.find(_q("w:name")), "val") or sid) for sid, s in self.by_id.items()
                                  if sid}
        self.facts.sections = [*self.areas, self.last_area or _type_area(None)]
        return self.facts


def _element(holder: Element | None, tag: str) -> Element | None:
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


def _on(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


def _attr(element: Element | None, name: str) -> str | None:
    return None if element is None else element.get(name)


def _chars(ind: Element | None, name: str, alias: str | None, char_twips: float) -> float:
    """Return the indent ``name`` (or its ``alias``) of ``ind`` in characters: ``…Chars`` (hundredths) when given
    and not zero, as Word reads it, else twips over the character width."""
    for key in (name, alias):
        if ind is None or key is None:
            continue
        chars = number(_w(ind, f"{key}Chars"))
        if chars:
            return chars / 100
        twips = number(_w(ind, key))
        if twips is not None:
            return twips / char_twips
    return 0.0


def _framed_bottom(ppr: Element | None) -> bool:
    frame = None if ppr is None else ppr.find(_q("w:framePr"))
    return frame is not None and _w(frame, "yAlign") in _BOTTOM


def _type_area(sect: Element | None) -> tuple[int, int]:
    size = None if sect is None else sect.find(_q("w:pgSz"))
    mar = None if sect is None else sect.find(_q("w:pgMar"))
    w, h = number(_w(size, "w")) or 11906, number(_w(size, "h")) or 16838
    left, right = number(_w(mar, "left")) or 0, number(_w(mar, "right")) or 0
    top, bottom = abs(number(_w(mar, "top")) or 0), abs(number(_w(mar, "bottom")) or 0)
    return w - left - right, h - top - bottom
