"""``annual-docx edit``: which file the editor opens (an existing report, a new one from a starter, an imported .docx)
— the server itself is replaced by a stand-in that records what it was asked to serve."""

from __future__ import annotations

from pathlib import Path

import pytest

import annual_docx
import annual_docx.editor
from annual_docx._output._authoring import starter_report
from annual_docx.cli import main
from tests.conftest import EXAMPLE


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    calls: list[tuple[Path, bool]] = []
    monkeypatch.setattr(annual_docx.editor, "serve",
                        lambda path, port=0, open_browser=True: calls.append((Path(path), open_browser)))
    return calls


def test_a_new_file_starts_from_the_starter(tmp_path: Path, served: list[tuple[Path, bool]]) -> None:
    target = tmp_path / "county_library.yaml"
    assert main(["edit", str(target), "--kind", "library", "--no-browser"]) == 0
    assert target.read_text(encoding="utf-8") == starter_report("library")
    assert served == [(target, False)]


def test_an_existing_report_is_opened_as_it_is(served: list[tuple[Path, bool]]) -> None:
    before = EXAMPLE.read_bytes()
    assert main(["edit", str(EXAMPLE)]) == 0
    assert served == [(EXAMPLE, True)]
    assert EXAMPLE.read_bytes() == before


def test_a_docx_is_imported_beside_it_first(tmp_path: Path, served: list[tuple[Path, bool]],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    old = annual_docx.render(annual_docx.load(EXAMPLE.with_name("culture_centre.yaml")), tmp_path / "old.docx")
    assert main(["edit", str(old), "--no-browser"]) == 0
    assert served == [(tmp_path / "old.yaml", False)]
    assert annual_docx.load(tmp_path / "old.yaml").organisation
    assert main(["edit", str(old), "--no-browser"]) == 1  # the .yaml exists now: open that instead
    assert "old.yaml" in capsys.readouterr().err


def test_an_unknown_starter_kind_is_a_clear_error(tmp_path: Path, served: list[tuple[Path, bool]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["edit", str(tmp_path / "x.yaml"), "--kind", "zoo"]) == 1
    assert "library" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()
    assert served == []


def test_without_ruamel_the_editor_says_which_extra_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    for name in [n for n in sys.modules if n.startswith(("ruamel", "annual_docx.editor"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ruamel", None)  # import ruamel… now raises ModuleNotFoundError
    assert main(["edit", str(tmp_path / "x.yaml"), "--no-browser"]) == 1
    assert "annual_docx[editor]" in capsys.readouterr().err
