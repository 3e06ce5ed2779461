"""Charts from the report: chart_font, the party chart, chart sections, guides, and errors naming the section."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

import annual_docx
import annual_docx._charts as charts
from annual_docx import ReportValidationError
from annual_docx._charts._fonts import bundled_font_dir
from annual_docx._charts._kinds import KINDS
from annual_docx._content._context import build_context
from annual_docx.errors import ChartError

from .conftest import small_report
from .test_context import fake_picture

WQY = bundled_font_dir().parent / "wqy" / "wqy-microhei.ttc"
PARTY = {
    "kind": "party",
    "title": "党组织架构",
    "branches": [
        {"name": "图书馆支部", "roles": [{"title": "书记", "name": "孔德安"}, {"title": "组织委员", "name": "王建伟"}]}
    ],
}
LOANS = {
    "kind": "chart",
    "title": "外借册次",
    "chart": "line",
    "labels": [2016, 2017, 2018],
    "series": {"成人外借": [14.2, 15.1, 15.8], "少儿外借": [4.1, 4.6, 5.2]},
    "unit": "万册次",
    "caption": "2016—2018年外借册次",
    "source": "资料来源：业务统计",
}


def _context(data: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return build_context(annual_docx.validate(data, **kw), fake_picture)


def test_party_section_keeps_role_lines_and_adds_the_branch_chart() -> None:
    """The party section lists the roles as text, then a figure whose alt text names every post and person."""
    blocks = _context(small_report(sections=[PARTY]))["blocks"]
    assert [b.kind for b in blocks] == ["heading1", "group", "role", "role", "figure"]
    _, width, alt = blocks[-1].image
    assert alt == "党组织架构图：图书馆支部，书记孔德安，组织委员王建伟。" and width <= 156


def test_party_chart_can_be_turned_off() -> None:
    """chart: false leaves the party section as text only."""
    blocks = _context(small_report(sections=[{**PARTY, "chart": False}]))["blocks"]
    assert [b.kind for b in blocks] == ["heading1", "group", "role", "role"]


@pytest.mark.parametrize("kind", ["line", "bar", "stacked_bar", "barh", "stacked_barh"])
def test_chart_section_becomes_a_captioned_figure(kind: str) -> None:
    """A chart section of any kind becomes one figure with its numbered caption (图1 …) and year-by-year alt text."""
    blocks = _context(small_report(sections=[{**LOANS, "chart": kind}]))["blocks"]
    assert [(b.kind, b.text) for b in blocks] == [("heading1", "一、外借册次"), ("figure", "图1 2016—2018年外借册次")]
    _, _, alt = blocks[1].image
    assert alt.startswith("外借册次") and "2016年14.2万册次" in alt and "少儿外借" in alt


def test_chart_section_needs_one_value_per_label() -> None:
    """A series with a missing year is a validation error naming the section and the series."""
    bad = {**LOANS, "series": {"成人外借": [14.2, 15.1]}}
    with pytest.raises(ReportValidationError) as info:
        annual_docx.validate(small_report(sections=[bad]))
    (problem,) = info.value.problems
    assert problem.path.startswith("sections[0]") and "成人外借" in problem.message


def test_org_units_guides_become_dotted_links() -> None:
    """OrgUnit.guides reaches the chart: the alt text says which unit guides which."""
    section = {
        "kind": "org_chart",
        "title": "组织结构",
        "units": [{"name": "图书馆", "guides": ["文化馆"]}, {"name": "文化馆"}],
    }
    _, _, alt = _context(small_report(sections=[section]))["blocks"][1].image
    assert "图书馆指导文化馆（虚线）" in alt


def test_chart_font_path_resolves_against_the_report_folder(tmp_path: Path) -> None:
    """chart_font.path is relative to the report file, like a picture's path."""
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "wqy.ttc").write_bytes(WQY.read_bytes())
    report = annual_docx.validate(small_report(chart_font={"path": "fonts/wqy.ttc"}), base_dir=tmp_path)
    assert report.chart_font is not None and report.chart_font.path == tmp_path / "fonts" / "wqy.ttc"


