"""Pydantic models of an annual work report (工作年报): a tree of sections holding blocks.

A :class:`Report` has ``sections``; each section has a title, ``paragraphs``, ``blocks`` (any
:data:`~annual_docx._model.schema_blocks.ContentBlock`) and ``sections`` of its own, down to four levels. The seven
older section ``kind`` values (``work_items``, ``org_chart``, ``party``, ``personnel``, ``chart``, ``photos``,
``awards``) are shorthands for a section holding the matching block; :func:`annual_docx._model.tree.expand`
turns them into it.

The models hold data only: no I/O beyond checking that a named picture exists, no formatting. Every model forbids
unknown keys, so a misspelt key in a report file is an error that names it.
"""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from annual_docx._model import schema_official as _schema_official
from annual_docx._model.schema_blocks import ContentBlock, SeriesChart
from annual_docx._model.schema_figures import Breakdown as Breakdown
from annual_docx._model.schema_lint import LintSettings
from annual_docx._model.schema_official import OfficialParts
from annual_docx._model.schema_parts import ENGINE_HELP, MODEL_CONFIG, ChartEngine, as_list, existing_file, new_list
from annual_docx._model.schema_parts import Award as Award
from annual_docx._model.schema_parts import OrgUnit as OrgUnit
from annual_docx._model.schema_parts import PartyBranch as PartyBranch
from annual_docx._model.schema_parts import Picture as Picture
from annual_docx._model.schema_parts import Role as Role
from annual_docx._model.schema_parts import resolve_path as resolve_path

if TYPE_CHECKING:
    from annual_docx.errors import Problem

NumberStyle = Literal["一、", "（一）", "1.", "（1）", "【】", "一是", "无"]
"""How a heading level is numbered: GB/T 9704 order is 一、 → （一） → 1. → （1）; yearbooks use 【概况】; ``一是``
numbers 一是 / 二是 …; ``无`` leaves a level unnumbered."""

GBT_NUMBERING: tuple[NumberStyle, ...] = ("一、", "（一）", "1.", "（1）")
"""The GB/T 9704-2012 order of heading numbers, the default."""

Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = MODEL_CONFIG


class ChartFont(_Model):
    """The font chart text is drawn in: a family (``system``: a CJK font installed on the machine) or a font file.

    Without it charts use the bundled Noto Sans CJK SC, so they look the same on every machine.
    """

    family: str | None = Field(None, description="字体名称，如 SimHei；system 为本机中文字体 / font family")
    path: Path | None = Field(None, description="字体文件（.ttf/.otf/.ttc）/ font file, relative to the report")

    @field_validator("path")
    @classmethod
    def _font_file(cls, path: Path, info: ValidationInfo) -> Path:
        return existing_file(path, info, "字体文件不存在 / font file not found")

    @model_validator(mode="after")
    def _one_of(self) -> ChartFont:
        if (self.family is None) == (self.path is None):
            raise ValueError("chart_font 须写 family 或 path 之一 / give exactly one of family and path")
        return self


MAX_DEPTH = 4
"""Sections nest at most four levels deep (一、 → （一） → 1. → （1）, GB/T 9704 7.3.3)."""

RUN_IN_ENDS = ("。", "！", "？", "!", "?")
"""How a run-in heading's title ends: its own sentence end, which tells where the heading stops and the text goes on
(the renderer adds none)."""

MIN_YEAR, MAX_YEAR = 1000, 2100
"""The years a report may be of: any year a document states (a 1945 report too)."""


def _default_kind(value: Any) -> Any:
    """Give a section written without ``kind`` the generic kind ``section``."""
    if isinstance(value, list):
        return [{"kind": "section", **item} if isinstance(item, dict) and "kind" not in item else item
                for item in value]
    return value


class _Section(_Model):
    title: Text = Field(description="节标题（不含序号）/ section title, without its number")
    numbered: bool = Field(
        default=True, description="false：本节标题不编号，同级其他节照常连续编号 / false: no number for this heading; "
                          "its siblings are numbered as if it were not there"
    )
    child_numbering: NumberStyle | None = Field(
        None, description="本节下级节改用的序号样式，如 1.（默认按 numbering）；更下级接着用 numbering 中该样式之后"
                          "的样式 / the number style of this section's subsections instead of the level's (e.g. "
                          "1.); deeper levels go on with the styles after it in numbering")
    paragraphs: list[Text] = Field(default_factory=new_list, description="节首段落 / paragraphs under the title")
    blocks: list[ContentBlock] = Field(
        default_factory=new_list, description="段落之后的内容块：表格、图表、列表… / blocks after the paragraphs"
    )
    sections: list[Section] = Field(
        default_factory=new_list, description="下级节（最多四级），排在内容块之后 / subsections, after the blocks"
    )
    closing: list[ContentBlock] = Field(
        default_factory=new_list, description="节末内容块，排在下级节之后（如汇总表）/ blocks after the subsections"
    )
    run_in: bool | None = Field(
        None, description="true：标题（序号+标题原文）作为第一段的段首，与正文同段，仍是导航窗格中的标题；false："
                          "不随 run_in_levels；须有 paragraphs / true: the numbered heading opens the first "
                          "paragraph (run-in), keeping its outline level; false: not run-in even if its level is "
                          "in run_in_levels; needs paragraphs"
    )

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(as_list)
    _sections_kind = field_validator("sections", mode="before")(_default_kind)

    @field_validator("run_in")
    @classmethod
    def _run_in_needs_a_paragraph(cls, run_in: bool | None, info: ValidationInfo) -> bool | None:
        if run_in and "paragraphs" in info.data and not info.data["paragraphs"]:
            raise ValueError("段首标题须接在本节第一段之前，请写 paragraphs 或去掉 run_in / a run-in heading opens the "
                             "section's first paragraph: give paragraphs or drop run_in")
        return run_in


