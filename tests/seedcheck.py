"""The seed check of ``shared/tools/seed_check.py``, as a library for the tests: which seed lines a .docx lacks."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
SEED = Path(__file__).parent / "data" / "seed_qufu_2020.txt"
CHART_DATA = {"职称结构", "学历结构"}  # the seed's last four lines are the cached data of two Word charts


def squash(text: str) -> str:
    """Drop whitespace and punctuation; fold full-width forms to their plain equivalents."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PZS"))


def seed_lines(seed: Path = SEED) -> list[str]:
    """Return the seed's content lines: no images, no bookmarks, no chart data."""
    lines = []
    for raw in seed.read_text(encoding="utf-8").splitlines():
        line = raw.replace("[bookmark: _GoBack]", "").strip()
        if not line or line.startswith("[image:"):
            continue
        if line.split("\t")[0].strip() in CHART_DATA:
            break
        lines.append(line)
    return lines


def document_text(docx: Path, *, with_alt: bool = False) -> tuple[str, list[str]]:
    """Return the body text in document order and the pictures' alt texts; ``with_alt`` puts each picture's alt
    text into the body text where the picture is (as ``shared/tools/seed_check.py`` reads it). Without it the
    text is only what a reader sees: a chart's alt text cannot stand in for a paragraph left out."""
    with zipfile.ZipFile(docx) as zf:
        root = ET.fromstring(zf.read("word/document.xml"))
    parts: list[str] = []
    alts: list[str] = []
    for el in root.iter():
        if el.tag == W + "t" and el.text:
            parts.append(el.text)
        elif el.tag == W + "p":
            parts.append("\n")
        elif el.tag == WP + "docPr":
            alts.append(el.get("descr", ""))
            if with_alt:
                parts.append("\n" + el.get("descr", "") + " " + el.get("title", "") + "\n")
    return "".join(parts), alts


def missing_lines(docx: Path) -> list[str]:
    """Return the seed lines not found, in order, in the body text of ``docx`` (pictures' alt text left out)."""
    text, _ = document_text(docx)
    haystack = squash(text)
    pos, missing = 0, []
    for line in seed_lines():
        found = haystack.find(squash(line), pos)
        if found < 0:
            missing.append(line)
        else:
            pos = found + len(squash(line))
    return missing
