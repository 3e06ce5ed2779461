"""The chart kind registry: every ``chart:`` value is declared once, with its model name, picture drawers, native
writer, importer mapping and docs entry; a kind missing one of them fails here (``gaps``), and the output of each
part reads back as the same kind."""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing
from collections.abc import Mapping
from pathlib import Path

import pytest
from lxml import etree

from annual_docx._charts import _kinds
from annual_docx._charts._chart_facts import describe_categories, describe_series, series_kind_name
from annual_docx._charts._kinds import KINDS, ChartKind, from_alt_text, from_native
from annual_docx._charts._native import category_spec, series_spec
from annual_docx._import import alt_text
from annual_docx._model.schema_blocks import SeriesChart
from annual_docx._model.schema_figures import Breakdown
from annual_docx._ooxml.chart import PLOTS, chart_space
from annual_docx._ooxml.chart_in import read_chart

DOCS = Path(__file__).resolve().parents[1] / "docs" / "report-format.md"
_ROW = re.compile(r"^\| `(?P<name>[a-z_]+)` \| (?P<chinese>[^|]+) \| (?P<english>[^|]+) \|$", re.M)


def _literal(model: type, name: str) -> list[str]:
    annotation = model.model_fields[name].annotation  # type: ignore[attr-defined]
    return [str(v) for v in typing.get_args(annotation)]


def _binds(where: str | None, *args: object, **kwargs: object) -> bool:
    """Return whether the drawer at ``where`` imports and takes the call ``_drawing`` makes."""
    if where is None:
        return False
    try:
        function = ChartKind("x", "x", "x", "x", (), draw=where).drawer()
        inspect.signature(function).bind(*args, **kwargs)
    except (ImportError, AttributeError, TypeError):
        return False
    return True


def gaps(kinds: Mapping[str, ChartKind], docs: str) -> list[str]:
    """Return what each kind lacks: its place in the models, a drawer, a native writer, an importer mapping (alt
    text and native kind), a docs row."""
    out: list[str] = []
    series_names = _literal(SeriesChart, "chart")
    category_names = [n for n in _literal(Breakdown, "chart") if n != "none"]
    table = docs.partition("图表种类 / chart kinds")[2].partition("\n\n|")[2].partition("\n\n")[0]
    rows = {m["name"]: (m["chinese"].strip(), m["english"].strip()) for m in _ROW.finditer("|" + table)}
    out += [f"{n}: in SeriesChart.chart but not registered" for n in series_names if n not in kinds]
    out += [f"{n}: in Breakdown.chart but not registered" for n in category_names if n not in kinds]
    out += [f"{n}: a docs row but not registered" for n in rows if n not in kinds]
    for name, k in kinds.items():
        if k.name != name:
            out.append(f"{name}: registered under another name ({k.name})")
        if name not in series_names:
            out.append(f"{name}: not a value of SeriesChart.chart")
        if (k.category_alt is not None) != (name in category_names):
            out.append(f"{name}: a breakdown's kind exactly when it has a name in category alt text")
        if k.one_series == (k.draw is not None):
            out.append(f"{name}: a drawer over labels exactly when not drawn as one series of counts")
        if k.draw is not None and not _binds(k.draw, "t", ["2020"], [("s", [1.0])], unit="", source=None,
                                              font=None, draw_title=False, **k.options):
            out.append(f"{name}: no drawer over labels ({k.draw})")
        if k.category_alt is not None and not _binds(k.draw_categories, "t", [("a", 1)], kind=name, unit="人",
                                                      draw_title=False, font=None):
            out.append(f"{name}: no drawer of category counts ({k.draw_categories})")
        if k.native not in PLOTS:
            out.append(f"{name}: the native writer draws no {k.native!r} chart")
        if k.native not in k.imported_from:
            out.append(f"{name}: the importer does not read its own native chart ({k.native}) as it")
        if k.series_alt is None and k.category_alt is None:
            out.append(f"{name}: no name in the alt text, the importer cannot read its pictures back")
        for native in k.imported_from:
            if next(c for c in kinds.values() if native in c.imported_from) is not k:
                out.append(f"{name}: native {native!r} already read as another kind")
        if rows.get(name) != (k.chinese, k.english):
            out.append(f"{name}: no row `| `{name}` | {k.chinese} | {k.english} |` in docs/report-format.md")
    return out


