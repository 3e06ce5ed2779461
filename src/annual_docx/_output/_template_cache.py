"""Keep the Python code Jinja compiles from a template's parts on disk, so the next process does not compile again.

Compiling the default template's body, headers and footers is about a twentieth of a cold ``annual-docx render``; a
new process now loads the code instead. Jinja's own :class:`jinja2.FileSystemBytecodeCache` stores and checks the
entries: an entry is used only for the same source (a hash of it names the entry, and its checksum is checked), the
same Python and Jinja bytecode format, and — through the entry's name — the same Jinja version, sandbox class,
escaping and code generator (``_bounds.py`` and ``_docxtpl.py`` hashed). A damaged entry is compiled again and
replaced. Writes are atomic; past ``MAX_ENTRIES`` the least recently used entries go.

An entry is code that runs, so the cache is used only in a folder that belongs to the user running and that no one
else can write to (Jinja's own rule for its default folder); elsewhere, or with ``ANNUAL_DOCX_NO_CACHE=1``, each
process compiles as before. Location: ``$ANNUAL_DOCX_CACHE_DIR/templates``, else
``$XDG_CACHE_HOME/annual_docx/templates``, else ``~/.cache/annual_docx/templates``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import sys
from pathlib import Path
from types import CodeType
from typing import Final

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from annual_docx._cachedir import cache_folder, prune

MAX_ENTRIES: Final = 200  # past this, the least recently used entries go …
KEEP_ENTRIES: Final = 150  # … down to this many
_SUFFIX: Final = ".template"


def compiled(env: jinja2.Environment, source: str) -> CodeType:
    """Return the code ``env.compile(source)`` gives, from the cache when it holds it (else compiled and stored)."""
    cache = _cache()
    if cache is None:
        return env.compile(source)
    try:
        bucket = cache.get_bucket(env, _name(env, source), None, source)
    except Exception:  # unreadable or damaged entry (Jinja reads its checksum with pickle): compile afresh
        bucket = None
    if bucket is not None and bucket.code is not None:
        with contextlib.suppress(OSError):
            os.utime(Path(cache.directory, bucket.key + _SUFFIX))  # least recently used entries are pruned first
        return bucket.code
    code: CodeType = env.compile(source)
    if bucket is not None:
        bucket.code = code
        with contextlib.suppress(OSError):
            cache.set_bucket(bucket)
            prune(Path(cache.directory), _SUFFIX, MAX_ENTRIES, KEEP_ENTRIES)
    return code


def _cache() -> FileSystemBytecodeCache | None:
    """Return the bytecode cache in the templates folder, or None when caching is off or the folder is not
    private to this user."""
    folder = cache_folder("templates")
    if folder is None:
        return None
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if _private(folder):
            return FileSystemBytecodeCache(str(folder), "%s" + _SUFFIX)
    return None


def _private(folder: Path) -> bool:
    """Return whether ``folder`` is a real folder of the user running that no one else can write to."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()  # Windows: the profile folder is the user's own


def _name(env: jinja2.Environment, source: str) -> str:
    """Return the name Jinja keys an entry by (its file name is a hash of it): the source, and what else decides
    the compiled code. (Jinja checks the source's checksum as well, but keys by name alone.)"""
    finalize = getattr(env.finalize, "__qualname__", repr(env.finalize))
    return "\0".join([hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest(), jinja2.__version__,
                      sys.version, type(env).__module__, type(env).__qualname__, repr(env.autoescape), finalize,
                      _generator_hash()])


@functools.cache
def _generator_hash() -> str:
    """Return a hash of the modules whose code decides what the sandbox compiles (its class and code generator)."""
    digest = hashlib.sha256()
    for module in ("annual_docx._output._bounds", "annual_docx._output._docxtpl"):
        file = getattr(sys.modules.get(module), "__file__", None) or module
        try:
            digest.update(Path(file).read_bytes())
        except OSError:  # no source beside the code (a frozen build): its name and the version decide
            digest.update(f"{file}\0{sys.modules['annual_docx'].__version__}".encode())
    return digest.hexdigest()
