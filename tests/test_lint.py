"""Tests of the consistency lint: each check, with the field path of what it flags."""

from __future__ import annotations

import datetime as dt
from typing import Any

import annual_docx
from annual_docx import Problem, lint
from annual_docx._model.lint import check_dates

from .conftest import EXAMPLE, small_report


def personnel(staff: int | None = 14, establishment: int | None = 28, **counts: int) -> dict[str, Any]:
    return {
        "kind": "personnel",
        "title": "人员结构",
        "staff": staff,
        "establishment": establishment,
        "breakdowns": [{"title": "职称结构", "categories": counts or {"高级": 2, "中级": 12}}],
    }


def warnings_for(**overrides: Any) -> list[Problem]:
    return lint(annual_docx.validate(small_report(**overrides)))


def paths(problems: list[Problem]) -> list[str]:
    return [p.path for p in problems]


def test_clean_report_has_no_warnings() -> None:
    """A consistent report gets no warnings."""
    assert warnings_for() == []


def test_seed_example_is_flagged_but_not_changed(example_report: annual_docx.Report) -> None:
    """The seed's 截至 2018 年 and its half-width full stop are flagged with paths; the data stays literal."""
    problems = lint(example_report)
    assert ("sections[3].breakdowns[0].paragraphs[0]", "2018") in [(p.path, "2018" if "2018" in p.message else "")
                                                                   for p in problems]
    assert any(p.path == "opening[0]" and "'.'" in p.message for p in problems)
    assert len(problems) == 2
    assert "截至 2018 年 12 月" in EXAMPLE.read_text(encoding="utf-8")
    assert example_report.opening[0].endswith("好评.")


def test_breakdown_not_adding_up_to_staff_is_flagged() -> None:
    """A breakdown whose categories sum to 13 while staff is 14 is flagged at its categories."""
    problems = warnings_for(sections=[personnel(高级=2, 中级=11)])
    assert paths(problems) == ["sections[0].breakdowns[0].categories"]
    assert "13" in problems[0].message and "14" in problems[0].message


def test_establishment_below_staff_is_flagged() -> None:
    """More staff in post than authorised posts is flagged at establishment."""
    problems = warnings_for(sections=[personnel(staff=14, establishment=10)])
    assert paths(problems) == ["sections[0].establishment"]


def test_shares_over_100_percent_are_flagged() -> None:
    """Shares (占…%) in one paragraph that add up to more than 100% are flagged."""
    text = "高级职称占60%，中级职称占50%。"
    problems = warnings_for(opening=[text, "本科学历占 92.9%，大专占7.1%。"])
    assert paths(problems) == ["opening[0]"]
    assert "110%" in problems[0].message


def test_year_differing_from_the_report_year_is_flagged() -> None:
    """A year in the text that is not the report year is flagged once per year, naming both."""
    problems = warnings_for(opening=["2021年工作顺利。截至2019年底，2019 年……"])
    assert paths(problems) == ["opening[0]"]
    assert "2019" in problems[0].message and "2021" in problems[0].message


def test_date_after_the_report_date_is_flagged() -> None:
    """A full date later than 成文日期 is flagged; earlier dates and impossible ones are told apart."""
    report = annual_docx.validate(small_report(
        date=dt.date(2022, 1, 5), opening=["2021年12月31日开馆。", "2022年2月1日闭馆。"],
        sections=[{"kind": "text", "title": "概况", "paragraphs": ["2021-02-30 检查。"]}],
    ))
    problems = check_dates(report)
    assert [(p.path, "after" in p.message) for p in problems] == [
        ("opening[1]", True), ("sections[0].paragraphs[0]", False)]
    assert "2022年2月1日" in problems[0].message and "not a real date" in problems[1].message


def test_half_width_punctuation_in_chinese_is_flagged() -> None:
    """Half-width , . ; : inside Chinese sentences are flagged; decimals and English are not."""
    problems = warnings_for(opening=["外借13.10万册次,接待读者.", "Open 9:00-17:00, daily.", "第3.5节。"])
    assert paths(problems) == ["opening[0]", "opening[0]"]
    assert {"'.'" in p.message or "','" in p.message for p in problems} == {True}


def test_duplicate_and_empty_sections_are_flagged() -> None:
    """A section title used twice is flagged at the second one; a text section with no paragraphs is empty."""
    sections = [{"kind": "text", "title": "概况", "paragraphs": ["正文。"]}, {"kind": "text", "title": "概况"}]
    problems = warnings_for(sections=sections)
    assert paths(problems) == ["sections[1].title", "sections[1]"]
    assert "sections[0]" in problems[0].message and "empty" in problems[1].message


def test_control_characters_are_flagged_with_their_codes() -> None:
    """Control characters pasted from Word are named by code point and field."""
    problems = warnings_for(opening=["正文\x07段落\x0c。"])
    assert paths(problems) == ["opening[0]"]
    assert "U+0007" in problems[0].message and "U+000C" in problems[0].message


def test_nested_sections_and_blocks_are_linted_at_every_level() -> None:
    """A breakdown block deep in the tree is checked against its expected total; an empty subsection is flagged;
    titles repeat only among siblings; a section holding only subsections is not empty."""
    breakdown = {"type": "breakdown", "title": "年龄结构", "categories": {"青年": 2, "中年": 3}, "expected_total": 6}
    tree = {"title": "基本情况", "sections": [
        {"title": "人员情况", "sections": [{"title": "结构", "blocks": [breakdown]}]},
        {"title": "概况", "sections": [{"title": "小结"}]},
        {"title": "其他", "sections": [{"title": "小结", "paragraphs": ["正文。"]}]},
    ]}
    problems = warnings_for(sections=[tree])
    assert paths(problems) == ["sections[0].sections[0].sections[0].blocks[0].categories",
                               "sections[0].sections[1].sections[0]"]
    assert "5" in problems[0].message and "6" in problems[0].message and "empty" in problems[1].message


def test_shares_over_100_percent_name_their_sum_as_the_formatter_prints_it() -> None:
    """The sum of the shares is printed by the one number formatter: 60.1 + 40.6 reads 100.7 %, not a float's
    100.69999999999999."""
    problems = [p for p in warnings_for(opening=["本科占60.1%，专科占40.6%。"]) if p.code == "W-SHARE"]
    assert [p.message.split("，")[0] for p in problems] == ["所占比例合计 100.7%"]
