"""The content blocks a section (or an attachment) holds, as public Pydantic models: build a report in Python with
them, or read what :func:`annual_docx.load` and :func:`annual_docx.import_docx` give back.

>>> from annual_docx.blocks import TableBlock
>>> TableBlock(type="table", header=["项目", "数量"], rows=[["外借册次", 131000]]).rows
[['外借册次', 131000]]

Each block names its ``type``; :data:`ContentBlock` is the union of them all (the ``type`` key picks the model).
The models are defined in the package's private ``_model`` modules; this module is where they are public, and a
test keeps every member of :data:`ContentBlock` exported here.
"""

from __future__ import annotations

from annual_docx._model.schema_blocks import (
    CellValue,
    ChartBlock,
    ChronologyBlock,
    ContentBlock,
    Event,
    FormBlock,
    Indicator,
    IndicatorLabels,
    IndicatorsBlock,
    ListBlock,
    MergedCell,
    PageBreakBlock,
    ParagraphBlock,
    SeriesChart,
    TableBlock,
    TableSource,
)
from annual_docx._model.schema_figures import (
    AwardsBlock,
    Breakdown,
    BreakdownBlock,
    OrgChartBlock,
    PartyBlock,
    PhotosBlock,
)
from annual_docx._model.schema_official import Attachment, OfficialParts

__all__ = [
    "Attachment",
    "AwardsBlock",
    "Breakdown",
    "BreakdownBlock",
    "CellValue",
    "ChartBlock",
    "ChronologyBlock",
    "ContentBlock",
    "Event",
    "FormBlock",
    "Indicator",
    "IndicatorLabels",
    "IndicatorsBlock",
    "ListBlock",
    "MergedCell",
    "OfficialParts",
    "OrgChartBlock",
    "PageBreakBlock",
    "ParagraphBlock",
    "PartyBlock",
    "PhotosBlock",
    "SeriesChart",
    "TableBlock",
    "TableSource",
]
