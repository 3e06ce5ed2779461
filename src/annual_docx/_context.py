"""Turn a :class:`Report` into what the template needs: a flat list of blocks with literal numbers and pictures.

The template walks ``blocks`` once; each block has a ``kind`` (``heading1``–``heading4``, ``paragraph``, ``figure``,
``group``, ``role``) that picks its Word style, a ``text`` and, for figures, an ``image``. Pictures are made by a
factory the caller passes in, so this module stays free of docxtpl.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import schema as s
from ._blocks import content_blocks
from ._chart_cache import ChartLike, cached_chart
from ._figures import GALLERY_GAP_MM, GALLERY_WIDTH_MM, Gallery, number_figures
from ._native import category_spec, series_spec
from ._native_org import org_drawing, party_drawing
from ._numbering import HEADING_LEVEL, heading_text, number
from ._official import official_context
from ._title import title_lines
from .errors import ChartError
from .schema_blocks import ChartBlock

PictureFactory = Callable[[bytes | Path, float, str], Any]
"""``(PNG bytes or image path, width in mm, alt text) -> object`` placed in the document by ``{{ b.image }}``."""
NativeFactory = Callable[[Any], Any]
"""``ChartSpec or Drawing -> object`` placing a native Word chart or shape drawing by ``{{ b.image }}``; without
one, charts are pictures."""

FULL_SPACE = "\u3000"
BODY_CHARS = 28  # characters in a full line of 三号 body text (GB/T 9704 5.2.3)
_FIELD = re.compile(r"[a-z_]+\[\d+\][\w.\[\]]*: ")  # a message that starts with a field path: "breakdowns[1]: "


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of the document body."""

    kind: str
    text: str = ""
    image: Any = None
    xml: Any = None  # tables and page breaks: WordprocessingML spliced in by ``{{p b.xml }}``


@dataclass(frozen=True)
class Signature:
    """落款: the signing organisation and the date, with right indents (in characters) per GB/T 9704 7.3.5.2."""

    name: str
    date: str
    name_right: float
    date_right: float


def build_context(report: s.Report, picture: PictureFactory, native: NativeFactory | None = None) -> dict[str, Any]:
    """Return the template context for ``report``: title, opening paragraphs, blocks and the signature."""
    builder = _Builder(report.numbering, picture, report.chart_font)
    builder.native, builder.engine = native, report.chart_engine
    blocks: list[Block] = []
    for index, section in enumerate(report.sections, start=1):
        blocks.append(builder.heading(0, index, section.title))
        blocks += [Block("paragraph", p) for p in section.paragraphs]
        with chart_error_at(f"sections[{index - 1}]"):
            blocks += builder.section_body(section)
        with chart_error_at(f"sections[{index - 1}]"):
            blocks += content_blocks(section.blocks, f"sections[{index - 1}].blocks", builder.series_chart)
    return {
        "title": report.full_title,
        "title_text": "\n".join(title_lines(report.full_title)),  # a line break between lines (7.3.1 trapezoid)
        "organisation": report.organisation,
        "year": report.year,
        "opening": list(report.opening),
        "blocks": number_figures(blocks),
        "signature": signature(report.signature, report.date),
        "official": official_context(report.official),
    }


@contextlib.contextmanager
def chart_error_at(field: str) -> Iterator[None]:
    """Re-raise a ChartError with the report field it comes from in front: ``sections[3]: …``."""
    try:
        yield
    except ChartError as exc:
        message = str(exc)
        inner = _FIELD.match(message)  # an inner field path: join it on, sections[3].breakdowns[0]: …
        raise ChartError(f"{field}.{message}" if inner else f"{field}: {message}") from exc


