"""Measure how often ``check`` names a document's kind right: run it over folders of real documents whose kind was
written down by reading them, and print each file's expected and found kind and the count of right ones.

Usage: python tools/check_kinds.py [--expected FOLDER/expected.json ...] [--reports FOLDER ...]
                                   [--tsv LIST.tsv --root FOLDER]

``expected.json`` maps a file's path (relative to its folder) to an entry with ``kind`` in the corpus vocabulary
(gongwen_with_head, gongwen_without_head, report, bulletin, govinfo, regulation, standard, form, thesis); every
file of a ``--reports`` folder is a report (the dev set of 政府工作报告); a ``--tsv`` list (``file`` and ``kind``
columns, e.g. tests/data/check_heldout.tsv) names files under ``--root``. The last lines count the right ones per
expected kind."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# the corpus vocabulary → the kinds check tells (a bulletin or govinfo report is a report; a regulation, a 公文 text)
ACCEPTED = {
    "gongwen_with_head": {"gongwen-upward", "gongwen-downward"}, "gongwen_without_head": {"gongwen"},
    "report": {"report"}, "bulletin": {"report"}, "govinfo": {"report"}, "regulation": {"gongwen"},
    "standard": {"standard"}, "form": {"form"}, "thesis": {"thesis"},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expected", type=Path, nargs="*", default=[])
    parser.add_argument("--reports", type=Path, nargs="*", default=[])
    parser.add_argument("--tsv", type=Path, nargs="*", default=[])
    parser.add_argument("--root", type=Path, default=Path())
    args = parser.parse_args()
    import annual_docx

    cases: list[tuple[Path, str]] = [(f, "report") for folder in args.reports for f in sorted(folder.glob("*.docx"))]
    for path in args.expected:
        entries = json.loads(path.read_text(encoding="utf-8"))
        cases += [(path.parent / name, entry["kind"]) for name, entry in sorted(entries.items())
                  if not name.startswith("_") and isinstance(entry, dict) and "kind" in entry]
    for listing in args.tsv:
        lines = listing.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t"), strict=False))
            cases.append((args.root / row["file"], row["kind"]))
    right = 0
    per_kind: dict[str, list[int]] = {}
    for file, expected in cases:
        try:
            found = annual_docx.check(file).kind
            name, why = found.name, found.why
        except annual_docx.DocumentError as exc:
            name, why = "unreadable", str(exc)
        ok = name in ACCEPTED.get(expected, {expected})
        right += ok
        counts = per_kind.setdefault(expected, [0, 0])
        counts[0] += ok
        counts[1] += 1
        print(f"{'✓' if ok else '✗'} {expected:22} {name:18} {file.name}  ({why})")
    for expected, (good, total) in sorted(per_kind.items()):
        print(f"{expected:22} {good}/{total}")
    print(f"{right}/{len(cases)} kinds right")
    return 0 if right == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
