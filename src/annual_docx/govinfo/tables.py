"""Tables 二、三、四 with the national labels and merged cells, as table blocks the renderer lays out.

Numbers are printed as they are, 0 included (never a blank cell). Table 三's three header rows repeat when it breaks
across pages. Tables 三 and 四 are set in 五号 with 1 mm cell margins: a five-digit count fits on one line of 三's
11.6 mm number columns, a four-digit one in each of 四's 15 columns (10.4 mm, the 156 mm type width); table 二 is in
小四.
"""

from __future__ import annotations

from annual_docx._model.schema_blocks import MergedCell, TableBlock
from annual_docx.gbt9704 import TYPE_WIDTH_MM
from annual_docx.govinfo import labels as L
from annual_docx.govinfo.keys import text
from annual_docx.govinfo.model import Figures

TABLE3_WIDTHS = (10, 15, 50, *((TYPE_WIDTH_MM - 75) / 7,) * 7)
"""Column widths of table 三 in mm: three label columns, seven number columns (156 mm in all)."""


def cell(label: str, colspan: int = 1, rowspan: int = 1, *, head: bool = False, align: str | None = None
         ) -> MergedCell:
    """Return a table cell for the block model."""
    return MergedCell.model_validate({"text": label, "colspan": colspan, "rowspan": rowspan, "head": head,
                                      "align": align})


def table2(figures: Figures) -> TableBlock:
    """Return table 二 主动公开政府信息情况: four stacked blocks (title row, column labels, rows), four columns."""
    rows: list[list[MergedCell]] = []
    for block in L.TABLE2:
        rows.append([cell(block.title, 4, head=True)])
        wide = len(block.columns) == 1
        labels = [cell(block.columns[0], 3, head=True)] if wide else [cell(c, head=True) for c in block.columns]
        rows.append([cell(L.CONTENT, head=True), *labels])
        for row in block.rows:
            values = figures.table2[row]
            rows.append([cell(row), *([cell(text(values[0]), 3)] if wide else [cell(text(v)) for v in values])])
    return TableBlock.model_validate({"type": "table", "header": [rows[0]], "rows": rows[1:], "widths": [1.3, 1, 1, 1],
                                      "text_size": "小四", "repeat_header": False})


def _label_rows(nodes: tuple[L.Node, ...], depth: int = 0) -> list[list[MergedCell]]:
    """Return the label cells of each data row of table 三: a group's label spans its rows, a leaf spans the label
    columns to its right."""
    out: list[list[MergedCell]] = []
    for node in nodes:
        if node.children:
            below = _label_rows(node.children, depth + 1)
            below[0].insert(0, cell(node.label, rowspan=len(below)))
            out += below
        else:
            out.append([cell(node.label, 3 - depth, align="left")])
    return out


def table3(figures: Figures) -> TableBlock:
    """Return table 三 收到和处理政府信息公开申请情况: the 3-row merged header and 25 rows of 7 numbers."""
    header = [
        [cell(L.NOTE3, 3, 3), cell(L.APPLICANTS, 7)],
        [cell(L.NATURAL, rowspan=2), cell(L.LEGAL, 5), cell(L.TOTAL, rowspan=2)],
        [cell(kind) for kind in L.LEGAL_KINDS],
    ]
    rows = [[*labels, *(cell(text(v)) for v in figures.table3[path])]
            for labels, path in zip(_label_rows(L.TABLE3), L.ROWS3, strict=True)]
    return TableBlock.model_validate({"type": "table", "header": header, "rows": rows, "widths": list(TABLE3_WIDTHS),
                                      "text_size": "五号"})


def table4(figures: Figures) -> TableBlock:
    """Return table 四 政府信息公开行政复议、行政诉讼情况: 行政复议 and the two 行政诉讼 groups, 15 numbers."""
    header = [
        [cell(L.REVIEW, 5), cell(L.LITIGATION, 10)],
        [*(cell(result, rowspan=2) for result in L.RESULTS4), cell(L.DIRECT, 5), cell(L.AFTER_REVIEW, 5)],
        [cell(result) for result in L.RESULTS4 * 2],
    ]
    row = [cell(text(v)) for group in L.GROUPS4 for v in figures.table4[group]]
    return TableBlock.model_validate({"type": "table", "header": header, "rows": [row], "text_size": "五号"})
