"""DrawingML chart parts (``c:chartSpace``) for native, editable Word charts: line, bar (grouped, stacked, either
direction), pie and donut, with caches of their numbers so every client draws them without opening the workbook.

Written as text in schema order. Every text property names an East Asian face (``a:ea``) beside the Latin one, so
Chinese labels never fall back to a Latin font; axis ids are small positive numbers (the schema rejects python-pptx's
negative ones); ``c:externalData`` points at the embedded workbook through the chart part's own relationship.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from annual_docx._ooxml.ns import A_NS, R_NS
from annual_docx._ooxml.ns import C_NS as C_NS
from annual_docx._ooxml.workbook import cell_range, number
from annual_docx._ooxml.xmltext import attr, solid_fill, text

ChartKind = Literal["line", "bar", "stacked_bar", "barh", "stacked_barh", "pie", "doughnut"]


@dataclass(frozen=True)
class Plot:
    """How a native chart kind is written (and read back, ``chart_in``): its ``c:plotArea`` element, and for bars
    their direction (``col`` upright, ``bar`` sideways) and whether the series stack."""

    element: str
    direction: str = "col"
    stacked: bool = False

    @property
    def round(self) -> bool:
        """Whether the chart is a pie or a ring: one colour per category, shares, no axes."""
        return self.element in ("pieChart", "doughnutChart")


PLOTS: Final[dict[ChartKind, Plot]] = {
    "line": Plot("lineChart"), "bar": Plot("barChart"), "stacked_bar": Plot("barChart", stacked=True),
    "barh": Plot("barChart", "bar"), "stacked_barh": Plot("barChart", "bar", stacked=True),
    "pie": Plot("pieChart"), "doughnut": Plot("doughnutChart"),
}
"""Every native chart kind the writer draws, declared once."""
CHART_KINDS: Final[tuple[ChartKind, ...]] = tuple(PLOTS)
Legend = Literal["top", "bottom", "right", "none"]

_CAT_AX: Final = 1001
_VAL_AX: Final = 1002
_HOLE: Final = 58  # the donut's hole, % of its diameter: the image charts' hole
_MARKERS: Final = ("circle", "square", "triangle", "diamond", "x", "star", "plus", "dash")
_DASHES: Final = ("solid", "dash", "dashDot", "sysDot")


@dataclass(frozen=True)
class ChartFonts:
    """Faces of chart text: ``east_asian`` for Chinese, ``latin`` for digits and Latin letters; sizes in points."""

    east_asian: str
    latin: str
    title_east_asian: str
    size_pt: float = 10.5
    small_pt: float = 9.0


@dataclass(frozen=True)
class ChartSpec:
    """Everything a native chart shows. ``colours`` (``#1f3a5f``) go one per series, or one per category for pie
    and donut; ``value_format`` is the Excel number format of the data labels (``General"人"``); ``note`` is a
    short text drawn top left (the unit: ``单位：万册次``); ``source`` a line under the chart."""

    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    colours: tuple[str, ...]
    fonts: ChartFonts
    width_mm: float
    height_mm: float
    alt_text: str
    value_format: str = "General"
    legend: Legend = "top"
    note: str = ""
    labels: bool = True
    source: str = ""  # 资料来源 note written under the chart (in the figure's paragraph, not in the chart)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _line(colour: str | None, width_emu: int = 9525, dash: str = "solid") -> str:
    if colour is None:
        return "<a:ln><a:noFill/></a:ln>"
    return f'<a:ln w="{width_emu}" cap="rnd">{solid_fill(colour)}<a:prstDash val="{dash}"/><a:round/></a:ln>'


def _rpr(fonts: ChartFonts, size_pt: float, colour: str = "#222222", *, east_asian: str | None = None,
         bold: bool = False) -> str:
    return (
        f'<a:defRPr sz="{round(size_pt * 100)}" b="{int(bold)}">{solid_fill(colour)}'
        f"<a:latin typeface={attr(fonts.latin)}/><a:ea typeface={attr(east_asian or fonts.east_asian)}/>"
        f"<a:cs typeface={attr(fonts.latin)}/></a:defRPr>"
    )


def _tx_pr(fonts: ChartFonts, size_pt: float, colour: str = "#222222", *, horizontal: bool = False) -> str:
    body = '<a:bodyPr rot="0" vert="horz"/>' if horizontal else "<a:bodyPr/>"
    return f"<c:txPr>{body}<a:lstStyle/><a:p><a:pPr>{_rpr(fonts, size_pt, colour)}</a:pPr>" \
           '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'


def _str_ref(ref: str, values: Sequence[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{text(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f'<c:strRef><c:f>{text(ref)}</c:f><c:strCache><c:ptCount val="{len(values)}"/>{points}</c:strCache>'
        "</c:strRef>"
    )


def _num_ref(ref: str, values: Sequence[float]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{number(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f"<c:numRef><c:f>{text(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>'
    )


def _d_lbls(spec: ChartSpec, position: str | None, *, percent: bool = False, colour: str = "#222222",
            points: dict[int, str] | None = None) -> str:
    """Return the data labels: values (and shares, ``percent``) in ``colour``; ``points`` gives single points
    another text colour (white on the dark wedges of a donut)."""
    if not spec.labels:
        return "<c:dLbls><c:delete val=\"1\"/></c:dLbls>"
    pos = f'<c:dLblPos val="{position}"/>' if position else ""
    # With shares shown, LibreOffice gives the number format to the share and Word may give it to the value: no
    # format then, so both clients write the count as is and the share as a whole percentage.
    fmt = "" if percent else f'<c:numFmt formatCode={attr(spec.value_format)} sourceLinked="0"/>'
    shows = (
        f'<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        f'<c:showPercent val="{int(percent)}"/><c:showBubbleSize val="0"/>'
        + ("<c:separator>\n</c:separator>" if percent else "")
    )
    no_box = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
    single = "".join(
        f'<c:dLbl><c:idx val="{i}"/>{fmt}{no_box}{_tx_pr(spec.fonts, spec.fonts.size_pt, ink)}{pos}{shows}</c:dLbl>'
        for i, ink in sorted((points or {}).items())
    )
    return (
        f"<c:dLbls>{single}{fmt}{no_box}{_tx_pr(spec.fonts, spec.fonts.size_pt, colour)}{pos}{shows}"
        + ('<c:showLeaderLines val="1"/>' if percent else "")
        + "</c:dLbls>"
    )


def _series(spec: ChartSpec, index: int) -> str:
    name, values = spec.series[index]
    last = len(spec.categories) + 1
    head = (
        f'<c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx>{_str_ref(cell_range(index + 1, 1, 1), [name])}</c:tx>"
    )
    refs = (
        f"<c:cat>{_str_ref(cell_range(0, 2, last), spec.categories)}</c:cat>"
        f"<c:val>{_num_ref(cell_range(index + 1, 2, last), values)}</c:val>"
    )
    colour = spec.colours[index % len(spec.colours)]
    plot = PLOTS[spec.kind]
    if plot.element == "lineChart":
        marker, dash = _MARKERS[index % len(_MARKERS)], _DASHES[index % len(_DASHES)]
        return (
            f"<c:ser>{head}<c:spPr>{_line(colour, 19050, dash)}</c:spPr>"
            f'<c:marker><c:symbol val="{marker}"/><c:size val="6"/>'
            f"<c:spPr>{solid_fill(colour)}{_line(colour)}</c:spPr></c:marker>"
            f'{_d_lbls(spec, "t")}{refs}<c:smooth val="0"/></c:ser>'
        )
    if plot.round:
        points = "".join(
            f'<c:dPt><c:idx val="{i}"/><c:bubble3D val="0"/><c:spPr>{solid_fill(spec.colours[i % len(spec.colours)])}'
            f"{_line('#FFFFFF', 15240)}</c:spPr></c:dPt>"
            for i in range(len(spec.categories))
        )
        position = "bestFit" if plot.element == "pieChart" else None  # a donut's labels take no position
        inks = {i: _text_on(spec.colours[i % len(spec.colours)]) for i in range(len(spec.categories))}
        white = {i: ink for i, ink in inks.items() if ink != "#222222"}
        return f"<c:ser>{head}{points}{_d_lbls(spec, position, percent=True, points=white)}{refs}</c:ser>"
    stacked = plot.stacked
    label_colour = _text_on(colour) if stacked else "#222222"
    return (
        f"<c:ser>{head}<c:spPr>{solid_fill(colour)}{_line(None)}</c:spPr><c:invertIfNegative val=\"0\"/>"
        f'{_d_lbls(spec, "ctr" if stacked else "outEnd", colour=label_colour)}{refs}</c:ser>'
    )


def _text_on(colour: str) -> str:
    """Return near-black or white, whichever reads better on ``colour``."""
    r, g, b = (int(_hex(colour)[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "#FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "#222222"


def _axes(spec: ChartSpec) -> str:
    plot = PLOTS[spec.kind]
    horizontal = plot.direction == "bar"
    bars = plot.element == "barChart"
    cat_pos, val_pos = ("l", "b") if horizontal else ("b", "l")
    orientation = "maxMin" if horizontal else "minMax"  # horizontal bars read top to bottom, as the images do
    grey = "#4D4D4D"
    category = (
        f'<c:catAx><c:axId val="{_CAT_AX}"/><c:scaling><c:orientation val="{orientation}"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{cat_pos}"/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f"<c:spPr>{_line(grey)}</c:spPr>{_tx_pr(spec.fonts, spec.fonts.size_pt, horizontal=True)}"
        f'<c:crossAx val="{_VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="1"/></c:catAx>'
    )
    gridlines = "" if bars else f"<c:majorGridlines><c:spPr>{_line('#D9D9D9', 6350)}</c:spPr></c:majorGridlines>"
    value = (
        f'<c:valAx><c:axId val="{_VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
        f'<c:delete val="{int(bars)}"/><c:axPos val="{val_pos}"/>{gridlines}'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f"<c:spPr>{_line(grey)}</c:spPr>{_tx_pr(spec.fonts, spec.fonts.small_pt)}"
        f'<c:crossAx val="{_CAT_AX}"/><c:crosses val="{"max" if horizontal else "autoZero"}"/>'
        f'<c:crossBetween val="between"/></c:valAx>'
    )
    return category + value


def _plot(spec: ChartSpec) -> str:
    series = "".join(_series(spec, i) for i in range(len(spec.series)))
    axis_ids = f'<c:axId val="{_CAT_AX}"/><c:axId val="{_VAL_AX}"/>'
    plot = PLOTS[spec.kind]
    if plot.element == "lineChart":
        body = f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}' \
               f'<c:marker val="1"/>{axis_ids}</c:lineChart>'
        return body + _axes(spec)
    if plot.element == "pieChart":
        return f'<c:pieChart><c:varyColors val="1"/>{series}<c:firstSliceAng val="0"/></c:pieChart>'
    if plot.element == "doughnutChart":
        return (
            f'<c:doughnutChart><c:varyColors val="1"/>{series}<c:firstSliceAng val="0"/>'
            f'<c:holeSize val="{_HOLE}"/></c:doughnutChart>'
        )
    stacked, direction = plot.stacked, plot.direction
    overlap = '<c:overlap val="100"/>' if stacked else '<c:overlap val="-10"/>'
    return (
        f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="{"stacked" if stacked else "clustered"}"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="{60 if stacked else 80}"/>{overlap}{axis_ids}'
        f"</c:barChart>{_axes(spec)}"
    )


def _note(spec: ChartSpec) -> str:
    """Return the unit note as the chart's title, placed top left and drawn over nothing (the heading or caption
    names the chart; the image charts write the unit there too)."""
    if not spec.note:
        return '<c:autoTitleDeleted val="1"/>'
    rpr = _rpr(spec.fonts, spec.fonts.small_pt, east_asian=spec.fonts.title_east_asian)
    return (
        f'<c:title><c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr>{rpr}</a:pPr>'
        f'<a:r><a:rPr lang="zh-CN"/><a:t>{text(spec.note)}</a:t></a:r></a:p></c:rich></c:tx>'
        '<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0.01"/><c:y val="0.01"/>'
        '</c:manualLayout></c:layout><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
    )


def _legend(spec: ChartSpec) -> str:
    if spec.legend == "none":
        return ""
    position = {"top": "t", "bottom": "b", "right": "r"}[spec.legend]
    return (
        f'<c:legend><c:legendPos val="{position}"/><c:overlay val="0"/>'
        f"{_tx_pr(spec.fonts, spec.fonts.size_pt)}</c:legend>"
    )


def chart_space(spec: ChartSpec, workbook_rid: str) -> bytes:
    """Return the chart part's XML for ``spec``; ``workbook_rid`` is the chart part's relationship to its workbook."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_note(spec)}<c:plotArea><c:layout/>{_plot(spec)}"
        f"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>{_legend(spec)}"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"<c:spPr>{solid_fill('#FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>{_tx_pr(spec.fonts, spec.fonts.size_pt)}"
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    )
    return xml.encode("utf-8")
