"""What a reader sees in a .docx, read with the standard library only (the round-trip oracle shares no code with
annual_docx): each non-empty paragraph with its style, each table as a grid of cell texts, each picture's alt text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

Fact = tuple[str, ...]


def _text(p: ET.Element) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out).strip()


def _emphasis(p: ET.Element) -> str:
    """Return the paragraph's bold and 楷体 runs marked up, ``[b]…[/b]`` and ``[k]…[/k]``, adjacent runs merged."""
    spans: list[list[str]] = []
    for run in p.iter(W + "r"):
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        if not text:
            continue
        bold = run.find(f"{W}rPr/{W}b")
        fonts = run.find(f"{W}rPr/{W}rFonts")
        mark = ("b" if bold is not None and bold.get(W + "val", "1") not in ("0", "false") else
                "k" if fonts is not None and "楷" in fonts.get(W + "eastAsia", "") else "")
        if spans and spans[-1][0] == mark:
            spans[-1][1] += text
        else:
            spans.append([mark, text])
    return "".join(f"[{m}]{t}[/{m}]" if m else t for m, t in spans)


def _walk(parent: ET.Element, out: list[Fact]) -> None:
    for child in parent:
        if child.tag == W + "p":
            style = child.find(f"{W}pPr/{W}pStyle")
            text = _text(child)
            if text:
                out.append(("p", style.get(W + "val", "") if style is not None else "", text, _emphasis(child)))
            out.extend(("picture", d.get("descr", "")) for d in child.iter(WP + "docPr"))
        elif child.tag == W + "tbl":
            if any(True for _ in child.iter(WP + "docPr")):  # a gallery: pictures and captions, cell by cell
                for cell in child.iter(W + "tc"):
                    _walk(cell, out)
                continue
            rows = []
            for tr in child.findall(W + "tr"):
                rows.append(" | ".join(" ".join(_text(p) for p in tc.findall(W + "p")) for tc in tr.findall(W + "tc")))
            out.append(("table", *rows))
        elif child.tag in (W + "sdt", W + "sdtContent"):
            _walk(child, out)


def facts(docx: Path) -> list[Fact]:
    """Return the body of ``docx`` in reading order as facts."""
    with zipfile.ZipFile(docx) as zf:
        root = ET.fromstring(zf.read("word/document.xml"))
    out: list[Fact] = []
    body = root.find(W + "body")
    assert body is not None
    _walk(body, out)
    return out


def headings(docx: Path) -> list[tuple[str, str]]:
    """Return the (style, text) of every heading paragraph: the heading tree as the navigation pane shows it."""
    return [(f[1], f[2]) for f in facts(docx) if f[0] == "p" and f[1].startswith("Heading")]


def emphasised(docx: Path) -> list[str]:
    """Return the marked-up text of the paragraphs that have bold or 楷体 runs."""
    return [f[3] for f in facts(docx) if f[0] == "p" and "[/" in f[3]]
