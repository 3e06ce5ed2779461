"""`pie` draws a pie and `donut` a ring, for breakdowns as for charts, in pictures and native charts; the alt text
says which (饼图, 环形图) and the importer reads it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Wedge

import annual_docx
import annual_docx._charts as charts
from annual_docx._charts import ChartImage, category_chart

from .conftest import small_report

TITLES = [("高级职称", 2), ("中级职称", 8), ("初级职称", 3), ("管理人员", 1)]


def drawn(monkeypatch: pytest.MonkeyPatch, kind: str) -> tuple[Figure, ChartImage]:
    figures: list[Figure] = []
    original = charts.personnel.chart_image

    def capture(fig: Figure, alt: str, **options: bool) -> ChartImage:
        figures.append(fig)
        return original(fig, alt, **options)

    monkeypatch.setattr(charts.personnel, "chart_image", capture)
    image = category_chart("职称结构", TITLES, kind=kind)  # type: ignore[arg-type]
    return figures[0], image


@pytest.mark.parametrize(("kind", "hole", "name"), [("pie", False, "饼图"), ("donut", True, "环形图")])
def test_a_pie_has_no_hole_and_a_donut_has_its_total_in_the_hole(
        monkeypatch: pytest.MonkeyPatch, kind: str, hole: bool, name: str) -> None:
    fig, image = drawn(monkeypatch, kind)
    wedges = [p for p in fig.axes[0].patches if isinstance(p, Wedge)]
    assert len(wedges) == 4
    assert all((w.width is not None and w.width < 1) == hole for w in wedges)  # a ring's wedges are bands
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert ("共14人" in texts) == hole
    assert image.alt_text.startswith(f"职称结构{name}：高级职称2人（14.3%）")


def report(engine: str) -> dict[str, Any]:
    breakdowns = [
        {"title": "职称结构", "categories": dict(TITLES), "chart": "pie"},
        {"title": "学历结构", "categories": {"大专": 3, "本科": 10}, "chart": "donut"},
        {"title": "年龄结构", "categories": {"35岁以下": 4, "36岁以上": 7}},  # the default: a ring
    ]
    charts_ = [{"kind": "chart", "title": title, "chart": kind, "labels": ["甲", "乙"], "series": {"项目": [3, 1]}}
               for title, kind in (("项目构成", "pie"), ("读者构成", "donut"))]
    return small_report(chart_engine=engine, sections=[
        {"kind": "personnel", "title": "人员结构", "breakdowns": breakdowns}, *charts_])


def alt_texts(out: Path) -> list[str]:
    body = docx.Document(str(out)).element.body
    return [d.get("descr") for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]


@pytest.mark.parametrize("engine", ["image", "native"])
def test_breakdowns_and_charts_draw_what_they_name(tmp_path: Path, engine: str) -> None:
    """pie → 饼图 (a pie; natively c:pieChart), donut and the breakdown default → 环形图 (c:doughnutChart), in
    breakdowns and charts alike; an import reads the kinds back."""
    out = annual_docx.render(annual_docx.validate(report(engine)), tmp_path / f"{engine}.docx")
    kinds = [alt.split("：")[0] for alt in alt_texts(out)]
    assert kinds == ["职称结构饼图", "学历结构环形图", "年龄结构环形图", "项目构成饼图", "读者构成环形图"]
    if engine == "native":
        import re
        import zipfile

        with zipfile.ZipFile(out) as z:
            names = [n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
            parts = [z.read(n).decode() for n in sorted(names, key=lambda n: int(re.sub(r"\D", "", n)))]
        assert ["<c:pieChart>" in p for p in parts] == [True, False, False, True, False]
        assert ["<c:doughnutChart>" in p for p in parts] == [False, True, True, False, True]
    imported = annual_docx.import_docx(out, assets=tmp_path / f"{engine}_assets")
    found: list[str] = []

    def visit(value: Any) -> None:
        if (hasattr(value, "chart") and hasattr(value, "categories")) or getattr(value, "type", None) == "chart":
            found.append(value.chart)
        for name in getattr(type(value), "model_fields", {}):
            item = getattr(value, name)
            for sub in item if isinstance(item, list) else [item]:
                visit(sub)

    visit(imported)
    assert found == ["pie", "donut", "donut", "pie", "donut"]
