"""Blocks drawn as pictures or laid out as figures: org chart, party branches, category breakdowns, photos,
honours. Each names its ``type``; together with :mod:`schema_blocks` they make the block union."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from annual_docx._charts._kinds import CategoryKindName, breakdown_help
from annual_docx._charts._kinds import kind as chart_kind
from annual_docx._model.schema_parts import (
    ENGINE_HELP,
    Award,
    BlockModel,
    ChartEngine,
    OrgUnit,
    PartyBranch,
    Picture,
    as_list,
    new_list,
)
from annual_docx.errors import Problem

Text = Annotated[str, Field(min_length=1)]


_Block = BlockModel


class Breakdown(_Block):
    """Staff counted by one attribute (职称, 学历…), with its own text and chart."""

    title: Text = Field(description="e.g. 职称结构")
    categories: dict[str, Annotated[int, Field(ge=0)]] = Field(min_length=1, description="类别 → 人数")
    paragraphs: list[Text] = Field(default_factory=new_list)
    chart: Literal[CategoryKindName, "none"] = Field("donut", description=breakdown_help())
    show_total: bool = Field(True, description="标题后注明（共N人）/ append (共N人) to the title")
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(as_list)

    @property
    def total(self) -> int:
        """Return the sum of all categories."""
        return sum(self.categories.values())

    @model_validator(mode="after")
    def _pie_has_a_slice(self) -> Breakdown:
        if self.chart != "none" and chart_kind(self.chart).one_series and self.total == 0:
            raise ValueError(
                "饼图的各类人数不能全为 0（可改用 chart: bar 或 none）/ a pie chart needs a category above zero "
                "(use chart: bar or none)"
            )
        return self


class BreakdownBlock(Breakdown):
    """A count by category (职称结构, 学历结构…) as a heading one level down, its text and a chart; lint checks
    the categories add up to ``expected_total``."""

    type: Literal["breakdown"]
    unit: Text = Field("人", description="计数单位，用于（共N人）和图表 / unit of the counts, e.g. 人, 个")
    expected_total: int | None = Field(
        None, ge=0, description="应有合计，如在职人数；各类之和不符时提示 / the total the categories should make"
    )

    def lint_problems(self, path: str) -> list[Problem]:
        """Flag categories that do not add up to the breakdown's expected total."""
        if self.expected_total is None or self.total == self.expected_total:
            return []
        return [Problem(f"{path}.categories", f"“{self.title}”各类合计 {self.total}{self.unit}，与应有合计 "
                        f"{self.expected_total}{self.unit}不符 / the categories of {self.title!r} add up to "
                        f"{self.total}, not {self.expected_total}", "W-TOTAL")]


class OrgChartBlock(_Block):
    """An organisation chart (组织结构图) drawn from a tree of units."""

    type: Literal["org_chart"]
    units: list[OrgUnit] = Field(min_length=1, description="顶层单位 / top-level units of the tree")
    caption: str | None = Field(None, description="图题 / caption, numbered 图N")
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)


class PartyBlock(_Block):
    """Party branches (党组织): each branch's name and its role lines, then optionally the branch chart."""

    type: Literal["party"]
    branches: list[PartyBranch] = Field(min_length=1)
    chart: bool = Field(True, description="在名单后附党组织架构图 / add the branch chart after the role lines")
    caption: str | None = Field(None, description="图题 / caption of the chart")
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)


class PhotosBlock(_Block):
    """Photos with captions: one a row, or 2–3 a row in a gallery (``type: gallery`` puts 2 a row)."""

    type: Literal["photos", "gallery"]
    photos: list[Picture] = Field(min_length=1)
    per_row: int = Field(1, ge=1, le=3, description="每行几张图（1–3）/ pictures per row (1–3)")

    @model_validator(mode="before")
    @classmethod
    def _gallery_two_a_row(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("type") == "gallery" and "per_row" not in data:
            return {**data, "per_row": 2}
        return data


class AwardsBlock(_Block):
    """Honours received (获奖情况): a numbered list of names in quotation marks, with optional pictures."""

    type: Literal["awards"]
    awards: list[Award] = Field(min_length=1)
    photos: list[Picture] = Field(default_factory=new_list, description="其后的照片 / photos after the list")
