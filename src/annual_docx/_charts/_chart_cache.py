"""Keep drawn charts on disk, keyed by a hash of what they show and of everything that draws them.

A hit returns the stored PNG without importing matplotlib. The key covers the chart's kind and data, the source of
the chart code (``_charts/`` with its fonts and facts, ``_content/_drawing.py``, ``_textwidth.py``, ``_numbers.py``,
``gbt9704.py``), the bundled font files and the matplotlib version, so a change to any of them draws afresh.
Entries are written atomically; an unreadable or corrupt entry counts as a miss and is replaced. Any error of the
cache itself (read-only home, full disk) is ignored: the chart is then simply drawn.

Location: ``$ANNUAL_DOCX_CACHE_DIR``, else ``$XDG_CACHE_HOME/annual_docx/charts``, else
``~/.cache/annual_docx/charts``. ``ANNUAL_DOCX_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from annual_docx._cachedir import cache_folder, fetch, store

MAX_ENTRIES: Final = 2000  # past this, the least recently used entries go …
KEEP_ENTRIES: Final = 1500  # … down to this many
_SUFFIX: Final = ".chart"
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_FORMAT: Final = 1


class ChartLike(Protocol):
    """What the document needs of a chart: PNG bytes, its placed size and its description."""

    @property
    def png(self) -> bytes: ...
    @property
    def width_mm(self) -> float: ...
    @property
    def height_mm(self) -> float: ...
    @property
    def alt_text(self) -> str: ...


@dataclass(frozen=True)
class StoredChart:
    """A chart read back from the cache."""

    png: bytes
    width_mm: float
    height_mm: float
    alt_text: str


def cache_dir() -> Path | None:
    """Return the folder of cached charts, or None when ``ANNUAL_DOCX_NO_CACHE`` turns the cache off."""
    return cache_folder("charts")


def cached_chart(spec: Any, draw: Callable[[], ChartLike]) -> ChartLike:
    """Return the chart described by ``spec`` (JSON-able data naming its kind and content) from the cache, or
    ``draw()`` it and store it. Errors raised by ``draw`` propagate and nothing is stored."""
    folder = cache_dir()
    if folder is None:
        return draw()
    path = folder / (chart_key(spec) + _SUFFIX)
    stored = fetch(path, _chart)
    if stored is not None:
        return stored
    chart = draw()
    _write(folder, path, chart)
    return chart


def chart_key(spec: Any) -> str:
    """Return the hex digest naming the cache entry of ``spec`` drawn by this code, font and matplotlib."""
    text = json.dumps([_FORMAT, _environment(), spec], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _environment() -> list[Any]:
    """Return what, besides the data, decides a chart's pixels: chart code, font files, matplotlib version."""
    from annual_docx._charts._fonts import _BUNDLED_FILES, bundled_font_dir

    package = Path(__file__).parents[1]
    code = hashlib.sha256()
    # everything that decides pixels: the chart modules (with the fonts, and the palette and alt text in
    # _charts/_fonts.py and _charts/_chart_facts.py), the report's drawing calls (_content/_drawing.py: titles, org
    # boxes), text widths and the one number formatter (_numbers.py: labels, shares, alt text)
    code_files = [package / name for name in ("_content/_drawing.py", "_textwidth.py", "_numbers.py", "gbt9704.py")]
    for source in sorted([*(package / "_charts").glob("*.py"), *code_files]):
        code.update(str(source.relative_to(package)).encode() + b"\0" + source.read_bytes())
    fonts: list[Any] = []
    with contextlib.suppress(Exception):  # no mpl-font: drawing raises the proper ChartError on a miss
        folder = bundled_font_dir().parent  # the names in _BUNDLED_FILES start with their subfolder
        for name in _BUNDLED_FILES:
            st = (folder / name).stat()
            fonts.append([str(folder / name), st.st_size, st.st_mtime_ns])
    return [code.hexdigest(), fonts, _matplotlib_version()]


def _matplotlib_version() -> str:
    """Return matplotlib's version file's text without importing matplotlib (or scanning every installed
    package's metadata, which costs ~25 ms on a cold start)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin is not None:
        with contextlib.suppress(OSError):
            return Path(spec.origin).with_name("_version.py").read_text(encoding="utf-8")
    from importlib import metadata  # only here: importing it loads the email package (~8 ms on a cold start)

    try:
        return metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        return ""


def _chart(entry: bytes) -> StoredChart:
    """Return the chart an entry holds; ValueError (or KeyError, TypeError) when it is damaged."""
    head, png = entry.split(b"\n", 1)
    meta = json.loads(head)
    if not png.startswith(_PNG_SIGNATURE) or hashlib.sha256(png).hexdigest() != meta["sha256"]:
        raise ValueError("checksum")
    return StoredChart(png, float(meta["width_mm"]), float(meta["height_mm"]), str(meta["alt_text"]))


def _write(folder: Path, path: Path, chart: ChartLike) -> None:
    """Store ``chart`` at ``path`` atomically (temporary file + rename); ignore any error."""
    meta = {
        "width_mm": chart.width_mm,
        "height_mm": chart.height_mm,
        "alt_text": chart.alt_text,
        "sha256": hashlib.sha256(chart.png).hexdigest(),
    }
    head = json.dumps(meta, ensure_ascii=True).encode("ascii")
    store(folder, path, head + b"\n" + chart.png, _SUFFIX, MAX_ENTRIES, KEEP_ENTRIES)
