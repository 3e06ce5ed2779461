"""Validation errors a clerk can act on: unknown keys anywhere, a block's bad type, numbers meant as text, unions."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx._input._load import parse

from .conftest import ROOT, small_report

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def mappings(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the location of every mapping inside parsed report data."""
    if isinstance(value, dict):
        yield where
        for key, item in value.items():
            yield from mappings(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from mappings(item, (*where, i))


def problems_of(data: dict[str, Any], base_dir: Path | None = None) -> list[annual_docx.Problem]:
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.validate(data, base_dir=base_dir)
    return caught.value.problems


NESTED = {
    "organisation": "某区文化馆", "year": 2021, "numbering": ["一、", "（一）", "1.", "（1）"],
    "sections": [{"title": "基本情况", "sections": [
        {"title": "机构情况", "blocks": [
            {"type": "org_chart", "units": [{"name": "馆长", "children": [{"name": "办公室"}]}]}]},
        {"title": "人员情况", "sections": [{"title": "年龄结构", "blocks": [
            {"type": "breakdown", "title": "年龄", "categories": {"35岁以下": 3, "35岁以上": 5}},
            {"type": "table",
             "header": [[{"text": "项目", "rowspan": 2}, {"text": "人数", "colspan": 2}], ["上年", "本年"]],
             "rows": [["在编", 8, {"text": "9", "colspan": 1}]]}]}]},
        {"title": "资产情况", "blocks": [{"type": "indicators", "labels": {"last_year": "2020年", "value": "2021年"},
                                      "indicators": [{"name": "馆舍面积", "value": 5200, "unit": "平方米"}]}]},
    ]}],
    "official": {"attachments": [{"title": "附表", "blocks": [{"type": "form", "items": {"地址": "某路1号"}}]}]},
    "lint": {"ignore": ["W-YEAR"], "ignore_at": {"sections[0]": ["W-PUNCT"]}},
}


@pytest.mark.parametrize("source", [*EXAMPLES, "nested"], ids=[*(e.name for e in EXAMPLES), "nested"])
def test_an_unknown_key_in_any_mapping_lists_the_valid_keys(source: Path | str) -> None:
    """Put a stray key into every mapping of a real report (and of a four-level tree with blocks at every level) in
    turn: each unknown-key error names the key's path as the report spells it, lists the valid keys, and comes alone
    (no noise from the other shapes a field may take)."""
    data = parse(source) if isinstance(source, Path) else copy.deepcopy(NESTED)
    example = source if isinstance(source, Path) else ROOT / "examples" / "nested.yaml"
    annual_docx.validate(data, base_dir=example.parent)  # valid as it is
    checked = 0
    for where in mappings(data):
        broken = copy.deepcopy(data)
        target = broken
        for part in where:
            target = target[part]
        target["colour"] = {"x": 1}
        problems = problems_of(broken, example.parent)
        unknown = [p for p in problems if "unknown key" in p.message]
        if not unknown:  # a free mapping (categories, series, form items, govinfo rows): the stray entry is the error
            assert all(p.path.endswith(".colour") or ".colour." in p.path or "“colour”" in p.message
                       for p in problems), problems
            continue
        checked += 1
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in (*where, "colour")).lstrip(".")
        assert [(p.path, "valid keys: " in p.message) for p in problems] == [(path, True)], problems
    assert checked >= 10


def test_a_misspelt_key_suggests_the_closest_and_lists_them_all() -> None:
    """`lastyear` in an indicator suggests `last_year` and lists the indicator's keys."""
    block = {"type": "indicators", "indicators": [{"name": "外借", "value": 3, "lastyear": 2}]}
    (problem,) = problems_of(small_report(sections=[{"kind": "text", "title": "统计", "blocks": [block]}]))
    assert problem.path == "sections[0].blocks[0].indicators[0].lastyear"
    assert "did you mean `last_year`?" in problem.message and "valid keys: name, value, unit, last_year" in \
        problem.message


def test_a_bad_block_type_names_type_and_the_closest() -> None:
    """A block's wrong `type` is reported as `type` (not `kind`), listing the block types and the closest one; a
    section's wrong `kind` still says `kind`."""
    sections = [{"kind": "text", "title": "统计", "blocks": [{"type": "indicator", "indicators": []}]},
                {"kind": "txt", "title": "概况"}]
    block, section = problems_of(small_report(sections=sections))
    assert block.path == "sections[0].blocks[0]" and block.message.startswith("type 应为")
    assert "type must be one of" in block.message and "did you mean `indicators`?" in block.message
    assert "kind" not in block.message
    assert section.path == "sections[1]" and "kind must be one of" in section.message and "`text`" in section.message


