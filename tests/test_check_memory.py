"""``check`` keeps no per-paragraph facts: on a generated document of a million paragraphs the child process running
``annual-docx check`` peaks far below what a million kept paragraphs would take (~0.3–0.45 KB each). Not timed: the
time of large files is measured in ``benchmarks/check_big.py``."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

PARAGRAPHS = 1_000_000
PEAK_MB = 160  # streaming: ~40 MB; keeping each paragraph's facts: ~400 MB and more
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def million(path: Path) -> Path:
    """A document of PARAGRAPHS short paragraphs: every tenth a （一） heading, the rest body text in distinct
    words, so that headings, body text and the kind evidence all see every paragraph."""
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels)
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            for start in range(0, PARAGRAPHS, 10_000):
                out.write("".join(
                    f"<w:p><w:r><w:t>{'（一）标题' if n % 10 == 0 else '正文'}{n}</w:t></w:r></w:p>"
                    for n in range(start, start + 10_000)).encode())
            out.write(b"<w:sectPr/></w:body></w:document>")
    return path


# A small interpreter runs check and reports its child's peak: Linux carries the pre-exec image's peak into a forked
# child's ru_maxrss, so a child forked straight from a grown test process would report the test process's size.
MEASURE = """
import resource, subprocess, sys
with open(sys.argv[2], "wb") as out:
    code = subprocess.call([sys.executable, "-m", "annual_docx", "check", "--json", sys.argv[1]], stdout=out,
                           stderr=subprocess.DEVNULL)
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_a_million_paragraphs_in_bounded_memory(tmp_path: Path) -> None:
    """The peak resident memory of the process running ``check`` (RUSAGE_CHILDREN of a small parent) stays under
    PEAK_MB, and every paragraph was read: the rows count the 900,000 body paragraphs and 100,000 headings."""
    path = million(tmp_path / "million.docx")
    report = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(report)], capture_output=True, text=True,
                          check=True)
    code, peak_kb = (int(x) for x in done.stdout.split())
    assert code == 1
    peak_mb = peak_kb / 1024
    assert peak_mb < PEAK_MB, f"check of {PARAGRAPHS} paragraphs peaked at {peak_mb:.0f} MB"
    text = report.read_text(encoding="utf-8")
    assert "另有 899990 处 / 899990 more" in text  # body text: 10 offenders kept, the rest counted
    assert "另有 99990 处 / 99990 more" in text  # （一） headings not in 楷体: 10 kept, the rest counted


def empties(path: Path, pairs: int) -> Path:
    """A short body line, ``pairs`` pairs of empty paragraphs (``<w:p/>`` and one holding a space: no two alike in a
    row), then a date: every empty line waits behind the body line for what comes after."""
    with zipfile.ZipFile(million(path.with_name("base.docx"))) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist() if info.filename != "word/document.xml"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>某某单位</w:t></w:r></w:p>'.encode())
            for _ in range(pairs // 1000):
                out.write(b"<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>" * 1000)
            out.write("<w:p><w:r><w:t>2025年1月1日</w:t></w:r></w:p><w:sectPr/></w:body></w:document>".encode())
    return path


def test_a_long_run_of_empty_paragraphs_in_bounded_memory(tmp_path: Path) -> None:
    """Empty paragraphs wait in the recogniser's window behind the last line with text (it may yet be a 署名); the
    window is capped, so 1.2 million of them do not grow memory (they took ~400 MB before the cap)."""
    path = empties(tmp_path / "empties.docx", 600_000)
    report = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(report)], capture_output=True, text=True,
                          check=True)
    code, peak_kb = (int(x) for x in done.stdout.split())
    assert code == 1
    assert peak_kb / 1024 < PEAK_MB, f"check of {2 * 600_000} empty paragraphs peaked at {peak_kb / 1024:.0f} MB"
    assert json.loads(report.read_text(encoding="utf-8"))["findings"]
