"""Tests of lint codes and silencing, years where they are expected, later years, placeholders and numbering."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx import Problem, lint
from annual_docx._input._load import parse
from annual_docx._model.schema_lint import LINT_CODES
from annual_docx.cli import main

from .conftest import ROOT, small_report


def warnings_for(**overrides: Any) -> list[Problem]:
    return lint(annual_docx.validate(small_report(**overrides)))


def found(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in problems]


def comparison_section(**extra: Any) -> dict[str, Any]:
    """A 2021 report's section comparing 2019 and 2020 in the places where years belong."""
    return {
        "kind": "text", "title": "业务统计", "paragraphs": ["全年工作平稳。"],
        "blocks": [
            {"type": "table", "title": "2019—2020年外借对比", "header": ["年份", "2019年", "2020年"],
             "rows": [["2019年", "1", "2"], ["2020年", "3", "2020年底"]]},
            {"type": "table", "header": [[{"text": "2018年", "colspan": 2}], ["甲", "乙"]], "rows": [["1", "2"]]},
            {"type": "form", "items": {"2016年建成": "新馆"}},
            {"type": "chart", "title": "2017—2021年外借", "labels": ["2017年", "2018年"],
             "series": {"2019年计划": [1, 2]}, "caption": "2017年以来外借"},
            {"type": "chronology", "events": [{"date": "2020年12月30日", "event": "召开年会。"}]},
        ],
        **extra,
    }


def test_years_are_not_flagged_where_reports_compare_years() -> None:
    """Table titles, headers and first columns, form labels, chart labels and captions, chronology dates: no warning;
    the same year in a table's data cell is flagged."""
    problems = warnings_for(sections=[comparison_section()])
    assert found(problems) == [("sections[0].blocks[0].rows[1][2]", "W-YEAR")]


def test_years_where_expected_are_found_at_any_depth() -> None:
    """The exemptions are found by the block's type, so a chart section's labels are exempt as a chart block's are."""
    chart = {"kind": "chart", "title": "外借趋势", "labels": ["2019年", "2020年"], "series": {"外借": [1, 2]},
             "caption": "2019—2020年外借", "paragraphs": ["2019年以来外借增加。"]}
    assert found(warnings_for(sections=[chart])) == [("sections[0].paragraphs[0]", "W-YEAR")]


def test_a_year_after_the_report_year_is_flagged_as_later() -> None:
    """A 2021 report mentioning 2023 is flagged, and the message says it is after the report year."""
    problems = warnings_for(opening=["2023年将建成新馆。"])
    assert found(problems) == [("opening[0]", "W-YEAR")]
    assert "2023" in problems[0].message and "after the report year 2021" in problems[0].message


@pytest.mark.parametrize("text", ["××县图书馆", "馆长：某某", "XX年XX月", "共xx人", "○○分馆", "电话：____",
                                  "（请填写）", "联系人：待填", "ＸＸ乡", "TODO 补充数字"])
def test_placeholders_are_flagged(text: str) -> None:
    """Starter placeholders left in the text are flagged with W-PLACEHOLDER at their field."""
    assert found(warnings_for(opening=[text])) == [("opening[0]", "W-PLACEHOLDER")]


@pytest.mark.parametrize("text", ["网址 www.qufu.gov.cn/xxgk", "XXL 号馆服", "二〇〇八年建馆。", "某单位来馆参观。",
                                  "4×4 米展板。"])
def test_ordinary_text_is_not_a_placeholder(text: str) -> None:
    """Words that merely contain the letters or signs are not placeholders."""
    assert warnings_for(opening=[text]) == []


