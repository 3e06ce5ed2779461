"""Content blocks any section or attachment may hold: paragraphs, lists, tables, forms, statistics, charts,
chronologies and page breaks here; org charts, party branches, breakdowns, photos and honours in
:mod:`schema_figures`. Each block names its ``type``; :data:`ContentBlock` is the union of them all."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    field_serializer,
    field_validator,
    model_validator,
)

from annual_docx._charts._kinds import SeriesKindName
from annual_docx._charts._kinds import kind as chart_kind
from annual_docx._model.schema_figures import AwardsBlock, BreakdownBlock, OrgChartBlock, PartyBlock, PhotosBlock
from annual_docx._model.schema_parts import ENGINE_HELP as ENGINE_HELP
from annual_docx._model.schema_parts import BlockModel, WrittenFloat
from annual_docx._model.schema_parts import ChartEngine as ChartEngine
from annual_docx._model.schema_parts import resolve_path as resolve_path

Text = Annotated[str, Field(min_length=1)]


class MergedCell(BaseModel):
    """A table cell spanning several columns and/or rows: ``{text: 外借册次, colspan: 2}``."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    text: str | int | WrittenFloat = ""
    colspan: int = Field(1, ge=1, le=50)
    rowspan: int = Field(1, ge=1, le=1000)
    head: bool = Field(False, description="按表头样式（黑体）排 / set like a header cell, also in the body")
    align: Literal["left", "center", "right"] | None = Field(None, description="对齐 / alignment of this cell")


CellValue = str | int | WrittenFloat | None | MergedCell


_Block = BlockModel


class SeriesChart(BaseModel):
    """Figures over several labels (usually years) drawn as a line or bar chart: 外借册次 2016–2020; or one series
    over categories drawn as a pie (``pie``) or a ring with the total in the hole (``donut``)."""

    model_config = ConfigDict(defer_build=True)

    chart: SeriesKindName = "line"
    labels: list[Annotated[str, Field(min_length=1)] | int] = Field(min_length=1, description="横轴，如年份 / x labels")
    series: dict[str, list[Annotated[WrittenFloat, Field(ge=0, allow_inf_nan=False)]]] = Field(
        min_length=1, description="系列名 → 每个标签一个数值 / series name → one value per label"
    )
    unit: str = Field("", description="数值单位，如 万册次 / unit of the values")
    caption: str | None = None
    source: str | None = Field(None, description="图下注明的资料来源 / source note under the chart")
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)

    @model_validator(mode="after")
    def _one_value_per_label(self) -> SeriesChart:
        for name, values in self.series.items():
            if len(values) != len(self.labels):
                raise ValueError(
                    f"系列“{name}”有{len(values)}个数值，应与 labels 一样为{len(self.labels)}个"
                    f" / series {name!r} has {len(values)} values for {len(self.labels)} labels"
                )
        if chart_kind(self.chart).one_series:
            if len(self.series) != 1:
                raise ValueError(f"饼图只能有一个系列，现有{len(self.series)}个 / a pie chart takes one series, "
                                 f"not {len(self.series)}")
            if not any(v for values in self.series.values() for v in values):
                raise ValueError("饼图至少需要一个大于0的数值 / a pie chart needs a value above zero")
        return self


class ChartBlock(_Block, SeriesChart):
    """A line, bar or pie chart drawn from inline data, anywhere in a section or attachment."""

    type: Literal["chart"]
    title: Text = Field(description="图表名称（用于替代文字）/ what the chart shows, for its alt text")


class ParagraphBlock(_Block):
    """A body paragraph with inline emphasis: ``**加粗**`` in bold, ``*引文*`` in 楷体 (``\\*`` is a literal star)."""

    type: Literal["paragraph"]
    text: Text


