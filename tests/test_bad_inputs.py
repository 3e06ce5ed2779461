"""The bad-input corpus: every file in tests/bad_inputs/ goes through the CLI and gets its expected clear answer.

Each case is a report file beside a ``.expect`` file listing message fragments (one a line) that stderr must hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annual_docx.cli import main

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".expect" and p.with_suffix(".expect").is_file())


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 30 cases, and every .expect file has its report."""
    assert len(CASES) >= 30
    assert len(list(CORPUS.glob("*.expect"))) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gets_its_message_and_writes_nothing(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI exits 1 with the expected message, no traceback, and neither writes nor replaces the output."""
    expected = [line for line in case.with_suffix(".expect").read_text(encoding="utf-8").splitlines() if line]
    fresh = tmp_path / "new" / "out.docx"
    fresh.parent.mkdir()
    assert main(["render", str(case), "-o", str(fresh)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert all(fragment in err for fragment in expected), (expected, err)
    assert list(fresh.parent.iterdir()) == []

    existing = tmp_path / "old" / "out.docx"
    existing.parent.mkdir()
    existing.write_bytes(b"an older good report")
    assert main(["render", str(case), "-o", str(existing)]) == 1
    assert existing.read_bytes() == b"an older good report"
    assert list(existing.parent.iterdir()) == [existing]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_rejects_the_same_input(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`annual-docx validate` exits 1 on every corpus case with the same message, pictures' contents included."""
    expected = [line for line in case.with_suffix(".expect").read_text(encoding="utf-8").splitlines() if line]
    assert main(["validate", str(case)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and all(fragment in err for fragment in expected)
