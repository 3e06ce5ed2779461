"""Every example renders to the same document as before the one-pass renderer (issue 17): the same text, runs,
styles, page geometry, pictures and charts, parts compared normalised (see ``tests/golden.py``); drawing ids are
unique across the document."""

from __future__ import annotations

import difflib
import zipfile
from io import BytesIO

import pytest

from . import golden


@pytest.mark.parametrize(("name", "grid"), golden.CASES)
def test_example_renders_as_before(name: str, grid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(golden.ROOT / "examples")
    data = golden.render(name, grid)
    now, before = golden.facts(data), golden.load(name, grid)
    assert sorted(now) == sorted(before)
    for part, expected in before.items():
        if now[part] != expected:
            diff = difflib.unified_diff(expected.replace("><", ">\n<").splitlines(),
                                        now[part].replace("><", ">\n<").splitlines(), lineterm="", n=2)
            pytest.fail(f"{part} differs:\n" + "\n".join(list(diff)[:60]))
    with zipfile.ZipFile(BytesIO(data)) as z:
        ids = [i for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")
               for i in golden.doc_pr_ids(z.read(n))]
    assert len(ids) == len(set(ids)), ids
