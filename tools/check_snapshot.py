"""Keep ``check``'s findings identical while its reading changes: save the ``check --json`` output of a set of real
documents, then compare a later run against the saved one (file by file, finding by finding).

Usage:
    PYTHONPATH=src python tools/check_snapshot.py save DIR [FILES/FOLDERS ...]
    PYTHONPATH=src python tools/check_snapshot.py compare DIR [FILES/FOLDERS ...] [--ignore WORDS]

Without files it takes the default set: the dev set (``../shared/corpus/realcn-dev``), the extra real documents
(``/work/extra-corpus/*/``, when present), every third-party file of the tests (``tests/data/thirdparty``), every
20th file of ``../shared/corpus/thirdparty`` and every example (``examples/*.yaml``, rendered first). A file that
cannot be read is saved as its error. ``compare`` prints each file whose output differs (with the first differing
rows) and a count; it exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
EXTRA = Path("/work/extra-corpus")


def default_files(rendered: Path) -> list[tuple[str, Path]]:
    """The default set of documents, each with its label (the examples rendered into ``rendered``)."""
    import annual_docx

    files = sorted((SHARED / "realcn-dev").glob("*.docx"))
    files += sorted(EXTRA.glob("*/*.docx"))
    files += sorted((ROOT / "tests" / "data" / "thirdparty").rglob("*.docx"))
    files += sorted((SHARED / "thirdparty").rglob("*.docx"))[::20]
    out = [(str(path), path) for path in files]
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        docx = rendered / (example.stem + ".docx")
        annual_docx.render(annual_docx.load(example), docx)
        out.append((f"examples/{example.name}", docx))
    return out


def expand(items: list[Path]) -> list[tuple[str, Path]]:
    out: list[Path] = []
    for item in items:
        out += sorted(item.rglob("*.docx")) if item.is_dir() else [item]
    return [(str(path.resolve()), path) for path in out]


def key(label: str) -> str:
    """A stable file name for the snapshot of the document ``label`` (its name, and a hash against clashes)."""
    return f"{Path(label).stem[:60]}-{hashlib.sha1(label.encode()).hexdigest()[:8]}.json"


def snapshot(path: Path) -> dict[str, object]:
    """``check --json``'s object for ``path`` without the file name (examples render into a temporary folder)."""
    import annual_docx
    from annual_docx.errors import DocumentError

    try:
        found = json.loads(annual_docx.check(path).json())
    except DocumentError as exc:
        found = {"error": str(exc).replace(str(path), "<file>")}
    found.pop("file", None)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--ignore", action="append", default=[], metavar="WORDS",
                        help="leave out rows whose item holds WORDS (a row changed on purpose)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = expand(args.files) if args.files else default_files(Path(tmp))
        args.dir.mkdir(parents=True, exist_ok=True)
        same = differ = 0
        for label, path in files:
            target = args.dir / key(label)
            found = snapshot(path)
            if args.mode == "save":
                target.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
                continue
            saved = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
            if saved is not None and args.ignore:
                for shown in (saved, found):
                    shown["findings"] = [row for row in shown.get("findings", [])
                                         if not any(words in row["item"] for words in args.ignore)]
            if saved == found:
                same += 1
                continue
            differ += 1
            print(f"DIFFERS: {label}")
            if saved is None:
                print("  (no saved snapshot)")
                continue
            old, new = saved.get("findings", []), found.get("findings", [])
            shown = 0
            for a, b in zip(old, new, strict=False):
                if a != b and shown < 3:
                    print(f"  was: {a}\n  now: {b}")
                    shown += 1
            if len(old) != len(new) or saved.get("kind") != found.get("kind"):
                print(f"  rows {len(old)} → {len(new)}, kind {saved.get('kind')} → {found.get('kind')}")
        if args.mode == "save":
            print(f"saved {len(files)} snapshots in {args.dir}")
            return 0
        print(f"{same} identical, {differ} differ, of {len(files)} documents")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
