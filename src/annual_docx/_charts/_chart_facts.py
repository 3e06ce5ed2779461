"""What a chart says, whether matplotlib draws it or Word does (a native chart): shares, alt text and the one-hue
palette; its numbers are written by the one formatter (:func:`annual_docx._numbers.format_label`). Imports nothing
heavy, so a report whose charts are all native never loads matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from annual_docx._charts._kinds import KINDS
from annual_docx._numbers import format_label, format_percent
from annual_docx._textwidth import text_width

Categories = Sequence[tuple[str, float]]
Series = Sequence[tuple[str, Sequence[float]]]

INK: Final = "#222222"  # text
LINE: Final = "#4d4d4d"  # connectors, axes
NAVY: Final = "#1f3a5f"  # the one accent colour (bars, box outlines)
PALE: Final = "#dde6f0"  # fill of emphasised boxes

# Dark to light in one hue: every category has its own luminance, so a grayscale print still tells them apart.
_DARK: Final = (0x1F, 0x3A, 0x5F)
_LIGHT: Final = (0xB9, 0xCE, 0xE4)
_MID: Final = (0x7A, 0x95, 0xB8)  # the lightest a thin line may be and still print clearly

PT_TO_MM: Final = 25.4 / 72
LABEL_PT: Final = 10.5  # 五号: the size of chart labels at the placed size
SMALL_PT: Final = 9.0  # the smallest text a chart may use
TITLE_PT: Final = 12.0  # 小四



def palette(n: int, *, lines: bool = False) -> list[str]:
    """Return ``n`` colours from dark to light navy, evenly spaced in lightness (for ``lines``, dark to mid)."""
    lightest = _MID if lines else _LIGHT
    if n <= 1:
        return ["#{:02x}{:02x}{:02x}".format(*_DARK)][:n]
    colours = []
    for i in range(n):
        t = i / (n - 1)
        r, g, b = (round(d + (light - d) * t) for d, light in zip(_DARK, lightest, strict=True))
        colours.append(f"#{r:02x}{g:02x}{b:02x}")
    return colours


def em_width(text: str) -> float:
    """Return the approximate advance of ``text`` in ems: CJK and full-width characters 1, the others 0.6."""
    return text_width(text, narrow=0.6)


def shares(categories: Categories) -> list[str]:
    """Return each category's share of the total as ``"14.3%"`` (``"0.0%"`` when the total is zero)."""
    total = sum(v for _, v in categories)
    return [format_percent(v / total * 100 if total else 0.0) for _, v in categories]


def describe_categories(title: str, data: Categories, unit: str, kind: str) -> str:
    """Return e.g. "职称结构饼图：高级职称2人（14.3%），…，共14人。" (``kind``: pie 饼图, donut 环形图, bar or barh)."""
    parts = [f"{name}{format_label(v)}{unit}（{p}）" for (name, v), p in zip(data, shares(data), strict=True)]
    total = format_label(sum(v for _, v in data))
    return f"{title.strip()}{KINDS[kind].category_alt}：{'，'.join(parts)}，共{total}{unit}。"


def describe_series(title: str | None, labels: Sequence[str], series: Series, unit: str, kind: str) -> str:
    """Return e.g. "外借册次折线图：成人外借，2016年12.5万册次、…；少儿外借，…。"."""
    parts = [
        f"{name}，" + "、".join(f"{_at(label)}{format_label(v)}{unit}" for label, v in zip(labels, values, strict=True))
        for name, values in series
    ]
    return f"{(title or '').strip()}{kind}：{'；'.join(parts)}。"


def _at(label: str) -> str:
    """Return ``label`` ready to precede a number: "2016" → "2016年", "第1季度" as is, "Q1" → "Q1："."""
    if label.isdigit() and len(label) == 4:
        return f"{label}年"
    return f"{label}：" if label[-1:].isascii() and label[-1:].isalnum() else label


def series_kind_name(chart: str) -> str:
    """Return the Chinese name of a series chart kind for its alt text (``line`` → 折线图)."""
    name = KINDS[chart].series_alt
    if name is None:
        raise ValueError(f"chart kind {chart!r} is not drawn over labels")
    return name


def needs_horizontal(data: Categories, unit: str, width_mm: float) -> bool:
    """Return whether category bars need to lie sideways: their names or values are too wide to sit side by side
    under upright bars in ``width_mm``."""
    slot_em = max(em_width(t) for t in [n for n, _ in data] + [format_label(v) + unit for _, v in data]) + 1
    return slot_em * LABEL_PT * PT_TO_MM * len(data) > width_mm - 10
