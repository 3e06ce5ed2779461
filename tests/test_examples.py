"""The two examples unlike the seed (a yearbook-style county library, a cultural centre) render from data alone."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import annual_docx

from .seedcheck import document_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Render both examples once."""
    out = tmp_path_factory.mktemp("examples")
    return {name: annual_docx.render(annual_docx.load(EXAMPLES / f"{name}.yaml"), out / f"{name}.docx")
            for name in ("yearbook_county_library", "culture_centre")}


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def test_yearbook_has_bracket_headings_statistics_trend_chart_and_chronology(rendered: dict[str, Path]) -> None:
    """Yearbook: 【】 item headings, a statistics table with year labels and signed changes, a trend chart, a
    branch table with totals, a 一是 sentence and a 大事记."""
    out = rendered["yearbook_county_library"]
    lines = texts(out)
    assert [t for t in lines if t.startswith("【")] == ["【概况】", "【读者服务】", "【阅读推广】"]
    assert [t for t in lines if t[:2] in ("一、", "二、", "三、", "四、")] == [
        "一、业务工作", "二、外借文献", "三、总分馆建设", "四、大事记"]
    stats, branches = tables(out)
    assert stats[0] == ["指标", "2022年", "2023年", "增减"]  # the clerk's column labels, signed changes
    assert stats[1] == ["到馆读者", "21.40万人次", "28.60万人次", "+33.6%"]
    assert stats[4][3] == "0.0%" and stats[5][3] == "-20.7%"
    assert stats[6] == ["纸质文献外借率", "58.8%", "60.9%", "+2.1个百分点"]  # a rate changes in 百分点
    assert branches[-1] == ["合计", "16,458", "18,877"]
    assert "表2 乡镇分馆外借情况（单位：册次）" in lines  # numbered by the library, not typed
    assert any(t.startswith("下一步工作：一是完成") and t.endswith("制度。") for t in lines)
    assert "12月28日\u3000城关镇分馆完成标准化改造并对外开放。" in lines
    _, alts = document_text(out)
    assert len(alts) == 1 and "2023" in alts[0] and "19.9" in alts[0]


def test_culture_centre_has_form_sheet_table_gallery_chart_and_attachment(rendered: dict[str, Path]) -> None:
    """Cultural centre: a 项目/内容 form, a branch table, a table read from CSV with totals, two captioned photos side
    by side, a bar chart, and an attachment on its own page."""
    out = rendered["culture_centre"]
    form, branches, activities, gallery = tables(out)
    assert gallery == [["\n图1 公益培训教室（示意图）", "\n图2 年度荣誉（示意图）"]]  # picture line, then caption
    assert form[0] == ["项目", "内容"] and ["馆舍面积", "8600平方米"] in form
    assert branches[-1] == ["合计", "153", "29,280"]
    assert activities[1] == ["文艺演出", "46", "23,800"] and activities[-1] == ["合计", "214", "69,920"]
    lines = texts(out)
    assert "附件：2023年度群众文化活动一览（示例）" in "".join(lines).replace(" ", "")
    assert "2023年度群众文化活动一览（示例）" in lines
    _, alts = document_text(out)
    assert len(alts) == 3 and any("专业技术岗位24人" in a for a in alts)
    assert alts[:2] == ["公益培训教室（示意图）", "年度荣誉（示意图）"]


@pytest.mark.parametrize("name", ["yearbook_county_library", "culture_centre"])
def test_examples_are_valid_and_pass_the_compliance_check(rendered: dict[str, Path], name: str) -> None:
    """Both examples have no openxml-audit errors and pass every row of `annual-docx check`."""
    from openxml_audit import OpenXmlValidator

    out = rendered[name]
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []
