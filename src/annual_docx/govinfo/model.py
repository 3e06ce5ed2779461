"""The 政府信息公开工作年度报告 as data: organ, year, the prose of sections 一、五、六 and the numbers of tables
二、三、四.

The tables' labels are not data: the library prints the national ones. The data holds only numbers, each row named by
its national label or its number (see :mod:`.keys`); rows left out are 0, and totals left out are computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, WithJsonSchema, field_validator

from annual_docx._model.schema_blocks import ContentBlock, resolve_path
from annual_docx._model.schema_lint import LintSettings
from annual_docx._model.schema_official import OfficialParts

if TYPE_CHECKING:
    from annual_docx.errors import Problem
    from annual_docx.schema import Report
from annual_docx._model.schema_parts import MODEL_CONFIG, new_dict, new_list
from annual_docx.govinfo import keys
from annual_docx.govinfo import labels as L
from annual_docx.schema import ChartFont, Section, Text, _default_kind

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")
_NUMBERS_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"},
                             {"type": "array", "items": {"type": ["number", "string", "null"]}}]}
_ROWS_SCHEMA = WithJsonSchema({"type": "object", "additionalProperties": _NUMBERS_SCHEMA})
_TREE_SCHEMA = WithJsonSchema({"type": "object",
                               "additionalProperties": {"anyOf": [_NUMBERS_SCHEMA, {"type": "object"}]}})


class _Model(BaseModel):
    model_config = MODEL_CONFIG


def _as_paragraphs(value: Any) -> Any:
    """Accept a string or a list of strings as a section's paragraphs."""
    if isinstance(value, str):
        return {"paragraphs": [value]}
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {"paragraphs": value}
    return value


class Prose(_Model):
    """The text of section 一、五 or 六, built like any report's section: paragraphs, blocks, subsections (（一）…, up
    to three levels below), closing blocks."""

    paragraphs: list[Text] = Field(default_factory=new_list, description="段落 / paragraphs under the heading")
    blocks: list[ContentBlock] = Field(default_factory=new_list, description="段落之后的内容块 / blocks after them")
    sections: list[Section] = Field(default_factory=new_list, description="下级节（一）（二）…… / subsections")
    closing: list[ContentBlock] = Field(default_factory=new_list, description="下级节之后的内容块 / closing blocks")

    _sections_kind = field_validator("sections", mode="before")(_default_kind)


