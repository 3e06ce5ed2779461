"""Standalone copies of the Simplified Chinese faces of CJK font collections, so that a PDF names the face it uses.

Noto CJK's ``.ttc`` files hold a JP, KR, SC, TC and HK face that share one CFF table named after the Japanese face
(``NotoSerifCJKjp-Regular``). LibreOffice names an embedded font after its CFF table, so ``pdffonts`` shows ``jp`` even
when every glyph is the SC face's. For each collection face a PDF export uses, a copy of that face alone is written
once into the font cache, its CFF names changed from ``…jp`` to the face's own ``…sc`` (names of the same length, so
no offset in the table moves); the export's fontconfig file adds that folder and hides the collection files. Without
a writable cache (or with ``ANNUAL_DOCX_NO_CACHE=1``) the collection faces are used as they are: the same glyphs, only
the name in the PDF differs.

Location: ``$ANNUAL_DOCX_CACHE_DIR/fonts``, else ``$XDG_CACHE_HOME/annual_docx/fonts``, else
``~/.cache/annual_docx/fonts``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annual_docx._atomic import write_bytes
from annual_docx._cachedir import cache_folder

COLLECTION_SUFFIXES = (".ttc", ".otc")


@dataclass(frozen=True)
class InstalledFont:
    """A face fontconfig lists: family, file and index in a collection."""

    family: str
    file: str
    index: int


@dataclass
class Standalone:
    """The folder of standalone SC faces to add to fontconfig, and the collection files to hide."""

    folder: Path | None = None
    hidden: list[str] = field(default_factory=list)


def standalone_faces(families: Iterable[str], faces: Iterable[InstalledFont]) -> Standalone:
    """For each of ``families`` that comes from a font collection, make sure a standalone copy of each of its faces
    (regular, bold…) exists in the cache, and return the cache folder and the collection files to hide. A family that
    also has a standalone file elsewhere (e.g. the bundled Noto Sans CJK SC) only gets its collection files hidden."""
    out = Standalone()
    folder = cache_folder("fonts")
    listed = list(faces)
    for family in dict.fromkeys(families):
        mine = [f for f in listed if f.family == family]
        collected = [f for f in mine if f.file.lower().endswith(COLLECTION_SUFFIXES)]
        if not collected:
            continue
        single = any(not f.file.lower().endswith(COLLECTION_SUFFIXES) and
                     (folder is None or Path(f.file).parent != folder) for f in mine)
        made = single or (folder is not None and all(_extract(f, folder) is not None for f in collected))
        if made:
            out.hidden += sorted({f.file for f in collected} - set(out.hidden))
            if not single:
                out.folder = folder
    return out


def _extract(face: InstalledFont, folder: Path) -> Path | None:
    """Return the standalone copy of ``face`` in ``folder``, writing it first if needed; None if it cannot be made."""
    stat = Path(face.file).stat()
    key = hashlib.sha256(f"{face.file}\0{face.index}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    target = folder / f"{Path(face.file).stem}-{face.index}-{key}.otf"
    if target.is_file():
        return target
    try:
        data = _standalone_bytes(face)
        if data is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data, mode=0o644)
    except (OSError, ValueError, KeyError, AssertionError):  # fontTools raises these for odd fonts; then skip
        return None
    return target


def _standalone_bytes(face: InstalledFont) -> bytes | None:
    """Return ``face`` as a font file of its own with its CFF names made its PostScript name's, or None."""
    from fontTools.ttLib import TTCollection, TTFont

    with TTCollection(face.file, lazy=True) as collection:  # read the names here: a table read is recompiled
        font = collection.fonts[face.index]
        if "CFF " not in font:
            return None
        cff_name = str(font["CFF "].cff.fontNames[0])
        ps_name = str(font["name"].getDebugName(6) or "")
    old, new = cff_name.split("-")[0].encode("ascii"), ps_name.split("-")[0].encode("ascii")
    if old == new or len(old) != len(new):
        return None
    with TTCollection(face.file, lazy=True) as collection:  # untouched tables are copied as they are
        buffer = io.BytesIO()
        collection.fonts[face.index].save(buffer)
    with TTFont(io.BytesIO(buffer.getvalue().replace(old, new))) as patched:  # re-saved: checksums recomputed
        out = io.BytesIO()
        patched.save(out)
    return out.getvalue()
