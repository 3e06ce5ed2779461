"""Check and prepare the photos a report names: readable, PNG or JPEG, not a decompression bomb, upright, and no
larger than print resolution for their placed width."""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from annual_docx._input._picture_cache import cached_fit
from annual_docx._model.text import walk
from annual_docx.errors import ImageError
from annual_docx.schema import Picture, Report

if TYPE_CHECKING:
    from PIL import Image

PRINT_DPI = 300
MAX_PIXELS = 60_000_000
"""Largest picture accepted (60 megapixels, more than any phone camera); larger ones are treated as bombs."""
_FORMATS = {"PNG", "JPEG"}
_EXIF_ORIENTATION = 0x0112


def prepare_pictures(report: Report) -> dict[tuple[Path, float], bytes]:
    """Return the prepared bytes of every picture in ``report``, keyed by ``(path, width_mm)``."""
    out: dict[tuple[Path, float], bytes] = {}
    for where, value in walk(report):
        if isinstance(value, Picture) and (value.path, value.width_mm) not in out:
            out[value.path, value.width_mm] = prepare(value.path, value.width_mm, f"{where}.path")
    return out


def prepare(path: Path, width_mm: float, field: str) -> bytes:
    """Return the picture at ``path`` ready to place ``width_mm`` wide; errors name ``field``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImageError(f"图片文件不存在 / picture file not found: {path}", field) from None
    except OSError as exc:
        raise ImageError(f"无法读取图片文件 / cannot read the picture file {path}: {exc.strerror}", field) from exc
    return cached_fit(data, width_mm, lambda: fit(data, width_mm, field, path))


def fit(data: bytes, width_mm: float, field: str, file: Path | None = None) -> bytes:
    """Return PNG or JPEG ``data`` turned upright (EXIF orientation) and scaled down to 300 dpi at ``width_mm``;
    the original bytes when neither is needed. Errors name ``field`` and ``file``."""
    from PIL import Image, ImageOps  # loaded only when a picture is not in the cache (``_picture_cache``)

    image = _open(data, field, file)
    target = round(width_mm / 25.4 * PRINT_DPI)
    upright = image.getexif().get(_EXIF_ORIENTATION, 1) == 1
    if upright and image.width <= target:
        return data
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    if image.width > target:
        height = max(1, round(image.height * target / image.width))
        image = image.resize((target, height), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=90, optimize=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _open(data: bytes, field: str, file: Path | None) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    bomb = ImageError(
        f"图片像素过多（超过 {MAX_PIXELS // 1_000_000} 百万像素），可能是恶意文件 / the picture has too "
        f"many pixels (over {MAX_PIXELS // 1_000_000} megapixels; a decompression bomb?)", field, file=file
    )
    if not data:
        raise ImageError("图片文件为空 / the picture file is empty", field, file=file)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise bomb from None
        except UnidentifiedImageError:
            raise ImageError("不是可识别的图片文件 / not a picture file Pillow recognises", field, file=file) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageError(f"图片文件已损坏 / the picture file is corrupt: {exc}", field, file=file) from None
    if image.format not in _FORMATS:
        raise ImageError(
            f"不支持的图片格式 {image.format}，请另存为 PNG 或 JPEG / unsupported picture format "
            f"{image.format}; save it as PNG or JPEG", field, file=file
        )
    if image.width * image.height > MAX_PIXELS:
        raise bomb
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"图片文件已损坏或不完整 / the picture file is corrupt or truncated: {exc}", field,
                         file=file) from None
    return image
