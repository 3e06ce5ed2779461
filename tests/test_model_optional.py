"""Nothing is invented (issue 21): a report may state no year, no organisation and no title; a 1945 report is a
report; the default title appears only when year and organisation are both known."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx import ReportValidationError

from .conftest import small_report


def _bare(**overrides: object) -> dict:
    data = small_report(**overrides)
    for key in ("year", "organisation"):
        if key in overrides and overrides[key] is None:
            del data[key]
    return data


def test_a_1945_report_validates() -> None:
    """Documents state years before 1949; the range is 1000–2100."""
    assert annual_docx.validate(small_report(year=1945)).full_title == "1945年度某县图书馆工作年报"
    assert annual_docx.validate(small_report(year=1000)).year == 1000
    for bad in (999, 2101):
        with pytest.raises(ReportValidationError) as info:
            annual_docx.validate(small_report(year=bad))
        assert str(info.value.problems[0]).startswith("year:")


@pytest.mark.parametrize(("overrides", "title"), [
    ({}, "2021年度某县图书馆工作年报"),
    ({"year": None}, ""),
    ({"organisation": None}, ""),
    ({"year": None, "organisation": None}, ""),
    ({"year": None, "organisation": None, "title": "某某情况报告"}, "某某情况报告"),
    ({"title": ""}, ""),
])
def test_default_title_only_when_year_and_organisation_are_known(overrides: dict, title: str) -> None:
    report = annual_docx.validate(_bare(**overrides))
    assert report.full_title == title


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.style_id if p.style is not None else "", p.text) for p in document.paragraphs]


@pytest.mark.parametrize("overrides", [{"year": None, "organisation": None}, {"title": ""}, {"year": None}])
def test_report_without_title_renders_no_title_paragraph(overrides: dict, tmp_path: Path) -> None:
    """No title paragraph, no 「2000年度」, no 「（请填写单位名称）」, no "None" anywhere in the package."""
    report = annual_docx.validate(_bare(**overrides))
    out = annual_docx.render(report, tmp_path / "bare.docx")
    data = out.read_bytes()
    paragraphs = _paragraphs(data)
    assert all(style != "Title" for style, _ in paragraphs), paragraphs
    assert paragraphs[0] == ("Normal", "开头段落。")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in ("word/document.xml", "docProps/core.xml"):
            text = z.read(name).decode()
            assert "None" not in text and "请填写" not in text and "年度某县" not in text and "工作年报" not in text


def test_report_with_a_title_but_no_year_keeps_it(tmp_path: Path) -> None:
    report = annual_docx.validate(_bare(year=None, organisation=None, title="关于某事的报告"))
    paragraphs = _paragraphs(annual_docx.render(report, tmp_path / "t.docx").read_bytes())
    assert paragraphs[0] == ("Title", "关于某事的报告")


def test_w_year_says_it_cannot_check_without_a_year() -> None:
    """A report without a year mentioning years: one W-YEAR warning on ``year``, no guessed comparison."""
    data = _bare(year=None)
    data["opening"] = ["2019年以来，馆藏持续增长，2020年外借增加。"]
    found = annual_docx.lint(annual_docx.validate(data))
    years = [p for p in found if p.code == "W-YEAR"]
    assert len(years) == 1 and years[0].path == "year" and "无法核对" in years[0].message
    quiet = _bare(year=None)
    assert not [p for p in annual_docx.lint(annual_docx.validate(quiet)) if p.code == "W-YEAR"]


def test_year_and_organisation_left_out_are_none_not_defaults() -> None:
    report = annual_docx.validate(_bare(year=None, organisation=None))
    assert report.year is None and report.organisation is None and report.title is None