class GovinfoReport(_Model):
    """A 政府信息公开工作年度报告 in the national format of 国办公开办函〔2021〕30号."""

    kind: Literal["govinfo"] = Field(description="报告类型 / report type: govinfo")
    organisation: Text = Field(description="行政机关名称 / the administrative organ, e.g. 某某县文化和旅游局")
    year: int = Field(ge=2008, le=2100, description="报告年度 / the year reported on")
    title: str | None = Field(None, description="标题；默认 {organisation}{year}年政府信息公开工作年度报告 / title")
    opening: list[Text] = Field(default_factory=new_list, description="开头段落（依据、统计期限）/ opening paragraphs")
    overview: Prose = Field(description="一、总体情况 / section 一")
    proactive: Annotated[dict[str, tuple[Decimal, ...]], _ROWS_SCHEMA] = Field(
        default_factory=new_dict, description="表二 主动公开：行名 → 数字 / table 二: row → numbers")
    requests: Annotated[dict[tuple[str, ...], tuple[Decimal, ...]], _TREE_SCHEMA] = Field(
        default_factory=new_dict, description="表三 依申请公开：行名 → 7个数 / table 三: row → seven numbers")
    reviews: Annotated[dict[str, tuple[Decimal, ...]], _ROWS_SCHEMA] = Field(
        default_factory=new_dict, description="表四 复议诉讼：行政复议等 → 5个数 / table 四: group → five numbers")
    problems: Prose = Field(description="五、存在的主要问题及改进情况 / section 五")
    other: Prose = Field(description="六、其他需要报告的事项（含信息处理费）/ section 六")
    headings: dict[Literal["一", "二", "三", "四", "五", "六"], Text] = Field(
        default_factory=new_dict,
        description="改用的节标题，如 四: 因政府信息公开工作被申请行政复议、提起行政诉讼情况 / other headings")
    subheading_numbering: Literal["（一）", "1.", "无"] = Field(
        "（一）", description="小标题序号；“无”时序号写在小标题里 / sub-heading numbers; 无: write your own")
    workbook: Path | None = Field(None, description="表二至表四的数据工作簿（.xlsx）/ workbook with the tables")
    chart_font: ChartFont | None = Field(None, description="图表字体 / chart font")
    signature: str | None = Field(None, description="署名 / signing organ")
    date: dt.date | None = Field(None, description="成文日期 / date of the document")
    official: OfficialParts | None = Field(None, description="版头、主送、附件、版记 / official parts")
    lint: LintSettings = Field(
        default_factory=LintSettings.model_construct, description="不再提示的检查警告 / silenced lint warnings"
    )

    _prose = field_validator("overview", "problems", "other", mode="before",
                             json_schema_input_type=Prose | list[str] | str)(_as_paragraphs)

    @field_validator("opening", mode="before")
    @classmethod
    def _opening(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("proactive", mode="before")
    @classmethod
    def _table2(cls, value: Any) -> Any:
        return keys.table2(value)

    @field_validator("requests", mode="before")
    @classmethod
    def _table3(cls, value: Any) -> Any:
        return keys.table3(value)

    @field_validator("reviews", mode="before")
    @classmethod
    def _table4(cls, value: Any) -> Any:
        return keys.table4(value)

    @field_validator("workbook")
    @classmethod
    def _resolve(cls, path: Path | None, info: ValidationInfo) -> Path | None:
        return resolve_path(path, info) if path is not None else None

    @property
    def full_title(self) -> str:
        """Return the title, or the default ``{organisation}{year}年政府信息公开工作年度报告``."""
        return self.title or f"{self.organisation}{self.year}年政府信息公开工作年度报告"

    def heading(self, index: int) -> str:
        """Return the heading of section ``index`` (0 = 一): the agency's wording or the national one."""
        given = {str(number): title for number, title in self.headings.items()}
        return given.get(SECTION_NUMBERS[index], L.HEADINGS[index])

    @property
    def figures(self) -> Figures:
        """Return every number of the three tables, rows left out as 0 and totals left out computed."""
        return Figures.of(self)

    def as_report(self) -> Report:
        """Return the ordinary Report this report renders as: six numbered sections, the tables as forms (the
        :class:`~annual_docx.ReportKind` protocol)."""
        from annual_docx.govinfo.convert import to_report

        return to_report(self)

    def lint_warnings(self, *, silenced: bool = False) -> list[Problem]:
        """Return the warnings of any report under the govinfo field paths, and its own: numbers quoted in the text
        against the tables, headings not in the national wording."""
        from annual_docx.govinfo.lint import lint

        return lint(self, silenced=silenced)


Numbers = tuple[Decimal, ...]
ZERO = Decimal(0)


@dataclass(frozen=True)
class Figures:
    """The full tables: every row of 二 (zeros where left out), the 25 × 7 numbers of 三, the 3 × 5 of 四."""

    table2: dict[str, Numbers]
    table3: dict[tuple[str, ...], Numbers]
    table4: dict[str, Numbers]

    @classmethod
    def of(cls, report: GovinfoReport) -> Figures:
        """Return the figures of ``report``."""
        table2 = {row: report.proactive.get(row, (ZERO,) * len(block.columns))
                  for block in L.TABLE2 for row in block.rows}
        table3: dict[tuple[str, ...], Numbers] = {}
        for path in L.ROWS3:
            row = report.requests.get(path, (ZERO,) * 6)
            table3[path] = row if len(row) == 7 else (*row, sum(row, ZERO))
        total_path = next(p for p in L.ROWS3 if p[-1] == L.OUTCOME_TOTAL)
        if total_path not in report.requests:
            table3[total_path] = tuple(sum((table3[p][c] for p in L.OUTCOME_ROWS), ZERO) for c in range(7))
        table4 = {}
        for group in L.GROUPS4:
            row = report.reviews.get(group, (ZERO,) * 4)
            table4[group] = row if len(row) == 5 else (*row, sum(row, ZERO))
        return cls(table2, table3, table4)
