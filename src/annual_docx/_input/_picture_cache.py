"""Remember the pictures already checked and prepared, so a render of the same photos neither imports Pillow nor
decodes them again.

An entry is named by a hash of the picture's bytes, its placed width, the code that prepares it (``_images.py``: the
checks, 300 dpi, the size limit) and Pillow's version. It holds the prepared bytes, or nothing when the picture is
used as it is (upright and small enough). Only pictures that passed every check are stored, so a bad picture is
reported again each time. A damaged entry (its checksum) counts as a miss and is replaced; writes are atomic; past
``MAX_ENTRIES`` the least recently used go. Location: ``$ANNUAL_DOCX_CACHE_DIR/pictures``, else
``~/.cache/annual_docx/pictures`` (see ``_cachedir``); ``ANNUAL_DOCX_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Final

from annual_docx._cachedir import cache_folder, fetch, store

MAX_ENTRIES: Final = 200  # past this, the least recently used entries go … (a downscaled photo is ~0.5 MB)
KEEP_ENTRIES: Final = 150  # … down to this many
_SUFFIX: Final = ".picture"
_FORMAT: Final = b"1"


def cached_fit(data: bytes, width_mm: float, fit: Callable[[], bytes]) -> bytes:
    """Return what ``fit()`` makes of the picture ``data`` placed ``width_mm`` wide, from the cache when it holds
    it; errors raised by ``fit`` propagate and nothing is stored."""
    folder = cache_folder("pictures")
    if folder is None:
        return fit()
    path = folder / (_key(data, width_mm) + _SUFFIX)
    stored = fetch(path, _payload)
    if stored is not None:
        return stored or data
    prepared = fit()
    payload = b"" if prepared == data else prepared
    store(folder, path, hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload, _SUFFIX,
          MAX_ENTRIES, KEEP_ENTRIES)
    return prepared


def _key(data: bytes, width_mm: float) -> str:
    digest = hashlib.sha256(_FORMAT + b"\0" + _environment() + b"\0" + repr(float(width_mm)).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


@functools.cache
def _environment() -> bytes:
    """Return what, besides the picture and its width, decides the prepared bytes: our code and Pillow's version
    (read from its version file, without importing Pillow)."""
    parts = [Path(__file__).with_name("_images.py")]
    spec = importlib.util.find_spec("PIL")
    if spec is not None and spec.origin is not None:
        parts.append(Path(spec.origin).with_name("_version.py"))
    digest = hashlib.sha256()
    for part in parts:
        try:
            digest.update(part.read_bytes())
        except OSError:
            digest.update(str(part).encode())
    return digest.hexdigest().encode("ascii")


def _payload(entry: bytes) -> bytes:
    """Return the payload of an entry (empty: use the picture as it is); ValueError when its checksum is wrong."""
    checksum, _, payload = entry.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != checksum:
        raise ValueError("checksum")
    return payload
