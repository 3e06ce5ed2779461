"""Read chart data back from the alt text annual_docx writes on its chart pictures.

A picture chart carries its numbers only in its alt text (``职称结构饼图：高级职称2人（14.3%），…，共14人。``); these
parsers turn the library's own descriptions back into data, and return None for any other text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annual_docx._charts._kinds import alt_text_names, from_alt_text

_CATEGORY = re.compile(
    rf"^(?P<title>.*?)(?P<kind>{'|'.join(alt_text_names(categories=True))})：(?P<body>.+)，共(?P<total>-?[\d.]+)"
    r"(?P<unit>[^，]*)。$", re.S)
_CATEGORY_PART = re.compile(r"^(?P<name>.+?)(?P<value>-?\d+(?:\.\d+)?)(?P<unit>[^\d（]*)（-?[\d.]+%）$", re.S)
_SERIES = re.compile(rf"^(?P<title>.*?)(?P<kind>{'|'.join(alt_text_names(categories=False))})：(?P<body>.+)。$", re.S)
_POINT = re.compile(r"^(?P<label>.*?)(?P<value>-?\d+(?:\.\d+)?)(?P<unit>\D*)$", re.S)
_ORG = re.compile(r"^组织结构图(?:（(?P<title>.+?)）)?：(?P<body>.+)。$", re.S)
_PARTY = re.compile(r"^党组织架构图(?:（.+?）)?：(?P<body>.+)。$", re.S)


def _kind(name: str, *, categories: bool) -> str:
    found = from_alt_text(name, categories=categories)
    assert found is not None, name  # the pattern takes only the registry's names
    return found


def _num(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


@dataclass
class CategoryData:
    """A category chart (pie, donut, bar, barh) of one breakdown."""

    title: str
    kind: str
    categories: dict[str, int | float]
    unit: str


def category_chart(alt: str) -> CategoryData | None:
    """Parse ``职称结构饼图：高级职称2人（14.3%），…，共14人。``."""
    match = _CATEGORY.match(alt.strip())
    if not match:
        return None
    unit = match["unit"]
    categories: dict[str, int | float] = {}
    for part in match["body"].split("），"):
        part = part if part.endswith("）") else part + "）"
        point = _CATEGORY_PART.match(part)
        if not point or point["unit"] != unit or point["name"] in categories:
            return None
        categories[point["name"]] = _num(point["value"])
    return CategoryData(match["title"], _kind(match["kind"], categories=True), categories, unit)


@dataclass
class SeriesData:
    """A line or bar chart over labels."""

    title: str
    kind: str
    labels: list[str | int]
    series: dict[str, list[int | float]]
    unit: str


def series_chart(alt: str) -> SeriesData | None:
    """Parse ``外借册次折线图：成人外借，2016年12.5万册次、…；少儿外借，…。``."""
    match = _SERIES.match(alt.strip())
    if not match:
        return None
    labels: list[str | int] | None = None
    series: dict[str, list[int | float]] = {}
    units: set[str] = set()
    for part in match["body"].split("；"):
        name, sep, points = part.partition("，")
        if not sep or name in series:
            return None
        these: list[str | int] = []
        values: list[int | float] = []
        for text in points.split("、"):
            point = _POINT.match(text)
            if not point or not point["label"]:
                return None
            label = point["label"]
            if re.fullmatch(r"\d{4}年", label):
                these.append(int(label[:4]))
            else:
                these.append(label[:-1] if label.endswith("：") and label[:-1][-1:].isascii() else label)
            values.append(_num(point["value"]))
            units.add(point["unit"])
        if labels is not None and these != labels:
            return None
        labels = these
        series[name] = values
    if labels is None or len(units) != 1:
        return None
    return SeriesData(match["title"], _kind(match["kind"], categories=False), labels, series, units.pop())


@dataclass
class Unit:
    """A box of an org chart."""

    name: str
    head: str | None = None
    children: list[Unit] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)


def _mention(text: str) -> tuple[str, str | None]:
    match = re.fullmatch(r"(.+?)（(.+)）", text)
    return (match[1], match[2]) if match else (text, None)


def org_chart(alt: str) -> list[Unit] | None:
    """Parse ``组织结构图：馆长室（馆长 孔德安）下设办公室、采编部；…。`` into the unit tree."""
    match = _ORG.match(alt.strip())
    if not match:
        return None
    roots: list[Unit] = []
    known: dict[str, Unit] = {}
    for phrase in match["body"].split("；"):
        guide = re.fullmatch(r"(.+?)指导(.+)（虚线）", phrase)
        if guide and guide[1] in known:
            known[guide[1]].guides.append(guide[2])
            continue
        parent_text, sep, children = phrase.partition("下设")
        name, head = _mention(parent_text)
        unit = known.get(name)
        if unit is None:
            unit = known[name] = Unit(name, head)
            roots.append(unit)
        for child_text in children.split("、") if sep else []:
            child_name, child_head = _mention(child_text)
            child = known[child_name] = Unit(child_name, child_head)
            unit.children.append(child)
    return roots or None


def is_party_chart(alt: str) -> bool:
    """Return whether ``alt`` describes annual_docx's party branch chart."""
    return bool(_PARTY.match(alt.strip()))
