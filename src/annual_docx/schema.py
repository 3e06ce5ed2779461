"""Pydantic models of an annual work report (工作年报): the report, its sections and their parts.

The models hold data only: no I/O beyond checking that a named picture exists, no formatting. Every model forbids
unknown keys, so a misspelt key in a report file is an error that names it.
"""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .schema_blocks import ContentBlock, SeriesChart, resolve_path
from .schema_lint import LintSettings
from .schema_official import OfficialParts

NumberStyle = Literal["一、", "（一）", "1.", "（1）", "【】", "无"]
"""How a heading level is numbered: GB/T 9704 order is 一、 → （一） → 1. → （1）; yearbooks use 【概况】;
``无`` leaves a level unnumbered."""

GBT_NUMBERING: tuple[NumberStyle, ...] = ("一、", "（一）", "1.", "（1）")
"""The GB/T 9704-2012 order of heading numbers, the default."""

Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _as_list(value: Any) -> Any:
    """Accept a single string where a list of paragraphs is expected."""
    return [value] if isinstance(value, str) else value


class Picture(_Model):
    """A picture file (PNG or JPEG) with an optional caption and alt text; relative paths are resolved against the
    report file's folder."""

    path: Path = Field(description="图片文件路径 / picture file (PNG or JPEG)")
    caption: str | None = Field(None, description="图题 / caption shown under the picture")
    alt: str | None = Field(None, description="替代文字 / alt text; defaults to the caption")
    width_mm: float = Field(120, gt=10, le=156, description="版面宽度（毫米）/ placed width in mm")

    @field_validator("path")
    @classmethod
    def _resolve(cls, path: Path, info: ValidationInfo) -> Path:
        path = resolve_path(path, info)
        if not path.is_file():
            raise ValueError(f"图片文件不存在 / picture file not found: {path}")
        if path.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
            raise ValueError(f"只支持 PNG 或 JPEG 图片 / only PNG and JPEG pictures are supported: {path.name}")
        return path


class ChartFont(_Model):
    """The font chart text is drawn in: a family (``system``: a CJK font installed on the machine) or a font file.

    Without it charts use the bundled Noto Sans CJK SC, so they look the same on every machine.
    """

    family: str | None = Field(None, description="字体名称，如 SimHei；system 为本机中文字体 / font family")
    path: Path | None = Field(None, description="字体文件（.ttf/.otf/.ttc）/ font file, relative to the report")

    @field_validator("path")
    @classmethod
    def _font_file(cls, path: Path, info: ValidationInfo) -> Path:
        path = resolve_path(path, info)
        if not path.is_file():
            raise ValueError(f"字体文件不存在 / font file not found: {path}")
        return path

    @model_validator(mode="after")
    def _one_of(self) -> ChartFont:
        if (self.family is None) == (self.path is None):
            raise ValueError("chart_font 须写 family 或 path 之一 / give exactly one of family and path")
        return self


class _Section(_Model):
    title: Text = Field(description="节标题（不含序号）/ section title, without its number")
    paragraphs: list[Text] = Field(default_factory=list, description="节首段落 / paragraphs under the title")
    blocks: list[ContentBlock] = Field(
        default_factory=list, description="节末的列表、表格、统计、大事记等 / lists, tables, statistics… at the end"
    )

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(_as_list)


class WorkItem(_Model):
    """One numbered work item: a title and its paragraphs (e.g. ``1.文献借阅服务保持稳定``)."""

    title: Text
    paragraphs: list[Text] = Field(min_length=1)

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(_as_list)


class WorkItemsSection(_Section):
    """A narrative section of numbered work items (年度概况)."""

    kind: Literal["work_items"]
    items: list[WorkItem] = Field(min_length=1)


class TextSection(_Section):
    """A section of plain paragraphs."""

    kind: Literal["text"]


class OrgUnit(_Model):
    """A unit in the organisation tree, with an optional head and sub-units."""

    name: Text
    head: str | None = Field(None, description="负责人 / head of the unit, e.g. 馆长 孔德安")
    children: list[OrgUnit] = Field(default_factory=list)
    guides: list[Text] = Field(default_factory=list, description="业务指导的同级单位（虚线）/ units it guides")


class OrgChartSection(_Section):
    """The organisation structure (组织结构), drawn as an org chart."""

    kind: Literal["org_chart"]
    units: list[OrgUnit] = Field(min_length=1, description="顶层单位 / top-level units of the tree")
    caption: str | None = None


class Role(_Model):
    """A post in a party branch and the person holding it (书记 孔德安)."""

    title: Text = Field(description="职务 / post, e.g. 书记")
    name: Text = Field(description="姓名 / name")


class PartyBranch(_Model):
    """A party branch (支部) and its committee roles."""

    name: Text
    roles: list[Role] = Field(min_length=1)


class PartySection(_Section):
    """The party organisation (党组织架构)."""

    kind: Literal["party"]
    branches: list[PartyBranch] = Field(min_length=1)
    chart: bool = Field(True, description="在名单后附党组织架构图 / add the branch chart after the role lines")
    caption: str | None = None


