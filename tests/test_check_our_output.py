"""Every example, and every real document imported and rendered again, passes ``check`` (issue 22, "Done when"): no
violation under the kind check judges it to be, nor when it is checked as a 公文 (``kind="gongwen"``: a rendered form or
thesis is judged not to be a 公文, which would skip every row). The imported documents are the dev set
(``../shared/corpus/realcn-dev``) and, where present, the extra real documents of the import issue
(``/work/extra-corpus``, or ``EXTRA_CORPUS_DIR``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import annual_docx
from annual_docx._output._check_kind import NOT_GONGWEN
from tests.test_realcn_dev_expected import CORPUS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXTRA = Path(os.environ.get("EXTRA_CORPUS_DIR") or "/work/extra-corpus")


def _violations(path: Path, kind: str | None = None) -> list[tuple[str, str, str, str]]:
    return [(f.clause, f.item, f.where, f.found) for f in annual_docx.check(path, kind=kind) if not f.ok]


def _imported() -> list[Path]:
    files = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    return files + (sorted(EXTRA.glob("*/*.docx")) if EXTRA.is_dir() else [])


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_passes_check(name: str, tmp_path: Path) -> None:
    out = annual_docx.render(annual_docx.load(EXAMPLES / name), tmp_path / "out.docx")
    judged = annual_docx.check(out)
    assert judged.kind is not None and judged.kind.name not in NOT_GONGWEN  # our output is a 公文 or a report
    assert _violations(out) == []
    assert _violations(out, "gongwen") == []


@pytest.mark.parametrize("source", _imported(), ids=lambda p: p.name)
def test_every_imported_document_rendered_again_passes_check(source: Path, tmp_path: Path) -> None:
    report = annual_docx.import_docx(source, assets=tmp_path / "assets")
    out = annual_docx.render(report, tmp_path / "again.docx")
    assert _violations(out) == []
    assert _violations(out, "gongwen") == []


def test_the_dev_set_is_among_the_imports() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the dev corpus is not here: {CORPUS}")
    assert sum(p.parent == CORPUS for p in _imported()) == 19