def test_every_kind_has_every_part() -> None:
    """Model, drawers, native writer, importer mapping and docs row, for each registered kind."""
    assert gaps(KINDS, DOCS.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"draw": "annual_docx._charts.bar:no_such_drawer"}, "no drawer over labels"),
        ({"draw_categories": None}, "no drawer of category counts"),
        ({"native": "radar"}, "native writer draws no 'radar'"),
        ({"imported_from": ()}, "importer does not read its own native chart"),
        ({"chinese": "柱形图"}, "docs/report-format.md"),
    ],
)
def test_a_kind_missing_a_part_is_named(change: dict[str, object], message: str) -> None:
    """Take one part away from ``bar`` and the check names it."""
    broken = dict(KINDS) | {"bar": dataclasses.replace(KINDS["bar"], **change)}  # type: ignore[arg-type]
    assert any(message in gap for gap in gaps(broken, DOCS.read_text(encoding="utf-8"))), message


def test_a_kind_unknown_to_the_models_or_without_a_docs_row_is_named() -> None:
    """A registered kind the models do not accept, and a docs row of no kind, are both gaps."""
    extra = ChartKind("unheard_of", "新图", "something new", "line", ("unheard_of",),
                      draw="annual_docx._charts.line:line_chart", series_alt="新图")
    docs = DOCS.read_text(encoding="utf-8").replace("| `line` |", "| `radar` | 雷达图 | a spider web |\n| `line` |")
    found = gaps(dict(KINDS) | {"unheard_of": extra}, docs)
    assert "unheard_of: not a value of SeriesChart.chart" in found
    assert "radar: a docs row but not registered" in found
    assert gaps({k: v for k, v in KINDS.items() if k != "pie"}, DOCS.read_text(encoding="utf-8"))[:2] == [
        "pie: in SeriesChart.chart but not registered", "pie: in Breakdown.chart but not registered"]


@pytest.mark.parametrize("name", list(KINDS))
def test_the_native_chart_of_each_kind_is_imported_as_that_kind(name: str) -> None:
    """Native writer → chart part → the importer's reader → the registry's mapping: the same kind (bars whose
    names are short stay upright)."""
    kind = KINDS[name]
    specs = []
    if kind.category_alt is not None:
        specs.append(category_spec("职称", [("高级", 2.0), ("中级", 5.0)], kind=_kinds.category_kind(name)))
    if not kind.one_series:
        specs.append(series_spec("外借", typing.cast(_kinds.SeriesKindName, name), ["2019", "2020"],
                                 [("成人", [1.0, 2.0]), ("少儿", [3.0, 4.0])], unit="万册次"))
    for spec in specs:
        assert spec.kind == kind.native
        read = read_chart(etree.fromstring(chart_space(spec, "rId1")))
        assert read.kind == kind.native
        assert from_native(read.kind) is kind
        assert read.series[0].values == list(spec.series[0][1])


@pytest.mark.parametrize("name", list(KINDS))
def test_the_alt_text_of_each_kind_reads_back(name: str) -> None:
    """The alt text a picture of each kind carries parses back to its data and kind (over labels, the alt text
    does not tell bars' direction: ``barh`` reads back as ``bar``, ``stacked_barh`` as ``stacked_bar``)."""
    kind = KINDS[name]
    if kind.category_alt is not None:
        text = describe_categories("职称结构", [("高级", 2), ("中级", 5)], "人", name)
        category = alt_text.category_chart(text)
        assert category is not None and category.kind == name and category.categories == {"高级": 2, "中级": 5}
    if kind.series_alt is not None:
        text = describe_series("外借", ["2019", "2020"], [("成人", [1.0, 2.0])], "万册次", series_kind_name(name))
        series = alt_text.series_chart(text)
        assert series is not None and series.series == {"成人": [1, 2]}
        assert KINDS[series.kind].series_alt == kind.series_alt
        assert series.kind == from_alt_text(kind.series_alt, categories=False)
        assert KINDS[series.kind].stacked == kind.stacked


def test_the_breakdown_description_lists_every_kind() -> None:
    """The breakdown's ``chart`` description is written from the registry, so a new kind is described there."""
    description = Breakdown.model_fields["chart"].description or ""
    for name in _literal(Breakdown, "chart"):
        assert name in description