class ContentSection(_Section):
    """A section: its title, paragraphs, then any blocks, its subsections, and closing blocks (``kind`` may be left
    out)."""

    kind: Literal["section"] = "section"


class WorkItem(_Model):
    """One numbered work item: a title and its paragraphs (e.g. ``1.文献借阅服务保持稳定``)."""

    title: Text
    paragraphs: list[Text] = Field(min_length=1)
    run_in: bool | None = Field(None, description="true：标题作第一段的段首 / true: the heading opens the first "
                                                  "paragraph (run-in)")

    _paragraphs_as_list = field_validator("paragraphs", mode="before")(as_list)


class WorkItemsSection(_Section):
    """A narrative section of numbered work items (年度概况)."""

    kind: Literal["work_items"]
    items: list[WorkItem] = Field(min_length=1)


class TextSection(_Section):
    """A section of plain paragraphs (the same as a section without ``kind``)."""

    kind: Literal["text"]


class OrgChartSection(_Section):
    """The organisation structure (组织结构), drawn as an org chart."""

    kind: Literal["org_chart"]
    units: list[OrgUnit] = Field(min_length=1, description="顶层单位 / top-level units of the tree")
    caption: str | None = None
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)


class PartySection(_Section):
    """The party organisation (党组织架构)."""

    kind: Literal["party"]
    branches: list[PartyBranch] = Field(min_length=1)
    chart: bool = Field(True, description="在名单后附党组织架构图 / add the branch chart after the role lines")
    caption: str | None = None
    engine: ChartEngine | None = Field(None, description=ENGINE_HELP)


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


class AwardsSection(_Section):
    """A numbered list of honours (获奖统计), with optional pictures."""

    kind: Literal["awards"]
    awards: list[Award] = Field(min_length=1)
    photos: list[Picture] = Field(default_factory=new_list)


Section = Annotated[
    ContentSection
    | WorkItemsSection
    | TextSection
    | OrgChartSection
    | PartySection
    | PersonnelSection
    | ChartSection
    | PhotoSection
    | AwardsSection,
    Field(discriminator="kind"),
]
"""A section: generic (``kind`` left out) or one of the shorthand kinds."""

# an attachment holds sections like the body's: the name its annotations use, found in its module when its schema is
# built — with the report's, on the first validation (``model_rebuild`` here built it on import: 14 ms of every start)
_schema_official.Section = Section  # type: ignore[attr-defined]


def _tags(union: Any, key: str) -> frozenset[str]:
    members = typing.get_args(typing.get_args(union)[0])
    return frozenset(tag for m in members for tag in typing.get_args(m.model_fields[key].annotation))


SECTION_KINDS = _tags(Section, "kind")
"""The ``kind`` values of every section model."""
BLOCK_TYPES = _tags(ContentBlock, "type")
"""The ``type`` values of every content block."""
DISCRIMINATOR_TAGS = SECTION_KINDS | BLOCK_TYPES
"""Tags pydantic inserts into error locations, dropped from the paths users see."""


