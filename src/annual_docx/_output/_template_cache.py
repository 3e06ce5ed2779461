"""Keep what a render makes of a template on disk, so the next process does not make it again: the prepared
template (the Jinja source of document.xml and of each header and footer, made final and cleaned up for Jinja) and
the Python code Jinja compiles from those sources.

**Prepared templates.** Making the template final (``_ooxml/prepare.py``) and writing its parts out as Jinja's
source is what made a render parse and write document.xml and each footer twice; from an entry, python-docx never
parses the template's own document.xml and footers (``_ooxml/lazy_parts.py``), and each is parsed once (what Jinja
returns) and written once (into the package). An entry is named by a hash of everything that decides it: the
template's bytes, the code that prepares and cleans it up (every module of ``_ooxml`` and the render's own, by size
and time of change as Python checks its bytecode, see :func:`preparing_files`), the versions of docxtpl,
python-docx, lxml and Python; within it document.xml is kept per variant (the 落款's two indents, the grid), the
headers' and footers' sources once. A template from outside (``render --template``) is kept too, under a key that
also covers the code that adopts it and finds its tags (:func:`custom_key`): its entry holds, besides the sources
(made after the adoption), the tags it was found to have, and beside it the package as the hardened reader returned
it (:func:`keep_package`), so a later render opens that without reading the file through the hardened reader again,
adopts only the styles and the parts that are not kept as sources, and parses document.xml and each footer once.
Entries live beside the compiled code, under the same rule
(an entry is template source that runs in the sandbox), are checked by a checksum of their content, and damaged
ones are made again; each process also keeps the entries it used in memory, so with the disk cache off a second
render of the same variant in the same process still parses each part once.

**Compiled code.** Compiling the default template's body, headers and footers is about a twentieth of a cold
``annual-docx render``; a new process now loads the code instead. Jinja's own
:class:`jinja2.FileSystemBytecodeCache` stores and checks the entries: an entry is used only for the same source (a
hash of it names the entry, and its checksum is checked), the same Python and Jinja bytecode format, and — through
the entry's name — the same Jinja version, sandbox class, escaping and code generator (``_bounds.py`` and
``_docxtpl.py`` hashed). A damaged entry is compiled again and replaced. Writes are atomic; past ``MAX_ENTRIES`` the
least recently used entries go.

An entry is code that runs, so the cache is used only in a folder that belongs to the user running and that no one
else can write to (Jinja's own rule for its default folder); elsewhere, or with ``ANNUAL_DOCX_NO_CACHE=1``, each
process compiles as before. Location: ``$ANNUAL_DOCX_CACHE_DIR/templates``, else
``$XDG_CACHE_HOME/annual_docx/templates``, else ``~/.cache/annual_docx/templates``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any, Final

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from annual_docx._cachedir import code_hash, fetch, private_folder, prune, store

MAX_ENTRIES: Final = 200  # past this, the least recently used entries go …
KEEP_ENTRIES: Final = 150  # … down to this many
_SUFFIX: Final = ".template"
_PREPARED_SUFFIX: Final = ".prepared"
MAX_PREPARED: Final = 64  # prepared templates on disk, pruned down to …
KEEP_PREPARED: Final = 48
MAX_VARIANTS: Final = 16  # variants (落款 indents, grid) kept in one template's entry
_FORMAT: Final = 1  # the layout of a prepared entry
#: the modules whose code decides a prepared template (besides all of ``_ooxml``)
_PREPARING_MODULES: Final = ("_output/_docxtpl.py", "_output/_render.py", "_output/_template_cache.py", "gbt9704.py")
#: the modules whose code decides what a template from outside gives besides (its adoption and its tags)
_ADOPTING_MODULES: Final = ("_output/_template_adopt.py", "_output/_template_design.py",
                            "_output/_template_official.py", "_output/_authoring.py", "_output/_bounds.py",
                            "_charts/_fonts.py")
_PACKAGE_SUFFIX: Final = ".package"
#: a template package larger than this is not kept (read through the hardened reader on every render instead): the
#: reader allows 64 MB, and up to MAX_PREPARED packages lie on disk and _IN_MEMORY in memory
MAX_PACKAGE_BYTES = 8 * 1024 * 1024
_IN_MEMORY: Final = 8  # prepared templates a process keeps in memory
_memory: dict[str, dict[str, Any]] = {}
_packages: dict[str, bytes] = {}


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
    folder = _private_folder()
    return None if folder is None else FileSystemBytecodeCache(str(folder), "%s" + _SUFFIX)


def _private_folder() -> Path | None:
    """Return the templates folder (made if missing), or None when caching is off or the folder is not private to
    this user."""
    return private_folder("templates")


def template_key(template: bytes) -> str:
    """Return the name of the prepared-template entry of ``template`` (its bytes): a hash of them, of this code and
    of the library versions that decide what preparing it gives."""
    digest = hashlib.sha256(_code_hash().encode())
    digest.update(hashlib.sha256(template).digest())
    return digest.hexdigest()


def custom_key(template: bytes) -> str:
    """Return the name of the prepared-template entry of a template from outside (its file's bytes, ``template``):
    as :func:`template_key`, and a hash of the code that adopts it and finds its tags; never the bundled entry's."""
    digest = hashlib.sha256(_adopting_hash().encode())
    digest.update(template_key(template).encode())
    return digest.hexdigest()


def package(key: str) -> bytes | None:
    """Return the package kept for the entry ``key`` (:func:`keep_package`), None when none is kept or it is
    damaged (then it is removed)."""
    data = _packages.get(key)
    if data is None:
        folder = _private_folder()
        data = None if folder is None else fetch(folder / f"{key}{_PACKAGE_SUFFIX}", _read_package)
        if data is not None:
            _remember_package(key, data)
    return data


def keep_package(key: str, data: bytes) -> None:
    """Keep ``data`` (a template's package as the hardened reader returned it) for the entry ``key``, in memory and,
    where the folder is private, on disk with a checksum; one larger than ``MAX_PACKAGE_BYTES`` is not kept."""
    if len(data) > MAX_PACKAGE_BYTES:
        return
    _remember_package(key, data)
    folder = _private_folder()
    if folder is not None:
        store(folder, folder / f"{key}{_PACKAGE_SUFFIX}", hashlib.sha256(data).hexdigest().encode() + data,
              _PACKAGE_SUFFIX, MAX_PREPARED, KEEP_PREPARED)


def _remember_package(key: str, data: bytes) -> None:
    _packages[key] = data
    if len(_packages) > _IN_MEMORY:
        _packages.pop(next(iter(_packages)))


def _read_package(data: bytes) -> bytes:
    """Return the package held in ``data``; raise ValueError when its checksum does not match."""
    checksum, body = data[:64], data[64:]
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        raise ValueError("damaged template package entry")
    return body


def prepared(key: str) -> dict[str, Any]:
    """Return the prepared-template entry named ``key``: ``{"facts": …, "variants": {…}}`` (each may be empty or
    missing) from this process's memory, else from disk, else an empty one. The caller fills it and hands it to
    :func:`keep_prepared`."""
    entry = _memory.get(key)
    if entry is None:
        folder = _private_folder()
        found = None if folder is None else fetch(folder / f"{key}{_PREPARED_SUFFIX}", _read_prepared)
        entry = _memory[key] = found if found is not None else {"variants": {}}
        if len(_memory) > _IN_MEMORY:
            _memory.pop(next(iter(_memory)))
    return entry


def keep_prepared(key: str, entry: dict[str, Any]) -> None:
    """Keep ``entry`` (see :func:`prepared`) in memory and, where the folder is private, on disk."""
    variants = entry.setdefault("variants", {})
    while len(variants) > MAX_VARIANTS:
        variants.pop(next(iter(variants)))
    _memory[key] = entry
    folder = _private_folder()
    if folder is None:
        return
    payload = json.dumps(entry, ensure_ascii=False)  # variants in the order they came: the oldest go first
    data = json.dumps({"format": _FORMAT, "sha256": hashlib.sha256(payload.encode()).hexdigest(),
                       "entry": payload}, ensure_ascii=False).encode()
    store(folder, folder / f"{key}{_PREPARED_SUFFIX}", data, _PREPARED_SUFFIX, MAX_PREPARED, KEEP_PREPARED)


def _read_prepared(data: bytes) -> dict[str, Any]:
    """Return the entry held in ``data``; raise ValueError when it is damaged or of another layout."""
    outer = json.loads(data)
    payload = outer["entry"]
    if outer["format"] != _FORMAT or hashlib.sha256(payload.encode()).hexdigest() != outer["sha256"]:
        raise ValueError("damaged or foreign prepared-template entry")
    entry = json.loads(payload)
    if not isinstance(entry, dict) or not isinstance(entry.get("variants"), dict):
        raise ValueError("damaged prepared-template entry")
    return entry


@functools.cache
def _code_hash() -> str:
    """Return a hash of the code that prepares a template (:func:`preparing_files`, each by its name, size and time
    of change, as Python checks its bytecode), and of the versions of the libraries and Python that take part."""
    import docx
    import docxtpl
    from lxml import etree

    return code_hash(preparing_files(), (sys.version, docxtpl.__version__, docx.__version__, etree.LXML_VERSION))


@functools.cache
def _adopting_hash() -> str:
    """Return a hash of the modules (``_ADOPTING_MODULES``) that decide what a template from outside gives besides."""
    package = Path(__file__).resolve().parents[1]
    return code_hash([package / name for name in _ADOPTING_MODULES], ())


def preparing_files() -> list[Path]:
    """Return the source files whose code decides a prepared template: every module of ``_ooxml`` and
    ``_PREPARING_MODULES``."""
    package = Path(__file__).resolve().parents[1]
    return sorted((package / "_ooxml").glob("*.py")) + [package / name for name in _PREPARING_MODULES]


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