class ListBlock(_Block):
    """A list: numbered ``1.`` / ``（1）`` paragraphs, or one ``一是……；二是……。`` sentence."""

    type: Literal["list"]
    style: Literal["1.", "（1）", "一是"] = Field("1.", description="编号样式 / numbering: 1. （1） or 一是")
    lead: str | None = Field(None, description="“一是”句式的引导语，如“主要做法：” / lead-in of a 一是 sentence")
    items: list[Text] = Field(min_length=1)


class TableSource(_Block):
    """A CSV file or .xlsx sheet whose first row is the header; the path is relative to the report file."""

    path: Path
    sheet: str | None = Field(None, description="工作表名称，默认第一个 / sheet name (default: the first)")

    _resolve = field_validator("path")(resolve_path)


class TableBlock(_Block):
    """A 公文 table: title above, header row repeated on each page, numbers right-aligned, optional totals row."""

    type: Literal["table"]
    title: str | None = Field(None, description="表题 / table title, shown above")
    header: list[str | MergedCell] | list[list[str | MergedCell]] | None = Field(
        None, description="表头：一行，或多行（可合并单元格）/ column headings: one row, or several with merged cells"
    )
    rows: list[list[CellValue]] | None = Field(None, description="数据行 / body rows")
    source: TableSource | None = Field(None, description="从 CSV/xlsx 读取 / read header and rows from a sheet")
    widths: list[Annotated[float, Field(gt=0)]] | None = Field(None, description="列宽比例 / relative widths")
    total: str | None = Field(None, description="合计行的标签，如“合计” / label of a totals row summing numbers")
    unit: str | None = Field(None, description="单位，显示在表题右侧 / unit, shown after the title")
    row_units: dict[str, Text] = Field(
        default_factory=dict,
        description="行名（第一列）→ 该行自己的单位，写在该行数字后，如 外借率: \"%\"（67%），不计入合计 / row label → "
                    "that row's own unit, written after its numbers, left out of the totals")
    text_size: Literal["四号", "小四", "五号", "小五"] = Field(
        "四号", description="表格文字字号；小于四号时单元格边距缩为1毫米 / text size; smaller sizes narrow the margins"
    )
    repeat_header: bool = Field(True, description="跨页时重复表头 / repeat the header rows on each new page")

    @model_validator(mode="after")
    def _one_source(self) -> TableBlock:
        if (self.source is None) == (self.header is None):
            raise ValueError("表格需要 header+rows 或 source 之一 / give either header and rows, or source")
        spans = any(isinstance(c, (MergedCell, list)) for c in self.header or []) or any(
            isinstance(c, MergedCell) for row in self.rows or [] for c in row)
        if self.header is not None and not spans:  # tables with merged cells are checked when laid out
            for i, row in enumerate(self.rows or []):
                if len(row) != len(self.header):
                    raise ValueError(f"rows[{i}] 有 {len(row)} 列，表头有 {len(self.header)} 列 / "
                                     f"rows[{i}] has {len(row)} cells, the header {len(self.header)}")
        return self


class FormBlock(_Block):
    """A key–value form (项目/内容), as 事业单位 reports tabulate their basic facts."""

    type: Literal["form"]
    title: str | None = None
    items: dict[str, str] = Field(min_length=1, description="项目 → 内容 / item → content")
    labels: tuple[str, str] = ("项目", "内容")


_IN_WAN = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*([万亿])\s*$")
_WAN_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_COUNT_SCHEMA = WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": _IN_WAN.pattern}]})
Count = Annotated[WrittenFloat, _COUNT_SCHEMA]
"""A count written as a number (``312000``, ``156.40`` keeping its written form) or in 万/亿 (``31.2万``)."""


