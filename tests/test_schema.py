"""Tests of the report schema and its error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx
from annual_docx import ReportValidationError

from .conftest import small_report


def problems(data: dict, **kw) -> list[str]:
    with pytest.raises(ReportValidationError) as info:
        annual_docx.validate(data, **kw)
    return [str(p) for p in info.value.problems]


def test_default_title_joins_year_and_organisation() -> None:
    """An omitted title becomes {year}年度{organisation}工作年报."""
    assert annual_docx.validate(small_report()).full_title == "2021年度某县图书馆工作年报"
    assert annual_docx.validate(small_report(title="自定标题")).full_title == "自定标题"


def test_unknown_key_is_rejected_with_its_path() -> None:
    """A misspelt key fails and the message names where it is."""
    data = small_report()
    data["sections"][0]["paragraph"] = ["x"]
    found = problems(data)
    assert any(p.startswith("sections[0].paragraph:") and "unknown key" in p for p in found)


def test_wrong_type_names_field_in_chinese_and_english() -> None:
    """A non-integer year is reported with the field, Chinese and English text, and the value found."""
    (found,) = problems(small_report(year="二〇二〇"))
    assert found.startswith("year:")
    assert "应为整数" in found and "expected a whole number" in found and "二〇二〇" in found


def test_all_problems_are_reported_at_once() -> None:
    """Several mistakes give several problems, not just the first."""
    data = small_report(year=99)  # before 1000: out of range
    data["sections"].append({"kind": "work_items", "title": "概况", "items": [{"title": "t"}]})
    data["sections"].append({"kind": "nonsense", "title": "x"})
    found = problems(data)
    assert any(p.startswith("year:") for p in found)
    assert any(p.startswith("sections[1].items[0].paragraphs:") for p in found)
    assert any(p.startswith("sections[2]") and "kind" in p for p in found)


def test_negative_category_count_is_rejected() -> None:
    """Staff counts cannot be negative."""
    section = {"kind": "personnel", "title": "人员结构", "breakdowns": [{"title": "职称", "categories": {"高级": -1}}]}
    (found,) = problems(small_report(sections=[section]))
    assert found.startswith("sections[0].breakdowns[0].categories.高级:")


def test_single_string_is_accepted_as_one_paragraph() -> None:
    """`paragraphs: text` means a list of one paragraph."""
    data = small_report(opening="只有一段。")
    data["sections"][0]["paragraphs"] = "一段。"
    report = annual_docx.validate(data)
    assert report.opening == ["只有一段。"]
    assert report.sections[0].paragraphs == ["一段。"]


def test_repeated_number_style_is_rejected() -> None:
    """Two heading levels cannot share a number style."""
    (found,) = problems(small_report(numbering=["一、", "一、"]))
    assert found.startswith("numbering:")


def test_missing_picture_is_an_error_naming_the_field(tmp_path: Path) -> None:
    """A photo path that does not exist fails validation at that photo."""
    section = {"kind": "photos", "title": "照片", "photos": [{"path": "nope.jpg"}]}
    (found,) = problems(small_report(sections=[section]), base_dir=tmp_path)
    assert found.startswith("sections[0].photos[0].path:") and "not found" in found


def test_picture_path_resolves_against_base_dir(tmp_path: Path) -> None:
    """A relative picture path is looked up next to the report file."""
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    section = {"kind": "photos", "title": "照片", "photos": [{"path": "a.png"}]}
    report = annual_docx.validate(small_report(sections=[section]), base_dir=tmp_path)
    assert report.sections[0].photos[0].path == tmp_path / "a.png"


def test_breakdown_total_sums_categories(example_report: annual_docx.Report) -> None:
    """The example's personnel breakdowns total 14 staff each."""
    personnel = next(s for s in example_report.sections if isinstance(s, annual_docx.PersonnelSection))
    assert [b.total for b in personnel.breakdowns] == [14, 14]
    assert personnel.establishment == 28 and personnel.staff == 14
