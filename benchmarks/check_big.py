"""Measure `annual-docx check` on very large documents: wall time and peak memory (target for any file within the
caps: 10 s and 512 MB — three files: 3,000,000 one-word paragraphs, a 250 MB document.xml, 240,000 normal
paragraphs), and every hostile and third-party file of the tests through check, template check, render --template and
import — all four read it with the one reader (target: each under 30 s and 1 GB).

Usage: python benchmarks/check_big.py [--sizes MB ...] [--no-corpus] [--no-big]

The normal documents repeat the body of the rendered example (real paragraphs, tables, figures) until document.xml
reaches the size or the paragraph count; each command runs in its own process, its peak memory measured by the kernel
(RUSAGE_CHILDREN of a small launcher), wall time around it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024
CLI = [sys.executable, "-m", "annual_docx"]


# A small interpreter runs the command and reports its child's peak: Linux carries the pre-exec image's peak into a
# forked child's ru_maxrss, so a command forked straight from this process (grown by rendering the example) would
# report this process's size instead of its own.
LAUNCH = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=open(".check_big.err", "wb"))
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(cmd: list[str]) -> tuple[int, float, float]:
    """Run ``cmd`` and return its exit code, wall seconds and peak resident memory in MB (its own, measured by the
    kernel for the small interpreter that started it)."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", LAUNCH, *cmd], capture_output=True, text=True, cwd=tmp,
                              check=True)
        wall = time.perf_counter() - start
        err = (Path(tmp) / ".check_big.err").read_text(encoding="utf-8", errors="replace")
    if "Traceback" in err or "内部错误" in err:
        raise SystemExit(f"{' '.join(cmd)} crashed:\n{err}")
    code, peak_kb = (int(x) for x in done.stdout.split())
    return code, wall, peak_kb / 1024


def big_docx(example: Path, out: Path, size_mb: int, repeat: int = 0) -> int:
    """Write ``out``: ``example`` with its body repeated until document.xml is ``size_mb`` MB (or ``repeat``
    times); return its size."""
    with zipfile.ZipFile(example) as zf:
        document = zf.read("word/document.xml")
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    head, _, rest = document.partition(b"<w:body>")
    body, _, tail = rest.rpartition(b"<w:sectPr")
    section = b"<w:sectPr" + tail
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for name, data in parts.items():
            if name != "word/document.xml":
                dst.writestr(name, data)
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            written = f.write(head + b"<w:body>")
            count = 0
            while (count < repeat) if repeat else (written < size_mb * MB):
                written += f.write(body)
                count += 1
            written += f.write(section)
    return written


def words_docx(example: Path, out: Path, paragraphs: int) -> int:
    """Write ``out``: ``example``'s parts with a body of ``paragraphs`` one-word paragraphs; return its size."""
    with zipfile.ZipFile(example) as zf:
        document = zf.read("word/document.xml")
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    head, _, rest = document.partition(b"<w:body>")
    section = b"<w:sectPr" + rest.rpartition(b"<w:sectPr")[2]
    chunk = b"<w:p><w:r><w:t>word</w:t></w:r></w:p>" * 1000
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for name, data in parts.items():
            if name != "word/document.xml":
                dst.writestr(name, data)
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            written = f.write(head + b"<w:body>")
            for _ in range(paragraphs // 1000):
                written += f.write(chunk)
            written += f.write(section)
    return written


def paragraphs_docx(example: Path, out: Path, paragraphs: int) -> int:
    """Write ``out``: ``example`` with its body repeated until it holds about ``paragraphs`` paragraphs."""
    with zipfile.ZipFile(example) as zf:
        document = zf.read("word/document.xml")
    body = document.partition(b"<w:body>")[2].rpartition(b"<w:sectPr")[0]
    each = body.count(b"<w:p>") + body.count(b"<w:p ")
    return big_docx(example, out, 0, repeat=-(-paragraphs // each))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="more document.xml sizes in MB")
    parser.add_argument("--no-corpus", action="store_true", help="skip the hostile and third-party files")
    parser.add_argument("--no-big", action="store_true", help="skip the three large files")
    args = parser.parse_args()
    import annual_docx

    rows: list[tuple[str, str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        example = annual_docx.render(annual_docx.load(ROOT / "examples" / "qufu_2020.yaml"), tmp / "example.docx")
        makers: list[tuple[str, Callable[[Path], int]]] = [] if args.no_big else [
            ("3,000,000 one-word paragraphs", partial(words_docx, example, paragraphs=3_000_000)),
            ("250 MB document.xml", partial(big_docx, example, size_mb=250)),
            ("240,000 normal paragraphs", partial(paragraphs_docx, example, paragraphs=240_000))]
        makers += [(f"{size} MB document.xml", partial(big_docx, example, size_mb=size)) for size in args.sizes]
        for label, make in makers:
            big = tmp / "big.docx"
            actual = make(big)
            rows.append((f"{label} ({actual / MB:.0f} MB)", "check", *measure([*CLI, "check", str(big)])))
            big.unlink()
            print(*rows[-1], flush=True)
        if not args.no_corpus:
            from tests.hostile import write_all

            report = tmp / "report.yaml"
            report.write_text((ROOT / "examples" / "qufu_2020.yaml").read_text(encoding="utf-8"), encoding="utf-8")
            files = [path for path, _ in write_all(tmp).values()]
            files += sorted((ROOT / "tests" / "data" / "thirdparty").glob("*.docx"))
            for path in files:
                rows.append((path.name, "check", *measure([*CLI, "check", str(path)])))
                rows.append((path.name, "template check", *measure([*CLI, "template", "check", str(path)])))
                rows.append((path.name, "render --template", *measure(
                    [*CLI, "render", str(report), "-o", str(tmp / "out.docx"), "--template", str(path)])))
                rows.append((path.name, "import", *measure(
                    [*CLI, "import", str(path), "-o", str(tmp / "imported.yaml"), "--assets", str(tmp / "pics")])))
    print(f"{'file':34} {'command':18} {'exit':>4} {'wall s':>7} {'max RSS MB':>10}")
    for name, command, code, wall, rss in rows:
        print(f"{name:34} {command:18} {code:4d} {wall:7.2f} {rss:10.0f}")
    worst_wall = max(r[3] for r in rows)
    worst_rss = max(r[4] for r in rows)
    print(f"worst: {worst_wall:.2f} s, {worst_rss:.0f} MB (targets: the large files' check ≤ 10 s and 512 MB; every "
          "corpus file < 30 s and 1 GB)")


if __name__ == "__main__":
    main()