def test_starter_reports_are_flagged_until_filled_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A report made by `init` and not yet filled in fails `validate --strict` for its placeholders."""
    target = tmp_path / "年报.yaml"
    assert main(["init", "--kind", "generic", str(target)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(target)]) == 1
    assert "W-PLACEHOLDER" in capsys.readouterr().err


def test_a_typed_number_in_a_numbered_title_is_flagged() -> None:
    """`一、基本情况` under automatic numbering would read 一、一、基本情况; flagged at the title."""
    sections = [{"kind": "text", "title": "一、基本情况", "paragraphs": ["正文。"]},
                {"kind": "text", "title": "2021年工作", "paragraphs": ["正文。"]}]
    problems = warnings_for(sections=sections, opening=[])
    assert found(problems) == [("sections[0].title", "W-TYPED-NUMBER")]


def test_every_warning_has_a_documented_code() -> None:
    """Each code is listed in the report-format docs, and every warning the checks give carries a known code."""
    docs = (ROOT / "docs" / "report-format.md").read_text(encoding="utf-8")
    assert [code for code in LINT_CODES if f"`{code}`" not in docs] == []
    problems = warnings_for(opening=["××。2019年,占60%，占50%。\x07"], date="2021-01-05",
                            sections=[{"kind": "text", "title": "概况"}, {"kind": "text", "title": "概况",
                                                                            "paragraphs": ["2021年2月30日。"]}])
    assert {p.code for p in problems} == {"W-PLACEHOLDER", "W-YEAR", "W-PUNCT", "W-SHARE", "W-CONTROL",
                                          "W-EMPTY", "W-DUP-TITLE", "W-DATE-INVALID"}


def test_silencing_a_code_for_the_whole_report() -> None:
    """`lint.ignore` drops a code everywhere and keeps the others; `silenced=True` still returns it."""
    data = small_report(opening=["2019年,完成。"], lint={"ignore": ["W-YEAR"]})
    report = annual_docx.validate(data)
    assert found(lint(report)) == [("opening[0]", "W-PUNCT")]
    assert sorted(found(lint(report, silenced=True))) == [("opening[0]", "W-PUNCT"), ("opening[0]", "W-YEAR")]


def test_silencing_two_codes_for_the_whole_report_silences_both() -> None:
    """Every code `lint.ignore` lists is silenced, not only the first; a code it does not list is kept."""
    data = small_report(opening=["2019年,完成。××"], lint={"ignore": ["W-YEAR", "W-PUNCT"]})
    assert found(lint(annual_docx.validate(data))) == [("opening[0]", "W-PLACEHOLDER")]
    data = small_report(opening=["2019年,完成。××"], lint={"ignore": ["W-PUNCT", "W-YEAR"]})
    assert found(lint(annual_docx.validate(data))) == [("opening[0]", "W-PLACEHOLDER")]


def test_next_year_in_a_plan_section_is_not_flagged() -> None:
    """Every report ends with next year's plans: the report year + 1 in a section whose title names plans (打算, 计划,
    思路, 目标, 安排, 展望 …), in its title, text and subsections, draws no W-YEAR; two years on, or next year
    elsewhere, still does."""
    sections = [
        {"kind": "text", "title": "2022年工作打算", "paragraphs": ["2022年将完成新馆搬迁，2023年开馆。"]},
        {"title": "存在的问题和下一步打算", "sections": [
            {"title": "加强阅读推广", "paragraphs": ["2022年举办活动50场。"]}]},
        {"kind": "text", "title": "2022年工作思路", "paragraphs": ["2022年继续推进。"]},
        {"kind": "text", "title": "展望", "paragraphs": ["2022年，我们将……"]},
        {"kind": "text", "title": "年度概况", "paragraphs": ["2022年将完成搬迁。"]},
    ]
    assert found(warnings_for(sections=sections)) == [
        ("sections[0].paragraphs[0]", "W-YEAR"), ("sections[4].paragraphs[0]", "W-YEAR")]
    problems = warnings_for(sections=sections)
    assert "2023" in problems[0].message
    no_year = small_report(sections=sections)
    del no_year["year"]
    assert found(lint(annual_docx.validate(no_year))) == [("year", "W-YEAR")]  # nothing to compare with


def test_silencing_at_a_field_covers_what_it_holds_and_nothing_else() -> None:
    """`ignore_at: {sections[0]: [W-YEAR]}` silences W-YEAR in that section's fields, not in sections[1] nor
    sections[10], and not other codes there."""
    sections = [{"kind": "text", "title": f"第{n}节", "paragraphs": ["2019年完成。", "××"]} for n in range(11)]
    report = annual_docx.validate(small_report(sections=sections, lint={"ignore_at": {"sections[0]": ["W-YEAR"]}}))
    problems = found(lint(report))
    assert ("sections[0].paragraphs[0]", "W-YEAR") not in problems
    assert ("sections[0].paragraphs[1]", "W-PLACEHOLDER") in problems
    assert ("sections[1].paragraphs[0]", "W-YEAR") in problems and ("sections[10].paragraphs[0]", "W-YEAR") in problems


def test_silencing_one_field() -> None:
    """A path to one paragraph silences that paragraph only; codes may be written in lower case without W-."""
    report = annual_docx.validate(small_report(
        opening=["2019年完成。", "2019年完成。"], lint={"ignore_at": {"opening[1]": ["year"]}}))
    assert found(lint(report)) == [("opening[0]", "W-YEAR")]
    assert report.lint.ignore_at == {"opening[1]": ["W-YEAR"]}


def test_an_unknown_code_is_an_error_naming_the_closest() -> None:
    """A misspelt code is a validation error at its field, suggesting the code meant and listing the valid ones."""
    with pytest.raises(annual_docx.ReportValidationError) as caught:
        annual_docx.validate(small_report(lint={"ignore": ["W-YAER"]}))
    text = str(caught.value)
    assert "lint.ignore[0]" in text and "did you mean W-YEAR" in text and "W-PLACEHOLDER" in text


def test_a_silencing_path_that_names_no_field_is_flagged() -> None:
    """A path naming no field (a typo, or a section since removed) is itself a warning, so nothing is silently kept."""
    problems = warnings_for(lint={"ignore_at": {"sections[7]": ["W-YEAR"], "opening[0]": ["W-YEAR"]}})
    assert found(problems) == [("lint.ignore_at.sections[7]", "W-IGNORE-PATH")]


def test_validate_strict_honours_silencing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same report fails `validate --strict` without its lint settings and passes with them; the count of
    silenced warnings is shown."""
    data = small_report(opening=["2019年完成。"], sections=[comparison_section()])
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 1
    err = capsys.readouterr().err
    assert re.findall(r"\[(W-[A-Z-]+)\]", err) == ["W-YEAR", "W-YEAR"]
    data["lint"] = {"ignore_at": {"opening": ["W-YEAR"], "sections[0].blocks[0].rows[1][2]": ["W-YEAR"]}}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 0
    assert "0 warning(s) (2 more silenced" in capsys.readouterr().out


