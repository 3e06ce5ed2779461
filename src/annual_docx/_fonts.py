"""Decide which fonts the charts use and name the fonts the Word document uses.

Charts default to Noto Sans CJK SC shipped in the ``mpl-font`` wheel, registered ahead of any system copy, so a chart
looks the same on every machine, with or without a system CJK font. matplotlib is imported inside the functions only,
so importing this module stays cheap.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from annual_docx.errors import ChartError

if TYPE_CHECKING:
    from matplotlib.font_manager import FontManager

# Fonts named in the Word document (GB/T 9704-2012 faces); the template builder imports these.
FANGSONG: Final = "仿宋_GB2312"
KAITI: Final = "楷体_GB2312"
HEITI: Final = "黑体"
XIAOBIAOSONG: Final = "方正小标宋简体"
SONGTI: Final = "宋体"
LATIN: Final = "Times New Roman"
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
_BUNDLED_FILES: Final = ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf")


def bundled_font_dir() -> Path:
    """Return the folder of Noto Sans CJK SC files inside the installed ``mpl-font`` package, without importing it."""
    spec = importlib.util.find_spec("mpl_font")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise ChartError("未安装图表字体包 mpl-font / the chart font package mpl-font is not installed")
    return Path(locations[0]) / "fonts" / "noto"


def chart_font(family: str | None = None, path: str | os.PathLike[str] | None = None) -> str:
    """Return a registered matplotlib family name for chart text.

    ``path`` registers that font file and returns its family; ``family`` returns a family matplotlib already knows;
    neither returns the bundled Noto Sans CJK SC.
    """
    if path is not None:
        return _register_first((str(Path(path).resolve()),))
    if family is None or family == BUNDLED_FAMILY:
        folder = bundled_font_dir()
        return _register_first(tuple(str(folder / name) for name in _BUNDLED_FILES))
    _font_file(family)  # raises ChartError naming the family if matplotlib does not know it
    return family


def missing_glyphs(text: str, family: str) -> list[str]:
    """Return the distinct characters of ``text`` (whitespace ignored) that the font of ``family`` lacks."""
    charmap = _charmap(_font_file(family))
    missing: list[str] = []
    for ch in text:
        if not ch.isspace() and ord(ch) not in charmap and ch not in missing:
            missing.append(ch)
    return missing


def require_glyphs(text: str, family: str, field: str) -> None:
    """Raise ChartError naming the first character of ``text`` that the font of ``family`` lacks."""
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
    family = ""
    for p in paths:
        if not Path(p).is_file():
            raise ChartError(f"图表字体文件不存在：{p} / the chart font file does not exist: {p}")
        try:
            family = family or str(FontProperties(fname=p).get_name())
            manager.addfont(p)
        except (OSError, RuntimeError, ValueError) as exc:
            raise ChartError(f"无法读取图表字体文件：{p} / cannot read the chart font file {p}: {exc}") from exc
    # findfont keeps the first of equally good matches: put these files first so a system copy of the same family
    # (e.g. fonts-noto-cjk) is never chosen instead. addfont has just emptied findfont's cache and nothing has
    # looked a font up since, so the new order takes effect without touching the cache.
    ours = [entry for entry in manager.ttflist if entry.fname in paths]
    manager.ttflist[:] = ours + [entry for entry in manager.ttflist if entry.fname not in paths]
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
