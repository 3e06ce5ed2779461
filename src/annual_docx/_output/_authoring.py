"""Help agencies write reports and templates: the JSON Schema, starter reports, and a template check."""

from __future__ import annotations

import functools
import os
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2 import meta, nodes

from annual_docx._output._bounds import BoundedSandbox
from annual_docx._output._docxtpl import open_template, template_source
from annual_docx.errors import TemplateError
from annual_docx.schema import Report

StarterKind = Literal["library", "museum", "culture-centre", "generic", "govinfo"]
"""The kinds of agency a starter report is written for (``annual-docx init --kind``)."""
STARTER_KINDS: tuple[StarterKind, ...] = typing.get_args(StarterKind)


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
    "GovinfoReport": "政府信息公开工作年度报告（kind: govinfo）",
    "Prose": "政府信息公开年报的文字部分（一、五、六），可含下级节",
}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a report file, with Chinese descriptions, for editors' completion and checks."""
    from pydantic import TypeAdapter

    from annual_docx._content._registry import registry
    from annual_docx.govinfo import GovinfoReport

    schema = TypeAdapter(Report | GovinfoReport).json_schema(mode="validation")
    titles = {**CHINESE_TITLES, **{model.__name__: kind.chinese for model, kind in registry().items()}}
    for name, definition in schema.get("$defs", {}).items():
        if name in titles:
            english = definition.get("description", "")
            definition["description"] = f"{titles[name]} / {english}" if english else titles[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "annual_docx 工作年报 / annual work report",
        "description": "工作年报，或 kind: govinfo 的政府信息公开工作年度报告 / an annual work report, or a "
                       "政府信息公开工作年度报告 (kind: govinfo)",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def starter_report(kind: StarterKind) -> str:
    """Return the commented starter YAML for a kind of agency (``library``, ``museum``, ``culture-centre``…)."""
    if kind not in STARTER_KINDS:
        raise ValueError(f"unknown starter kind {kind!r}; choose one of {', '.join(STARTER_KINDS)}")
    return (resources.files("annual_docx") / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")


@dataclass
class TemplateCheck:
    """What a template uses that the report context does not provide, and what it lacks (``ok``: the tags agree);
    after a probe (``check_template(..., probe=True)``) also what the render adapts (``adapted``) and the GB/T 9704
    items a probe report rendered through the template breaks (``probe_problems``, each with what to change, or
    ``probe_error`` when the probe report did not render); ``compliant`` is all of it."""

    unknown_variables: set[str] = field(default_factory=set)
    missing_variables: set[str] = field(default_factory=set)
    unknown_attributes: set[str] = field(default_factory=set)
    unknown_kinds: set[str] = field(default_factory=set)
    unknown_filters: set[str] = field(default_factory=set)
    adapted: list[str] = field(default_factory=list)
    probed: bool = False
    probe_problems: list[str] = field(default_factory=list)
    probe_error: str | None = None

    @property
    def ok(self) -> bool:
        """Return True when the template and the schema agree."""
        return not (self.unknown_variables or self.missing_variables or self.unknown_attributes or self.unknown_kinds
                    or self.unknown_filters)

    @property
    def compliant(self) -> bool:
        """Return True when the tags agree and, if probed, the probe report rendered and broke no GB/T 9704 item."""
        return self.ok and not self.probe_problems and self.probe_error is None

    def lines(self) -> list[str]:
        """Return one line per finding, in Chinese and English."""
        out = [f"未知变量 / unknown variable: {{{{ {v} }}}}" for v in sorted(self.unknown_variables)]
        out += [f"缺少必需变量 / required variable missing: {{{{ {v} }}}}" for v in sorted(self.missing_variables)]
        out += [f"未知字段 / unknown field: .{a}" for a in sorted(self.unknown_attributes)]
        out += [f"未知的块类型 / unknown block kind: {k!r}" for k in sorted(self.unknown_kinds)]
        out += [f"未知的过滤器或测试 / unknown filter or test: {f}" for f in sorted(self.unknown_filters)]
        return out


@dataclass(frozen=True)
class _Tags:
    variables: frozenset[str]
    attributes: frozenset[str]
    kinds: frozenset[str]
    unknown_filters: frozenset[str] = frozenset()


@functools.cache
def _default_tags() -> _Tags:
    from annual_docx._output._render import default_template

    path = default_template()
    return tags_of(open_template(path, bundled=True), path)  # the bundled template: read as it is


def _tags(path: Path) -> _Tags:
    """Return the variables, attribute names and compared block kinds used by the template at ``path``."""

    return tags_of(open_template(path), path)


def tags_as_json(tags: _Tags) -> dict[str, list[str]]:
    """Return ``tags`` as JSON data (for the template cache); :func:`tags_from_json` reads it back."""
    return {name: sorted(getattr(tags, name)) for name in _TAG_FIELDS}


def tags_from_json(data: Any) -> _Tags | None:
    """Return the tags :func:`tags_as_json` gave, None when ``data`` is not such (a damaged or older entry)."""
    if not isinstance(data, dict) or not all(isinstance(data.get(name), list) and all(
            isinstance(item, str) for item in data[name]) for name in _TAG_FIELDS):
        return None
    return _Tags(*(frozenset(data[name]) for name in _TAG_FIELDS))


_TAG_FIELDS = ("variables", "attributes", "kinds", "unknown_filters")


def tags_of(tpl: Any, path: Path) -> _Tags:
    """Return the variables, attribute names, compared block kinds and unknown filters of an opened template (the
    tags of a template's source are found once per process: parsing and walking them was half of a render through a
    custom template)."""
    try:
        xml = template_source(tpl)
    except Exception as exc:  # a broken package raises many unrelated types
        raise TemplateError(f"{path}: 无法打开模板 / cannot open the template: {exc}") from exc
    found = _found_tags.get(xml)
    if found is None:
        if len(_found_tags) >= _MAX_FOUND:
            _found_tags.clear()
        found = _found_tags[xml] = _source_tags(xml, path)
    return found


_MAX_FOUND = 16
_found_tags: dict[str, _Tags] = {}


def _source_tags(xml: str, path: Path) -> _Tags:
    """Return the tags of a template's Jinja source ``xml`` (``path`` names it in errors)."""
    env = BoundedSandbox()  # analysing folds constants (`'a' * 10**10`): only with the bounded operators and filters
    try:
        tree = env.parse(xml)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: 模板标签有语法错误 / the template's tags do not parse: {exc}") from exc
    unknown = {f"|{n.name}" for n in tree.find_all(nodes.Filter) if n.name not in env.filters}
    unknown |= {f"is {n.name}" for n in tree.find_all(nodes.Test) if n.name not in env.tests}
    for name in unknown:  # stand-ins, so the variables can still be listed; the render would fail on them
        (env.filters if name.startswith("|") else env.tests)[name.split()[-1].lstrip("|")] = lambda v, *a, **k: v
    try:
        variables = frozenset(meta.find_undeclared_variables(tree))
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: 模板标签有错误 / the template's tags are wrong: {exc}") from exc
    kinds: set[str] = set()
    for compare in tree.find_all(nodes.Compare):
        operands = [compare.expr, *(op.expr for op in compare.ops)]
        if any(isinstance(o, nodes.Getattr) and o.attr == "kind" for o in operands):
            kinds |= {o.value for o in operands if isinstance(o, nodes.Const) and isinstance(o.value, str)}
    return _Tags(
        variables,
        frozenset(node.attr for node in tree.find_all(nodes.Getattr)),
        frozenset(kinds),
        frozenset(unknown),
    )


def _context_keys() -> frozenset[str]:
    """Return the top-level variables the render context provides."""
    from annual_docx._content._context import build_context
    from annual_docx._report_kinds import validate
    from annual_docx.govinfo import as_report

    minimal = validate({"organisation": "x", "year": 2000, "sections": [{"kind": "text", "title": "x"}]})
    return frozenset(build_context(as_report(minimal), lambda *_: None))


def check_template(template: str | os.PathLike[str], *, report: Report | None = None,
                   probe: bool = False) -> TemplateCheck:
    """Return how the docxtpl tags of the Word template at ``template`` agree with what the renderer provides.

    The default template defines the contract: fields and block kinds it uses are known; anything else a custom
    template uses is reported, as is a template without the body loop (``blocks``) or a title — and, given a
    ``report``, without the tags its data needs (``byline``, ``opening``, ``signature``, ``official``). With
    ``probe=True`` (what ``annual-docx template check`` does) it also lists what the render adapts and, when the
    tags agree, renders a probe report through the template and checks it against GB/T 9704 (the verdict is cached
    by the template's hash).
    """
    path = Path(template)
    result = _compare(_tags(path), report)
    if not probe:
        return result
    from annual_docx._output import _template_probe

    result.adapted = _template_probe.adoption_notes(path)
    if result.ok:  # the probe renders only through a template whose tags agree with the report's
        result.probed = True
        try:
            result.probe_problems = [problem.line() for problem in _template_probe.probe(path)]
        except TemplateError as exc:
            result.probe_error = str(exc)
    return result


def _compare(tags: _Tags, report: Report | None) -> TemplateCheck:
    reference = _default_tags()
    return TemplateCheck(
        unknown_variables=set(tags.variables - _context_keys()),
        missing_variables=_missing(tags, report),
        unknown_attributes=set(tags.attributes - reference.attributes),
        unknown_kinds=set(tags.kinds - reference.kinds),
        unknown_filters=set(tags.unknown_filters),
    )


def _missing(tags: _Tags, report: Report | None) -> set[str]:
    needed = {"blocks"}
    if report is not None:
        needed |= {name for name, value in (("byline", report.byline), ("opening", report.opening),
                                            ("signature", report.signature), ("official", report.official)) if value}
    missing = needed - tags.variables
    if not tags.variables & {"title", "title_text"}:
        missing.add("title")
    return missing


def refuse_incomplete(tpl: Any, path: Path, report: Report, tags: _Tags | None = None) -> None:
    """Raise TemplateError, listing the missing tags, when the opened template lacks tags ``report`` needs (the
    ``缺少必需变量`` finding of ``annual-docx template check``): rendering would silently leave that data out.
    ``tags`` are the template's when known (:func:`tags_of`, kept by the template cache)."""
    result = _compare(tags if tags is not None else tags_of(tpl, path), report)
    if result.missing_variables:
        lines = "\n".join(f"  - {line}" for line in result.lines() if line.startswith("缺少"))
        raise TemplateError(f"{path}: 模板缺少年报需要的标签，未生成文档 / the template lacks tags the report needs; "
                            f"nothing was written:\n{lines}\n请用 annual-docx template export 导出默认模板对照修改 / "
                            "compare with the default template (annual-docx template export)")
