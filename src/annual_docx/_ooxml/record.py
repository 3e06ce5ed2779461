"""Pin the 版记 (抄送, 印发机关 and 印发日期) to the bottom of the last page (GB/T 9704-2012 7.4).

The template lays the 版记 out as ordinary ``RecordCc`` / ``RecordPrint`` paragraphs, so agencies restyle them in
Word like any other text. Before rendering, :func:`take_record` takes them out of the template; they are rendered
on their own, and :func:`record_box` puts them into a one-column table whose rules are the 版记's separators (first
and last 0.35 mm, the one between 0.25 mm, each as wide as the 版心) and puts the table in a borderless text box
anchored to the bottom of the 版心 with top-and-bottom wrapping, and :func:`end_body` anchors the box in the
document's last paragraph as docxtpl builds the body. Word, WPS and LibreOffice all place such a box on the page of
its anchor, so the 版记's last rule lands on the last line of the last page, and body text that would run into it
moves on to a new page.
(Frames, floating tables and bottom-aligned sections were tried first: LibreOffice 7.4 ignores all three.)
"""

from __future__ import annotations

import math
import re
import unicodedata

from lxml import etree

from annual_docx._ooxml.ns import A_NS, MC_NS, W_NS, WP_NS, WPS_NS
from annual_docx._ooxml.props import Element, el, make, qn, style_id
from annual_docx._ooxml.table import TYPE_WIDTH
from annual_docx.gbt9704 import LINE  # twips: one line of the 22-line grid

RECORD_STYLES = ("RecordCc", "RecordPrint")
THICK, THIN = 8, 6  # eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm
TAIL = 20  # twips: the empty paragraph Word requires after the table in the text box
RECORD_PT = 14  # 四号
EMU_PER_TWIP = 635
_WP = WP_NS
_A = A_NS
_WPS = WPS_NS
_MC = MC_NS
BOX_NAME = "版记"


def _ns(uri: str, tag: str, attrs: dict[str, str | int] | None = None, *children: Element | None) -> Element:
    return make(f"{{{uri}}}{tag}", attrs, *children)


def _wp(tag: str, attrs: dict[str, str | int] | None = None, *children: Element | None) -> Element:
    return _ns(_WP, tag, attrs, *children)


def _a(tag: str, attrs: dict[str, str | int] | None = None, *children: Element | None) -> Element:
    return _ns(_A, tag, attrs, *children)


def _wps(tag: str, attrs: dict[str, str | int] | None = None, *children: Element | None) -> Element:
    return _ns(_WPS, tag, attrs, *children)


def paragraph_text(paragraph: Element) -> str:
    """Return the text of ``paragraph``'s runs, tabs as ``\t`` and line breaks as ``\n`` (``itertext`` repeats text
    on python-docx elements)."""
    marks = {"tab": "\t", "br": "\n", "cr": "\n"}
    return "".join(marks.get(etree.QName(node).localname, node.text or "")
                   for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")))


def type_width(body: Element) -> int:
    """Return the width of the 版心 in twips, from the body's section properties (the template's if restyled)."""
    size, margins = body.find(f"{qn('w:sectPr')}/{qn('w:pgSz')}"), body.find(f"{qn('w:sectPr')}/{qn('w:pgMar')}")
    edges = ((size, "w:w"), (margins, "w:left"), (margins, "w:right"))
    values = [None if e is None else e.get(qn(a)) for e, a in edges]
    if not all(v and v.isdigit() for v in values):
        return TYPE_WIDTH
    page, left, right = (int(v or 0) for v in values)
    return page - left - right


def text_lines(text: str, width_twips: int, indent_chars: float = 1, hanging_chars: float = 0) -> int:
    """Return how many lines of 四号 text ``text`` takes in a ``width_twips`` cell, counting wide characters as one
    character and narrow ones as half, with ``indent_chars`` on both sides and continuation lines indented a further
    ``hanging_chars`` (the 抄送 line's continuation starts under the first organ after the colon); ``\n`` is a line
    break."""
    per_char = RECORD_PT * 20
    first = math.floor(width_twips / per_char - 2 * indent_chars)  # whole characters: a line breaks between them
    rest = first - math.ceil(hanging_chars)
    lines = 0
    for n, piece in enumerate(text.split("\n")):
        room = first if n == 0 else rest
        units = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in piece if c != "\t")
        lines += 1 if units <= room or rest <= 0 else 1 + math.ceil((units - room) / rest - 1e-9)
    return lines