@pytest.mark.parametrize(
    ("font", "message"),
    [
        ({}, "exactly one of family and path"),
        ({"family": "SimHei", "path": str(WQY)}, "exactly one of family and path"),
        ({"path": "nowhere.ttf"}, "font file not found"),
    ],
)
def test_chart_font_needs_exactly_one_existing_choice(tmp_path: Path, font: dict[str, str], message: str) -> None:
    """chart_font needs a family or an existing font file, not neither."""
    with pytest.raises(ReportValidationError, match=message):
        annual_docx.validate(small_report(chart_font=font), base_dir=tmp_path)


def test_every_chart_is_drawn_in_the_report_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """chart_font reaches every chart of the report: org, party, personnel and chart sections."""
    used: list[str | None] = []

    def spy(name: str, home: Any = charts) -> Any:
        original = getattr(home, name)

        def call(*args: Any, **kw: Any) -> Any:
            used.append(kw.get("font"))
            return original(*args, **kw)

        return call

    for name in ("org_chart", "party_chart"):
        monkeypatch.setattr(charts, name, spy(name))
    for kind in ("donut", "line"):  # the drawers the chart kind registry names, in their modules
        where = KINDS[kind].draw_categories if kind == "donut" else KINDS[kind].draw
        module_name, _, name = (where or "").partition(":")
        module = importlib.import_module(module_name)
        monkeypatch.setattr(module, name, spy(name, module))
    org = {"kind": "org_chart", "title": "组织", "units": [{"name": "馆长室"}]}
    personnel = {"kind": "personnel", "title": "人员", "breakdowns": [{"title": "职称", "categories": {"高级": 1}}]}
    data = small_report(sections=[org, PARTY, personnel, LOANS], chart_font={"path": str(WQY)})
    _context(data)
    assert used == ["WenQuanYi Micro Hei"] * 4


def test_chart_errors_name_the_section_and_field() -> None:
    """A character no font has fails the render with the section, breakdown and category named."""
    personnel = {
        "kind": "personnel",
        "title": "人员",
        "breakdowns": [{"title": "职称", "categories": {"高级": 1}}, {"title": "学历", "categories": {"本\ue000": 1}}],
    }
    with pytest.raises(
        ChartError, match=r"^sections\[0\]\.breakdowns\[1\]: 图表文字“\ue000”无可用字体 .*categories\[0\]"
    ):
        _context(small_report(sections=[personnel]))
    party = {**PARTY, "branches": [{"name": "支部", "roles": [{"title": "书记", "name": "孔\ue000"}]}]}
    with pytest.raises(ChartError, match=r"^sections\[1\]: .*branches\[0\]\.roles\[0\]\.name"):
        _context(small_report(sections=[{"kind": "text", "title": "概况"}, party]))


def test_unknown_chart_font_family_is_a_chart_error_naming_chart_font() -> None:
    """A family no font on the machine has fails with chart_font and the family named."""
    with pytest.raises(ChartError, match=r"chart_font: 找不到图表字体“某某黑体”"):
        _context(small_report(sections=[PARTY], chart_font={"family": "某某黑体"}))


def test_system_family_picks_an_installed_cjk_font_or_the_bundled_one() -> None:
    """family "system" gives one of the known CJK families installed here, else the bundled Noto."""
    from annual_docx._charts._fonts import SYSTEM_FAMILIES, chart_font, system_font

    family = chart_font(family="system")
    assert family in SYSTEM_FAMILIES
    assert family == (system_font() or "Noto Sans CJK SC")


def test_system_family_prefers_simhei_over_a_later_family(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SimHei installed (here: a stand-in entry) "system" picks it; with no system CJK font, the bundled one."""
    import dataclasses

    from matplotlib.font_manager import fontManager

    from annual_docx._charts._fonts import chart_font, system_font

    chart_font()
    bundled = str(bundled_font_dir().parent)
    ours = [e for e in fontManager.ttflist if e.fname.startswith(bundled)]
    monkeypatch.setattr(fontManager, "ttflist", ours)  # a machine with no system CJK font
    assert system_font() is None
    assert chart_font(family="system") == "Noto Sans CJK SC"
    simhei = dataclasses.replace(ours[0], name="SimHei", fname="/usr/share/fonts/simhei.ttf")
    droid = dataclasses.replace(ours[0], name="Droid Sans Fallback", fname="/usr/share/fonts/droid.ttf")
    monkeypatch.setattr(fontManager, "ttflist", [droid, *ours, simhei])
    assert system_font() == "SimHei"
