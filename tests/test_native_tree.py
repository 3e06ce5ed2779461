"""Native charts in the report tree: every chart-bearing block (chart incl. pie/donut, breakdown, org_chart, party)
at any depth, in ``closing`` and in attachments follows its own ``engine`` or else the report's ``chart_engine``,
and the JSON Schema offers ``engine`` wherever a chart is drawn."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import annual_docx
from annual_docx._output._authoring import json_schema

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"

# one block of each chart-bearing type, and what a native one puts in the body
BLOCKS: dict[str, tuple[dict[str, Any], str]] = {
    "line": ({"type": "chart", "title": "外借册次", "chart": "line", "labels": [2023, 2024], "unit": "万册次",
              "series": {"外借": [9.5, 10.2]}, "caption": "外借册次"}, "lineChart"),
    "pie": ({"type": "chart", "title": "经费构成", "chart": "pie", "labels": ["财政拨款", "其他"], "unit": "万元",
             "series": {"经费": [80, 20]}, "caption": "经费构成"}, "pieChart"),  # chart: pie is a pie
    "donut": ({"type": "chart", "title": "读者构成", "chart": "donut", "labels": ["成人", "少儿"],
               "series": {"读者": [6, 4]}}, "doughnutChart"),
    "breakdown": ({"type": "breakdown", "title": "学历结构", "categories": {"本科": 12, "大专": 6}, "chart": "bar",
                   "expected_total": 18}, "barChart"),
    "org_chart": ({"type": "org_chart", "caption": "组织结构图",
                   "units": [{"name": "某区文化馆", "head": "馆长 王某", "children": [{"name": "办公室"},
                                                                                 {"name": "活动部"}]}]}, "group"),
    "party": ({"type": "party", "caption": "党组织架构图",
               "branches": [{"name": "文化馆支部", "roles": [{"title": "书记", "name": "李四"}]}]}, "group"),
}


def tree(engine: str, blocks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A report whose chart blocks sit two, three and four levels deep, in a ``closing`` and in an attachment."""
    b = {name: copy.deepcopy(block) for name, block in blocks.items()}
    return {
        "organisation": "某区文化馆", "year": 2024, "chart_engine": engine,
        "sections": [{"title": "基本情况", "sections": [
            {"title": "人员情况", "blocks": [b["breakdown"]], "sections": [
                {"title": "机构", "blocks": [b["line"]],
                 "sections": [{"title": "内设机构", "blocks": [b["org_chart"]]}]},
            ]},
        ], "closing": [b["pie"]]}],
        "official": {"attachments": [{"title": "附表", "blocks": [b["party"], b["donut"]]}]},
    }


def body_figures(docx: Path) -> list[str]:
    """Return each figure of the body in document order: the chart's plot element, ``group`` or ``picture``."""
    with zipfile.ZipFile(docx) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(zf.read("word/_rels/document.xml.rels"))}
        out = []
        for el in body.iter(f"{{{C}}}chart", f"{{{WPG}}}wgp", f"{{{PIC}}}pic"):
            if el.tag == f"{{{C}}}chart":
                space = etree.fromstring(zf.read("word/" + rels[el.get(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]))
                (plot,) = [etree.QName(p).localname for p in space.find(f".//{{{C}}}plotArea")
                           if etree.QName(p).localname.endswith("Chart")]
                out.append(plot)
            elif el.tag == f"{{{WPG}}}wgp":
                out.append("group")
            else:
                out.append("picture")
    return out


ORDER = ["breakdown", "line", "org_chart", "pie", "party", "donut"]  # document order in tree()


def test_report_engine_reaches_every_block_at_every_depth(tmp_path: Path) -> None:
    """``chart_engine: native`` makes every chart block native wherever it sits; ``image`` (the default) none."""
    blocks = {name: block for name, (block, _) in BLOCKS.items()}
    native = annual_docx.render(annual_docx.validate(tree("native", blocks)), tmp_path / "native.docx")
    assert body_figures(native) == [BLOCKS[name][1] for name in ORDER]
    image = annual_docx.render(annual_docx.validate(tree("image", blocks)), tmp_path / "image.docx")
    assert body_figures(image) == ["picture"] * len(ORDER)


@pytest.mark.parametrize("name", ORDER)
def test_a_blocks_engine_overrides_the_report(name: str, tmp_path: Path) -> None:
    """One block's ``engine`` decides for that block alone, either way."""
    blocks = {n: block for n, (block, _) in BLOCKS.items()}
    at = ORDER.index(name)
    blocks[name] = {**blocks[name], "engine": "native"}
    out = annual_docx.render(annual_docx.validate(tree("image", blocks)), tmp_path / "one.docx")
    assert body_figures(out) == [BLOCKS[name][1] if i == at else "picture" for i in range(len(ORDER))]
    blocks[name] = {**blocks[name], "engine": "image"}
    out = annual_docx.render(annual_docx.validate(tree("native", blocks)), tmp_path / "all_but_one.docx")
    assert body_figures(out) == ["picture" if i == at else BLOCKS[n][1] for i, n in enumerate(ORDER)]


def test_shorthand_sections_pass_their_engine_on(tmp_path: Path) -> None:
    """The older kinds (org_chart, party, personnel breakdowns, chart) keep their ``engine`` through the expansion."""
    org, party = BLOCKS["org_chart"][0], BLOCKS["party"][0]
    sections = [
        {"kind": "org_chart", "title": "组织结构", "units": org["units"], "engine": "native"},
        {"kind": "party", "title": "党组织", "branches": party["branches"], "engine": "native"},
        {"kind": "personnel", "title": "人员", "breakdowns": [
            {"title": "学历结构", "categories": {"本科": 2, "大专": 1}, "chart": "barh", "engine": "native"},
            {"title": "年龄结构", "categories": {"35岁以下": 2, "35岁以上": 1}}]},
        {"kind": "chart", "title": "经费构成", "chart": "donut", "labels": ["拨款", "其他"], "series": {"经费": [8, 2]},
         "engine": "native"},
        {"kind": "chart", "title": "到馆人次", "chart": "bar", "labels": [2023, 2024], "series": {"人次": [1, 2]}},
    ]
    data = {"organisation": "某区文化馆", "year": 2024, "sections": sections}
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "shorthands.docx")
    assert body_figures(out) == ["group", "group", "barChart", "picture", "doughnutChart", "picture"]


def test_json_schema_offers_engine_wherever_a_chart_is_drawn() -> None:
    """Every block and section model that draws a chart (and a personnel breakdown) has ``engine: image|native``;
    the report has ``chart_engine``."""
    defs = json_schema()["$defs"]
    with_engine = sorted(name for name, model in defs.items() if "engine" in model.get("properties", {}))
    assert with_engine == ["Breakdown", "BreakdownBlock", "ChartBlock", "ChartSection", "OrgChartBlock",
                           "OrgChartSection", "PartyBlock", "PartySection"]
    for name in with_engine:
        prop = defs[name]["properties"]["engine"]
        options = prop.get("anyOf", [prop])
        assert {"enum": ["image", "native"], "type": "string"} in options, name
    assert defs["Report"]["properties"]["chart_engine"]["enum"] == ["image", "native"]
