"""Run-in headings of real documents (issue 21): the 19 provincial 政府工作报告 of the dev corpus, against the
expectations written down by reading them (tests/data/realcn_dev_expected.json). A run-in heading whose sentence
stands out (bold, 楷体) imports as a section with ``run_in: true``; nothing else does."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from annual_docx._import import read_report

EXPECTED = json.loads((Path(__file__).parent / "data" / "realcn_dev_expected.json").read_text(encoding="utf-8"))
CORPUS = Path(os.environ.get("REALCN_DEV_DIR") or Path(__file__).resolve().parents[2] / "shared" / "corpus"
              / "realcn-dev")
#: documents whose every run-in heading is set bold: all of them must come back run-in
ALL_EMPHASISED = ("2025年内蒙古自治区政府工作报告.docx", "2025年江西省政府工作报告.docx")


def _run_in_sections(sections: list[Any], depth: int = 1) -> list[tuple[int, str]]:
    out = []
    for section in sections:
        if getattr(section, "run_in", None):
            out.append((depth, section.title))
        out.extend(_run_in_sections(section.sections, depth + 1))
    return out


@pytest.fixture(scope="module")
def imported() -> dict[str, list[tuple[int, str]]]:
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the dev corpus is missing: {CORPUS}")
        pytest.skip(f"the dev corpus is not here: {CORPUS}")
    out = {}
    for path in sorted(CORPUS.glob("*.docx")):
        with tempfile.TemporaryDirectory() as folder:
            report = read_report(path, Path(folder) / "assets", Path(folder)).report
        out[path.name] = _run_in_sections(report.sections)
    return out


def test_every_imported_run_in_heading_is_one_the_document_has(imported: dict[str, list[tuple[int, str]]]) -> None:
    for name, found in imported.items():
        expected = [(h["level"], h["text"]) for h in EXPECTED[name]["outline"] if h["run_in"]]
        for level, title in found:
            assert any(lv == level and text.endswith(title) for lv, text in expected), (name, level, title)


def test_emphasised_run_in_headings_all_come_back(imported: dict[str, list[tuple[int, str]]]) -> None:
    for name in ALL_EMPHASISED:
        assert len(imported[name]) == sum(EXPECTED[name]["run_in"].values()), name
    assert sum(len(found) for found in imported.values()) >= 57  # of the 215 the set has (57 when written)
