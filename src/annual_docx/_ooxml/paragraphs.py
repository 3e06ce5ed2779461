"""Read the paragraphs, tables and drawings of a document's body in reading order, each with its effective style,
font, size, colour, alignment, indents and borders, for the 公文 checks of ``_check_parts`` / ``_check_text`` /
``_check_layout``. :class:`BodyReader` is fed the body's blocks one at a time (``read.read_facts`` streams them from
the package and frees each after) and keeps only the small facts; it never opens a file."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

from annual_docx._ooxml.body_facts import BodyFacts, Para, Rule, TableFacts, number
from annual_docx._ooxml.body_styles import BOTTOM, MAX_LOOKS, StyleResolver, border_rule, child_of, w_attr
from annual_docx._ooxml.ns import A_NS, MC_NS, V_NS, WP_NS, get_attr
from annual_docx._ooxml.numbering_in import Numbering
from annual_docx._ooxml.props import Element, qn
from annual_docx.gbt9704 import PAGE_HEIGHT, PAGE_WIDTH

_WP = WP_NS
_A = A_NS
_q = functools.cache(qn)
_MC = MC_NS
_V = V_NS
_SKIP = {_q("w:txbxContent"), f"{{{_MC}}}Fallback", _q("w:delText"), _q("w:instrText")}
_SPECIAL = frozenset((*_SKIP, _q("w:tab"), _q("w:br"), _q("w:cr"), f"{{{_MC}}}AlternateContent", _q("w:drawing"),
                      _q("w:pict"), _q("w:object")))
_PPR, _RPR, _T, _SECTPR = (_q(t) for t in ("w:pPr", "w:rPr", "w:t", "w:sectPr"))
_TEXT_OR_SPECIAL = (_T, *_SPECIAL)
MAX_NESTING = 64  # tables in tables, text boxes in text boxes: deeper content is not read


@dataclass
class _Walk:
    """What a walk through one paragraph's runs collects besides its text."""

    run: Element | None = None
    brk: bool = False
    brk_after: bool = False
    draw: list[tuple[int, int]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    boxes: list[tuple[Element, bool]] = field(default_factory=list)


_PLAIN = _Walk()  # never changed: the walk of a paragraph with nothing but text runs


class BodySink(Protocol):
    """Where a streaming :class:`BodyReader` hands each paragraph and table as it is read, instead of keeping it;
    ``start`` is told the style names (id → name) before the first, ``section_end`` the type area (width, height in
    twips) of each section as it ends with a paragraph's section properties (the body's own: ``finish``)."""

    def start(self, style_names: dict[str, str]) -> None: ...

    def paragraph(self, p: Para) -> None: ...

    def paragraphs(self, p: Para, count: int) -> None: ...  # p and count - 1 copies numbered after it

    def table(self, t: TableFacts) -> None: ...

    def section_end(self, area: tuple[int, int]) -> None: ...


class Recorder:
    """A sink that passes everything on to ``sink`` and keeps what it handed on while one block is read
    (``handed``); ``ended``: a section ended in it, or copies were handed on (it cannot be read again from this)."""

    def __init__(self, sink: BodySink) -> None:
        self.sink = sink
        self.handed: list[Para | TableFacts] = []
        self.ended = False

    def start(self, style_names: dict[str, str]) -> None:
        self.sink.start(style_names)

    def paragraph(self, p: Para) -> None:
        self.handed.append(p)
        self.sink.paragraph(p)

    def paragraphs(self, p: Para, count: int) -> None:
        self.ended = True
        self.sink.paragraphs(p, count)

    def table(self, t: TableFacts) -> None:
        self.handed.append(t)
        self.sink.table(t)

    def section_end(self, area: tuple[int, int]) -> None:
        self.ended = True
        self.sink.section_end(area)


MAX_SECTIONS = 10_000  # sections whose type area is kept; later ones share the last kept area


class BodyReader(StyleResolver):
    """Collects the facts of a body from its blocks: ``visit`` each body-level element in order, then ``finish``.
    ``root`` is the parsed ``styles.xml`` (None when the package has none); each style is resolved once. With a
    ``sink`` every paragraph and table goes to it as it is read and none is kept (memory bounded however long the
    body); without one they are kept in ``facts``."""

    def __init__(self, root: Element | None, numbering: Numbering | None = None,
                 sink: BodySink | None = None) -> None:
        super().__init__(root)
        self.numbering = numbering
        self.names = {sid: str(w_attr(s.find(_q("w:name")), "val") or sid) for sid, s in self.by_id.items() if sid}
        self.facts = BodyFacts()
        self.sink = sink
        self.count = 0  # paragraphs read
        self.section = 0
        self.pending_break = False
        self.depth = 0
        self.areas: list[tuple[int, int]] = []  # the type area of each section ended by a paragraph
        self.last_area: tuple[int, int] | None = None  # the body's own (last) section's
        # the last paragraph read when it is plain — text runs only, no automatic number, no section end, no text box
        # or drawing, in the body: another paragraph of the same bytes reads the same (``replay``)
        self.plain: tuple[Para, bool] | None = None
        self.numbered = False  # the last paragraph's automatic numbering was looked up (its own or its style's)
        self.numbered_count = 0  # paragraphs whose numbering was looked up (Word's counters moved on)

    def paragraph(self, p: Element, place: str, pinned: bool) -> None:
        # lxml's C loops (serialising, iter(tags)) wherever possible: Python code runs per w:t, not per element
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == _PPR else None
        ppr_key = b"" if ppr is None else etree.tostring(ppr)
        sid = self.pstyles.get(ppr_key)
        if sid is None:
            sid = w_attr(child_of(ppr, "w:pStyle"), "val") or self.default_style
            if len(self.pstyles) < MAX_LOOKS:
                self.pstyles[ppr_key] = sid
        text: list[str] = []
        state = _PLAIN  # a paragraph of plain runs shares one empty walk
        run = None
        for node in p.iter(*_TEXT_OR_SPECIAL):
            if node.tag != _T:  # tabs, breaks, drawings, text boxes…: the full walk
                text, state = [], _Walk()
                self._walk(p, text, state)
                run = state.run
                break
            words = node.text
            if words:
                text.append(words)
                if run is None and not words.isspace():
                    run = node.getparent()
        rpr = run[0] if run is not None and len(run) and run[0].tag == _RPR else None
        rpr_key = b"" if rpr is None else etree.tostring(rpr)
        key = (sid, ppr_key, rpr_key)
        look = self.looks.get(key)
        if look is None:
            look = self.look(sid, ppr, rpr)
            if len(self.looks) < MAX_LOOKS:
                self.looks[key] = look
        self.numbered = False
        label = self.auto_label(ppr, sid) if self.numbering is not None else ""
        joined = "".join(text)
        if label and joined.strip():  # the number Word draws is part of the text a reader sees
            joined = label + joined.lstrip()
        self.count += 1
        para = Para(
            self.count, joined, sid, place, self.section, *look.values,
            page_break_before=state.brk or self.pending_break or look.page_break_before, borders=look.borders,
            drawings=tuple(state.draw) if state.draw else (),
            lines=(*state.lines, *look.lines) if state.lines else look.lines, pinned_bottom=pinned or look.framed,
            style_name=self.names.get(sid, ""), auto_label=label, spacing=look.spacing)
        if self.sink is None:
            self.facts.paragraphs.append(para)
        else:
            self.sink.paragraph(para)
        self.plain = (para, look.page_break_before) if (
            state is _PLAIN and not self.numbered and place == "body" and not pinned and b"sectPr" not in ppr_key) \
            else None
        self.pending_break = state.brk_after
        for box, box_pinned in state.boxes:
            self.container(box, "box", box_pinned)
        sect = ppr.find(_SECTPR) if ppr is not None and b"sectPr" in ppr_key else None
        if sect is not None:
            self.section += 1
            area = _type_area(sect)
            if len(self.areas) < MAX_SECTIONS:
                self.areas.append(area)
            if self.sink is not None:
                self.sink.section_end(area)
            self.pending_break = w_attr(sect.find(_q("w:type")), "val") != "continuous"

    def replay(self, like: Para, own_break: bool, count: int = 1) -> None:
        """Read ``count`` paragraphs in a row of the same bytes as the plain paragraph ``like`` (see ``plain``;
        ``own_break``: its look starts a page): the same facts, each its own number, its section and page break.
        The first may differ from the others (a page break pending before it); the others go to the sink together."""
        for k in range(count if self.sink is None else min(count, 2)):
            self.count += 1
            para = Para(self.count, like.text, like.style, "body", self.section, like.align, like.left, like.right,
                        like.first, like.east_asia, like.size_pt, like.color, like.bold, like.outline,
                        own_break or self.pending_break, like.borders, (), like.lines, like.pinned_bottom,
                        like.style_name, "", like.spacing)
            self.pending_break = False
            if self.sink is None:
                self.facts.paragraphs.append(para)
            elif k == 0:
                self.sink.paragraph(para)
            else:
                self.count += count - 2
                self.sink.paragraphs(para, count - 1)

    def reread(self, like: Para, own_break: bool, text: str) -> None:
        """Read a paragraph of the same shape as the plain paragraph ``like`` (its bytes but for the text of its
        ``w:t``: the same style, look and run properties; ``own_break``: its look starts a page) whose text is
        ``text``: what ``paragraph`` would hand on."""
        self.count += 1
        para = Para(self.count, text, like.style, "body", self.section, like.align, like.left, like.right,
                    like.first, like.east_asia, like.size_pt, like.color, like.bold, like.outline,
                    own_break or self.pending_break, like.borders, (), like.lines, like.pinned_bottom,
                    like.style_name, "", like.spacing)
        self.pending_break = False
        self.plain = (para, own_break)
        if self.sink is None:
            self.facts.paragraphs.append(para)
        else:
            self.sink.paragraph(para)

    def replay_block(self, handed: tuple[Para | TableFacts, ...], base: int, paragraphs: int,
                     pending_after: bool) -> None:
        """Read a block again from what it ``handed`` on when read after paragraph ``base`` (a block of the same
        bytes, read with the same page break pending; no section end, no automatic number in it): the same facts,
        numbered from here, in this section; ``paragraphs`` it holds, the page break pending after it."""
        start, section, sink = self.count, self.section, self.sink
        assert sink is not None
        for x in handed:
            n = start + x.n - base
            if isinstance(x, Para):
                sink.paragraph(Para(n, x.text, x.style, x.place, section, x.align, x.left, x.right, x.first,
                                    x.east_asia, x.size_pt, x.color, x.bold, x.outline, x.page_break_before,
                                    x.borders, x.drawings, x.lines, x.pinned_bottom, x.style_name, x.auto_label,
                                    x.spacing))
            else:
                sink.table(TableFacts(n, x.first_words, x.width, x.indent, x.borders, x.place, section,
                                      x.pinned_bottom))
        self.count = start + paragraphs
        self.pending_break = pending_after

    def auto_label(self, ppr: Element | None, sid: str) -> str:
        """The number Word's automatic numbering draws before this paragraph (its own or its style's), counted."""
        num = child_of(ppr, "w:numPr")
        if num is None:
            num = self.element((sid,), "w:numPr")
        self.numbered = num is not None
        self.numbered_count += self.numbered
        num_id = w_attr(None if num is None else num.find(_q("w:numId")), "val")
        if num is None or not num_id or self.numbering is None:
            return ""
        level = w_attr(num.find(_q("w:ilvl")), "val") or "0"
        return self.numbering.label(num_id, int(level) if level.isdigit() and len(level) < 3 else 0)

    def _walk(self, node: Element, text: list[str], state: _Walk, depth: int = 0) -> None:
        if depth > MAX_NESTING:
            return
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _PPR:  # pPr: its w:tabs are tab stops, not text
                continue
            if tag == _q("w:t"):
                text.append(child.text or "")
                if state.run is None and (child.text or "").strip():
                    state.run = child.getparent()
            elif tag == _q("w:tab"):
                text.append("\t")
            elif tag in (_q("w:br"), _q("w:cr")):
                if w_attr(child, "type") == "page":
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
        cx, cy = number(get_attr(extent, "cx")) or 0, number(get_attr(extent, "cy")) or 0
        state.draw.append((cx, cy))
        for ln in anchor.iter(f"{{{_A}}}ln"):
            state.lines += [str(c.get("val")).upper() for c in ln.iter(f"{{{_A}}}srgbClr")]
        pos = anchor.find(f"{{{_WP}}}positionV")
        align = None if pos is None else pos.findtext(f"{{{_WP}}}align")
        pinned = align in BOTTOM and (pos.get("relativeFrom") if pos is not None else "") in (
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
        width = number(w_attr(width_el, "w")) if w_attr(width_el, "type") in (None, "dxa") else None
        cols = [number(w_attr(c, "w")) or 0 for c in tbl.iterfind(f"{_q('w:tblGrid')}/{_q('w:gridCol')}")]
        if (width is None or width == 0) and cols and w_attr(width_el, "type") != "pct":
            width = sum(cols)
        borders: dict[str, Rule] = {}
        outer = None if tblpr is None else tblpr.find(_q("w:tblBorders"))
        for side in ("top", "bottom", "insideH"):
            rule = border_rule(None if outer is None else outer.find(_q(f"w:{side}")))
            if rule:
                borders[side] = rule
        words = "".join(t.text or "" for t in tbl.iter(_q("w:t")))[:12]
        found = TableFacts(self.count + 1, words, width,
                           number(w_attr(None if tblpr is None else tblpr.find(_q("w:tblInd")), "w")) or 0, borders,
                           place, self.section, pinned)
        if self.sink is None:
            self.facts.tables.append(found)
        else:
            self.sink.table(found)
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

    def style_names(self) -> dict[str, str]:
        """Each paragraph style's name by its id."""
        return {sid: str(w_attr(s.find(_q("w:name")), "val") or sid) for sid, s in self.by_id.items() if sid}

    def finish(self) -> BodyFacts:
        """Return the facts of every block visited (none kept with a sink), with the style names and each
        section's type area."""
        self.facts.style_names = self.style_names()
        self.facts.sections = [*self.areas, self.last_area or _type_area(None)]
        return self.facts


def _type_area(sect: Element | None) -> tuple[int, int]:
    size = None if sect is None else sect.find(_q("w:pgSz"))
    mar = None if sect is None else sect.find(_q("w:pgMar"))
    w, h = number(w_attr(size, "w")) or PAGE_WIDTH, number(w_attr(size, "h")) or PAGE_HEIGHT
    left, right = number(w_attr(mar, "left")) or 0, number(w_attr(mar, "right")) or 0
    top, bottom = abs(number(w_attr(mar, "top")) or 0), abs(number(w_attr(mar, "bottom")) or 0)
    return w - left - right, h - top - bottom