@pytest.mark.parametrize(("written", "shown"), [("1.", "1."), ("1.0", "1.0"), ("2020.1", "2020.1"), ("3", "3")])
def test_a_number_meant_as_text_gets_a_hint_to_quote_it(tmp_path: Path, written: str, shown: str) -> None:
    """YAML reads `title: 1.` as the number 1.0: the error shows it as written and says to quote it."""
    path = tmp_path / "r.yaml"
    path.write_text(f"organisation: 某馆\nyear: 2021\nsections:\n  - kind: text\n    title: {written}\n",
                    encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.load(path)
    (problem,) = caught.value.problems
    assert problem.path == "sections[0].title"
    assert f"found: {shown}；" in problem.message and f'quote it: "{shown}"' in problem.message


def test_json_numbers_and_yaml_booleans_meant_as_text(tmp_path: Path) -> None:
    """JSON keeps the written form too; YAML's yes/no read as true/false get their own hint."""
    path = tmp_path / "r.json"
    path.write_text('{"organisation": "某馆", "year": 2021, "title": 2020.10, "sections": [{"kind": "text", '
                    '"title": "概况", "paragraphs": ["正文。"]}]}', encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.load(path)
    assert 'quote it: "2020.10"' in str(caught.value)
    yaml_path = tmp_path / "r.yaml"
    yaml_path.write_text("organisation: 某馆\nyear: 2021\nsignature: yes\nsections: [{kind: text, title: 概况}]\n",
                         encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.load(yaml_path)
    assert "signature" in str(caught.value) and "yes/no/on/off" in str(caught.value)


def test_numbers_still_load_as_plain_numbers(tmp_path: Path) -> None:
    """A loaded number is a float equal to what was written that also remembers how it was written (1.50, printed
    as written: issue 21); dumped, it is a plain number."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: 某馆\nyear: 2021\nsections:\n  - kind: chart\n    title: 外借\n    labels: [a]\n"
                    "    series: {外借: [1.50]}\n", encoding="utf-8")
    report = annual_docx.load(path)
    value = report.sections[0].series["外借"][0]  # type: ignore[union-attr]
    assert isinstance(value, float) and value == 1.5 and value.source == "1.50"  # type: ignore[attr-defined]
    dumped = report.model_dump(mode="json")["sections"][0]["series"]["外借"][0]
    assert type(dumped) is float and dumped == 1.5


def test_a_value_fitting_no_shape_is_one_error_listing_the_shapes() -> None:
    """A header cell that is a list fits neither text nor a merged cell: one error, no pydantic branch names."""
    block = {"type": "table", "header": ["项目", ["a"]], "rows": [["x", "y"]]}
    problems = problems_of(small_report(sections=[{"kind": "text", "title": "表", "blocks": [block]}]))
    assert all(not re.search(r"constrained|list\[|MergedCell|union", p.path) for p in problems), problems
    assert any(p.path == "sections[0].blocks[0].header[1]" and "expected text or a mapping" in p.message
               for p in problems), problems


def test_a_chinese_key_suggests_the_field_it_describes() -> None:
    """A clerk writing 标题 or 上年 is pointed to `title` and `last_year`, found from the fields' descriptions."""
    block = {"type": "indicators", "indicators": [{"name": "外借", "value": 3, "上年": 2}]}
    section = {"kind": "text", "标题": "统计", "title": "统计", "blocks": [block]}
    problems = problems_of(small_report(sections=[section]))
    messages = {p.path: p.message for p in problems}
    assert "did you mean `title`?" in messages["sections[0].标题"]
    assert "did you mean `last_year`?" in messages["sections[0].blocks[0].indicators[0].上年"]


def test_a_number_as_a_mapping_key_is_named_as_written(tmp_path: Path) -> None:
    """`items: {1.: 甲}` in YAML has the number 1.0 as a key: the path and message show `1.`, ask for text and say
    to quote it; a fractional year where a whole number is expected gets no such hint."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: 某馆\nyear: 2021\nsections:\n  - title: 概况\n    blocks:\n      - type: form\n"
                    "        items: {1.: 甲, 2020: 乙}\n", encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.load(path)
    first, second = caught.value.problems
    assert first.path == "sections[0].blocks[0].items.1." and "the key must be text" in first.message
    assert 'quote it: "1."' in first.message and second.path == "sections[0].blocks[0].items.2020"
    (year,) = problems_of(small_report(year=2020.5))
    assert year.path == "year" and "quote" not in year.message and "whole number" in year.message
