"""Measure the structure recogniser on a folder of real documents with expected values written by reading them (the
format of ``tests/data/realcn_dev_expected.json``): how many titles, years and heading counts per level (run-in
included) ``import`` gets right, and whether ``check`` finds the same headings.

    PYTHONPATH=. python tools/measure_structure.py FOLDER [EXPECTED.json]   # default: FOLDER/expected.json
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from tests.roles_docs import check_roles, heading_counts, import_data, import_roles


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    expected = json.loads(Path(argv[1] if len(argv) > 1 else folder / "expected.json").read_text("utf-8"))
    names = sorted(n for n in expected if not n.startswith("_"))
    right = {"title": 0, "year": 0, "headings": 0, "agree": 0}
    for name in names:
        want = expected[name]
        with tempfile.TemporaryDirectory() as tmp:
            data = import_data(folder / name, Path(tmp))
        roles = [r for _, r in import_roles(folder / name)]
        counts, run_in = heading_counts(roles)
        want_counts = {int(k): v for k, v in (want.get("headings_in_file") or want["headings"]).items()}
        want_run_in = {int(k): v for k, v in want.get("run_in", {}).items()} or run_in
        checked = [r for _, r in check_roles(folder / name) if r.kind == "heading"]
        marks = {"title": data.get("title", "") == (want.get("title") or ""),
                 "year": data.get("year") == want.get("year"),
                 "headings": (counts, run_in) == (want_counts, want_run_in),
                 "agree": [(r.level, r.split > 0) for r in checked] == [(r.level, r.split > 0) for r in roles
                                                                          if r.kind == "heading"]}
        for key, ok in marks.items():
            right[key] += ok
        print(f"{name}: " + " ".join(f"{k}{'✓' if ok else '✗'}" for k, ok in marks.items()))
        if not marks["title"]:
            print(f"    title: {data.get('title', '')!r} ≠ {want.get('title')!r}")
        if not marks["year"]:
            print(f"    year: {data.get('year')!r} ≠ {want.get('year')!r}")
        if not marks["headings"]:
            print(f"    headings: {counts} run-in {run_in} ≠ {want_counts} run-in {want_run_in}")
    print(" ".join(f"{k} {v}/{len(names)}" for k, v in right.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
