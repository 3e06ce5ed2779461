"""Real .docx files we did not write (python-docx's and docxtpl's own test documents, tests/data/thirdparty): the
importer reads each one into a valid report or refuses it with the library's own error, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx
from annual_docx._import import read_report

FILES = sorted((Path(__file__).parent / "data" / "thirdparty").glob("*/*.docx"))


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 80


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_third_party_document_imports_or_fails_cleanly(path: Path, tmp_path: Path) -> None:
    try:
        imported = read_report(path, tmp_path / "assets", tmp_path)
    except annual_docx.AnnualDocxError:
        return
    assert imported.report.sections
