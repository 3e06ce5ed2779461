"""Read a .docx from any source (Word, WPS, LibreOffice, python-docx) into an :class:`~.outline.Outline`.

Paragraphs with their emphasis runs and heading level (from the style name, the style's or the paragraph's outline
level), tables with merged cells as spans, pictures (DrawingML and VML), native charts from their caches, and the
paragraphs of text boxes (once: ``mc:Fallback`` copies are skipped). Galleries — tables whose cells hold pictures —
come out as their pictures and captions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from annual_docx._ooxml.body_styles import StyleResolver
from annual_docx._ooxml.chart_in import read_chart
from annual_docx._ooxml.inline import MARK as VERT_MARK
from annual_docx._ooxml.inline import escape_scripts, scripted
from annual_docx._ooxml.notes_in import cited_note, diagram_text, is_toc, note_texts
from annual_docx._ooxml.ns import A_NS, C_NS, DC_NS, MC_NS, R_NS, V_NS, W_NS, WP_NS, alignment, w_attr
from annual_docx._ooxml.numbering_in import Numbering
from annual_docx._ooxml.outline import Cell, Chart, Image, Item, Outline, Para, Run, Table
from annual_docx._ooxml.props import Element
from annual_docx._ooxml.reader import Package

W = f"{{{W_NS}}}"
R = f"{{{R_NS}}}"
WP = f"{{{WP_NS}}}"
A = f"{{{A_NS}}}"
C = f"{{{C_NS}}}"
V = f"{{{V_NS}}}"
MC = f"{{{MC_NS}}}"
DC = f"{{{DC_NS}}}"
EMU_PER_MM = 36000
_WRAPPERS = {W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "moveTo",
                             "dir", "bdo")}
#: What the importer reads at the body's level (the reader frees other siblings unseen): paragraphs, tables, content
#: controls, the wrappers it looks into and markup-compatibility choices.
_BODY_TAGS = (W + "p", W + "tbl", *sorted(_WRAPPERS), MC + "AlternateContent")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_FALSE = {"0", "false", "off", "none"}
_TOC = "未导入：目录（由 Word 生成）/ not imported: the table of contents (Word makes it)"


@dataclass(frozen=True)
class _Style:
    name: str
    outline: int | None
    kai: bool
    num: tuple[str, int] | None  # (numId, level) of the style's automatic numbering


def _styles(package: Package) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for target in package.related(package.main_part, "styles", missing_ok=True):
        for st in package.xml(target).iter(W + "style"):
            level = w_attr(st.find(f"{W}pPr/{W}outlineLvl"))
            fonts = st.find(f"{W}rPr/{W}rFonts")
            styles[st.get(W + "styleId") or ""] = _Style(
                w_attr(st.find(W + "name")) or "",
                int(level) if level and level.isdigit() and len(level) < 3 else None, _is_kai(fonts),
                _num(st.find(f"{W}pPr/{W}numPr")))
    return styles


def _styles_root(package: Package) -> Element | None:
    found = package.related(package.main_part, "styles", missing_ok=True)
    return package.xml(found[0]) if found else None


def _num(num_pr: Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    level = w_attr(num_pr.find(W + "ilvl")) or "0"
    return w_attr(num_pr.find(W + "numId")) or "", int(level) if level.isdigit() and len(level) < 3 else 0


def _is_kai(fonts: Element | None) -> bool:
    face = w_attr(fonts, "eastAsia") or ""
    return "楷" in face or "kai" in face.lower()


def _add_run(runs: list[Run], run: Run, vert: str) -> None:
    """Append ``run`` with its text in the report's markup: a superscript or subscript as ``^{…}`` / ``_{…}``
    (joined to the script run just before it of the same look: ``^{10}``, not ``^{1}^{0}``), a literal ``^{`` /
    ``_{`` escaped."""
    raw = run.text
    if vert not in VERT_MARK:
        run.text = escape_scripts(raw)
        runs.append(run)
        return
    last = runs[-1] if runs else None
    if last is not None and last.script and last.script == vert and \
            (last.bold, last.kai, last.face) == (run.bold, run.kai, run.face):
        lead, _, core = last.text.rpartition(VERT_MARK[vert] + "{")
        joined = scripted(core[:-1] + raw, vert)
        if joined.startswith(VERT_MARK[vert]) and joined.endswith("}"):  # still one script: join them
            last.text = lead + joined
            return
    run.text = scripted(raw, vert)
    run.script = vert if run.text.endswith("}") and run.text != escape_scripts(raw) else ""
    runs.append(run)


class _Reader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.main = package.main_part
        self.styles = _styles(package)
        self.numbering = Numbering(package)
        self.skipped: set[str] = set()  # what a reader does not see, left out on purpose
        self.notes = note_texts(package)
        self.looks = StyleResolver(_styles_root(package))  # size, colour, bold, alignment as check reads them

    def auto_number(self, ppr: Element | None, style_id: str) -> tuple[str | None, str, str]:
        """Return the number style Word draws before the paragraph (from its own or its style's numbering), the
        number itself (``（三）``) and the list it belongs to (``numId:level``)."""
        num = _num(ppr.find(W + "numPr")) if ppr is not None else None
        for current in self._chain(style_id) if num is None else []:
            num = self.styles[current].num
            if num is not None:
                break
        if num is None:
            return None, "", ""
        return self.numbering.style(*num), self.numbering.label(*num), f"{num[0]}:{num[1]}"

    def style_heading(self, style_id: str) -> tuple[str, int | None]:
        """Return the style's name and its heading level (1-based) by name or outline level, following basedOn."""
        name = self.styles[style_id].name if style_id in self.styles else style_id
        for current in self._chain(style_id):
            style = self.styles[current]
            match = _HEADING_NAME.match(style.name) or _HEADING_NAME.match(current)
            if match and match.group(1) != "0":
                return name, int(match.group(1))
            if style.outline is not None and style.outline < 9:
                return name, style.outline + 1
        return name, None

    def _chain(self, style_id: str) -> list[str]:
        """The ids of the style and of the styles it is based on, nearest first, each once (the one resolver's
        ``basedOn`` chain)."""
        ids = [sid for style in self.looks.style_chain(style_id) if (sid := style.get(W + "styleId") or "")]
        return [sid for i, sid in enumerate(ids) if sid in self.styles and sid not in ids[:i]]

    def blocks(self, parent: Element, in_textbox: bool = False) -> Iterator[Item]:
        for child in parent:
            yield from self.block(child, in_textbox)

    def block(self, child: Element, in_textbox: bool = False) -> Iterator[Item]:
        if child.tag == W + "p":
            yield from self.paragraph(child, in_textbox)
        elif child.tag == W + "tbl":
            yield from self.table(child, in_textbox)
        elif child.tag == W + "sdt" and is_toc(child):
            self.skipped.add(_TOC)
        elif child.tag in _WRAPPERS:
            yield from self.blocks(child, in_textbox)
        elif child.tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            yield from self.blocks(choice if choice is not None else child, in_textbox)

    def paragraph(self, p: Element, in_textbox: bool) -> Iterator[Item]:
        ppr = p.find(W + "pPr")
        style_id = w_attr(ppr.find(W + "pStyle")) if ppr is not None else None
        name, heading = self.style_heading(style_id or "")
        if re.match(r"^(toc\b|toc heading|目录)", name.lower()):  # a table of contents Word generates
            self.skipped.add(_TOC)
            return
        level = w_attr(ppr.find(W + "outlineLvl")) if ppr is not None else None
        if level is not None and level.isdigit():
            heading = int(level) + 1 if int(level) < 9 else None
        kai_style = bool(style_id and style_id in self.styles and self.styles[style_id].kai)
        runs: list[Run] = []
        extras: list[Item] = []
        self.runs(p, runs, extras, kai_style)
        text = "".join(r.text for r in runs)
        align = alignment(w_attr(ppr.find(W + "jc"))) if ppr is not None else None
        if text.strip() or not extras:
            auto, label, list_id = self.auto_number(ppr, style_id or "")
            if label and text.strip():  # the number Word draws is part of the text a reader sees
                runs.insert(0, Run(label))
                text = label + text.lstrip()
            first = next((r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()),
                         None)
            rpr = first.find(W + "rPr") if first is not None else None
            look = self.looks.look(style_id or self.looks.default_style, ppr, rpr).values
            yield Para(text, runs, style_id or "", name, heading, align or look[0], in_textbox, auto, label, list_id,
                       size_pt=look[5], color=look[6], bold=look[7])
        yield from extras

    def runs(self, parent: Element, runs: list[Run], extras: list[Item], kai_style: bool) -> None:
        for child in parent:
            if child.tag == W + "r":
                self.run(child, runs, extras, kai_style)
            elif child.tag in _WRAPPERS:
                self.runs(child, runs, extras, kai_style)
            elif child.tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self.runs(choice, runs, extras, kai_style)

    def run(self, r: Element, runs: list[Run], extras: list[Item], kai_style: bool) -> None:
        rpr = r.find(W + "rPr")
        hidden = rpr.find(W + "vanish") if rpr is not None else None
        if hidden is not None and w_attr(hidden) not in _FALSE:
            self.skipped.add("未导入：隐藏文字 / not imported: hidden text")
            return
        bold = rpr is not None and rpr.find(W + "b") is not None and w_attr(rpr.find(W + "b")) not in _FALSE
        fonts = rpr.find(W + "rFonts") if rpr is not None else None
        kai = _is_kai(fonts) if fonts is not None else kai_style
        vert = w_attr(rpr.find(W + "vertAlign")) if rpr is not None else None
        text: list[str] = []
        for child in r:
            if child.tag == W + "t":
                text.append(child.text or "")
            elif child.tag == W + "tab":
                text.append("\t")
            elif child.tag in (W + "br", W + "cr"):
                text.append("\n")
            elif child.tag == W + "noBreakHyphen":
                text.append("-")
            elif child.tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
                self.graphics(child, extras)
            elif (key := cited_note(child)) in self.notes:  # kept as text after the paragraph
                extras.append(Para(f"注：{self.notes[key]}"))
                self.skipped.add("脚注、尾注改为其后的“注：”段落 / footnotes and endnotes kept as 注： paragraphs")
        if text:
            face = w_attr(fonts, "eastAsia") or ""
            _add_run(runs, Run("".join(text), bold, kai, face), vert or "")

    def graphics(self, element: Element, extras: list[Item]) -> None:
        """Collect the pictures, charts and text-box paragraphs under a drawing (Fallback copies skipped)."""
        if element.tag == MC + "AlternateContent":
            choice = element.find(MC + "Choice")
            if choice is not None:
                for child in choice:
                    self.graphics(child, extras)
            return
        frames = list(element.iter(WP + "inline", WP + "anchor")) or [element]
        for frame in frames:
            doc_pr = frame.find(WP + "docPr")
            alt = (doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else ""
            extent = frame.find(WP + "extent")
            cx = extent.get("cx") if extent is not None else None
            width = int(cx) / EMU_PER_MM if cx and cx.isdigit() else 0.0
            for blip in frame.iter(A + "blip", V + "imagedata"):
                rid = blip.get(R + "embed") or blip.get(R + "id") or ""
                image = self.image(rid, alt, width)
                if image is not None:
                    extras.append(image)
            for chart in frame.iter(C + "chart"):
                target = self.package.target(self.main, chart.get(R + "id") or "")
                if target is not None:
                    extras.append(read_chart(self.package.xml(target), alt))
            for box in frame.iter(W + "txbxContent"):
                if not any(a.tag == MC + "Fallback" for a in box.iterancestors()):
                    extras.extend(self.blocks(box, in_textbox=True))
            if diagram := diagram_text(self.package, frame, self.main):  # SmartArt: its words, kept as text
                extras.append(Para(f"{alt}：{diagram}" if alt else diagram))
                self.skipped.add("SmartArt 图示按文字保留 / SmartArt diagrams kept as text")

    def image(self, rid: str, alt: str, width_mm: float) -> Image | None:
        target = self.package.target(self.main, rid)
        if target is None:
            return None
        ext = target.rsplit(".", 1)[-1].lower() if "." in target else ""
        return Image(self.package.part(target), "jpeg" if ext == "jpg" else ext, alt, width_mm)

    def table(self, tbl: Element, in_textbox: bool) -> Iterator[Item]:
        if in_textbox:  # a layout table in a text box (the 版记): its paragraphs, cell by cell
            yield from graphics_with_captions(tbl, self, in_textbox)
            return
        rows: list[list[Cell]] = []
        header_rows = 0
        open_cells: dict[int, Cell] = {}  # column → the cell a vertical merge continues
        graphics: list[Item] = []
        for tr in tbl.iter(W + "tr"):
            if next((a for a in tr.iterancestors(W + "tbl")), None) is not tbl:
                continue
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "tblHeader") is not None and w_attr(trpr.find(W + "tblHeader")) \
                    not in _FALSE and header_rows == len(rows):
                header_rows += 1
            before = w_attr(trpr.find(W + "gridBefore")) if trpr is not None else None
            column = int(before) if before and before.isdigit() else 0
            row: list[Cell] = []
            for tc in tr.iter(W + "tc"):
                if next((a for a in tc.iterancestors(W + "tr")), None) is not tr:
                    continue
                tcpr = tc.find(W + "tcPr")
                span_text = w_attr(tcpr.find(W + "gridSpan")) if tcpr is not None else None
                span = max(1, min(int(span_text), 63)) if span_text and span_text.isdigit() else 1
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                items = list(self.blocks(tc, in_textbox))
                if any(isinstance(i, (Image, Chart)) for i in items):
                    graphics.extend(items)
                text = "\n".join(i.text for i in items if isinstance(i, Para)).strip()
                if merge is not None and w_attr(merge) != "restart" and column in open_cells:
                    open_cells[column].rowspan += 1
                else:
                    cell = Cell(text, column, span)
                    row.append(cell)
                    open_cells[column] = cell
                    if merge is None:
                        open_cells.pop(column)
                column += span
            rows.append(row)
        if graphics:  # a gallery: pictures with captions laid out in a table
            yield from graphics_with_captions(tbl, self, in_textbox)
            return
        yield Table(rows, header_rows)


def graphics_with_captions(tbl: Element, reader: _Reader, in_textbox: bool) -> Iterator[Item]:
    """Yield a gallery's pictures, each followed by its caption paragraph, cell by cell."""
    yield from (item for tc in tbl.iter(W + "tc") for item in reader.blocks(tc, in_textbox))


def read_outline(package: Package) -> Outline:
    """Return the outline of the package's main document part, its body streamed block by block (a Strict Open XML
    body or one with a DTD is refused by the reader)."""
    reader = _Reader(package)
    items: list[Item] = []
    for block in package.blocks(package.main_part, tags=_BODY_TAGS):
        items.extend(reader.block(block))  # read whole before the reader frees the block
    title = next((node for core in package.related("", "core-properties", missing_ok=True)
                  if (node := package.xml(core).find(DC + "title")) is not None), None)
    return Outline(items, (title.text or "").strip() if title is not None else "", sorted(reader.skipped))
