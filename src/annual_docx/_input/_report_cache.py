"""Keep a validated report and its lint warnings on disk, so the next process that loads the same file does not
validate it again: building the report's validator and validating is about a fifth of a cold ``annual-docx render``
of the seed from the caches.

An entry is named by a hash of everything that decides what loading gives: the report file's bytes, the path
as given and the working folder (relative picture paths are resolved against them), the code that parses,
validates and lints (every module of ``_model`` and ``_input``, the package's top-level modules and the chart
kinds the models name, each by size and time of change as Python checks its bytecode, see
:func:`validating_files`) and the versions of pydantic, pydantic-core and Python, and PyYAML's package file
(it holds its version; a hit does not import PyYAML). Validation reads no file but the report (tables from
``source:`` are read when the document is built); it only asks whether picture and font files exist, so an
entry lists those files and is used only while each still exists (the pictures' bytes are checked when they
are placed, by the picture cache). Only an ordinary report that validated is kept: a bad report is validated,
and its errors given, every time; a 政府信息公开 report (``kind: govinfo``) is validated every time.

An entry is a pickle, so it is read only from a folder that belongs to the user running and that no one else can
write to (as the compiled templates), and only after its checksum matches; a damaged entry is a miss and is
removed. ``ANNUAL_DOCX_NO_CACHE=1`` turns the cache off. Location: ``$ANNUAL_DOCX_CACHE_DIR/reports``, else
``$XDG_CACHE_HOME/annual_docx/reports``, else ``~/.cache/annual_docx/reports``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from annual_docx._cachedir import code_hash, fetch, private_folder, store
from annual_docx.errors import Problem
from annual_docx.schema import Report

__all__ = ["Entry", "Report", "fetch_entry", "keep_entry"]

MAX_ENTRIES: Final = 64  # past this, the least recently used entries go …
KEEP_ENTRIES: Final = 48  # … down to this many
_SUFFIX: Final = ".report"
_MAGIC: Final = b"annual_docx validated report 1\n"


@dataclass(frozen=True)
class Entry:
    """A stored report: the report, its warnings (None when only loaded, not linted) and the files validation
    found to exist."""

    report: Report
    warnings: list[Problem] | None
    files: tuple[str, ...]


def entry_key(path: Path, raw: bytes) -> str:
    """Return the name of the entry of the report file at ``path`` whose bytes are ``raw``."""
    digest = hashlib.sha256(_code_hash().encode())
    digest.update(hashlib.sha256(raw).digest())
    digest.update(f"\0{path}\0{Path.cwd()}\0".encode())
    return digest.hexdigest()


def fetch_entry(path: Path, raw: bytes) -> Entry | None:
    """Return the stored entry of the report file ``path`` (bytes ``raw``), or None: no cache, no entry, a damaged
    one, or a file validation found that is gone."""
    folder = private_folder("reports")
    if folder is None:
        return None
    entry = fetch(folder / f"{entry_key(path, raw)}{_SUFFIX}", _read)
    if entry is None or not all(Path(name).is_file() for name in entry.files):
        return None
    return entry


def keep_entry(path: Path, raw: bytes, entry: Entry) -> None:
    """Store ``entry`` for the report file ``path`` (bytes ``raw``) when the cache is on and private."""
    if type(entry.report) is not Report:
        return
    folder = private_folder("reports")
    if folder is None:
        return
    payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    data = _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    store(folder, folder / f"{entry_key(path, raw)}{_SUFFIX}", data, _SUFFIX, MAX_ENTRIES, KEEP_ENTRIES)


def _read(data: bytes) -> Entry:
    """Return the entry held in ``data``; raise ValueError when it is damaged or of another layout."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a validated-report entry")
    checksum, _, payload = data[len(_MAGIC):].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        raise ValueError("damaged validated-report entry")
    try:
        entry = pickle.loads(payload)  # our own entry, from a private folder, its checksum matched
    except Exception as exc:  # a class renamed since: a miss
        raise ValueError("unreadable validated-report entry") from exc
    if not isinstance(entry, Entry) or type(entry.report) is not Report:
        raise ValueError("not a validated-report entry")
    return entry


@functools.cache
def _code_hash() -> str:
    """Return a hash of the code that parses, validates and lints a report (:func:`validating_files`) and of the
    versions of the libraries and Python that take part."""
    import pydantic
    import pydantic_core

    # PyYAML by its package file (which holds its version), so that a hit does not import it
    spec = importlib.util.find_spec("yaml")
    yaml_file = [Path(spec.origin)] if spec is not None and spec.origin is not None else []
    versions = (sys.version, pydantic.VERSION, pydantic_core.__version__, _MAGIC)
    return code_hash([*validating_files(), *yaml_file], versions)


def validating_files() -> list[Path]:
    """Return the source files whose code decides what loading a report gives: the package's top-level modules,
    every module of ``_model`` and ``_input``, and the chart kinds the models name."""
    package = Path(__file__).resolve().parents[1]
    return [*sorted(package.glob("*.py")), *sorted((package / "_model").glob("*.py")),
            *sorted((package / "_input").glob("*.py")), package / "_charts" / "_kinds.py"]
