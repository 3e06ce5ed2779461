"""The small .xlsx workbook embedded in a native chart: the numbers Word's and WPS's "编辑数据 / Edit Data" open.

One sheet, ``Sheet1``: the category names down column A from row 2, one column per series with its name in row 1.
Strings are inline (no shared-string table), every zip entry is dated 1980-01-01 and nothing records a clock, so the
same data always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from annual_docx._ooxml.ns import CT_NS, PKG_REL_NS, R_NS, SML_NS
from annual_docx._ooxml.xmltext import attr, text
from annual_docx._ooxml.zipwrite import zip_parts

SHEET: Final = "Sheet1"
_MAIN: Final = SML_NS
_REL: Final = R_NS
_PKG_REL: Final = PKG_REL_NS
_SML_CT: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES: Final = (
    f'{_HEAD}<Types xmlns="{CT_NS}">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML_CT}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS: Final = (
    f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK: Final = (
    f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
    f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS: Final = (
    f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)
_STYLES: Final = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def column(index: int) -> str:
    """Return the spreadsheet column letters of 0-based ``index``: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def number(value: float) -> str:
    """Return ``value`` as a cell or cache value: integers without ``.0``, others in the shortest exact form."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _cell(ref: str, value: str | float) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{number(value)}</v></c>'


def _sheet(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> str:
    rows: list[list[str | float]] = [["", *(name for name, _ in series)]]
    rows += [[name, *(values[i] for _, values in series)] for i, name in enumerate(categories)]
    last = f"{column(len(series))}{len(rows)}"
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell(f"{column(c)}{r}", v) for c, v in enumerate(row) if not (r == 1 and c == 0))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    widest = max(len(name) for name in categories)
    cols = f'<cols><col min="1" max="1" width={attr(str(min(60, 4 + 2 * widest)))} customWidth="1"/></cols>'
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f"{cols}<sheetData>{body}</sheetData></worksheet>"
    )


def workbook(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> bytes:
    """Return the .xlsx bytes holding ``categories`` (column A) and each series (one column each)."""
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _STYLES),
        ("xl/worksheets/sheet1.xml", _sheet(categories, series)),
    ]
    return zip_parts((name, xml.encode("utf-8")) for name, xml in parts)


def cell_range(col: int, first_row: int, last_row: int) -> str:
    """Return an absolute reference into the sheet, ``Sheet1!$B$2:$B$5`` (one cell when the rows are equal)."""
    start = f"${column(col)}${first_row}"
    return f"{SHEET}!{start}" if first_row == last_row else f"{SHEET}!{start}:${column(col)}${last_row}"
