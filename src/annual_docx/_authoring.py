"""Help agencies write reports and templates: the JSON Schema, starter reports, and a template check."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from .errors import TemplateError
from .schema import Report

STARTER_KINDS = ("library", "museum", "culture-centre", "generic")


CHINESE_TITLES = {
    "Report": "工作年报",
    "Award": "荣誉",
    "AwardsSection": "获奖情况一节",
    "Breakdown": "人员构成（按职称、学历等）",
    "OrgChartSection": "组织结构一节（绘制组织结构图）",
    "OrgUnit": "组织单位（可含下级单位）",
    "PartyBranch": "党支部",
    "PartySection": "党组织架构一节",
    "PersonnelSection": "人员结构一节",
    "PhotoSection": "照片一节",
    "Picture": "图片",
    "Role": "职务及任职人员",
    "TextSection": "文字一节",
    "ContentSection": "节（段落、内容块、下级节）",
    "WorkItem": "工作条目",
    "WorkItemsSection": "工作条目一节",
    "ChartFont": "图表字体（字体名称或字体文件）",
    "Indicator": "统计指标（本年、上年）",
    "TableSource": "表格文件（CSV 或 xlsx）",
    "MergedCell": "合并单元格",
}


def report_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a report file, with Chinese descriptions, for editors' completion and checks."""
    from ._registry import registry

    schema = Report.model_json_schema(mode="validation")
    titles = {**CHINESE_TITLES, **{model.__name__: kind.chinese for model, kind in registry().items()}}
    for name, definition in [("Report", schema), *schema.get("$defs", {}).items()]:
        if name in titles:
            english = definition.get("description", "")
            definition["description"] = f"{titles[name]} / {english}" if english else titles[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "annual_docx 工作年报 / annual work report",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def starter_report(kind: str) -> str:
    """Return the commented starter YAML for a kind of agency (``library``, ``museum``, ``culture-centre``…)."""
    if kind not in STARTER_KINDS:
        raise ValueError(f"unknown starter kind {kind!r}; choose one of {', '.join(STARTER_KINDS)}")
    return (resources.files("annual_docx") / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")


@dataclass
class TemplateCheck:
    """What a template uses that the report context does not provide, and what it lacks."""

    unknown_variables: set[str] = field(default_factory=set)
    missing_variables: set[str] = field(default_factory=set)
    unknown_attributes: set[str] = field(default_factory=set)
    unknown_kinds: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        """Return True when the template and the schema agree."""
        return not (self.unknown_variables or self.missing_variables or self.unknown_attributes or self.unknown_kinds)

    def lines(self) -> list[str]:
        """Return one line per finding, in Chinese and English."""
        out = [f"未知变量 / unknown variable: {{{{ {v} }}}}" for v in sorted(self.unknown_variables)]
        out += [f"缺少必需变量 / required variable missing: {{{{ {v} }}}}" for v in sorted(self.missing_variables)]
        out += [f"未知字段 / unknown field: .{a}" for a in sorted(self.unknown_attributes)]
        out += [f"未知的块类型 / unknown block kind: {k!r}" for k in sorted(self.unknown_kinds)]
        return out


@dataclass(frozen=True)
class _Tags:
    variables: frozenset[str]
    attributes: frozenset[str]
    kinds: frozenset[str]


def _tags(path: Path) -> _Tags:
    """Return the variables, attribute names and compared block kinds used by the template at ``path``."""
    from docxtpl import DocxTemplate

    if not path.is_file():
        raise TemplateError(f"{path}: 模板文件不存在 / template not found")
    try:
        tpl = DocxTemplate(path)
        tpl.init_docx()
        xml = _template_source(tpl)
    except Exception as exc:  # a broken package raises many unrelated types
        raise TemplateError(f"{path}: 无法打开模板 / cannot open the template: {exc}") from exc
    env = SandboxedEnvironment()
    try:
        tree = env.parse(xml)
    except Exception as exc:
        raise TemplateError(f"{path}: 模板标签有语法错误 / the template's tags do not parse: {exc}") from exc
    kinds: set[str] = set()
    for compare in tree.find_all(nodes.Compare):
        operands = [compare.expr, *(op.expr for op in compare.ops)]
        if any(isinstance(o, nodes.Getattr) and o.attr == "kind" for o in operands):
            kinds |= {o.value for o in operands if isinstance(o, nodes.Const) and isinstance(o.value, str)}
    return _Tags(
        frozenset(meta.find_undeclared_variables(tree)),
        frozenset(node.attr for node in tree.find_all(nodes.Getattr)),
        frozenset(kinds),
    )


def _context_keys() -> frozenset[str]:
    """Return the top-level variables the render context provides."""
    from ._context import build_context
    from ._load import validate

    minimal = validate({"organisation": "x", "year": 2000, "sections": [{"kind": "text", "title": "x"}]})
    return frozenset(build_context(minimal, lambda *_: None))


def check_template(path: Path) -> TemplateCheck:
    """Return how the docxtpl tags of the Word template at ``path`` agree with what the renderer provides.

    The default template defines the contract: fields and block kinds it uses are known; anything else a custom
    template uses is reported, as is a template without the body loop (``blocks``) or a title.
    """
    from ._render import default_template

    reference = _tags(default_template())
    tags = _tags(path)
    missing = {"blocks"} - tags.variables
    if not tags.variables & {"title", "title_text"}:
        missing.add("title")
    return TemplateCheck(
        unknown_variables=set(tags.variables - _context_keys()),
        missing_variables=missing,
        unknown_attributes=set(tags.attributes - reference.attributes),
        unknown_kinds=set(tags.kinds - reference.kinds),
    )


def _template_source(tpl: Any) -> str:
    """Return the body, headers and footers of a template as docxtpl prepares them for Jinja."""
    xml = str(tpl.patch_xml(tpl.get_xml()))
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            xml += str(tpl.patch_xml(tpl.get_part_xml(part)))
    return xml