class Report(_Model):
    """An annual work report (工作年报) of one organisation for one year."""

    organisation: Text | None = Field(None, description="单位名称；不写即未知 / organisation, e.g. 曲阜市图书馆; "
                                                          "left out: unknown")
    year: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR, description="报告年度；文件未写年度则不写 / the year "
                             "reported on; left out when the document states none")
    title: str | None = Field(None, description="标题；不写时，年度与单位都已知则为 {year}年度{organisation}工作年报，"
                                                "否则无标题；\"\" 表示无标题 / title; left out: the default when "
                                                "year and organisation are known, else none; \"\": no title")
    byline: list[Text] = Field(default_factory=new_list, description="题注行：标题下居中的楷体行，如 ——2025年1月13日在"
                               "……会议上、讲话人、来源；可写一行 / lines centred under the title (楷体), e.g. the "
                               "date and meeting, the speaker, the source; one string is one line")
    opening: list[Text] = Field(default_factory=new_list, description="开头段落 / opening paragraphs")
    sections: list[Section] = Field(
        default_factory=new_list, validate_default=True,
        description="各节（一、二、……），可含下级节；没有标题的文件可只有 opening / the sections; a document "
                    "without headings may have opening paragraphs only")
    numbering: list[NumberStyle] = Field(
        default_factory=lambda: list(GBT_NUMBERING),
        min_length=1,
        max_length=4,
        description="各级标题序号样式 / number style per heading level",
    )
    run_in_levels: list[Annotated[int, Field(ge=1, le=MAX_DEPTH)]] = Field(
        default_factory=new_list,
        description="这些层级（1–4）的节标题都作段首标题（有段落的节）/ heading levels (1–4) whose sections "
                    "with paragraphs are all written run-in",
    )
    chart_font: ChartFont | None = Field(None, description="图表字体；默认自带 Noto Sans CJK SC / chart font")
    chart_engine: ChartEngine = Field(
        "image", description="图表默认形式：image 图片；native 可编辑数据的 Word 原生图表 / image or native Word charts"
    )
    signature: str | None = Field(None, description="署名 / signing organisation")
    date: dt.date | None = Field(None, description="成文日期 / date of the document")
    official: OfficialParts | None = Field(None, description="版头、主送、附件、版记 / official parts (7.2–7.4)")
    lint: LintSettings = Field(
        default_factory=LintSettings.model_construct, description="不再提示的检查警告 / silenced lint warnings"
    )

    _opening_as_list = field_validator("opening", "byline", mode="before")(as_list)
    _sections_kind = field_validator("sections", mode="before")(_default_kind)

    @property
    def full_title(self) -> str:
        """Return the title on the page: ``title`` as written; without it the default
        ``{year}年度{organisation}工作年报`` when both are known, else ``""`` (no title paragraph). ``title: ""``
        means the document has no title."""
        if self.title is not None:
            return self.title
        if self.year is None or self.organisation is None:
            return ""
        return f"{self.year}年度{self.organisation}工作年报"

    def as_report(self) -> Report:
        """Return this report: a Report renders as itself (the :class:`~annual_docx.ReportKind` protocol)."""
        return self

    def lint_warnings(self, *, silenced: bool = False) -> list[Problem]:
        """Return the consistency warnings :func:`annual_docx.lint` gives (the checks load on first use)."""
        from annual_docx._model.lint import report_lint

        return report_lint(self, silenced=silenced)

    @field_validator("numbering")
    @classmethod
    def _distinct_levels(cls, styles: list[str]) -> list[str]:
        numbered = [style for style in styles if style != "无"]
        if len(set(numbered)) != len(numbered):
            raise ValueError("各级序号样式不能重复（“无”可重复）/ each numbered level needs a different number style "
                             "(only 无 may repeat)")
        return styles

    @model_validator(mode="after")
    def _at_most_four_levels(self) -> Report:
        def deepest(sections: list[Any], path: str, depth: int) -> None:
            for i, section in enumerate(sections):
                where = f"{path}[{i}]"
                if depth > MAX_DEPTH:
                    raise ValueError(f"{where}: 节最多嵌套四级 / sections nest at most {MAX_DEPTH} levels deep")
                deepest(section.sections, f"{where}.sections", depth + 1)

        deepest(self.sections, "sections", 1)
        for n, attachment in enumerate(self.official.attachments if self.official else []):
            deepest(attachment.sections, f"official.attachments[{n}].sections", 1)
        return self

    @model_validator(mode="after")
    def _run_in_titles_end_their_sentence(self) -> Report:
        levels = set(self.run_in_levels)

        def check(part: Any, where: str, depth: int) -> None:
            run_in = part.run_in if part.run_in is not None else depth in levels
            if run_in and part.paragraphs and not part.title.rstrip().endswith(RUN_IN_ENDS):
                raise ValueError(f"{where}.title: 段首标题须以句末标点（。！？）结束，否则读者分不清标题在哪里结束 / "
                                 "a run-in heading's title must end its sentence (。！？), or no reader can tell "
                                 f"where it ends: {part.title!r}")

        def walk(sections: list[Any], path: str, depth: int) -> None:
            for i, section in enumerate(sections):
                where = f"{path}[{i}]"
                check(section, where, depth)
                for j, item in enumerate(getattr(section, "items", None) or []):
                    if isinstance(item, WorkItem):
                        check(item, f"{where}.items[{j}]", depth + 1)
                walk(section.sections, f"{where}.sections", depth + 1)

        walk(self.sections, "sections", 1)
        for n, attachment in enumerate(self.official.attachments if self.official else []):
            walk(attachment.sections, f"official.attachments[{n}].sections", 1)
        return self

    @field_validator("sections")
    @classmethod
    def _sections_or_opening(cls, sections: list[Any], info: ValidationInfo) -> list[Any]:
        if not sections and not info.data.get("opening"):
            raise ValueError("至少要有一节，或写 opening 段落 / give at least one section, or opening paragraphs")
        return sections



