"""Give every chart the same restrained, print-friendly look, applied only while a chart is drawn."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import matplotlib

from annual_docx._charts._chart_facts import INK as INK  # the colours and palette live with the native charts' facts
from annual_docx._charts._chart_facts import LABEL_PT as LABEL_PT  # sizes and text widths are shared with native charts
from annual_docx._charts._chart_facts import LINE as LINE
from annual_docx._charts._chart_facts import NAVY as NAVY
from annual_docx._charts._chart_facts import PALE as PALE
from annual_docx._charts._chart_facts import PT_TO_MM as PT_TO_MM
from annual_docx._charts._chart_facts import SMALL_PT as SMALL_PT
from annual_docx._charts._chart_facts import TITLE_PT as TITLE_PT
from annual_docx._charts._chart_facts import em_width as em_width
from annual_docx._charts._chart_facts import palette as palette
from annual_docx._charts._fonts import font_chain, require_glyphs

Fonts = str | Sequence[str]  # a family, or a family followed by its fallbacks

_DRAWN: Final = "0123456789.,-%（）：、共人单位指导"  # characters charts add to the data's own words

MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*")  # line-chart markers: series differ in shape too
DASHES: Final = ("-", "--", "-.", ":")


def text_on(colour: str) -> str:
    """Return black or white, whichever reads better on ``colour``."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else INK


def check_text(text: str, font: Fonts, field: str) -> str:
    """Return ``text`` after making sure ``font`` or its fallbacks can draw every character (ChartError otherwise)."""
    require_glyphs(text, font_chain(font) if isinstance(font, str) else font, field)
    return text


def current_font() -> list[str]:
    """Return the current ``font.family`` list: the font chart text is drawn in, then its fallbacks."""
    family = matplotlib.rcParams["font.family"]
    return [str(f) for f in family] if isinstance(family, list) else [str(family)]


def _rc(font: str, text: str | None) -> dict[str, Any]:
    return {
        "font.family": font_chain(font, text),
        "font.size": LABEL_PT,
        "axes.unicode_minus": False,
        "text.color": INK,
        "axes.edgecolor": LINE,
        "axes.labelcolor": INK,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "xtick.color": LINE,
        "ytick.color": LINE,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "xtick.labelsize": LABEL_PT,
        "ytick.labelsize": LABEL_PT,
        "legend.fontsize": LABEL_PT,
        "legend.frameon": False,
        "patch.linewidth": 0.8,
        "lines.linewidth": 0.8,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "path.simplify": False,
        "hatch.linewidth": 0.6,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }


@contextmanager
def chart_style(font: str, texts: Iterable[str] | None = None) -> Iterator[None]:
    """Apply the chart theme with ``font`` (then its fallbacks) inside the ``with`` block; restore rcParams after.

    ``texts``, the data's words a chart will draw, keeps only the fallback fonts they need (faster drawing); without
    it every fallback is in the list.
    """
    text = None if texts is None else "".join(texts) + _DRAWN
    with matplotlib.rc_context(_rc(font, text)):  # type: ignore[arg-type]  # the stubs accept only literal keys
        yield
