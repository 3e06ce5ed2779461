"""Where annual_docx keeps what it can make again: drawn charts, prepared pictures, prepared and compiled templates,
validated reports, standalone font faces.

``$ANNUAL_DOCX_CACHE_DIR`` (charts in the folder itself, the rest in subfolders ``pictures/``, ``templates/``,
``reports/`` and ``fonts/``), else ``$XDG_CACHE_HOME/annual_docx/<kind>``, else ``~/.cache/annual_docx/<kind>``.
``ANNUAL_DOCX_NO_CACHE=1`` turns every cache off. Entries are written atomically and the least recently used are
pruned; what an entry holds and how it is checked is each cache's own. Caches whose entries are code that runs or
objects that are unpickled (templates, reports) are used only in a folder private to the user (:func:`private_folder`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from annual_docx._atomic import write_bytes

T = TypeVar("T")


def cache_folder(kind: str) -> Path | None:
    """Return the folder of the cache ``kind`` (``charts``, ``pictures``, ``templates``, ``reports``, ``fonts``), or
    None when ``ANNUAL_DOCX_NO_CACHE`` turns caching off."""
    if os.environ.get("ANNUAL_DOCX_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("ANNUAL_DOCX_CACHE_DIR")
    if explicit:
        return Path(explicit) if kind == "charts" else Path(explicit) / kind
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "annual_docx" / kind


def private_folder(kind: str) -> Path | None:
    """Return the folder of the cache ``kind`` (made if missing), or None when caching is off or the folder is not
    private to this user: for caches whose entries are code that runs or objects that are unpickled."""
    folder = cache_folder(kind)
    if folder is None:
        return None
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if is_private(folder):
            return folder
    return None


def is_private(folder: Path) -> bool:
    """Return whether ``folder`` is a real folder of the user running that no one else can write to."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()  # Windows: the profile folder is the user's own


def code_hash(files: list[Path], versions: tuple[object, ...]) -> str:
    """Return a hash of ``files`` (each by its name, size and time of change, as Python checks its bytecode) and
    ``versions``."""
    digest = hashlib.sha256()
    for version in versions:
        digest.update(f"{version}\0".encode())
    for file in files:
        try:
            info = file.stat()
            digest.update(f"{file.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        except OSError:  # no source beside the code (a frozen build): its name and the version decide
            digest.update(f"{file}\0{sys.modules['annual_docx'].__version__}".encode())
    return digest.hexdigest()


def prune(folder: Path, suffix: str, most: int, keep: int) -> None:
    """Remove the least recently used entries (files ending in ``suffix``) of ``folder`` down to ``keep`` when
    there are more than ``most``."""
    entries = [e for e in os.scandir(folder) if e.name.endswith(suffix)]
    if len(entries) <= most:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for entry in entries[: len(entries) - keep]:
        with contextlib.suppress(OSError):
            Path(entry.path).unlink()


def store(folder: Path, path: Path, data: bytes, suffix: str, most: int, keep: int) -> None:
    """Write ``data`` to the entry ``path`` in ``folder`` atomically (temporary file + rename), then prune the
    folder's ``suffix`` entries (see :func:`prune`); ignore any error of the file system (read-only, full)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data, mode=0o600)
        prune(folder, suffix, most, keep)
    except OSError:
        pass


def fetch(path: Path, parse: Callable[[bytes], T]) -> T | None:
    """Return ``parse`` of the entry at ``path``, or None when it is missing or damaged (``parse`` raised
    ValueError, KeyError or TypeError; the entry is then removed). A hit is touched: least recently used go first."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        value = parse(data)
    except (ValueError, KeyError, TypeError):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return value