class _Builder:
    def __init__(self, numbering: Sequence[str], picture: PictureFactory, font: s.ChartFont | None = None) -> None:
        self.numbering = numbering
        self.picture = picture
        self._font_choice = font
        self._font: str | None = None
        self.native: NativeFactory | None = None
        self.engine = "image"

    def native_figure(self, engine: str | None, caption: str | None, make: Callable[[], Any]) -> Block | None:
        """Return the figure of the native chart ``make()`` builds when a chart with this ``engine`` choice (None:
        the report's) is native, else None (the chart becomes a picture)."""
        if self.native is None or (engine or self.engine) != "native":
            return None
        return Block("figure", caption or "", self.native(make()))

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

    def heading(self, level: int, n: int, title: str) -> Block:
        """Return a heading at nesting ``level`` (0 = section) numbered ``n`` in that level's style."""
        style = self.numbering[level] if level < len(self.numbering) else "无"
        return Block(f"heading{HEADING_LEVEL[style] or min(level + 1, 4)}", heading_text(style, n, title))

    def item_number(self, n: int) -> str:
        style = self.numbering[1] if len(self.numbering) > 1 else "无"
        return "" if style in ("【】", "无") else number(style, n)

    def section_body(self, section: s.Section) -> Iterator[Block]:
        if isinstance(section, s.WorkItemsSection):
            for n, item in enumerate(section.items, start=1):
                yield self.heading(1, n, item.title)
                yield from (Block("paragraph", p) for p in item.paragraphs)
        elif isinstance(section, s.OrgChartSection):
            yield self.org_chart(section)
        elif isinstance(section, s.PartySection):
            for branch in section.branches:
                yield Block("group", branch.name)
                yield from (Block("role", line) for line in role_lines(branch.roles))
            if section.chart:
                yield self.party_chart(section)
        elif isinstance(section, s.PersonnelSection):
            for n, breakdown in enumerate(section.breakdowns, start=1):
                total = f"（共{breakdown.total}人）" if breakdown.show_total else ""
                yield self.heading(1, n, breakdown.title + total)
                yield from (Block("paragraph", p) for p in breakdown.paragraphs)
                if breakdown.chart != "none":
                    with chart_error_at(f"breakdowns[{n - 1}]"):
                        yield self.category_chart(breakdown)
        elif isinstance(section, s.ChartSection):
            yield self.series_chart(section)
        elif isinstance(section, s.PhotoSection) and section.per_row > 1:
            yield self.gallery(section)
        elif isinstance(section, s.PhotoSection):
            yield from (self.photo(p, section.title) for p in section.photos)
        elif isinstance(section, s.AwardsSection):
            for n, award in enumerate(section.awards, start=1):
                yield Block("paragraph", f"{self.item_number(n)}{quoted(award.name)}")
                if award.picture:
                    yield self.photo(award.picture, award.name)
            yield from (self.photo(p, section.title) for p in section.photos)

    def photo(self, pic: s.Picture, fallback: str) -> Block:
        alt = pic.alt or pic.caption or fallback
        return Block("figure", pic.caption or "", self.picture(pic.path, pic.width_mm, alt))

    def gallery(self, section: s.PhotoSection) -> Block:
        """Return the photos laid out ``per_row`` to a row, each no wider than its share of the 156 mm type area."""
        share = (GALLERY_WIDTH_MM - GALLERY_GAP_MM * (section.per_row - 1)) / section.per_row
        pictures = tuple(self.picture(p.path, min(p.width_mm, share), p.alt or p.caption or section.title)
                         for p in section.photos)
        return Block("xml", xml=Gallery(pictures, tuple(p.caption or "" for p in section.photos), section.per_row))

    def category_chart(self, breakdown: s.Breakdown) -> Block:
        kind: Literal["pie", "bar", "barh"] = "pie" if breakdown.chart == "none" else breakdown.chart
        data = list(breakdown.categories.items())
        native = self.native_figure(breakdown.engine, "", lambda: category_spec(breakdown.title, data, kind=kind))
        if native is not None:
            return native

        def draw() -> ChartLike:
            from ._charts import category_chart

            return category_chart(breakdown.title, data, kind=kind, draw_title=False, font=self.font)

        return self.figure(self.cached(["category", breakdown.title, data, kind], draw))

    def org_chart(self, section: s.OrgChartSection) -> Block:
        native = self.native_figure(section.engine, section.caption,
                                    lambda: org_drawing([org_box(u) for u in section.units]))
        if native is not None:
            return native

        def draw() -> ChartLike:
            from ._charts import org_chart

            return org_chart([org_box(u) for u in section.units], title=None, font=self.font)

        spec = ["org", [u.model_dump(mode="json") for u in section.units]]
        return self.figure(self.cached(spec, draw), section.caption or "")

    def party_chart(self, section: s.PartySection) -> Block:
        native = self.native_figure(section.engine, section.caption, lambda: party_drawing(section.branches))
        if native is not None:
            return native

        branches_spec = [[b.name, [[r.title, r.name] for r in b.roles]] for b in section.branches]

        def draw() -> ChartLike:
            from ._charts import Branch, party_chart

            branches = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in section.branches]
            return party_chart(branches, font=self.font)

        return self.figure(self.cached(["party", branches_spec], draw), section.caption or "")

    def series_chart(self, section: s.ChartSection | ChartBlock) -> Block:
        labels = [str(label) for label in section.labels]
        series = list(section.series.items())
        spec = ["series", section.chart, section.title, labels, series, section.unit, section.source]
        native = self.native_figure(section.engine, section.caption, lambda: series_spec(
            section.title, section.chart, labels, series, unit=section.unit, source=section.source))
        if native is not None:
            return native

        def draw() -> ChartLike:
            from ._charts import line_chart, series_bar_chart

            options: dict[str, Any] = {"unit": section.unit, "source": section.source, "font": self.font}
            if section.chart == "line":
                return line_chart(section.title, labels, series, draw_title=False, **options)
            stacked, horizontal = section.chart.startswith("stacked"), section.chart.endswith("barh")
            return series_bar_chart(
                section.title, labels, series, stacked=stacked, horizontal=horizontal, draw_title=False, **options
            )

        return self.figure(self.cached(spec, draw), section.caption or "")


