"""The organisation chart's data: units in, placed boxes, connectors and 指导 links out (all in millimetres)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class OrgBox:
    """One unit of an organisation chart, with its head, sub-units and the names of units it guides (指导)."""

    name: str  # e.g. "馆长室" or "外借部"
    head: str | None = None  # e.g. "馆长 孔德安"
    children: tuple[OrgBox, ...] = ()
    guides: tuple[str, ...] = ()  # names of units on the same level this unit guides: a dotted 指导 link


@dataclass(frozen=True)
class PlacedBox:
    """A box of the laid-out chart: its unit, position (top left) and size in mm, and its parent's index."""

    name: str
    head: str | None
    x: float
    y: float
    width: float
    height: float
    depth: int
    parent: int | None
    vertical: bool  # one character per line, columns from right to left
    hidden: bool = False  # the gap a wrapped row leaves for the trunk: drawn as a line, not a box

    @property
    def center_x(self) -> float:
        """Return the x of the box's centre."""
        return self.x + self.width / 2


@dataclass(frozen=True)
class OrgLink:
    """A dotted 指导 link: its path from the guiding unit to the guided one, and where its label's centre goes."""

    source: int
    target: int
    points: tuple[Point, ...]
    label_at: Point


@dataclass(frozen=True)
class OrgLayout:
    """Boxes (in pre-order), connector segments, links, overall size in mm and the font size boxes were sized for."""

    boxes: tuple[PlacedBox, ...]
    segments: tuple[tuple[Point, Point], ...]
    width: float
    height: float
    font_pt: float
    links: tuple[OrgLink, ...] = ()


@dataclass(frozen=True)
class Branch:
    """A party branch (支部) and its committee roles as (post, name) pairs: ``("书记", "孔德安")``."""

    name: str
    roles: tuple[tuple[str, str], ...]


def party_boxes(branches: Sequence[Branch]) -> list[OrgBox]:
    """Return the branches as org-chart trees: the branch over one box per role (post, then name)."""
    return [OrgBox(b.name, None, tuple(OrgBox(post, person) for post, person in b.roles)) for b in branches]