def nested(parent: str, child: str, **report: Any) -> list[Problem]:
    tree = {"title": parent, "paragraphs": ["正文。"], "sections": [{"title": child, "paragraphs": ["正文。"]}]}
    return warnings_for(sections=[tree], **report)


def test_a_subsection_numbered_in_its_parents_style_is_flagged() -> None:
    """Unnumbered levels with numbers typed by hand: （一） under 一、 is right; 一、 under 一、 is flagged at the
    subsection, and so is a typed 一、 under a level numbered 一、 automatically."""
    assert nested("一、基本情况", "（一）主要职能", numbering=["无", "无"]) == []
    assert found(nested("一、基本情况", "一、主要职能", numbering=["无", "无"])) == [
        ("sections[0].sections[0]", "W-NUMBERING")]
    assert found(nested("基本情况", "一、主要职能", numbering=["一、", "无"])) == [
        ("sections[0].sections[0]", "W-NUMBERING")]


def test_a_typed_number_in_a_nested_numbered_title_is_flagged() -> None:
    """At level 2 under the default numbering, `（一）主要职能` would read （一）（一）主要职能."""
    assert found(nested("基本情况", "（一）主要职能")) == [("sections[0].sections[0].title", "W-TYPED-NUMBER")]
    assert nested("基本情况", "主要职能") == []


def test_silencing_and_year_places_follow_the_tree() -> None:
    """A path into a subsection silences what it holds; a table in an attachment has its header years expected."""
    tree = {"title": "基本情况", "sections": [
        {"title": "人员", "paragraphs": ["2019年起增编。"]},
        {"title": "资产", "paragraphs": ["2019年购置。"]},
    ]}
    official = {"attachments": [{"title": "附表", "blocks": [
        {"type": "table", "header": ["项目", "2019年", "2020年"], "rows": [["外借", "1", "2"]]}]}]}
    report = annual_docx.validate(small_report(sections=[tree], official=official,
                                               lint={"ignore_at": {"sections[0].sections[1]": ["W-YEAR"]}}))
    assert found(lint(report)) == [("sections[0].sections[0].paragraphs[0]", "W-YEAR")]


@pytest.mark.parametrize("kind", ["library", "museum", "culture-centre", "generic"])
def test_silencing_each_warning_at_its_path_removes_exactly_it(kind: str, tmp_path: Path) -> None:
    """For every warning of a starter report, `ignore_at: {its path: [its code]}` removes that warning and no other
    (the expected list is built by removing it by hand, not through the library's matching)."""
    target = tmp_path / "r.yaml"
    assert main(["init", "--kind", kind, str(target)]) == 0
    data = parse(target)
    everything = found(lint(annual_docx.validate(data, base_dir=tmp_path)))
    assert everything
    for path, code in dict.fromkeys(everything):
        quiet = annual_docx.validate({**data, "lint": {"ignore_at": {path: [code]}}}, base_dir=tmp_path)
        left = found(lint(quiet))
        assert left == [w for w in everything if not (w[1] == code and (w[0] == path or w[0].startswith(
            (path + ".", path + "["))))]


def test_silencing_a_section_by_its_title_survives_reordering() -> None:
    """`ignore_at: {2022年工作打算: [W-YEAR]}` silences that section and its subsections wherever it stands; the same
    year elsewhere is still flagged, and a key that is neither a path nor a title is flagged itself."""
    plan = {"title": "2022年工作打算", "paragraphs": ["2022年将建成新馆。"],
            "sections": [{"title": "重点项目", "paragraphs": ["2022年底前完成。"]}]}
    other = {"title": "概况", "paragraphs": ["2022年计划另议。"]}
    settings = {"ignore_at": {"2022年工作打算": ["W-YEAR"], "2022年工作计划": ["W-YEAR"]}}
    for sections in ([plan, other], [other, plan]):
        report = annual_docx.validate(small_report(sections=sections, lint=settings))
        where = f"sections[{sections.index(other)}].paragraphs[0]"
        assert found(lint(report)) == [(where, "W-YEAR"), ("lint.ignore_at.2022年工作计划", "W-IGNORE-PATH")]
