"""Tests of reading report files: encodings, syntax errors, the top level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import annual_docx
from annual_docx import InputError

from .conftest import EXAMPLE, small_report


def test_example_loads_with_every_section(example_report: annual_docx.Report) -> None:
    """The seed example has the six sections of the 2020 report, in order."""
    titles = [s.title for s in example_report.sections]
    assert titles == ["年度概况", "组织结构", "党组织架构", "人员结构", "服务保障", "获奖统计"]
    assert example_report.full_title == "2020年度曲阜市图书馆工作年报"


def test_json_and_bom_are_accepted(tmp_path: Path) -> None:
    """A JSON file saved as UTF-8 with a BOM loads."""
    path = tmp_path / "r.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(small_report(), ensure_ascii=False).encode())
    assert annual_docx.load(path).organisation == "某县图书馆"


def test_yaml_with_bom_is_accepted(tmp_path: Path) -> None:
    """A YAML file with a BOM loads."""
    path = tmp_path / "r.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    # pictures are relative to the example folder, so validate the parsed data against it
    data = annual_docx._input._load.parse(path)
    assert annual_docx.validate(data, base_dir=EXAMPLE.parent).year == 2020


def test_gbk_file_is_rejected_with_advice(tmp_path: Path) -> None:
    """A GBK-encoded file is refused with a message saying to save as UTF-8, never read as mojibake."""
    path = tmp_path / "r.yaml"
    path.write_bytes("organisation: 曲阜市图书馆\n".encode("gbk"))
    with pytest.raises(InputError, match="UTF-8"):
        annual_docx.load(path)


def test_yaml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    """A YAML syntax error names file:line:column and shows the line."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: 图书馆\nyear: [2020\nsections: []\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        annual_docx.load(path)
    assert f"{path}:3:" in str(info.value) and "YAML" in str(info.value)


def test_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error names file:line:column."""
    path = tmp_path / "r.json"
    path.write_text('{\n  "year": 2020,\n  oops\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"r\.json:3:3: JSON"):
        annual_docx.load(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [("", "empty"), ("- a\n- b\n", "mapping"), ("just text", "mapping")],
)
def test_wrong_top_level_is_explained(tmp_path: Path, content: str, expected: str) -> None:
    """Empty files and non-mapping top levels each get their own message."""
    path = tmp_path / "r.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected):
        annual_docx.load(path)


def test_missing_file_is_explained(tmp_path: Path) -> None:
    """A missing report file is an InputError, not FileNotFoundError."""
    with pytest.raises(InputError, match="not found"):
        annual_docx.load(tmp_path / "missing.yaml")


def test_validation_error_names_the_file(tmp_path: Path) -> None:
    """Schema problems found while loading name the file they came from."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: x\nyear: 2020\nsections: []\nfoo: 1\n", encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError) as info:
        annual_docx.load(path)
    assert str(path) in str(info.value)
    assert {p.path for p in info.value.problems} == {"sections", "foo"}


def test_gb18030_file_is_named_and_utf16_with_bom_is_read(tmp_path: Path) -> None:
    """A GB18030 file is refused naming its encoding; UTF-16 with a BOM is decoded (the BOM makes it certain)."""
    text = "organisation: 𠀀县图书馆\nyear: 2021\nsections:\n  - {kind: text, title: 概况}\n"
    gb = tmp_path / "gb.yaml"
    gb.write_bytes(text.encode("gb18030"))
    with pytest.raises(InputError, match="GBK/GB18030"):
        annual_docx.load(gb)
    utf16 = tmp_path / "u16.yaml"
    utf16.write_bytes(text.encode("utf-16"))
    assert annual_docx.load(utf16).organisation == "𠀀县图书馆"


def test_binary_file_gets_its_own_message(tmp_path: Path) -> None:
    """A .docx saved under a .yaml name is called a binary file, not a syntax error."""
    path = tmp_path / "report.yaml"
    path.write_bytes(annual_docx.default_template().read_bytes())
    with pytest.raises(InputError, match=r"binary file \(ZIP"):
        annual_docx.load(path)


def test_duplicate_keys_are_errors_with_their_line(tmp_path: Path) -> None:
    """A key given twice (the second would silently win) is an error at its line, in YAML and JSON."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: 甲\nyear: 2021\norganisation: 乙\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"r\.yaml:3:1: .*duplicate key 'organisation'"):
        annual_docx.load(path)
    path = tmp_path / "r.json"
    path.write_text('{"year": 2021, "year": 2022}', encoding="utf-8")
    with pytest.raises(InputError, match="duplicate key 'year'"):
        annual_docx.load(path)


def test_unknown_key_suggests_the_closest_field_of_its_model() -> None:
    """A misspelt key names its path and the closest valid key of the model it sits in."""
    data = small_report(sections=[{"kind": "personnel", "title": "人员", "staf": 3,
                                   "breakdowns": [{"title": "职称", "categorys": {"高级": 3}}]}])
    with pytest.raises(annual_docx.ReportValidationError) as info:
        annual_docx.validate(data)
    text = str(info.value)
    assert "sections[0].staf: 未知的键 `staf`，是否应为 `staff`？/ unknown key `staf`; did you mean `staff`?" in text
    assert "sections[0].breakdowns[0].categorys" in text and "did you mean `categories`?" in text


def test_bad_date_in_yaml_is_a_validation_error_naming_the_field(tmp_path: Path) -> None:
    """2021-02-30 in YAML is reported at `date`, not as a crash in the YAML reader."""
    path = tmp_path / "r.yaml"
    path.write_text("organisation: 甲\nyear: 2021\ndate: 2021-02-30\nsections: [{kind: text, title: 概况}]\n",
                    encoding="utf-8")
    with pytest.raises(annual_docx.ReportValidationError, match=r"date: .*expected a date"):
        annual_docx.load(path)
    path.write_text("organisation: 甲\nyear: 2021\ndate: 2021-02-03\nsections: [{kind: text, title: 概况}]\n",
                    encoding="utf-8")
    assert str(annual_docx.load(path).date) == "2021-02-03"
