"""Turn a finished matplotlib figure into the PNG (and optionally SVG) a chart hands to the document."""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Final

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DPI: Final = 300
MM_PER_INCH: Final = 25.4


@dataclass(frozen=True)
class ChartImage:
    """A chart as PNG bytes plus the size to place it at and a full text description."""

    png: bytes  # 300 dpi at the placed size, the DPI stored in the file (pHYs)
    width_mm: float  # intended placed width (<= 156 mm, the 公文 type area width)
    height_mm: float
    alt_text: str  # full description of the content, in Chinese
    svg: bytes | None = None  # the same chart as SVG (text as outlines), when asked for with svg=True


def new_figure(width_mm: float, height_mm: float) -> Figure:
    """Return an empty white figure of the given print size with an Agg canvas attached."""
    fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def figure_png(fig: Figure) -> bytes:
    """Return the figure as an RGB PNG at 300 dpi, identical for identical input (no timestamp or version).

    Encoding is much of the time a chart takes, so: the white figure has no transparency and the alpha channel is
    dropped (a quarter less data), and zlib uses its run-length strategy, made for images like charts with long runs
    of one colour (measured on the seed's donut: 23 ms and 85 KB, against 50 ms and 90 KB for RGBA at level 6).
    """
    from PIL import Image

    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), pixels, "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", dpi=(DPI, DPI), compress_type=zlib.Z_RLE)
    return buffer.getvalue()


def figure_svg(fig: Figure) -> bytes:
    """Return the figure as SVG with text as outlines and no date, identical for identical input."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "annual_docx", "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def chart_image(fig: Figure, alt_text: str, *, svg: bool = False) -> ChartImage:
    """Return the figure packaged as a ChartImage at its own print size, with SVG too if ``svg``."""
    width_in, height_in = fig.get_size_inches()
    return ChartImage(
        png=figure_png(fig),
        width_mm=round(float(width_in) * MM_PER_INCH, 2),
        height_mm=round(float(height_in) * MM_PER_INCH, 2),
        alt_text=alt_text,
        svg=figure_svg(fig) if svg else None,
    )