class Breakdown(_Model):
    """Staff counted by one attribute (职称, 学历…), with its own text and chart."""

    title: Text = Field(description="e.g. 职称结构")
    categories: dict[str, Annotated[int, Field(ge=0)]] = Field(min_length=1, description="类别 → 人数")
    paragraphs: list[Text] = Field(default_factory=list)
    chart: Literal["pie", "bar", "barh", "none"] = "pie"
    show_total: bool = Field(True, description="标题后注明（共N人）/ append (共N人) to the title")

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(_as_list)

    @property
    def total(self) -> int:
        """Return the sum of all categories."""
        return sum(self.categories.values())

    @model_validator(mode="after")
    def _pie_has_a_slice(self) -> Breakdown:
        if self.chart == "pie" and self.total == 0:
            raise ValueError(
                "饼图的各类人数不能全为 0（可改用 chart: bar 或 none）/ a pie chart needs a category above zero "
                "(use chart: bar or none)"
            )
        return self


class PersonnelSection(_Section):
    """The personnel structure (人员结构): establishment, staff and breakdowns."""

    kind: Literal["personnel"]
    establishment: int | None = Field(None, ge=0, description="编制人数 / authorised posts")
    staff: int | None = Field(None, ge=0, description="在职人数 / staff in post")
    breakdowns: list[Breakdown] = Field(min_length=1)


class ChartSection(_Section, SeriesChart):
    """Figures over several labels (usually years) drawn as a line or bar chart: 外借册次 2016–2020."""

    kind: Literal["chart"]


class PhotoSection(_Section):
    """A section of photos with captions (服务保障)."""

    kind: Literal["photos"]
    photos: list[Picture] = Field(min_length=1)
    per_row: int = Field(1, ge=1, le=3, description="每行几张图（1–3）/ pictures per row (1–3)")


class Award(_Model):
    """An honour received, optionally with a picture of the certificate."""

    name: Text = Field(description="荣誉名称 / name of the honour")
    picture: Picture | None = None


class AwardsSection(_Section):
    """A numbered list of honours (获奖统计), with optional pictures."""

    kind: Literal["awards"]
    awards: list[Award] = Field(min_length=1)
    photos: list[Picture] = Field(default_factory=list)


Section = Annotated[
    WorkItemsSection
    | TextSection
    | OrgChartSection
    | PartySection
    | PersonnelSection
    | ChartSection
    | PhotoSection
    | AwardsSection,
    Field(discriminator="kind"),
]
SECTION_KINDS = frozenset(typing.get_args(m.model_fields["kind"].annotation)[0] for m in typing.get_args(
    typing.get_args(Section)[0]))
"""The ``kind`` values of every section model."""
BLOCK_TYPES = frozenset(typing.get_args(m.model_fields["type"].annotation)[0] for m in typing.get_args(
    typing.get_args(ContentBlock)[0]))
"""The ``type`` values of every content block."""
DISCRIMINATOR_TAGS = SECTION_KINDS | BLOCK_TYPES
"""Tags pydantic inserts into error locations, dropped from the paths users see."""


class Report(_Model):
    """An annual work report (工作年报) of one organisation for one year."""

    organisation: Text = Field(description="单位名称 / organisation, e.g. 曲阜市图书馆")
    year: int = Field(ge=1949, le=2100, description="报告年度 / the year reported on")
    title: str | None = Field(None, description="标题；默认 {year}年度{organisation}工作年报 / title")
    opening: list[Text] = Field(default_factory=list, description="开头段落 / opening paragraphs")
    sections: list[Section] = Field(min_length=1)
    numbering: list[NumberStyle] = Field(
        default_factory=lambda: list(GBT_NUMBERING),
        min_length=1,
        max_length=4,
        description="各级标题序号样式 / number style per heading level",
    )
    chart_font: ChartFont | None = Field(None, description="图表字体；默认自带 Noto Sans CJK SC / chart font")
    signature: str | None = Field(None, description="署名 / signing organisation")
    date: dt.date | None = Field(None, description="成文日期 / date of the document")
    official: OfficialParts | None = Field(None, description="版头、主送、附件、版记 / official parts (7.2–7.4)")
    lint: LintSettings = Field(default_factory=LintSettings, description="不再提示的检查警告 / silenced lint warnings")

    _opening_as_list = field_validator("opening", mode="before")(_as_list)

    @property
    def full_title(self) -> str:
        """Return the title, or the default ``{year}年度{organisation}工作年报``."""
        return self.title or f"{self.year}年度{self.organisation}工作年报"

    @field_validator("numbering")
    @classmethod
    def _distinct_levels(cls, styles: list[str]) -> list[str]:
        if len(set(styles)) != len(styles):
            raise ValueError("各级序号样式不能重复 / each heading level needs a different number style")
        return styles


OrgUnit.model_rebuild()
