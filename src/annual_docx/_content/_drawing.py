"""Pictures and charts for the builders: the picture factory, the chart font, charts through the chart cache, and
native (editable) charts.

A :class:`Drawer` is made once per rendering. Every chart goes through :meth:`Drawer.chart`, the one place that
picks a chart's engine: a chart whose ``engine`` (else the report's ``chart_engine``) is ``native`` becomes a native
Word chart or group of shapes through the native factory, any other a picture. It resolves the chart font (and
imports matplotlib) only when a picture chart is not in the cache. The drawing calls here are chart code: the chart
cache's key covers this module.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from annual_docx._charts._chart_cache import ChartLike, cached_chart
from annual_docx._charts._kinds import KINDS, CategoryKindName, category_kind
from annual_docx._content._figures import GALLERY_GAP_MM, GALLERY_WIDTH_MM, Gallery
from annual_docx._content._piece import Block
from annual_docx._model import schema_figures as sf
from annual_docx._model import schema_parts as sp
from annual_docx._model.schema_blocks import SeriesChart
from annual_docx._numbers import source_of
from annual_docx.errors import ChartError

PictureFactory = Callable[[bytes | Path, float, str], Any]
"""``(PNG bytes or image path, width in mm, alt text) -> object`` placed in the document by ``{{ b.image }}``."""
NativeFactory = Callable[[Any], Any]
"""``ChartSpec or Drawing -> object`` placing a native Word chart or shape drawing by ``{{ b.image }}``; without
one, charts are pictures."""

@contextlib.contextmanager
def chart_error_at(field: str) -> Iterator[None]:
    """Re-raise a ChartError with the report field it comes from joined onto its ``path``: ``sections[3]`` and
    ``breakdowns[0]`` give ``sections[3].breakdowns[0]``."""
    try:
        yield
    except ChartError as exc:
        raise exc.under(field) from exc


class Drawer:
    """Places pictures and draws charts for one rendering; ``native`` places native charts, which charts are when
    their ``engine`` or, without one, the report's ``engine`` (``chart_engine``) is ``native``."""

    def __init__(self, picture: PictureFactory, font: Any = None, native: NativeFactory | None = None,
                 engine: str = "image") -> None:
        self.picture = picture
        self._font_choice = font  # a schema.ChartFont or None
        self._font: str | None = None
        self.native = native
        self.engine = engine

    @property
    def font(self) -> str:
        """Return the chart font family, resolved (and matplotlib imported) the first time a chart needs it."""
        if self._font is None:
            from annual_docx._charts._fonts import chart_font

            choice = self._font_choice
            try:
                self._font = chart_font(choice.family, choice.path) if choice else chart_font()
            except ChartError as exc:  # a report-wide field: its path stays chart_font in any section
                raise ChartError(exc.detail, "chart_font", root=True) from exc
        return self._font

    def cached(self, spec: list[Any], draw: Callable[[], ChartLike]) -> ChartLike:
        """Return the chart ``spec`` describes from the chart cache, or ``draw()`` it; the key holds every input of
        the drawing: the data in ``spec`` and the report's font choice (a font file by its path, size and time)."""
        choice = self._font_choice
        font_key: Any = None
        if choice is not None:
            font_key = choice.model_dump(mode="json")
            if choice.path is not None and choice.path.is_file():
                stat = choice.path.stat()
                font_key["file"] = [stat.st_size, stat.st_mtime_ns]
        return cached_chart([*spec, {"font": font_key}], draw)

    def figure(self, chart: Any, caption: str = "") -> Block:
        """Return a figure block for a ChartImage."""
        return Block("figure", caption, self.picture(chart.png, chart.width_mm, chart.alt_text))

    def chart(self, engine: str | None, caption: str | None, native: Callable[[], Any], spec: list[Any],
              draw: Callable[[], ChartLike]) -> Block:
        """Return the figure of a chart: native (``native()`` builds its ChartSpec or Drawing) when ``engine`` — or,
        when None, the report's engine — is ``native`` and native charts can be placed; else the picture ``draw()``
        makes, through the chart cache under ``spec``."""
        if self.native is not None and (engine or self.engine) == "native":
            return Block("figure", caption or "", self.native(native()))
        return self.figure(self.cached(spec, draw), caption or "")

    def photo(self, pic: sp.Picture, fallback: str) -> Block:
        """Return a figure block for a picture file; its alt text falls back to its caption, then ``fallback``."""
        alt = pic.alt or pic.caption or fallback
        return Block("figure", pic.caption or "", self.picture(pic.path, pic.width_mm, alt))

    def gallery(self, photos: Sequence[sp.Picture], per_row: int, fallback: str) -> Block:
        """Return the photos laid out ``per_row`` to a row, each no wider than its share of the 156 mm type area."""
        share = (GALLERY_WIDTH_MM - GALLERY_GAP_MM * (per_row - 1)) / per_row
        pictures = tuple(self.picture(p.path, min(p.width_mm, share), p.alt or p.caption or fallback)
                         for p in photos)
        return Block("xml", xml=Gallery(pictures, tuple(p.caption or "" for p in photos), per_row))

    def category_chart(self, title: str, data: list[tuple[str, int | float]],
                       kind: CategoryKindName,
                       unit: str = "人", caption: str = "", engine: str | None = None) -> Block:
        """Return a pie, donut or bar chart of category counts."""
        def draw() -> ChartLike:
            drawn: ChartLike = KINDS[kind].category_drawer()(title, data, kind=kind, unit=unit, draw_title=False,
                                                             font=self.font)
            return drawn

        def native() -> Any:
            from annual_docx._charts._native import category_spec

            return category_spec(title, data, kind=kind, unit=unit)

        spec: list[Any] = ["category", title, data, kind]
        if unit != "人":
            spec.append(unit)
        return self.chart(engine, caption, native, spec, draw)

    def org_chart(self, units: Sequence[sp.OrgUnit], caption: str | None, engine: str | None = None) -> Block:
        """Return the org chart of the tree of ``units``."""
        def draw() -> ChartLike:
            from annual_docx._charts import org_chart

            return org_chart([org_box(u) for u in units], title=None, font=self.font)

        def native() -> Any:
            from annual_docx._charts._native_org import org_drawing

            return org_drawing([org_box(u) for u in units])

        spec = ["org", [org_spec(u) for u in units]]
        return self.chart(engine, caption, native, spec, draw)

    def party_chart(self, block: sf.PartyBlock) -> Block:
        """Return the party branch chart: each branch over one box per role."""
        branches_spec = [[b.name, [[r.title, r.name] for r in b.roles]] for b in block.branches]

        def draw() -> ChartLike:
            from annual_docx._charts import Branch, party_chart

            branches = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in block.branches]
            return party_chart(branches, font=self.font)

        def native() -> Any:
            from annual_docx._charts._native_org import party_drawing

            return party_drawing(block.branches)

        return self.chart(block.engine, block.caption, native, ["party", branches_spec], draw)

    def series_chart(self, chart: SeriesChart, title: str) -> Block:
        """Return a line, bar or pie chart of ``chart``'s data; ``title`` goes into the alt text."""
        labels = [str(label) for label in chart.labels]
        series = list(chart.series.items())
        kind = chart.chart
        entry = KINDS[kind]
        if entry.one_series:  # drawn as the category charts draw them
            values = series[0][1]
            data = [(label, int(v) if float(v).is_integer() else v) for label, v in zip(labels, values, strict=True)]
            return self.category_chart(title, data, category_kind(kind), chart.unit or "", chart.caption or "",
                                       chart.engine)
        written = [[name, [source_of(v) or v for v in values]] for name, values in series]  # 156.40 ≠ 156.4
        spec = ["series", kind, title, labels, written, chart.unit, chart.source]

        def native() -> Any:
            from annual_docx._charts._native import series_spec

            return series_spec(title, kind, labels, series, unit=chart.unit, source=chart.source)

        def draw() -> ChartLike:
            drawn: ChartLike = entry.drawer()(title, labels, series, unit=chart.unit, source=chart.source,
                                              font=self.font, draw_title=False, **entry.options)
            return drawn

        return self.chart(chart.engine, chart.caption, native, spec, draw)


def org_box(unit: sp.OrgUnit) -> Any:
    """Return the chart's ``OrgBox`` tree for ``unit``."""
    from annual_docx._charts import OrgBox

    return OrgBox(unit.name, unit.head, tuple(org_box(c) for c in unit.children), tuple(unit.guides))


def org_spec(unit: sp.OrgUnit) -> dict[str, Any]:
    """Return ``unit.model_dump(mode="json")`` (the org chart's data in its chart-cache key) without pydantic's
    serializer: dumping was the first use of ``OrgUnit``'s serializer, built in every process (``defer_build``)
    for this one dict. ``tests/test_report_cache.py`` checks it against ``model_dump`` and the model's fields."""
    return {"name": unit.name, "head": unit.head, "children": [org_spec(child) for child in unit.children],
            "guides": list(unit.guides)}
