"""A :class:`GovinfoReport` as an ordinary :class:`~annual_docx.schema.Report`: six numbered sections, the prose of
一、五、六 as sections (with their subsections) and tables 二、三、四 as table blocks, rendered like any report."""

from __future__ import annotations

from typing import Any

from annual_docx.govinfo import tables
from annual_docx.govinfo.model import GovinfoReport, Prose
from annual_docx.schema import Report

_NUMBERING = {
    "（一）": ["一、", "（一）", "1.", "（1）"],
    "1.": ["一、", "1.", "（1）"],
    "无": ["一、", "无", "1.", "（1）"],
}


def _prose(title: str, prose: Prose) -> dict[str, Any]:
    return {"title": title, "paragraphs": list(prose.paragraphs), "blocks": list(prose.blocks),
            "sections": list(prose.sections), "closing": list(prose.closing)}


def to_report(report: GovinfoReport) -> Report:
    """Return ``report`` as a Report whose six sections carry the prose and the three national tables."""
    figures = report.figures
    table_blocks = (tables.table2(figures), tables.table3(figures), tables.table4(figures))
    sections = [
        _prose(report.heading(0), report.overview),
        *({"title": report.heading(i), "blocks": [block]} for i, block in enumerate(table_blocks, 1)),
        _prose(report.heading(4), report.problems),
        _prose(report.heading(5), report.other),
    ]
    return Report.model_validate({
        "organisation": report.organisation,
        "year": report.year,
        "title": report.full_title,
        "opening": list(report.opening),
        "sections": sections,
        "numbering": _NUMBERING[report.subheading_numbering],
        "chart_font": report.chart_font,
        "signature": report.signature,
        "date": report.date,
        "official": report.official,
    })
