"""Put a native chart into a .docx: a chart part and its embedded workbook in the package, and the ``wp:inline``
drawing that shows it in the body.

Part names count up in the order charts are placed (``/word/charts/chart1.xml`` with
``/word/embeddings/Microsoft_Excel_Worksheet1.xlsx``), so the same report gives the same package.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

from annual_docx._ooxml.chart import ChartSpec, chart_space
from annual_docx._ooxml.ns import A_NS, C_NS, R_NS
from annual_docx._ooxml.ns import WP_NS as WP_NS
from annual_docx._ooxml.workbook import workbook
from annual_docx._ooxml.xmltext import attr, emu, text

CHART_CT: Final = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_RT: Final = f"{R_NS}/chart"
PACKAGE_RT: Final = f"{R_NS}/package"


def add_chart_part(part: Any, spec: ChartSpec) -> str:
    """Add the chart part of ``spec`` and its workbook to ``part``'s package, related to ``part`` (the document
    or a header being rendered); return the relationship id the drawing names."""
    from docx.opc.part import Part

    package = part.package
    chart = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_CT, b"", package)
    rid: str = part.relate_to(chart, CHART_RT)
    book = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), XLSX_CT,
                workbook(spec.categories, spec.series), package)
    chart._blob = chart_space(spec, chart.relate_to(book, PACKAGE_RT))
    return rid


def chart_inline(rid: str, spec: ChartSpec, doc_pr_id: int = 1) -> str:
    """Return the ``wp:inline`` drawing of a chart part, sized to ``spec``, described by its alt text, with the
    drawing id ``doc_pr_id`` (unique in the document: the renderer numbers every drawing when it builds the
    context)."""
    cx, cy = emu(spec.width_mm), emu(spec.height_mm)
    name = attr(spec.alt_text[:40])
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP_NS}">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"<wp:docPr id=\"{doc_pr_id}\" name={name} descr={attr(spec.alt_text)}/><wp:cNvGraphicFramePr/>"
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
        f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
    )


def chart_run_markup(inline: str, spec: ChartSpec) -> str:
    """Return the run markup docxtpl splices into ``{{ image }}`` for a chart's ``wp:inline``, with the chart's
    source note on a line of its own below it (9 pt, as the picture charts write it)."""
    note = ""
    if spec.source:
        fonts = f'<w:rFonts w:ascii={attr(spec.fonts.latin)} w:hAnsi={attr(spec.fonts.latin)} ' \
                f'w:eastAsia={attr(spec.fonts.east_asian)}/>'
        size = round(spec.fonts.small_pt * 2)
        note = (f'<w:r><w:rPr>{fonts}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:br/>'
                f'<w:t xml:space="preserve">{text(spec.source)}</w:t></w:r>')
    return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r>{note}<w:r><w:t xml:space="preserve">'


@dataclass(frozen=True)
class NativeChart:
    """A chart placed by ``{{ b.image }}``: rendering it adds the chart part to the part being rendered."""

    tpl: Any  # the DocxTemplate being rendered
    spec: ChartSpec
    doc_pr_id: int = 1

    @property
    def alt(self) -> str:
        """Return the chart's alt text."""
        return self.spec.alt_text

    def __html__(self) -> str:
        rid = add_chart_part(self.tpl.current_rendering_part, self.spec)
        return chart_run_markup(chart_inline(rid, self.spec, self.doc_pr_id), self.spec)

    def __str__(self) -> str:
        return self.__html__()


SHAPE_IDS_PER_DRAWING: Final = 100_000


def native_figure(tpl: Any, spec: Any, number: int, doc_pr_id: int) -> Any:
    """Return what ``{{ b.image }}`` places for the ``number``-th (from 1) native figure of a document, as drawing
    ``doc_pr_id``: a chart part for a ChartSpec, a group of shapes for a Drawing, its shape ids in a range of their
    own."""
    from annual_docx._ooxml.shapes import Drawing, NativeDrawing

    if isinstance(spec, Drawing):
        return NativeDrawing(replace(spec, first_id=number * SHAPE_IDS_PER_DRAWING, doc_pr_id=doc_pr_id))
    return NativeChart(tpl, spec, doc_pr_id)
