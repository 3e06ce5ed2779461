"""Editable drawings made of Word shapes: boxes with text and connector lines grouped into one inline drawing
(``wpg:wgp``), as the native org and party charts use. The text in the boxes stays text Word and WPS can edit.

Coordinates are millimetres from the drawing's top left. Box text names its East Asian face (``w:eastAsia``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from annual_docx._ooxml.ns import A_NS, MC_NS, W_NS, WP_NS, WPG_NS, WPS_NS
from annual_docx._ooxml.xmltext import attr, emu, solid_fill, text

_NAMESPACES: Final = (
    f'xmlns:w="{W_NS}" '
    f'xmlns:mc="{MC_NS}" '
    f'xmlns:wp="{WP_NS}" '
    f'xmlns:a="{A_NS}" '
    f'xmlns:wpg="{WPG_NS}" '
    f'xmlns:wps="{WPS_NS}"'
)
_GROUP_URI: Final = WPG_NS


@dataclass(frozen=True)
class Box:
    """A rectangle with centred lines of text; ``bold_first`` sets the first line bold; ``vertical`` stacks the
    characters top to bottom, columns right to left (``eaVert``)."""

    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    fill: str
    edge: str
    bold_first: bool = False
    vertical: bool = False


@dataclass(frozen=True)
class Line:
    """A straight connector from (x1, y1) to (x2, y2); ``dashed`` draws it dotted."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    dashed: bool = False


@dataclass(frozen=True)
class Drawing:
    """A group of boxes and lines, ``width`` × ``height`` mm, with its alt text and the text's faces and size."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]
    alt_text: str
    east_asian: str
    latin: str
    size_pt: float
    first_id: int = 2  # ids of the shapes count up from here; a document gives each drawing its own range
    doc_pr_id: int = 1  # the group's drawing id, unique in the document (the renderer numbers every drawing)


def _xfrm(x: float, y: float, cx: float, cy: float, flip_v: bool = False) -> str:
    flip = ' flipV="1"' if flip_v else ""
    return f'<a:xfrm{flip}><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(cx)}" cy="{emu(cy)}"/></a:xfrm>'


def _line_shape(n: int, line: Line) -> str:
    x, y = min(line.x1, line.x2), min(line.y1, line.y2)
    flip = (line.x2 - line.x1) * (line.y2 - line.y1) < 0  # rising from left to right
    dash = '<a:prstDash val="sysDot"/>' if line.dashed else ""
    return (
        f'<wps:wsp><wps:cNvPr id="{n}" name="连线 {n}"/><wps:cNvCnPr/><wps:spPr>'
        f"{_xfrm(x, y, abs(line.x2 - line.x1), abs(line.y2 - line.y1), flip)}"
        f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="10160">{solid_fill(line.colour)}{dash}</a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp>"
    )


def _paragraph(line: str, drawing: Drawing, bold: bool) -> str:
    half_points = round(drawing.size_pt * 2)
    fonts = f"<w:rFonts w:ascii={attr(drawing.latin)} w:hAnsi={attr(drawing.latin)} " \
            f"w:eastAsia={attr(drawing.east_asian)}/>"
    return (
        '<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>'
        f"<w:r><w:rPr>{fonts}{'<w:b/>' if bold else ''}<w:snapToGrid w:val=\"0\"/><w:color w:val=\"222222\"/>"
        f"<w:sz w:val=\"{half_points}\"/>"
        f'<w:szCs w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">{text(line)}</w:t></w:r></w:p>'
    )


def _box_shape(n: int, box: Box, drawing: Drawing) -> str:
    paragraphs = "".join(_paragraph(line, drawing, box.bold_first and i == 0) for i, line in enumerate(box.lines))
    vertical = ' vert="eaVert"' if box.vertical else ""
    return (
        f'<wps:wsp><wps:cNvPr id="{n}" name="文本框 {n}"/><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'{_xfrm(box.x, box.y, box.width, box.height)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'{solid_fill(box.fill)}<a:ln w="11430">{solid_fill(box.edge)}</a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>"
        f'<wps:bodyPr rot="0"{vertical} wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
        "<a:noAutofit/></wps:bodyPr></wps:wsp>"
    )


def group_run(drawing: Drawing) -> str:
    """Return a ``w:r`` holding the drawing as one inline group of shapes with its ``doc_pr_id``."""
    shapes: Sequence[str] = [
        *(_line_shape(n, line) for n, line in enumerate(drawing.lines, start=drawing.first_id)),
        *(_box_shape(n, box, drawing)
          for n, box in enumerate(drawing.boxes, start=drawing.first_id + len(drawing.lines))),
    ]
    cx, cy = emu(drawing.width), emu(drawing.height)
    return (
        f"<w:r {_NAMESPACES}><mc:AlternateContent><mc:Choice Requires=\"wpg\"><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"<wp:docPr id=\"{drawing.doc_pr_id}\" name={attr(drawing.alt_text[:40])} descr={attr(drawing.alt_text)}/>"
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{_GROUP_URI}"><wpg:wgp><wpg:cNvGrpSpPr/>'
        f'<wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>{"".join(shapes)}</wpg:wgp></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing></mc:Choice></mc:AlternateContent></w:r>"
    )


def group_run_markup(drawing: Drawing) -> str:
    """Return the markup docxtpl splices into ``{{ image }}`` for the drawing: the text run closed, the group's run
    (declaring the namespaces the template's root lacks), a text run reopened."""
    return f'</w:t></w:r>{group_run(drawing)}<w:r><w:t xml:space="preserve">'


@dataclass(frozen=True)
class NativeDrawing:
    """A drawing placed by ``{{ b.image }}``."""

    drawing: Drawing

    @property
    def alt(self) -> str:
        """Return the drawing's alt text."""
        return self.drawing.alt_text

    def __html__(self) -> str:
        return group_run_markup(self.drawing)

    def __str__(self) -> str:
        return self.__html__()
