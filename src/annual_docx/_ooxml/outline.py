"""The document as the importer sees it: a flat list of paragraphs, tables, pictures and charts in reading order.

Plain data, no XML: :mod:`.docx_in` fills it from WordprocessingML, :mod:`annual_docx._import` maps it to a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    """Text with the emphasis the report model keeps: bold, and 楷体 (kai); its own East Asian face (``face``, ""
    when it has none), and ``script`` (``superscript``/``subscript``) when its text ends in that markup
    (``10^{6}``: the text is in the report's markup, a literal ``^{`` escaped)."""

    text: str
    bold: bool = False
    kai: bool = False
    face: str = ""
    script: str = ""


@dataclass
class Para:
    """A paragraph: its text, runs, style (id and name), the Word heading level its style or outline level gives
    (1–9, None for body text), alignment, whether it sits in a text box, and Word's automatic number if any; with
    the look of its first words (size, colour, bold) it is a ``_roles.Line`` the structure recogniser reads."""

    text: str
    runs: list[Run] = field(default_factory=list)
    style: str = ""
    style_name: str = ""
    heading: int | None = None
    align: str | None = None
    in_textbox: bool = False
    auto_number: str | None = None  # the number style Word draws before it (automatic numbering), bullet, or None
    auto_label: str = ""  # the number Word draws, e.g. （三）
    list_id: str = ""  # numId:level of that numbering: items of one list share it
    size_pt: float | None = None
    color: str | None = None
    bold: bool = False

    @property
    def outline(self) -> int | None:
        """The outline level (0-based) its style or its own properties give, None for body text."""
        return self.heading - 1 if self.heading else None

    @property
    def place(self) -> str:
        return "box" if self.in_textbox else "body"


@dataclass
class Cell:
    """A table cell at ``column`` of its row, spanning ``colspan`` columns and ``rowspan`` rows."""

    text: str
    column: int
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    """A table: rows of origin cells (a cell covered by a merge is not repeated); ``header_rows`` marked to repeat."""

    rows: list[list[Cell]]
    header_rows: int = 0

    @property
    def columns(self) -> int:
        """Return the number of grid columns."""
        return max((c.column + c.colspan for row in self.rows for c in row), default=0)


@dataclass
class Image:
    """A picture: its bytes, file extension (``png``, ``jpeg``, ``emf``…), alt text and placed width in mm."""

    data: bytes
    ext: str
    alt: str = ""
    width_mm: float = 0.0


@dataclass
class Series:
    """One chart series as cached in the chart part: a name and one value per category (None where empty)."""

    name: str
    values: list[float | None]


@dataclass
class Chart:
    """A native chart read from its cached data: kind (``pie``, ``doughnut``, ``bar``, ``barh``, ``stacked_bar``,
    ``stacked_barh``, ``line``, ``area``, ``other``), title, categories and series; alt text of its frame."""

    kind: str
    title: str
    categories: list[str]
    series: list[Series]
    alt: str = ""


Item = Para | Table | Image | Chart


@dataclass
class Outline:
    """The whole document: body items in reading order, the core properties' title, and what was left out."""

    items: list[Item]
    core_title: str = ""
    skipped: list[str] = field(default_factory=list)  # what was left out on purpose (目录, hidden text)