def org_box(unit: s.OrgUnit) -> Any:
    """Return the chart's ``OrgBox`` tree for ``unit``."""
    from ._charts import OrgBox

    return OrgBox(unit.name, unit.head, tuple(org_box(c) for c in unit.children), tuple(unit.guides))


def quoted(name: str) -> str:
    """Return an honour's name in Chinese quotation marks, unless it already has them."""
    return name if name.startswith(("“", "《", "\"")) else f"“{name}”"


def spread(text: str, width: int) -> str:
    """Return ``text`` padded with ideographic spaces to ``width`` characters, spaces spread between characters
    (``spread("书记", 4) == "书\u3000\u3000记"``)."""
    missing = width - len(text)
    if missing <= 0:
        return text
    if len(text) <= 1:
        return text + FULL_SPACE * missing
    gaps = len(text) - 1
    out = text[0]
    for i, ch in enumerate(text[1:]):
        out += FULL_SPACE * (missing // gaps + (1 if i < missing % gaps else 0)) + ch
    return out


def role_lines(roles: list[s.Role]) -> list[str]:
    """Return ``职务：姓名`` lines with posts and names padded so the columns line up."""
    post_width = max(len(r.title) for r in roles)
    name_width = max(len(r.name) for r in roles)
    return [f"{spread(r.title, post_width)}：{spread(r.name, name_width)}" for r in roles]


def chinese_date(date: dt.date) -> str:
    """Return ``date`` as GB/T 9704 writes it: ``2021年1月5日`` (no zero padding)."""
    return f"{date.year}年{date.month}月{date.day}日"


def text_width(text: str) -> float:
    """Return the width of ``text`` in full-width characters (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def signature(name: str | None, date: dt.date | None) -> Signature | None:
    """Return the 落款 layout: name 2 characters from the right, the date starting 2 characters right of the name;
    a date longer than that sits 2 characters from the right and pushes the name left (GB/T 9704 7.3.5.2)."""
    if not name and not date:
        return None
    name = name or ""
    date_text = chinese_date(date) if date else ""
    name_w, date_w = text_width(name), text_width(date_text)
    name_right = 2.0
    date_right = name_right + name_w - 2 - date_w
    if date_text and date_right < 2:
        date_right = 2.0
        name_right = date_right + date_w + 2 - name_w
    return Signature(name, date_text, name_right, max(date_right, 0.0))