class Indicator(_Block):
    """A statistic with this year's value and, optionally, last year's. A value may be written in 万 or 亿
    (``31.2万``): it counts as 312000 and is printed as written, not in the block's own 万 form (``31.20万``)."""

    name: Text = Field(description="指标 / indicator, e.g. 外借册次")
    value: Count = Field(description="本年数值，可写 31.2万 / this year's value; may be written as 31.2万")
    unit: str = Field("", description="单位；% 为比率，按百分点比较 / unit; % marks a rate, compared in 百分点")
    last_year: Count | None = Field(None, description="上年数值，可写 45.7万 / last year's value")
    _written: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _in_wan(cls, data: Any, handler: ModelWrapValidatorHandler[Indicator]) -> Indicator:
        written = {}
        if isinstance(data, dict):
            data = dict(data)
            for key in ("value", "last_year"):
                if isinstance(data.get(key), str) and (match := _IN_WAN.match(data[key])):
                    written[key] = f"{match[1]}{match[2]}"
                    data[key] = float(Decimal(match[1]) * _WAN_SCALE[match[2]])
        indicator = handler(data)
        indicator._written.update(written)
        return indicator

    @field_serializer("value", "last_year")
    def _as_written(self, value: float | None, info: FieldSerializationInfo) -> float | str | None:
        return self._written.get(info.field_name, value)

    def written(self, key: Literal["value", "last_year"]) -> str | None:
        """Return the value of ``key`` as written in 万 or 亿 (``31.2万``), or None when it was written as a number."""
        return self._written.get(key)


class IndicatorLabels(_Block):
    """统计表的列名 / the column labels of a statistics table: ``{last_year: 2015年, value: 2016年}``."""

    name: Annotated[str, Field(min_length=1, description="指标列 / the indicator column")] = "指标"
    last_year: Annotated[str, Field(min_length=1, description="上年列，如 2015年 / last year's column")] = "上年"
    value: Annotated[str, Field(min_length=1, description="本年列，如 2016年 / this year's column")] = "本年"
    change: Annotated[str, Field(min_length=1, description="变化列，如 增减 / the change column")] = "同比"


class IndicatorsBlock(_Block):
    """Statistics of the year: a table of 指标 / 上年 / 本年 / 同比 with phrases such as 增长8.3%; rates (unit %)
    change in 百分点."""

    type: Literal["indicators"]
    title: str | None = None
    indicators: list[Indicator] | None = Field(None, min_length=1)
    source: TableSource | None = Field(
        None, description="从 CSV/xlsx 读取，列为 指标、单位、本年、上年 / read from a sheet with those columns"
    )
    wan_from: int = Field(10_000, ge=1, description="从多少起用“万”表示 / write values from this size in 万")
    labels: IndicatorLabels = Field(IndicatorLabels.model_construct(), description="列名 / column labels")
    unit_in: Literal["value", "name"] = Field(
        "value", description="单位写在数值后（13.10万册次）或指标名后（外借册次（册次））/ unit after each value or in "
                             "the row name")
    change: Literal["words", "signed", "none"] = Field(
        "words", description="变化列：增长3.0%/提高1个百分点（words），+3.0%/+1个百分点（signed），或不要（none）/ "
                             "the change column as words, signed, or none")
    summary: bool | str = Field(
        False, description="表前加一句概述，可写引导语如“全年”/ a sentence of prose before the table, with an "
                           "optional lead-in")

    @model_validator(mode="after")
    def _one_source(self) -> IndicatorsBlock:
        if (self.source is None) == (self.indicators is None):
            raise ValueError("统计需要 indicators 或 source 之一 / give either indicators or source")
        return self


class Event(_Block):
    """One entry of a chronology: a date as written (``1月5日``) and what happened."""

    date: Text
    event: Text


class ChronologyBlock(_Block):
    """大事记: dated events in order."""

    type: Literal["chronology"]
    events: list[Event] = Field(min_length=1)


class PageBreakBlock(_Block):
    """Start the next block on a new page."""

    type: Literal["page_break"]


ContentBlock = Annotated[
    ParagraphBlock | ListBlock | TableBlock | FormBlock | IndicatorsBlock | ChronologyBlock | ChartBlock
    | OrgChartBlock | PartyBlock | BreakdownBlock | PhotosBlock | AwardsBlock | PageBreakBlock,
    Field(discriminator="type"),
]
"""Any block: the ``type`` key picks the model."""
