"""Measure `annual-docx check` on very large documents: wall time and peak memory (target for any file within the
caps: 10 s and 512 MB — four files: 3,000,000 one-word paragraphs, a 250 MB document.xml, 240,000 normal
paragraphs, 1,000,000 paragraphs that all differ), and every hostile and third-party file of the tests through check,
template check, render --template and import — all four read it with the one reader (target: each under 30 s and
1 GB).

Usage: python benchmarks/check_big.py [--sizes MB ...] [--no-corpus] [--no-big] [--keep FILE]

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
from typing import IO

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
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, used.ru_maxrss, used.ru_utime + used.ru_stime)
"""


def measure(cmd: list[str]) -> tuple[int, float, float, float]:
    """Run ``cmd`` and return its exit code, wall seconds, peak resident memory in MB and CPU seconds (its own,
    measured by the kernel for the small interpreter that started it)."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", LAUNCH, *cmd], capture_output=True, text=True, cwd=tmp,
                              check=True)
        wall = time.perf_counter() - start
        err = (Path(tmp) / ".check_big.err").read_text(encoding="utf-8", errors="replace")
    if "Traceback" in err or "内部错误" in err:
        raise SystemExit(f"{' '.join(cmd)} crashed:\n{err}")
    code, peak_kb, cpu = done.stdout.split()
    return int(code), wall, int(peak_kb) / 1024, float(cpu)


def with_body(example: Path, out: Path, fill: Callable[[IO[bytes], bytes], int],
              edit: Callable[[bytes], bytes] = lambda document: document) -> int:
    """Write ``out``: ``example``'s parts, its document.xml's head and section kept and the body between them written
    by ``fill(file, body)`` (``body`` is the example's own, after ``edit``), streamed into a zip64 entry; return
    document.xml's size (the one writer of the big files of ``check_big`` and ``import_big``)."""
    with zipfile.ZipFile(example) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    head, _, rest = edit(parts["word/document.xml"]).partition(b"<w:body>")
    body, _, tail = rest.rpartition(b"<w:sectPr")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for name, data in parts.items():
            if name != "word/document.xml":
                dst.writestr(name, data)
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            written = f.write(head + b"<w:body>")
            written += fill(f, body)
            written += f.write(b"<w:sectPr" + tail)
    return written


def big_docx(example: Path, out: Path, size_mb: int, repeat: int = 0) -> int:
    """Write ``out``: ``example`` with its body repeated until document.xml is ``size_mb`` MB (or ``repeat``
    times); return its size."""
    def fill(f: IO[bytes], body: bytes) -> int:
        written = count = 0
        while (count < repeat) if repeat else (written < size_mb * MB):
            written += f.write(body)
            count += 1
        return written
    return with_body(example, out, fill)


def words_docx(example: Path, out: Path, paragraphs: int) -> int:
    """Write ``out``: ``example``'s parts with a body of ``paragraphs`` one-word paragraphs; return its size."""
    chunk = b"<w:p><w:r><w:t>word</w:t></w:r></w:p>" * 1000
    return with_body(example, out, lambda f, _body: sum(f.write(chunk) for _ in range(paragraphs // 1000)))

_CN_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    """``n`` (1–99) in Chinese numerals: 一, 十, 十二, 二十三."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


# three looks of a body paragraph: the style alone, the style with run fonts, indented with two runs of two looks
_RUN = '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>'
_LOOKS = [
    '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>' + _RUN + '<w:t>{}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:ind w:firstLine="640"/></w:pPr>' + _RUN
    + '<w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>（已办结）</w:t>'
    '</w:r></w:p>']


def distinct_docx(example: Path, out: Path, paragraphs: int) -> int:
    """Write ``out``: ``example``'s parts with a body of ``paragraphs`` paragraphs that all differ — 「第N项工作按计划完
    成。」 in three looks, a heading （一）… every 100 paragraphs and 一、… every 300 — the worst case for reading a
    paragraph once per distinct bytes; return its size."""
    h1 = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{}、第{}部分工作</w:t></w:r></w:p>'
    h2 = '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（{}）第{}组事项</w:t></w:r></w:p>'

    def fill(f: IO[bytes], _body: bytes) -> int:
        written = 0
        chunk: list[str] = []
        for n in range(paragraphs):
            if n % 300 == 0:
                chunk.append(h1.format(_cn_number(n // 300 % 99 + 1), n // 300 + 1))
            elif n % 100 == 0:
                chunk.append(h2.format(_cn_number(n // 100 % 3 + 1), n // 100 + 1))
            else:
                chunk.append(_LOOKS[n % 7 % 3].format(f"第{n}项工作按计划完成。"))
            if len(chunk) == 10_000:
                written += f.write("".join(chunk).encode())
                chunk.clear()
        return written + f.write("".join(chunk).encode())
    return with_body(example, out, fill)


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
    parser.add_argument("--no-big", action="store_true", help="skip the four large files")
    parser.add_argument("--keep", type=Path, help="also write the distinct-paragraph file here (to profile it)")
    args = parser.parse_args()
    import annual_docx

    rows: list[tuple[str, str, int, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        example = annual_docx.render(annual_docx.load(ROOT / "examples" / "qufu_2020.yaml"), tmp / "example.docx")
        if args.keep:
            distinct_docx(example, args.keep, 1_000_000)
        makers: list[tuple[str, Callable[[Path], int]]] = [] if args.no_big else [
            ("3,000,000 one-word paragraphs", partial(words_docx, example, paragraphs=3_000_000)),
            ("250 MB document.xml", partial(big_docx, example, size_mb=250)),
            ("240,000 normal paragraphs", partial(paragraphs_docx, example, paragraphs=240_000)),
            ("1,000,000 distinct paragraphs", partial(distinct_docx, example, paragraphs=1_000_000))]
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
    print(f"{'file':42} {'command':18} {'exit':>4} {'wall s':>7} {'CPU s':>6} {'max RSS MB':>10}")
    for name, command, code, wall, rss, cpu in rows:
        print(f"{name:42} {command:18} {code:4d} {wall:7.2f} {cpu:6.2f} {rss:10.0f}")
    worst_wall = max((r[3] for r in rows), default=0.0)
    worst_rss = max((r[4] for r in rows), default=0.0)
    print(f"worst: {worst_wall:.2f} s, {worst_rss:.0f} MB (targets: the large files' check ≤ 10 s and 512 MB; every "
          "corpus file < 30 s and 1 GB)")


if __name__ == "__main__":
    main()
