"""Tests of photo preparation: clear errors naming the field, EXIF orientation, downscaling to print resolution."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

import annual_docx
from annual_docx import ImageError
from annual_docx._input._images import MAX_PIXELS, fit, prepare

from .conftest import small_report


def jpeg(size: tuple[int, int], orientation: int | None = None) -> bytes:
    """Return a JPEG whose left half is red and right half blue, optionally with an EXIF orientation tag."""
    image = Image.new("RGB", size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    buffer = BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    return buffer.getvalue()


def test_small_upright_picture_is_kept_byte_for_byte() -> None:
    """A picture already within 300 dpi at its width and upright is not re-encoded."""
    data = jpeg((400, 300))
    assert fit(data, 120, "photo") == data


def test_large_picture_is_downscaled_to_300_dpi() -> None:
    """A 4000-px photo placed 120 mm wide becomes 1417 px wide (120 mm at 300 dpi), keeping its aspect ratio."""
    out = Image.open(BytesIO(fit(jpeg((4000, 3000)), 120, "photo")))
    assert out.format == "JPEG"
    assert out.size == (1417, 1063)


def test_exif_orientation_is_applied() -> None:
    """A photo tagged 'rotate 90° clockwise' (orientation 6) comes out upright: taller than wide, red on top."""
    out = Image.open(BytesIO(fit(jpeg((300, 200), orientation=6), 120, "photo"))).convert("RGB")
    assert out.size == (200, 300)
    red, blue = out.getpixel((100, 20)), out.getpixel((100, 280))
    assert red[0] > 200 > red[2] and blue[2] > 200 > blue[0]
    assert out.getexif().get(0x0112, 1) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the picture file is empty"),
        (b"not an image" * 20, "not a picture file"),
        (jpeg((400, 300))[:600], "corrupt"),
    ],
)
def test_unusable_picture_bytes_are_named(content: bytes, message: str) -> None:
    """Empty, unrecognisable and truncated files each get their own message, with the field."""
    with pytest.raises(ImageError, match=rf"sections\[2\]\.photos\[0\]\.path.*{message}"):
        fit(content, 120, "sections[2].photos[0].path")


def test_unsupported_format_and_bomb_are_refused() -> None:
    """A GIF is refused naming its format; a picture over the pixel limit is refused as a bomb before decoding."""
    gif = BytesIO()
    Image.new("P", (10, 10)).save(gif, "GIF")
    with pytest.raises(ImageError, match="unsupported picture format GIF"):
        fit(gif.getvalue(), 120, "p")
    bomb = BytesIO()
    side = int(MAX_PIXELS**0.5) + 100
    Image.new("1", (side, side)).save(bomb, "PNG")
    with pytest.raises(ImageError, match="decompression bomb"):
        fit(bomb.getvalue(), 120, "p")


def test_missing_and_unreadable_files_name_the_field(tmp_path: Path) -> None:
    """A file gone since validation, and a folder where a file should be, name the field and the path."""
    with pytest.raises(ImageError, match=r"awards\[0\]\.picture\.path: .*picture file not found"):
        prepare(tmp_path / "gone.jpg", 120, "awards[0].picture.path")
    with pytest.raises(ImageError, match=r"photos\[1\]\.path: .*cannot read the picture file"):
        prepare(tmp_path, 120, "photos[1].path")


def test_render_names_the_field_of_a_corrupt_photo(tmp_path: Path) -> None:
    """render() reports a corrupt photo by its field path, before writing anything."""
    good, bad = tmp_path / "good.jpg", tmp_path / "bad.png"
    good.write_bytes(jpeg((100, 80)))
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    section = {"kind": "photos", "title": "照片", "photos": [{"path": str(good)}, {"path": str(bad)}]}
    report = annual_docx.validate(small_report(sections=[small_report()["sections"][0], section]))
    with pytest.raises(ImageError, match=r"sections\[1\]\.photos\[1\]\.path"):
        annual_docx.render(report, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_rendered_document_holds_the_downscaled_photo(tmp_path: Path) -> None:
    """A 6000-px photo placed 60 mm wide is stored at 709 px, so the .docx stays small."""
    photo = tmp_path / "big.jpg"
    photo.write_bytes(jpeg((6000, 4000)))
    section = {"kind": "photos", "title": "照片", "photos": [{"path": str(photo), "width_mm": 60}]}
    out = annual_docx.render(annual_docx.validate(small_report(sections=[section])), tmp_path / "o.docx")
    with zipfile.ZipFile(out) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        assert Image.open(BytesIO(zf.read(media[0]))).size == (709, 473)
    assert out.stat().st_size < photo.stat().st_size
