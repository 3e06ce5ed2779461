"""The editor's YAML side: files read in round-trip mode and written back as they were where nothing changed."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

import annual_docx
from annual_docx.editor._worker import run_job
from annual_docx.editor._yamldoc import YamlDocument, write_atomic
from tests.conftest import ROOT

REPORTS = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "src/annual_docx/starters").glob("*.yaml"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_example_and_starter_comes_back_byte_identical(path: Path) -> None:
    document = YamlDocument(path)
    assert document.text_for(copy.deepcopy(document.data)) == path.read_bytes()


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_the_data_is_what_the_library_reads(path: Path) -> None:
    """The page edits the same values `annual_docx.load` sees (dates as text, numbers as numbers)."""
    from annual_docx._input._load import parse

    assert YamlDocument(path).data == parse(path)


def write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_changed_value_keeps_its_neighbours_comments_and_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, '# head\norganisation: "某馆"   # 单位\nyear: 2020  # 年度\nnumbering: ["一、", "1."]\n'
                           "date: 2021-01-05\n")
    document = YamlDocument(path)
    data = copy.deepcopy(document.data)
    data["year"] = 2021
    assert document.text_for(data).decode() == ('# head\norganisation: "某馆"   # 单位\nyear: 2021  # 年度\n'
                                                'numbering: ["一、", "1."]\ndate: 2021-01-05\n')


def test_keys_added_removed_and_list_items_appended(tmp_path: Path) -> None:
    path = write(tmp_path, "organisation: 某馆\nopening:\n  - 第一段。  # keep\nsignature: 某馆\n")
    document = YamlDocument(path)
    data = copy.deepcopy(document.data)
    del data["signature"]
    data["opening"].append("第二段。")
    data["sections"] = [{"title": "概况", "blocks": [{"type": "chart", "labels": ["2024年"], "series": {"x": [1, 2]}}]}]
    assert document.text_for(data).decode() == (
        "organisation: 某馆\nopening:\n  - 第一段。  # keep\n  - 第二段。\nsections:\n  - title: 概况\n"
        "    blocks:\n      - type: chart\n        labels: [2024年]\n        series:\n          x: [1, 2]\n")


STARTER_TAIL = """sections:
  - title: 概况
    paragraphs:
      - 第一段。

  - title: 大事记
    blocks:
      - type: chronology
        events:
          - {date: 1月5日, event: 开馆}

# 落款（可选）/ signature and date
signature: 某馆
"""


def test_comment_lines_after_the_last_section_stay_above_the_next_key(tmp_path: Path) -> None:
    """ruamel keeps `# 落款` with the last section; a section added after it, or that section removed, must not take
    the comment along into the list (or out of the file)."""
    document = YamlDocument(write(tmp_path, STARTER_TAIL))
    added = copy.deepcopy(document.data)
    added["sections"].append({"title": "活动剪影", "paragraphs": ["第二段。"]})
    assert document.text_for(added).decode() == STARTER_TAIL.replace(
        "\n\n# 落款", "\n  - title: 活动剪影\n    paragraphs:\n      - 第二段。\n\n# 落款")
    removed = copy.deepcopy(document.data)
    del removed["sections"][1]
    assert document.text_for(removed).decode() == ("sections:\n  - title: 概况\n    paragraphs:\n      - 第一段。\n\n"
                                                   "# 落款（可选）/ signature and date\nsignature: 某馆\n")


def test_a_new_table_row_is_written_on_one_line(tmp_path: Path) -> None:
    document = YamlDocument(write(tmp_path, "rows:\n  - [接待读者, 0]\n"))
    data = {"rows": [["接待读者", 0], ["新办读者证（个）", 2310]]}
    assert document.text_for(data).decode() == "rows:\n  - [接待读者, 0]\n  - [新办读者证（个）, 2310]\n"


def test_text_that_looks_like_a_number_is_written_so_it_stays_text(tmp_path: Path) -> None:
    document = YamlDocument(write(tmp_path, "organisation: 某馆\ntitle: x\n"))
    data = {**document.data, "title": "2021", "signature": "true"}
    assert document.text_for(data).decode() == "organisation: 某馆\ntitle: '2021'\nsignature: 'true'\n"


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbforganisation: a\nyear: 2020\n")
    document = YamlDocument(path)
    assert document.text_for({"organisation": "a", "year": 2021}) == b"\xef\xbb\xbforganisation: a\nyear: 2021\n"


def test_a_file_that_is_not_a_mapping_or_not_yaml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(annual_docx.InputError, match="mapping"):
        YamlDocument(write(tmp_path, "- a\n- b\n"))
    with pytest.raises(annual_docx.InputError, match="YAML"):
        YamlDocument(write(tmp_path, "a: [b\n"))
    with pytest.raises(annual_docx.InputError, match=r"\.yaml"):  # a save would write YAML into a .json file
        YamlDocument(write(tmp_path, '{"organisation": "a"}', "r.json"))
    with pytest.raises(annual_docx.InputError, match="UTF-8"):
        (tmp_path / "gbk.yaml").write_bytes("organisation: 图书馆\n".encode("gbk"))
        YamlDocument(tmp_path / "gbk.yaml")


def test_an_atomic_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\n")
    path.chmod(0o640)
    write_atomic(path, b"a: 2\n")
    assert path.read_bytes() == b"a: 2\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]


def test_a_worker_that_overruns_its_time_is_stopped(tmp_path: Path) -> None:
    answer = run_job({"op": "render", "yaml": str(tmp_path / "none.yaml"), "base_dir": str(tmp_path),
                      "out_dir": str(tmp_path)}, timeout=0.001)
    assert not answer["ok"]
    assert "超时" in answer["error"]


def test_a_worker_reports_a_bad_report_with_its_field(tmp_path: Path) -> None:
    path = write(tmp_path, "organisation: 某馆\nyear: 二〇二〇\nsections: [{title: 概况}]\n")
    answer = run_job({"op": "render", "yaml": str(path), "base_dir": str(tmp_path), "out_dir": str(tmp_path)},
                     timeout=120)
    assert not answer["ok"]
    assert answer["problems"][0]["path"] == "year"
