"""The 政府信息公开工作年度报告: national labels and merged cells (against a hand-written oracle), the relations, row
naming, the workbook, the prose lint, the command line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml
from lxml import etree

import annual_docx
from annual_docx.cli import main
from annual_docx.errors import ReportValidationError

from . import govinfo_oracle as oracle
from .docxcheck import part

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "govinfo_2024.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def example_data() -> dict[str, Any]:
    """Return the example's data as a fresh dict (dates as text, as the loader reads them)."""
    return copy.deepcopy(yaml.load(EXAMPLE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) | {"year": 2024})


def numeric(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` with the number strings BaseLoader left turned into ints."""
    def fix(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return int(value) if isinstance(value, str) and value.lstrip("-").isdigit() else value
    return {k: fix(v) if k in ("proactive", "requests", "reviews") else v for k, v in data.items()}


def valid(**changes: Any) -> dict[str, Any]:
    data = numeric(example_data())
    data.update(changes)
    return data


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ReportValidationError) as caught:
        annual_docx.validate(data)
    return [str(p) for p in caught.value.problems]


def grid(table: etree._Element) -> tuple[oracle.Grid, list[bool]]:
    """Return a w:tbl's cells by grid position, (text, rowspan, colspan) at each merged cell's first row and column,
    and whether each row repeats as a header."""
    cells: oracle.Grid = {}
    repeat = []
    for r, row in enumerate(table.iter(f"{W}tr")):
        repeat.append(row.find(f"{W}trPr/{W}tblHeader") is not None)
        column = 0
        for tc in row.iter(f"{W}tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val")) if span_el is not None else 1
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") != "restart":
                origin = max((k for k in cells if k[1] == column and k[0] < r), key=lambda k: k[0])
                text, rows, cols = cells[origin]
                cells[origin] = (text, rows + 1, cols)
            else:
                cells[(r, column)] = ("".join(t.text or "" for t in tc.iter(f"{W}t")), 1, span)
            column += span
    return cells, repeat


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return annual_docx.render(annual_docx.load(EXAMPLE), tmp_path_factory.mktemp("govinfo") / "govinfo.docx")


@pytest.fixture(scope="module")
def tables(rendered: Path) -> list[etree._Element]:
    found = list(part(rendered, "word/document.xml").iter(f"{W}tbl"))
    assert len(found) == 3
    return found


def split(cells: oracle.Grid, numbers: set[tuple[int, int]]) -> tuple[oracle.Grid, oracle.Grid]:
    return ({k: v for k, v in cells.items() if k not in numbers}, {k: v for k, v in cells.items() if k in numbers})


def test_table_two_has_every_national_label_and_merged_cell(tables: list[etree._Element]) -> None:
    """Table 二: four blocks, their title rows across four columns, 0 printed, the example's numbers."""
    cells, repeat = grid(tables[0])
    labels, numbers = split(cells, set(oracle.TABLE2_NUMBERS))
    assert labels == oracle.TABLE2_LABELS
    assert {k: v[2] for k, v in numbers.items()} == oracle.TABLE2_NUMBERS
    assert [numbers[k][0] for k in sorted(numbers)] == ["0", "0", "0", "2", "1", "9", "136", "18", "0", "0"]
    assert not any(repeat)  # block title rows are not a header to repeat


def test_table_three_has_every_national_label_and_merged_cell(tables: list[etree._Element]) -> None:
    """Table 三: the 3-row merged header, the label column spans, 25 rows × 7 numbers, 0 printed, header repeated."""
    cells, repeat = grid(tables[1])
    number_cells = {(r, c) for r in oracle.TABLE3_DATA_ROWS for c in range(3, 10)}
    labels, numbers = split(cells, number_cells)
    assert labels == oracle.TABLE3_HEADER | oracle.TABLE3_ROW_LABELS
    assert set(numbers) == number_cells and all(v[0].isdigit() and v[1:] == (1, 1) for v in numbers.values())
    row = [numbers[(3, c)][0] for c in range(3, 10)]
    assert row == ["21", "3", "0", "0", "1", "1", "26"]
    assert repeat == [True] * 3 + [False] * 25


def test_table_four_has_every_national_label_and_merged_cell(tables: list[etree._Element]) -> None:
    """Table 四: 行政复议 over five columns, 行政诉讼 over ten, the results twice under it, 15 numbers."""
    cells, _ = grid(tables[2])
    labels, numbers = split(cells, {(3, c) for c in range(15)})
    assert labels == oracle.TABLE4
    assert [numbers[(3, c)][0] for c in range(15)] == ["1", "0", "0", "0", "1"] + ["0"] * 10


def test_labels_use_the_national_characters(tables: list[etree._Element]) -> None:
    """Full-width brackets and punctuation, curly quotes, ASCII dots after item digits; nothing half-width."""
    text = "".join(t.text or "" for table in tables for t in table.iter(f"{W}t"))
    assert "\u201c三安全一稳定\u201d" in text and "1.属于国家秘密" in text
    assert not set(text) & set('()，,:;"．') - {"，"}
    assert "（单位：万元）" in text


def test_tables_fit_the_type_width_in_smaller_text(tables: list[etree._Element]) -> None:
    """Each table is 156 mm (8845 twips) wide; 三 and 四 in 五号 (10.5 pt) with 1 mm cell margins, 二 in 小四."""
    for table, size in zip(tables, ("24", "21", "21"), strict=True):
        widths = [int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")]
        assert sum(widths) == 8845
        runs = [r.find(f"{W}rPr/{W}sz") for r in table.iter(f"{W}r")]
        assert runs and all(sz is not None and sz.get(f"{W}val") == size for sz in runs)
    assert len(list(tables[2].iter(f"{W}gridCol"))) == 15
    margins = tables[2].find(f"{W}tblPr/{W}tblCellMar/{W}left")
    assert margins is not None and margins.get(f"{W}w") == "57"


def test_document_has_the_national_section_headings_and_title(rendered: Path) -> None:
    texts = [p.text for p in docx.Document(str(rendered)).paragraphs if p.text.strip()]
    assert texts[0].replace("\n", "") == "青禾县文化广电和旅游局2024年政府信息公开工作年度报告"
    assert [t for t in texts if t[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert "（一）主动公开" in texts and "（五）监督保障" in texts and "（二）改进情况" in texts


def test_example_passes_openxml_audit_and_the_compliance_check(rendered: Path) -> None:
    from openxml_audit import OpenXmlValidator

    assert [str(e) for e in OpenXmlValidator().validate(rendered).errors] == []
    assert [f.item for f in annual_docx.check(rendered) if not f.ok] == []


# ── relations: each broken on purpose ─────────────────────────────────────────────────────────────────────────

def test_the_example_satisfies_every_relation() -> None:
    assert annual_docx.lint(annual_docx.validate(valid())) == []


def test_first_plus_second_must_equal_total_plus_carried_over() -> None:
    """一 + 二 = （七）总计 + 四, per column: a wrong 上年结转 breaks it in 自然人 and 总计, and only it."""
    data = valid()
    data["requests"]["二、上年结转政府信息公开申请数量"] = [2, 0, 0, 0, 0, 0, 2]
    found = problems(data)
    assert len(found) == 2 and all("第一项加第二项之和" in p for p in found)
    assert "表三“自然人”列" in found[0] and "21+2=23" in found[0] and "21+1=22" in found[0]
    assert "表三“总计”列" in found[1] and "26+2=28" in found[1] and "26+1=27" in found[1]


def test_outcome_total_must_equal_the_21_outcome_rows() -> None:
    data = valid()
    data["requests"]["三、本年度办理结果"]["（一）予以公开"] = [12, 2, 0, 0, 1, 0, 15]
    found = problems(data)
    assert len(found) == 2 and all("（一）至（六）各项之和" in p for p in found)
    assert "表三“（七）总计”行“自然人”列为 21" in found[0] and "之和为 22" in found[0]
    assert "“总计”列为 26" in found[1] and "之和为 27" in found[1]


def test_total_column_must_equal_the_six_applicant_columns() -> None:
    """Two rows whose 总计 is one too many (compensating in the column relations) give exactly those two errors."""
    data = valid()
    data["requests"]["一、本年新收政府信息公开申请数量"] = [21, 3, 0, 0, 1, 1, 27]
    data["requests"]["四、结转下年度继续办理"] = [1, 0, 0, 0, 0, 0, 2]
    found = problems(data)
    assert len(found) == 2 and all("五列之和" in p for p in found)
    assert "表三“一、本年新收政府信息公开申请数量”行：“总计”列为 27" in found[0] and "之和为 26" in found[0]
    assert "表三“四、结转下年度继续办理”行" in found[1]


def test_table_four_totals_must_equal_their_four_results() -> None:
    data = valid()
    data["reviews"]["复议后起诉"] = [1, 1, 0, 0, 3]
    found = problems(data)
    assert len(found) == 1
    assert "表四“行政诉讼·复议后起诉”的“总计”为 3" in found[0] and "之和为 2" in found[0]
    assert "table 四" in found[0]


def test_counts_must_be_whole_and_not_negative() -> None:
    data = valid()
    data["proactive"] |= {"行政许可": -3, "行政处罚": 1.5, "行政事业性收费": 12.34}
    found = problems(data)
    assert len(found) == 2
    assert "表二“行政许可”行“本年处理决定数量”列为 -3" in found[0] and "不小于0的整数" in found[0]
    assert "表二“行政处罚”行“本年处理决定数量”列为 1.5" in found[1]
    data["proactive"] = {"行政事业性收费": -1}
    assert "不小于0的数" in problems(data)[0]


def test_every_problem_has_its_own_line_in_chinese_and_english() -> None:
    data = valid()
    data["requests"]["二、上年结转政府信息公开申请数量"] = [2, 0, 0, 0, 0, 0, 2]
    data["reviews"]["行政复议"] = [1, 0, 0, 0, 2]
    found = problems(data)
    assert len(found) == 3 and all(" / table " in p for p in found)


def test_totals_left_out_are_computed_and_rows_left_out_are_zero() -> None:
    data = valid(requests={"一": [5, 1, 0, 0, 0, 0], "三": {"（一）": [5, 1, 0, 0, 0, 0]}},
                 reviews={"行政复议": [1, 0, 0, 1]}, proactive={})
    figures = annual_docx.validate(data).figures  # type: ignore[union-attr]
    rows = {path[-1]: [int(v) for v in values] for path, values in figures.table3.items()}
    assert rows["一、本年新收政府信息公开申请数量"] == [5, 1, 0, 0, 0, 0, 6]
    assert rows["（七）总计"] == [5, 1, 0, 0, 0, 0, 6]
    assert rows["1.属于国家秘密"] == [0] * 7
    assert [int(v) for v in figures.table4["行政复议"]] == [1, 0, 0, 1, 2]


# ── naming rows ───────────────────────────────────────────────────────────────────────────────────────────────

def test_rows_may_be_named_by_number_or_with_half_width_brackets() -> None:
    by_label = annual_docx.validate(valid())
    by_number = annual_docx.validate(valid(requests={
        "一": [21, 3, 0, 0, 1, 1, 26], "二": [1, 0, 0, 0, 0, 0, 1],
        "三": {"(一)予以公开": [11, 2, 0, 0, 1, 0, 14],
              "（二）": [2, 0, 0, 0, 0, 0, 2],
              "三": {"4": [1, 0, 0, 0, 0, 0, 1], "5.属于三类内部事务信息": [1, 0, 0, 0, 0, 0, 1]},
              "（四）": {"1.": [4, 1, 0, 0, 0, 1, 6]},
              "(五)": {"1": [1, 0, 0, 0, 0, 0, 1], "2": [1, 0, 0, 0, 0, 0, 1]},
              "七": [21, 3, 0, 0, 1, 1, 26]},
        "四": [1, 0, 0, 0, 0, 0, 1]}))
    assert by_number.figures == by_label.figures  # type: ignore[union-attr]


def test_a_misspelt_row_names_the_table_and_suggests_the_label() -> None:
    data = valid()
    outcomes = data["requests"]["三、本年度办理结果"]
    outcomes["（一）予与公开"] = outcomes.pop("（一）予以公开")
    found = problems(data)
    assert len(found) == 1 and "requests" in found[0] and "“（一）予与公开”" in found[0]
    assert "是否应为“（一）予以公开”" in found[0]


def test_a_row_with_the_wrong_number_of_values_is_refused() -> None:
    data = valid()
    data["requests"]["一、本年新收政府信息公开申请数量"] = [21, 3, 0]
    assert "应有6或7个数" in problems(data)[0]
    data = valid()
    data["reviews"]["行政复议"] = [1, "一"]
    assert "表四“行政复议”" in problems(data)[0]


def test_an_unknown_top_level_key_suggests_the_govinfo_field() -> None:
    data = valid()
    data["problem"] = data.pop("problems")
    assert any("`problems`" in p for p in problems(data))


# ── headings and prose lint ──────────────────────────────────────────────────────────────────────────────────

def test_the_common_longer_headings_are_accepted_others_warned() -> None:
    report = annual_docx.validate(valid(headings={"四": "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                                  "五": "政府信息公开工作存在的主要问题及改进情况"}))
    assert annual_docx.lint(report) == []
    assert report.heading(3) == "因政府信息公开工作被申请行政复议、提起行政诉讼情况"  # type: ignore[union-attr]
    report = annual_docx.validate(valid(headings={"二": "主动公开情况"}))
    assert [p.path for p in annual_docx.lint(report)] == ["headings.二"]


def test_lint_compares_numbers_quoted_in_the_text_with_the_tables() -> None:
    data = valid()
    text = data["overview"]["sections"][1]["paragraphs"][0]
    data["overview"]["sections"][1]["paragraphs"][0] = text.replace("申请26件", "申请66件").replace(
        "不予处理2件", "不予处理3件")
    warnings = annual_docx.lint(annual_docx.validate(data))
    assert [p.path for p in warnings] == ["overview.sections[1].paragraphs[0]"] * 2
    assert "66" in warnings[0].message and "表三“一、本年新收政府信息公开申请数量”总计为 26" in warnings[0].message
    assert "表三“（五）不予处理”各项之和为 2" in warnings[1].message


def test_a_quoted_number_belongs_to_the_row_the_sentence_names_nearest_before_it() -> None:
    """「办结的申请中予以公开14件」: the 14 is the 予以公开 row (14), not the 办结 total (26), though the 办结 pattern
    reaches it too; a wrong number there is compared with the 予以公开 row only."""
    data = valid()
    data["opening"] = ["办结的申请中予以公开14件。"]
    assert annual_docx.lint(annual_docx.validate(data)) == []
    data["opening"] = ["办结的申请中予以公开15件。"]
    warnings = annual_docx.lint(annual_docx.validate(data))
    assert [p.code for p in warnings] == ["W-QUOTED-NUMBER"]
    assert "表三“（一）予以公开”总计为 14" in warnings[0].message
    data["opening"] = ["共办结申请25件。"]
    assert "总计为 26" in annual_docx.lint(annual_docx.validate(data))[0].message


def test_a_govinfo_report_silences_codes_with_its_lint_key() -> None:
    """`lint:` is accepted as in any report: `ignore` silences every code it lists, `ignore_at` a govinfo field path
    or a section title; `silenced=True` keeps them; an unknown place is itself a warning."""
    data = valid(headings={"二": "主动公开情况"})
    data["opening"] = ["办结申请27件,均按时答复。"]
    codes = sorted(p.code for p in annual_docx.lint(annual_docx.validate(data)))
    assert codes == ["W-HEADING", "W-PUNCT", "W-QUOTED-NUMBER"]
    quiet = annual_docx.validate(data | {"lint": {"ignore": ["W-QUOTED-NUMBER", "W-HEADING", "punct"]}})
    assert annual_docx.lint(quiet) == []
    assert len(annual_docx.lint(quiet, silenced=True)) == 3
    at = annual_docx.validate(data | {"lint": {"ignore_at": {"opening[0]": ["W-QUOTED-NUMBER"],
                                                             "headings.二": ["W-HEADING"]}}})
    assert [p.code for p in annual_docx.lint(at)] == ["W-PUNCT"]
    data["overview"]["sections"][1]["paragraphs"][0] += "2023年,结转。"
    title = data["overview"]["sections"][1]["title"]
    places = {title: ["W-PUNCT", "W-YEAR"], "无此节": ["W-YEAR"]}
    by_title = annual_docx.validate(data | {"lint": {"ignore": ["W-QUOTED-NUMBER", "W-HEADING"], "ignore_at": places}})
    assert [(p.path, p.code) for p in annual_docx.lint(by_title)] == [
        ("opening[0]", "W-PUNCT"), ("lint.ignore_at.无此节", "W-IGNORE-PATH")]


def test_general_warnings_name_the_govinfo_fields() -> None:
    data = valid()
    data["problems"]["sections"][0]["paragraphs"][0] += "工作不够细致,有待改进。"
    warnings = annual_docx.lint(annual_docx.validate(data))
    assert [p.path for p in warnings] == ["problems.sections[0].paragraphs[0]"]


def test_subheadings_may_carry_their_own_numbers(tmp_path: Path) -> None:
    data = valid(subheading_numbering="无")
    data["problems"]["sections"][0]["title"] = "1.存在的主要问题"
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "g.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1.存在的主要问题" in texts and "（一）主动公开" not in texts and "主动公开" in texts


# ── workbook ──────────────────────────────────────────────────────────────────────────────────────────────────

def fill_workbook(path: Path, data: dict[str, Any]) -> None:
    """Type the example's numbers into the empty workbook by the national layout (table starts in row 3)."""
    book = openpyxl.load_workbook(path)
    two, three, four = (book[n] for n in book.sheetnames)
    positions2 = {"规章": 5, "行政规范性文件": 6, "行政许可": 9, "行政处罚": 12, "行政强制": 13, "行政事业性收费": 16}
    for row, line in positions2.items():
        values = data["proactive"][row]
        for i, value in enumerate(values if isinstance(values, list) else [values]):
            two.cell(line, 2 + i, value)
    flat: dict[tuple[str, ...], list[int]] = {}

    def walk(level: dict[str, Any], path: tuple[str, ...]) -> None:
        for key, value in level.items():
            if isinstance(value, dict):
                walk(value, (*path, key))
            else:
                flat[(*path, key)] = value

    walk(data["requests"], ())
    for r in oracle.TABLE3_DATA_ROWS:  # the row's labels: the cells covering it in grid columns 0–2, left to right
        labels = tuple(label for (gr, _), (label, rows, _) in sorted(oracle.TABLE3_ROW_LABELS.items(),
                                                                    key=lambda kv: kv[0][1]) if gr <= r < gr + rows)
        for i, value in enumerate(flat.get(labels, [])):
            three.cell(3 + r, 4 + i, value)
    for g, name in enumerate(("行政复议", "未经复议直接起诉", "复议后起诉")):
        for i, value in enumerate(data["reviews"][name]):
            four.cell(6, 1 + 5 * g + i, value)
    book.save(path)


def test_init_xlsx_writes_the_empty_workbook_laid_out_like_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "统计.xlsx"
    assert main(["init", str(path), "--kind", "govinfo", "--xlsx"]) == 0
    book = openpyxl.load_workbook(path)
    assert [n[:2] for n in book.sheetnames] == ["表二", "表三", "表四"]
    three = book.worksheets[1]
    for (r, c), (label, rows, cols) in (oracle.TABLE3_HEADER | oracle.TABLE3_ROW_LABELS).items():
        assert three.cell(3 + r, 1 + c).value == label
        if rows > 1 or cols > 1:
            assert f"{three.cell(3 + r, 1 + c).coordinate}:{three.cell(2 + r + rows, c + cols).coordinate}" in {
                str(m) for m in three.merged_cells.ranges}
    assert all(three.cell(3 + r, 4 + c).value is None for r in oracle.TABLE3_DATA_ROWS for c in range(7))
    four = book.worksheets[2]
    assert [four.cell(3 + r, 1 + c).value for (r, c) in sorted(oracle.TABLE4)] == [
        v[0] for _, v in sorted(oracle.TABLE4.items())]


def filled_workbook(tmp_path: Path, fill: bool = True) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """Return a workbook written by `init --xlsx` (filled with the example's numbers unless ``fill`` is False), the
    example's data without its tables, and the example's data."""
    book = tmp_path / "统计.xlsx"
    assert main(["init", str(book), "--kind", "govinfo", "--xlsx"]) == 0
    data = valid()
    if fill:
        fill_workbook(book, data)
    return book, {k: v for k, v in data.items() if k not in ("proactive", "requests", "reviews")}, data


def test_numbers_from_the_workbook_equal_numbers_in_the_report(tmp_path: Path) -> None:
    _, data, full = filled_workbook(tmp_path)
    from_yaml = annual_docx.validate(full)
    from_book = annual_docx.validate(data | {"workbook": "统计.xlsx"}, base_dir=tmp_path)
    assert from_book.figures == from_yaml.figures  # type: ignore[union-attr]
    out = annual_docx.render(from_book, tmp_path / "from_book.docx")
    assert "26" in [c.text for c in docx.Document(str(out)).tables[1].rows[3].cells]


def test_a_workbook_with_a_moved_row_or_a_word_for_a_number_is_refused(tmp_path: Path) -> None:
    book_path, data, _ = filled_workbook(tmp_path, fill=False)
    book = openpyxl.load_workbook(book_path)
    book.worksheets[1]["D6"] = "五"
    book.save(book_path)
    found = problems(data | {"workbook": str(book_path)})
    assert "表三" in found[0] and "D6" in found[0] and "“五”" in found[0]  # a number cell of row 一
    book.worksheets[1]["D6"] = None
    book.worksheets[1]["C15"] = "1.属于国家机密"
    book.save(book_path)
    found = problems(data | {"workbook": str(book_path)})
    assert "C15" in found[0] and "应为“6.属于四类过程性信息”" in found[0] and "版式被改动" in found[0]
    assert problems(data | {"workbook": str(tmp_path / "无.xlsx")})[0].startswith("workbook:")
    assert "leave out" in problems(valid(workbook=str(book_path)))[0]


def test_relations_are_checked_on_workbook_numbers_too(tmp_path: Path) -> None:
    book, data, _ = filled_workbook(tmp_path)
    sheet = openpyxl.load_workbook(book)
    sheet.worksheets[2]["E6"] = 2
    sheet.save(book)
    found = problems(data | {"workbook": str(book)})
    assert len(found) == 1 and found[0].startswith("统计.xlsx 表四") and "行政复议" in found[0]


# ── command line ──────────────────────────────────────────────────────────────────────────────────────────────

def test_cli_validate_reports_a_broken_relation_without_traceback(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data = valid()
    data["reviews"]["行政复议"] = [1, 0, 0, 0, 2]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "表四“行政复议”的“总计”为 2" in err and "Traceback" not in err
    assert main(["render", str(path), "-o", str(tmp_path / "bad.docx")]) == 1
    assert not (tmp_path / "bad.docx").exists()


def test_cli_init_xlsx_needs_the_govinfo_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "x.xlsx"), "--kind", "library", "--xlsx"]) == 1
    assert "--kind govinfo" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_prose_sections_nest_like_any_report_and_hold_any_block(tmp_path: Path) -> None:
    """Section 一's subsections take blocks and their own subsections; too deep is an error naming the govinfo field."""
    data = valid()
    data["overview"]["sections"][0]["blocks"] = [{"type": "list", "items": ["政策文件87条", "动态信息225条"]}]
    data["overview"]["sections"][0]["sections"] = [{"title": "政策解读", "paragraphs": ["解读12篇。"]}]
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "nested.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts.index("（一）主动公开") < texts.index("1.政策文件87条") < texts.index("1.政策解读") < texts.index(
        "（二）依申请公开")
    deep = {"title": "甲", "sections": [{"title": "乙", "sections": [{"title": "丙", "sections": [{"title": "丁"}]}]}]}
    data["overview"]["sections"][0]["sections"] = [deep]
    assert problems(data)[0].startswith("overview.sections[0].sections[0].sections[0].sections[0]: 节最多嵌套四级")


def test_the_fee_amount_is_printed_as_given_and_counts_without_decimals(tmp_path: Path) -> None:
    data = valid()
    data["proactive"]["行政事业性收费"] = "18651.06"
    data["proactive"]["行政许可"] = 136.0
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "fee.docx")
    cells = [c.text for row in docx.Document(str(out)).tables[0].rows for c in row.cells]
    assert "18651.06" in cells and "136" in cells and "136.0" not in cells


def test_official_parts_are_optional_as_for_any_report(tmp_path: Path) -> None:
    """版头 and 版记 come out as in a 工作年报; the document stays valid and passes the compliance check."""
    from openxml_audit import OpenXmlValidator

    data = valid(official={"issuer": "青禾县文化广电和旅游局文件", "number": "青文旅发〔2025〕3号",
                           "cc": ["县政务公开办"], "printer": "青禾县文化广电和旅游局办公室",
                           "print_date": "2025-01-20"})
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "official.docx")
    xml = etree.tostring(part(out, "word/document.xml"), encoding="unicode")
    assert "青禾县文化广电和旅游局文件" in xml and "青文旅发〔2025〕3号" in xml and "县政务公开办" in xml
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
    assert [f.item for f in annual_docx.check(out) if not f.ok] == []


def test_govinfo_warnings_carry_codes() -> None:
    """Every govinfo warning has a lint code, including the general checks run on its prose (W-PLACEHOLDER)."""
    from annual_docx._model.schema_lint import LINT_CODES

    data = valid(organisation="某某局", overview="本年新收政府信息公开申请999件。")
    problems = annual_docx.lint(annual_docx.validate(data, base_dir=EXAMPLE.parent))
    codes = {p.code for p in problems}
    assert {"W-PLACEHOLDER", "W-QUOTED-NUMBER"} <= codes
    assert all(p.code in LINT_CODES for p in problems), problems