def _row(paragraph: Element, width: int, height: int) -> Element:
    return el(
        "w:tr", None,
        el("w:trPr", None, el("w:cantSplit"), el("w:trHeight", {"w:val": height, "w:hRule": "exact"})),
        el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                            el("w:vAlign", {"w:val": "center"})), paragraph),
    )


def record_table(paragraphs: list[Element], width: int) -> tuple[Element, int]:
    """Return the 版记 table holding ``paragraphs`` (one row each) and its height in twips: a whole number of grid
    lines less the paragraph that follows it in the box. Its top and bottom rules are thick and the rules between
    rows thin, so a 版记 without 抄送 is still framed by two thick rules."""
    rule: dict[str, str | int] = {"w:val": "single", "w:space": 0, "w:color": "000000"}
    borders = el("w:tblBorders", None,
                 el("w:top", {**rule, "w:sz": THICK}), el("w:left", {"w:val": "nil"}),
                 el("w:bottom", {**rule, "w:sz": THICK}), el("w:right", {"w:val": "nil"}),
                 el("w:insideH", {**rule, "w:sz": THIN}), el("w:insideV", {"w:val": "nil"}))
    margins = el("w:tblCellMar", None, el("w:left", {"w:w": 0, "w:type": "dxa"}),
                 el("w:right", {"w:w": 0, "w:type": "dxa"}))
    properties = el("w:tblPr", None, el("w:tblW", {"w:w": width, "w:type": "dxa"}), el("w:jc", {"w:val": "center"}),
                    borders, el("w:tblLayout", {"w:type": "fixed"}), margins,
                    el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                     "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}))
    rows = []
    total = 0
    for n, p in enumerate(paragraphs, start=1):
        text = paragraph_text(p)
        hanging = text.index("：") + 1 if style_id(p) == "RecordCc" and "：" in text else 0
        height = LINE * text_lines(text, width, hanging_chars=hanging) - (TAIL if n == len(paragraphs) else 0)
        rows.append(_row(p, width, height))
        total += height
    return el("w:tbl", None, properties, el("w:tblGrid", None, el("w:gridCol", {"w:w": width})), *rows), total


def bottom_box(content: list[Element], width: int, height: int, drawing_id: int, alt: str) -> Element:
    """Return a run holding a borderless text box of ``content``, ``width`` × ``height`` twips, centred on the
    版心 and sitting on its bottom edge, with text wrapping above and below it only."""
    cx, cy = width * EMU_PER_TWIP, height * EMU_PER_TWIP
    no_inset = {"lIns": 0, "tIns": 0, "rIns": 0, "bIns": 0}
    shape = _wps(
        "wsp", None,
        _wps("cNvSpPr", {"txBox": 1}),
        _wps("spPr", None,
             _a("xfrm", None, _a("off", {"x": 0, "y": 0}), _a("ext", {"cx": cx, "cy": cy})),
             _a("prstGeom", {"prst": "rect"}, _a("avLst")), _a("noFill"), _a("ln", None, _a("noFill"))),
        _wps("txbx", None, el("w:txbxContent", None, *content)),
        _wps("bodyPr", {"rot": 0, "vert": "horz", "wrap": "square", **no_inset, "anchor": "b", "anchorCtr": 0},
             _a("noAutofit")),
    )
    anchor = _wp(
        "anchor",
        {"distT": 0, "distB": 0, "distL": 0, "distR": 0, "simplePos": 0, "relativeHeight": 251659264,
         "behindDoc": 0, "locked": 1, "layoutInCell": 1, "allowOverlap": 0},
        _wp("simplePos", {"x": 0, "y": 0}),
        _wp("positionH", {"relativeFrom": "margin"}, _text(_wp("align"), "center")),
        _wp("positionV", {"relativeFrom": "margin"}, _text(_wp("align"), "bottom")),
        _wp("extent", {"cx": cx, "cy": cy}),
        _wp("effectExtent", {"l": 0, "t": 0, "r": 0, "b": 0}),
        _wp("wrapTopAndBottom"),
        _wp("docPr", {"id": drawing_id, "name": BOX_NAME, "descr": alt}),
        _wp("cNvGraphicFramePr"),
        _a("graphic", None, _a("graphicData", {"uri": _WPS}, shape)),
    )
    choice = _ns(_MC, "Choice", {"Requires": "wps"}, el("w:drawing", None, anchor))
    alternate = etree.Element(f"{{{_MC}}}AlternateContent", nsmap={"mc": _MC, "wps": _WPS})
    alternate.append(choice)
    return el("w:r", None, alternate)


def _text(element: Element, text: str) -> Element:
    element.text = text
    return element


def take_record(body: Element) -> list[Element]:
    """Remove the 版记 paragraphs from ``body`` and return them (none when the report has no 版记)."""
    paragraphs = [p for p in body.iterchildren(qn("w:p")) if style_id(p) in RECORD_STYLES]
    for p in paragraphs:
        body.remove(p)
    return paragraphs


def record_box(rendered: list[str], width: int, drawing_id: int) -> str:
    """Return the run markup of the text box (drawing ``drawing_id``) holding the rendered 版记 paragraphs (those
    with text) in a ``width``-twip table, to be pinned to the bottom of the page of the body's last paragraph, which
    is the last page; "" when no paragraph has text."""
    paragraphs = [p for p in (etree.fromstring(xml) for xml in rendered) if paragraph_text(p)]
    if not paragraphs:
        return ""
    table, height = record_table(paragraphs, width)
    # Word wants a paragraph after a table, also in a text box; a 1-twip one adds nothing to the height
    tail = el("w:p", None, el("w:pPr", None, el("w:snapToGrid", {"w:val": 0}),
                              el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": TAIL, "w:lineRule": "exact"}),
                              el("w:rPr", None, el("w:sz", {"w:val": 2}), el("w:szCs", {"w:val": 2}))))
    alt = "版记：" + "；".join(paragraph_text(p).replace("\t", " ") for p in paragraphs)
    run = etree.Element(qn("w:r"), nsmap={"w": _W, "wp": _WP, "a": _A, "wps": _WPS, "mc": _MC})
    run.extend(bottom_box([table, tail], width, height + TAIL, drawing_id, alt))  # prefixes fixed, not ns0
    return etree.tostring(run, encoding="unicode")


_W = W_NS
_LAST_EMPTY_PARAGRAPH = re.compile(r"<w:p(\s[^>]*)?/>$")


def end_body(body_xml: str, box: str) -> str:
    """Return the rendered body ``body_xml`` with ``box`` (run markup, may be "") as the last run of its last
    paragraph; when a table ends the body an empty paragraph follows it (Word wants a paragraph there) and holds
    the box. Only the end of the text is looked at: the body is not parsed."""
    end = body_xml.rfind("</w:body>")
    sect = body_xml.rfind("<w:sectPr", 0, end)
    cut = sect if sect > max(body_xml.rfind("</w:p>", 0, end), body_xml.rfind("</w:tbl>", 0, end)) else end
    content = body_xml[:cut].rstrip()
    rest = body_xml[len(content):]
    if content.endswith("</w:p>") and box:
        return f"{content[:-6]}{box}</w:p>{rest}"
    empty = _LAST_EMPTY_PARAGRAPH.search(content)
    if empty and box:
        return f"{content[:empty.start()]}<w:p{empty.group(1) or ''}>{box}</w:p>{rest}"
    if content.endswith("</w:tbl>") or (box and not content.endswith("</w:p>") and not empty):
        return f"{content}<w:p>{box}</w:p>{rest}"
    return body_xml
