"""The golden form of a rendered example: its parts normalised so two renders compare by what the document shows
(text, runs, styles, page geometry, pictures), not by serialisation details.

``python -m tests.golden`` writes ``tests/data/golden/<example>.json.gz`` from the current code; the test
``test_golden.py`` renders every example again and compares.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
EXAMPLES = ("qufu_2020", "yearbook_county_library", "culture_centre", "district_culture_centre", "govinfo_2024",
            "work_report_run_in")
#: (example, variant): the word grid, the portable grid, or native (editable) charts and shape groups
CASES = [(name, "word") for name in EXAMPLES] + [("qufu_2020", "portable")] + [
    (name, "native") for name in EXAMPLES[:4]]
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _xml(data: bytes) -> str:
    """Return the part in a canonical form free of namespace prefixes (names as ``{uri}local``, attributes
    sorted, text kept), ``docPr`` ids blanked (their uniqueness is checked apart)."""
    root = etree.fromstring(data)
    for doc_pr in root.iter(f"{_WP}docPr"):
        doc_pr.set("id", "*")
    out: list[str] = []

    def write(element: Any) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return
        attrs = "".join(f" {k}={v!r}" for k, v in sorted(element.attrib.items()))
        out.append(f"<{element.tag}{attrs}>{element.text or ''}")
        for child in element:
            write(child)
        out.append(f"</{element.tag}>{element.tail or ''}")

    write(root)
    return "".join(out)


def doc_pr_ids(data: bytes) -> list[str]:
    """Return the ``docPr`` ids of a part in document order."""
    return [str(e.get("id")) for e in etree.fromstring(data).iter(f"{_WP}docPr")]


def facts(docx: bytes) -> dict[str, Any]:
    """Return the golden form of a .docx: each XML part that shows on the page normalised, each picture by hash."""
    out: dict[str, Any] = {}
    with zipfile.ZipFile(BytesIO(docx)) as z:
        for name in sorted(z.namelist()):
            data = z.read(name)
            if name.startswith("word/media/"):
                out[name] = hashlib.sha256(data).hexdigest()
            elif name.endswith((".xml", ".rels")) and not name.startswith("word/theme/"):
                out[name] = _xml(data)
    return out


def render(name: str, grid: str) -> bytes:
    """Render an example as the library does today."""
    import annual_docx

    report = annual_docx.load(ROOT / "examples" / f"{name}.yaml")
    if grid == "native":
        report = report.model_copy(update={"chart_engine": "native"})
    data = annual_docx.render(report, grid="word" if grid == "native" else grid)
    assert isinstance(data, bytes)
    return data


def path(name: str, grid: str) -> Path:
    return GOLDEN / f"{name}.{grid}.json.gz"


def load(name: str, grid: str) -> dict[str, Any]:
    with gzip.open(path(name, grid), "rt", encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    return result


if __name__ == "__main__":
    import os

    os.chdir(ROOT / "examples")
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for example, grid_kind in CASES:
        with gzip.GzipFile(path(example, grid_kind), "wb", mtime=0) as raw:
            raw.write(json.dumps(facts(render(example, grid_kind)), ensure_ascii=False, indent=0,
                                 sort_keys=True).encode())
        print(example, grid_kind, path(example, grid_kind).stat().st_size)
