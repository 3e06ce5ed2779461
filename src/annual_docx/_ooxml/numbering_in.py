"""Word's automatic numbering (``numbering.xml``) as the number styles reports use: a heading or list item whose
number Word draws (一、 （一） 1. （1）) rather than the text holding it."""

from __future__ import annotations

import re

from annual_docx._ooxml.ns import W_NS
from annual_docx._ooxml.props import Element
from annual_docx._ooxml.reader import Package

W = f"{{{W_NS}}}"
_CHINESE = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
            "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"}
_DECIMAL = {"decimal", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth", "decimalZero"}


def number_style(fmt: str, text: str) -> str | None:
    """Return the report number style of a level's ``numFmt`` and ``lvlText``; ``bullet`` for bullets, None for
    any other pattern (第一章, A., i.)."""
    if fmt == "bullet":
        return "bullet"
    pattern = re.sub(r"%\d", "N", text.strip())
    chinese, decimal = fmt in _CHINESE, fmt in _DECIMAL
    if not (chinese or decimal):
        return None
    if pattern in ("（N）", "(N)"):
        return "（一）" if chinese else "（1）"
    if pattern in ("N、", "N.", "N．") or (chinese and pattern == "N"):
        return "一、" if chinese else "1."
    return None


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value and value.isdigit() and len(value) < 6 else default


class Numbering:
    """The numbering definitions of a document: ``style(num_id, level)`` gives the number style drawn."""

    def __init__(self, package: Package) -> None:
        self.levels: dict[str, dict[int, str | None]] = {}
        self.patterns: dict[str, dict[int, tuple[str, str]]] = {}  # (numFmt, lvlText) of levels of other patterns
        self.starts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        found = package.related(package.main_part, "numbering", missing_ok=True)
        if not found:
            return
        root: Element = package.xml(found[-1])
        abstract: dict[str, dict[int, str | None]] = {}
        starts: dict[str, dict[int, int]] = {}
        patterns: dict[str, dict[int, tuple[str, str]]] = {}
        for definition in root.iter(W + "abstractNum"):
            key = definition.get(W + "abstractNumId") or ""
            patterns[key] = {_int(lvl.get(W + "ilvl")): (self._val(lvl, "numFmt"), self._val(lvl, "lvlText"))
                             for lvl in definition.iter(W + "lvl")}
            abstract[key] = {_int(lvl.get(W + "ilvl")): number_style(self._val(lvl, "numFmt"),
                                                                    self._val(lvl, "lvlText"))
                             for lvl in definition.iter(W + "lvl")}
            starts[key] = {_int(lvl.get(W + "ilvl")): _int(self._val(lvl, "start"), 1)
                           for lvl in definition.iter(W + "lvl")}
        for num in root.iter(W + "num"):
            base = num.find(W + "abstractNumId")
            key = base.get(W + "val") or "" if base is not None else ""
            levels = dict(abstract.get(key, {}))
            self.starts[num.get(W + "numId") or ""] = dict(starts.get(key, {}))
            self.patterns[num.get(W + "numId") or ""] = own = dict(patterns.get(key, {}))
            for override in num.iter(W + "lvlOverride"):
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    own[_int(override.get(W + "ilvl"))] = (self._val(lvl, "numFmt"), self._val(lvl, "lvlText"))
                    levels[_int(override.get(W + "ilvl"))] = number_style(self._val(lvl, "numFmt"),
                                                                         self._val(lvl, "lvlText"))
            self.levels[num.get(W + "numId") or ""] = levels

    @staticmethod
    def _val(lvl: Element, tag: str) -> str:
        child = lvl.find(W + tag)
        return (child.get(W + "val") or "") if child is not None else ""

    def style(self, num_id: str, level: int) -> str | None:
        """Return the number style Word draws for list ``num_id`` at ``level`` (None: not numbered, or another
        pattern)."""
        if num_id in ("", "0"):
            return None
        return self.levels.get(num_id, {}).get(level)

    def label(self, num_id: str, level: int) -> str:
        """Count one more item of list ``num_id`` at ``level`` (deeper levels start again) and return the number
        Word draws, e.g. ``（三）``; ``""`` for bullets and patterns without a report style."""
        style = self.style(num_id, level)
        counters = self.counters.setdefault(num_id, {})
        start = self.starts.get(num_id, {}).get(level, 1)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if style == "bullet" or not 0 < counters[level] < 10000:
            return ""
        from annual_docx._numbering import chinese_number, number

        if style is None:  # another pattern of one level's number, as Word draws it: 第%1章 → 第一章, 第%1条
            fmt, text = self.patterns.get(num_id, {}).get(level, ("", ""))
            if re.fullmatch(rf"[^%]{{0,4}}%{level + 1}[^%]{{0,4}}", text) is None or fmt not in _CHINESE | _DECIMAL:
                return ""
            shown = chinese_number(counters[level]) if fmt in _CHINESE else str(counters[level])
            return text.replace(f"%{level + 1}", shown) + " "  # Word's tab or space after the number
        return number(style, counters[level])
