"""Measure the structure recogniser (``annual_docx._roles``) as ``check`` runs it on a very long document: lines fed
one at a time, roles taken as they come. Prints time per line and the peak of lines held waiting (the head buffer
and the window: bounded, whatever the length). Target: under 10 µs a line, at most ``HEAD_MAX`` + ``WINDOW`` held.

Usage: python benchmarks/roles_stream.py [--lines 3000000]
"""

from __future__ import annotations

import argparse
import time

from annual_docx._roles import Plain, Recogniser
from annual_docx._roles.stream import HEAD_MAX, WINDOW

SHAPES = (Plain("某市2024年政府工作报告", align="center", size_pt=22), Plain("一、基本情况"),
          Plain("（一）坚持稳中求进，推动经济回升向好。全年地区生产总值增长5.2%，城镇新增就业51万人。"),
          Plain("正文段落，" * 12 + "。"), Plain("1.提供住宿的养老服务。"), Plain(""), Plain("词"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=3_000_000)
    args = parser.parse_args()
    rec: Recogniser[Plain] = Recogniser()
    held = decided = 0
    start = time.perf_counter()
    for n in range(args.lines):
        decided += len(rec.feed(SHAPES[n % len(SHAPES)] if n else SHAPES[0]))
        held = max(held, len(rec.window) + len(rec.head or []))
    decided += len(rec.finish())
    seconds = time.perf_counter() - start
    print(f"{args.lines:,} lines: {seconds:.2f} s ({seconds / args.lines * 1e6:.1f} µs a line), "
          f"at most {held} lines held (bound {HEAD_MAX} + {WINDOW} non-empty), {decided:,} decided")


if __name__ == "__main__":
    main()
