"""The expected structure of the 19 provincial 政府工作报告 in ``../shared/corpus/realcn-dev`` (tests/data/
realcn_dev_expected.json, written by reading each document, not by running the importer or checker) stays complete
and well-formed: one entry per file present, every entry with the keys and types the recogniser/import/check tests
rely on, and counts that agree with the outline listed beside them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

EXPECTED_FILE = Path(__file__).parent / "data" / "realcn_dev_expected.json"
# ../shared/corpus/realcn-dev beside the checkout; REALCN_DEV_DIR points elsewhere (e.g. from a git worktree)
CORPUS = Path(
    os.environ.get("REALCN_DEV_DIR") or Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realcn-dev"
)
LEVELS = ("1", "2", "3", "4")


def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return data


def _entries() -> dict[str, dict[str, Any]]:
    return {name: entry for name, entry in _expected().items() if not name.startswith("_")}


def _corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the dev corpus is missing: {CORPUS}")
        pytest.skip(f"the dev corpus is not here: {CORPUS}")
    return sorted(p.name for p in CORPUS.glob("*.docx"))


def test_the_expectations_cover_exactly_the_files_of_the_dev_corpus() -> None:
    files = _corpus_files()
    assert len(files) == 19
    assert sorted(_entries()) == files


def test_the_counting_rules_are_written_down() -> None:
    rules = _expected()["_rules"]
    for key in ("title", "year", "byline", "signature_date", "headings", "run_in", "first_headings"):
        assert isinstance(rules[key], str)
        assert rules[key].strip()


def _is_counts(value: object) -> bool:
    return isinstance(value, dict) and tuple(value) == LEVELS and all(type(n) is int and n >= 0 for n in value.values())


def _is_str_or_none(value: object) -> bool:
    return value is None or isinstance(value, str)


@pytest.mark.parametrize("name", sorted(_entries()))
def test_an_entry_has_the_keys_and_sane_types(name: str) -> None:
    entry = _entries()[name]
    assert isinstance(entry["title"], str)
    assert type(entry["title_lines"]) is int
    assert (entry["title_lines"] == 0) == (entry["title"] == "")
    assert entry["year"] is None or (type(entry["year"]) is int and 1000 <= entry["year"] <= 2100)
    assert isinstance(entry["byline"], list)
    assert all(isinstance(line, str) and line == line.strip() and line for line in entry["byline"])
    assert _is_str_or_none(entry["signature"])
    assert _is_str_or_none(entry["date"])
    assert _is_counts(entry["headings"])
    assert _is_counts(entry["run_in"])
    assert all(entry["run_in"][lvl] <= entry["headings"][lvl] for lvl in LEVELS)
    assert isinstance(entry["first_headings"], dict)
    assert isinstance(entry["notes"], list)
    assert all(isinstance(note, str) and note for note in entry["notes"])
    assert isinstance(entry["attachments"], list)
    if "alternative" in entry:  # the counts under the other reading of a debatable document
        alternative = entry["alternative"]
        assert isinstance(alternative["reason"], str)
        assert alternative["reason"]
        assert _is_counts(alternative["headings"])
        assert _is_counts(alternative["run_in"])
        assert alternative["headings"] != entry["headings"]


@pytest.mark.parametrize("name", sorted(_entries()))
def test_the_counts_agree_with_the_outline(name: str) -> None:
    """headings, run_in and first_headings are all readable off the outline written beside them."""
    entry = _entries()[name]
    outline = entry["outline"]
    for lvl in LEVELS:
        at_level = [h for h in outline if str(h["level"]) == lvl]
        assert entry["headings"][lvl] == len(at_level), lvl
        assert entry["run_in"][lvl] == sum(1 for h in at_level if h["run_in"]), lvl
        if at_level:
            assert entry["first_headings"][lvl] == at_level[0]["text"]
        else:
            assert lvl not in entry["first_headings"]
    for heading in outline:
        text = heading["text"]
        assert text == text.strip(" \u3000\u2003\u00a0"), "leading spaces are recorded in 'leading', not in the text"
        if heading["run_in"]:
            assert text[-1] in "。！？!?", "a run-in heading is its heading sentence, up to its end punctuation"


@pytest.mark.parametrize("name", sorted(_entries()))
def test_the_byline_is_not_taken_for_a_signature(name: str) -> None:
    entry = _entries()[name]
    assert entry["byline"], "every dev report has a byline under its title"
    assert all(line in entry["front_matter"] for line in entry["byline"])
    assert entry["signature"] not in entry["byline"]
