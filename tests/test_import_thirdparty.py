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
    except annual_docx.AnnualDocxError as exc:
        assert "please report" not in str(exc)  # the importer's safety net for its own bugs never fires
        return
    assert imported.report.sections or imported.report.opening  # no headings: body paragraphs only


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "missing", "renamed tags", "huge numbers"])
def test_a_damaged_part_gives_the_library_error_or_an_import(damage: str, example_docx: Path, tmp_path: Path) -> None:
    """Every part of a rendered report damaged in turn: the importer never raises anything but its own errors."""
    import random
    import zipfile

    rnd = random.Random(damage)
    with zipfile.ZipFile(example_docx) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    for name in parts:
        data = parts[name]
        damaged = {
            "garbage": bytes(rnd.randrange(256) for _ in range(200)), "truncated": data[:len(data) // 2],
            "empty": b"", "missing": None, "renamed tags": data.replace(b"w:", b"x:", 3),
            "huge numbers": data.replace(b'w:val="', b'w:val="' + b'9' * 30).replace(b'Target="', b'Target="../../'),
        }[damage]
        target = tmp_path / "damaged.docx"
        with zipfile.ZipFile(target, "w") as out:
            for other, content in parts.items():
                if other != name:
                    out.writestr(other, content)
                elif damaged is not None:
                    out.writestr(other, damaged)
        try:
            read_report(target, tmp_path / "assets", tmp_path)
        except annual_docx.AnnualDocxError as exc:
            assert "please report" not in str(exc), (name, exc)  # a named error, not the safety net
