"""Tests of reading statistics tables from CSV and .xlsx files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from annual_docx import InputError
from annual_docx._input._sheets import read_table


def test_csv_in_utf8_with_bom_and_in_gbk(tmp_path: Path) -> None:
    """Excel's CSV UTF-8 (BOM) and the GBK CSV of Chinese Windows both read correctly."""
    text = "指标,2019年,2020年\n外借册次,208800,131000\n\n"
    for name, data in (("u.csv", b"\xef\xbb\xbf" + text.encode()), ("g.csv", text.encode("gbk"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert read_table(path) == [["指标", "2019年", "2020年"], ["外借册次", "208800", "131000"]]


def test_xlsx_sheet_by_name_keeps_numbers_and_trims_blanks(tmp_path: Path) -> None:
    """A named sheet is read with numbers as numbers; trailing empty rows and columns go."""
    book = openpyxl.Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("统计")
    sheet.append(["指标", "本年", "上年", None])
    sheet.append(["接待读者（万人次）", 14.3, 25.6, None])
    sheet.append([None, None, None, None])
    path = tmp_path / "s.xlsx"
    book.save(path)
    assert read_table(path, "统计") == [["指标", "本年", "上年"], ["接待读者（万人次）", 14.3, 25.6]]
    with pytest.raises(InputError, match="统计表"):
        read_table(path, "统计表")


def test_unsupported_and_missing_files_are_input_errors(tmp_path: Path) -> None:
    """Other formats and missing files get clear messages."""
    (tmp_path / "a.xls").write_bytes(b"old")
    with pytest.raises(InputError, match="xlsx"):
        read_table(tmp_path / "a.xls")
    with pytest.raises(InputError, match="not found"):
        read_table(tmp_path / "none.csv")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="workbook"):
        read_table(tmp_path / "bad.xlsx")
