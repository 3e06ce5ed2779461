"""Run-in headings of real documents (issue 21): the 19 provincial 政府工作报告 of the dev corpus, against the
expectations written down by reading them (tests/data/realcn_dev_expected.json): every run-in heading imports as a
section with ``run_in: true`` that renders it run-in again; nothing else does."""

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


def test_every_run_in_heading_comes_back(imported: dict[str, list[tuple[int, str]]]) -> None:
    """All 215 run-in headings of the set import as run-in sections (bold or not: the number and first sentence)."""
    for name, found in imported.items():
        assert len(found) == sum(EXPECTED[name]["run_in"].values()), name
