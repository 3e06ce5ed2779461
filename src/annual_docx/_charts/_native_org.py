"""Native (editable) org and party charts: the tidy layout of the picture version turned into Word shapes — a box
per unit with its name and head as editable text, the connectors and dotted 指导 links as lines — grouped into one
inline drawing. No matplotlib: the layout is pure geometry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

from annual_docx._charts._chart_facts import LINE, NAVY, PALE, PT_TO_MM, SMALL_PT
from annual_docx._charts._fonts import HEITI, LATIN
from annual_docx._charts._orglayout import LINK_LABEL, layout_org
from annual_docx._charts._orgtext import describe, describe_party
from annual_docx._charts._orgtypes import Branch, OrgBox, OrgLayout, party_boxes
from annual_docx._ooxml.shapes import Box, Drawing, Line
from annual_docx.gbt9704 import TYPE_WIDTH_MM

MARGIN_MM: Final = 2.0
MAX_WIDTH_MM: Final = TYPE_WIDTH_MM  # the type area
MAX_HEIGHT_MM: Final = 225.0


def org_drawing(roots: Sequence[OrgBox]) -> Drawing:
    """Return the org chart of ``roots`` as grouped shapes, with the picture's alt text."""
    return _drawing(roots, describe(roots))


class _Role(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def name(self) -> str: ...


class _Branch(Protocol):
    """A party branch as the chart reads it (the model's ``PartyBranch``; charts sit below the model)."""

    @property
    def name(self) -> str: ...
    @property
    def roles(self) -> Sequence[_Role]: ...


def party_drawing(branches: Sequence[_Branch]) -> Drawing:
    """Return the party branch chart (each branch over one box per role) as grouped shapes."""
    plain = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in branches]
    return _drawing(party_boxes(plain), describe_party(plain))


def _drawing(roots: Sequence[OrgBox], alt_text: str) -> Drawing:
    layout = layout_org(roots, max_width_mm=MAX_WIDTH_MM - 2 * MARGIN_MM,
                        max_height_mm=MAX_HEIGHT_MM - 2 * MARGIN_MM)
    m = MARGIN_MM
    lines = [Line(x1 + m, y1 + m, x2 + m, y2 + m, LINE) for (x1, y1), (x2, y2) in layout.segments]
    for link in layout.links:
        lines += [Line(a[0] + m, a[1] + m, b[0] + m, b[1] + m, LINE, dashed=True)
                  for a, b in zip(link.points, link.points[1:], strict=False)]
    boxes = [
        Box(b.x + m, b.y + m, b.width, b.height, (b.name, b.head) if b.head else (b.name,),
            PALE if b.depth == 0 else "#FFFFFF", NAVY, bold_first=b.depth == 0, vertical=b.vertical)
        for b in layout.boxes if not b.hidden
    ]
    boxes += _link_labels(layout)
    return Drawing(layout.width + 2 * m, layout.height + 2 * m, tuple(boxes), tuple(lines), alt_text, HEITI, LATIN,
                   layout.font_pt)


def _link_labels(layout: OrgLayout) -> list[Box]:
    """Return a borderless white box holding 指导 at each link's label point."""
    em = SMALL_PT * PT_TO_MM
    width, height = (len(LINK_LABEL) + 0.6) * em * layout.font_pt / SMALL_PT, 1.5 * em * layout.font_pt / SMALL_PT
    return [Box(x + MARGIN_MM - width / 2, y + MARGIN_MM - height / 2, width, height, (LINK_LABEL,), "#FFFFFF",
                "#FFFFFF") for x, y in (link.label_at for link in layout.links)]


