"""Pictures and charts for the builders: the picture factory, the chart font, and charts through the chart cache.

A :class:`Drawer` is made once per rendering; it resolves the chart font (and imports matplotlib) only when a chart
is not in the cache.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from . import schema_figures as sf
from . import schema_parts as sp
from ._chart_cache import ChartLike, cached_chart
from ._figures import GALLERY_GAP_MM, GALLERY_WIDTH_MM, Gallery
from ._piece import Block
from .errors import ChartError
from .schema_blocks import SeriesChart

PictureFactory = Callable[[bytes | Path, float, str], Any]
"""``(PNG bytes or image path, width in mm, alt text) -> object`` placed in the document by ``{{ b.image }}``."""

_FIELD = re.compile(r"[a-z_]+\[\d+\][\w.\[\]]*: ")  # a message that starts with a field path: "breakdowns[1]: "


@contextlib.contextmanager
def chart_error_at(field: str) -> Iterator[None]:
    """Re-raise a ChartError with the report field it comes from in front: ``sections[3]: …``."""
    try:
        yield
    except ChartError as exc:
        message = str(exc)
        inner = _FIELD.match(message)  # an inner field path: join it on, sections[3].breakdowns[0]: …
        raise ChartError(f"{field}.{message}" if inner else f"{field}: {message}") from exc


class Drawer:
    """Places pictures and draws charts for one rendering."""

    def __init__(self, picture: PictureFactory, font: Any = None) -> None:
        self.picture = picture
        self._font_choice = font  # a schema.ChartFont or None
        self._font: str | None = None

    @property
    def font(self) -> str:
        """Return the chart font family, resolved (and matplotlib imported) the first time a chart needs it."""
        if self._font is None:
            from ._fonts import chart_font

            choice = self._font_choice
            with chart_error_at("chart_font"):
                self._font = chart_font(choice.family, choice.path) if choice else chart_font()
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

    def category_chart(self, title: str, data: list[tuple[str, int | float]], kind: Literal["pie", "bar", "barh"],
                       unit: str = "人", caption: str = "") -> Block:
        """Return a donut or bar chart of category counts."""
        def draw() -> ChartLike:
            from ._charts import category_chart

            return category_chart(title, data, kind=kind, unit=unit, draw_title=False, font=self.font)

        spec: list[Any] = ["category", title, data, kind]
        if unit != "人":
            spec.append(unit)
        return self.figure(self.cached(spec, draw), caption)

    def org_chart(self, units: Sequence[sp.OrgUnit], caption: str | None) -> Block:
        def draw() -> ChartLike:
            from ._charts import org_chart

            return org_chart([org_box(u) for u in units], title=None, font=self.font)

        spec = ["org", [u.model_dump(mode="json") for u in units]]
        return self.figure(self.cached(spec, draw), caption or "")

    def party_chart(self, block: sf.PartyBlock) -> Block:
        branches_spec = [[b.name, [[r.title, r.name] for r in b.roles]] for b in block.branches]

        def draw() -> ChartLike:
            from ._charts import Branch, party_chart

            branches = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in block.branches]
            return party_chart(branches, font=self.font)

        return self.figure(self.cached(["party", branches_spec], draw), block.caption or "")

    def series_chart(self, chart: SeriesChart, title: str) -> Block:
        """Return a line, bar or pie chart of ``chart``'s data; ``title`` goes into the alt text."""
        labels = [str(label) for label in chart.labels]
        series = list(chart.series.items())
        if chart.chart in ("pie", "donut"):
            values = series[0][1]
            data = [(label, int(v) if float(v).is_integer() else v) for label, v in zip(labels, values, strict=True)]
            return self.category_chart(title, data, "pie", chart.unit or "", chart.caption or "")
        spec = ["series", chart.chart, title, labels, series, chart.unit, chart.source]

        def draw() -> ChartLike:
            from ._charts import line_chart, series_bar_chart

            options: dict[str, Any] = {"unit": chart.unit, "source": chart.source, "font": self.font}
            if chart.chart == "line":
                return line_chart(title, labels, series, draw_title=False, **options)
            stacked, horizontal = chart.chart.startswith("stacked"), chart.chart.endswith("barh")
            return series_bar_chart(
                title, labels, series, stacked=stacked, horizontal=horizontal, draw_title=False, **options
            )

        return self.figure(self.cached(spec, draw), chart.caption or "")


def org_box(unit: sp.OrgUnit) -> Any:
    """Return the chart's ``OrgBox`` tree for ``unit``."""
    from ._charts import OrgBox

    return OrgBox(unit.name, unit.head, tuple(org_box(c) for c in unit.children), tuple(unit.guides))
