"""Measure `annual-docx import` on large documents: wall time and peak memory (target: a 50 MB document.xml under 30 s
and 600 MB). The importer reads the body through the one reader, block by block (`Package.blocks`), so the lxml tree
of the whole body is never held; what grows with the document is the outline and the report it becomes.

Usage: python benchmarks/import_big.py [--sizes 10 50]

The big documents repeat the body of the rendered example, its pictures taken out (one picture repeated would be
saved once per copy), until document.xml reaches the size; each import runs in its own process, measured by the
kernel (wait4: wall time, max RSS). Measured on the shared 2-core machine: 10 MB in 4 s and 123 MB, 50 MB in 21 s
and 460 MB (with the importer's own reader, which parsed the whole body at once: 5.6 s / 162 MB and 22 s / 660 MB).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.check_big import CLI, MB, measure, with_body  # noqa: E402

TARGET_S, TARGET_MB = 30.0, 600.0


def big_text_docx(example: Path, out: Path, size_mb: int) -> int:
    """Write ``out``: ``example`` without pictures, its body repeated until document.xml is ``size_mb`` MB."""
    def fill(f: IO[bytes], body: bytes) -> int:
        written = 0
        while written < size_mb * MB:
            written += f.write(body)
        return written
    return with_body(example, out, fill,
                     lambda document: re.sub(rb"<w:drawing>.*?</w:drawing>", b"", document, flags=re.S))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50], help="document.xml sizes in MB")
    args = parser.parse_args()
    import annual_docx

    failed = False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        example = annual_docx.render(annual_docx.load(ROOT / "examples" / "qufu_2020.yaml"), tmp / "example.docx")
        print(f"{'document.xml':>14}  {'exit':>4}  {'seconds':>8}  {'peak MB':>8}")
        for size in args.sizes:
            big = tmp / f"big_{size}.docx"
            actual = big_text_docx(example, big, size)
            code, wall, peak = measure([*CLI, "import", str(big), "-o", str(tmp / "big.yaml"),
                                        "--assets", str(tmp / "assets")])
            print(f"{actual / MB:>11.0f} MB  {code:>4}  {wall:>8.1f}  {peak:>8.0f}")
            failed |= code != 0 or (size <= 50 and (wall > TARGET_S or peak > TARGET_MB))
            big.unlink()
    if failed:
        raise SystemExit(f"an import failed or missed the target ({TARGET_S:.0f} s, {TARGET_MB:.0f} MB at 50 MB)")


if __name__ == "__main__":
    main()
