"""Decide which fonts the charts use and name the fonts the Word document uses.

Charts default to Noto Sans CJK SC shipped in the ``mpl-font`` wheel, registered ahead of any system copy, so a chart
looks the same on every machine, with or without a system CJK font (bundled first, for byte-identical output). A
report or caller may name a family, a font file, or ``"system"`` (the first CJK font installed on the machine from
``SYSTEM_FAMILIES``). Whatever font comes first, text falls back glyph by glyph through ``FALLBACK_FAMILIES``; a
character none of them has is an error, never a box. matplotlib is imported inside the functions only, so importing
this module stays cheap.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from annual_docx.errors import ChartError
from annual_docx.gbt9704 import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG

__all__ = ["FANGSONG", "HEITI", "KAITI", "LATIN", "SONGTI", "XIAOBIAOSONG"]  # re-exported for the builders

if TYPE_CHECKING:
    from matplotlib.font_manager import FontManager

# Fonts named in the Word document: the GB/T 9704-2012 faces, from gbt9704.
WORD_FONTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "fangsong": FANGSONG,
        "kaiti": KAITI,
        "heiti": HEITI,
        "xiaobiaosong": XIAOBIAOSONG,
        "songti": SONGTI,
        "latin": LATIN,
    }
)

BUNDLED_FAMILY: Final = "Noto Sans CJK SC"
_BUNDLED_FILES: Final = ("noto/NotoSansCJKsc-Regular.otf", "noto/NotoSansCJKsc-Bold.otf", "wqy/wqy-microhei.ttc")
FALLBACK_FAMILIES: Final = (BUNDLED_FAMILY, "WenQuanYi Micro Hei", "DejaVu Sans")
"""Fonts every chart falls back to, in order: bundled Noto, bundled WenQuanYi (more Latin letters), DejaVu Sans."""
SYSTEM: Final = "system"
SYSTEM_FAMILIES: Final = (
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
"""CJK families ``chart_font(family="system")`` looks for on the machine, best first."""


def bundled_font_dir() -> Path:
    """Return the folder of Noto Sans CJK SC files inside the installed ``mpl-font`` package, without importing it."""
    spec = importlib.util.find_spec("mpl_font")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise ChartError("未安装图表字体包 mpl-font / the chart font package mpl-font is not installed")
    return Path(locations[0]) / "fonts" / "noto"


def chart_font(family: str | None = None, path: str | os.PathLike[str] | None = None) -> str:
    """Return a registered matplotlib family name for chart text.

    ``path`` registers that font file and returns its family; ``family`` returns a family matplotlib already knows
    (``"system"``: the first of ``SYSTEM_FAMILIES`` installed on the machine, else the bundled font); neither returns
    the bundled Noto Sans CJK SC. The bundled fonts are registered in every case, as the fallback chain.
    """
    folder = bundled_font_dir().parent
    bundled = _register_first(tuple(str(folder / name) for name in _BUNDLED_FILES))
    if path is not None:
        return _register_first((str(Path(path).resolve()),))
    if family == SYSTEM:
        return system_font() or bundled
    if family is None or family == BUNDLED_FAMILY:
        return bundled
    _font_file(family)  # raises ChartError naming the family if matplotlib does not know it
    return family


def font_chain(family: str, text: str | None = None) -> list[str]:
    """Return ``family`` followed by the fallback families, each once: the ``font.family`` list charts draw with.

    Given the ``text`` a chart will draw, only the fallbacks that some character of it needs are kept: every family
    in the list costs matplotlib a font lookup per text drawn.
    """
    if text is None:
        return list(dict.fromkeys((family, *FALLBACK_FAMILIES)))
    chain = [family]
    missing = missing_glyphs(text, chain)
    for fallback in FALLBACK_FAMILIES:
        if not missing:
            break
        charmap = _charmap(_font_file(fallback))
        if fallback not in chain and any(ord(ch) in charmap for ch in missing):
            chain.append(fallback)
            missing = [ch for ch in missing if ord(ch) not in charmap]
    return chain


def system_font() -> str | None:
    """Return the first of ``SYSTEM_FAMILIES`` installed on the machine (not the bundled copy), or None."""
    bundled = str(bundled_font_dir().parent)
    installed = {entry.name for entry in _font_manager().ttflist if not entry.fname.startswith(bundled)}
    return next((family for family in SYSTEM_FAMILIES if family in installed), None)


def missing_glyphs(text: str, family: str | Sequence[str]) -> list[str]:
    """Return the distinct characters of ``text`` (whitespace ignored) that no font of ``family`` (or list) has."""
    families = [family] if isinstance(family, str) else list(family)
    charmaps = [_charmap(_font_file(f)) for f in families]
    missing: list[str] = []
    for ch in text:
        if not ch.isspace() and ch not in missing and not any(ord(ch) in charmap for charmap in charmaps):
            missing.append(ch)
    return missing


def require_glyphs(text: str, family: str | Sequence[str], field: str) -> None:
    """Raise ChartError naming the first character of ``text`` that no font of ``family`` (or list) has."""
    missing = missing_glyphs(text, family)
    if missing:
        ch = missing[0]
        raise ChartError(f"图表文字“{ch}”无可用字体 / no font has the character {ch!r} in {field}")


def _font_manager() -> FontManager:
    from matplotlib import font_manager

    return font_manager.fontManager


@functools.cache
def _register_first(paths: tuple[str, ...]) -> str:
    """Register font files ahead of every other font of the same family; return the family of the first file."""
    from matplotlib.font_manager import FontProperties

    manager = _font_manager()
    known = {entry.fname for entry in manager.ttflist}
    family = ""
    for p in paths:
        if not Path(p).is_file():
            raise ChartError(f"图表字体文件不存在：{p} / the chart font file does not exist: {p}")
        try:
            family = family or str(FontProperties(fname=p).get_name())
            if p not in known:
                manager.addfont(p)
        except (OSError, RuntimeError, ValueError) as exc:
            raise ChartError(f"无法读取图表字体文件：{p} / cannot read the chart font file {p}: {exc}") from exc
    # findfont keeps the first of equally good matches: put these files first so a system copy of the same family
    # (e.g. fonts-noto-cjk) is never chosen instead, then empty findfont's cache (as addfont does) so it sees this.
    ours = [entry for entry in manager.ttflist if entry.fname in paths]
    # A family without a bold face (WenQuanYi Micro Hei) lends its regular face to bold text, so a bold label that
    # falls back to it is drawn without matplotlib's "Failed to find font weight bold" warning.
    has_bold = {entry.name for entry in ours if entry.weight in (700, "bold")}
    ours += [dataclasses.replace(entry, weight=700) for entry in ours if entry.name not in has_bold]
    manager.ttflist[:] = ours + [entry for entry in manager.ttflist if entry.fname not in paths]
    manager._findfont_cached.cache_clear()  # type: ignore[attr-defined]  # findfont caches lookups in this list
    return family


def _font_file(family: str) -> str:
    """Return the file matplotlib uses for ``family``, or raise ChartError if it knows no such family."""
    from matplotlib.font_manager import FontProperties

    try:
        return str(_font_manager().findfont(FontProperties(family=family), fallback_to_default=False))
    except ValueError as exc:
        raise ChartError(f"找不到图表字体“{family}” / matplotlib knows no font family {family!r}") from exc


@functools.lru_cache(maxsize=8)
def _charmap(font_file: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_file).get_charmap())
