"""The picture cache: a picture already checked and prepared is not opened with Pillow again; the cached result is
exactly what preparing it gives; a bad picture is reported every time; a changed or damaged one is prepared afresh."""

from __future__ import annotations

import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from annual_docx import ImageError
from annual_docx._input import _images
from annual_docx._input._images import fit, prepare

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache; returns the folder picture entries go to."""
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    return tmp_path / "cache" / "pictures"


def photo(path: Path, size: tuple[int, int], colour: str = "blue", orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, colour)
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return path


def fits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the pictures really opened and prepared from now on."""
    calls: list[int] = []
    real = _images.fit

    def counting(data: bytes, *args: object, **kwargs: object) -> bytes:
        calls.append(len(data))
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_images, "fit", counting)
    return calls


@pytest.mark.parametrize(
    ("size", "orientation"), [((400, 300), None), ((4000, 3000), None), ((300, 200), 6)],
    ids=["kept as it is", "downscaled", "turned upright"],
)
def test_the_second_time_comes_from_the_cache_and_is_the_same(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], orientation: int | None
) -> None:
    path = photo(tmp_path / "p.jpg", size, orientation=orientation)
    first = prepare(path, 120, "sections[0].photos[0].path")
    assert first == fit(path.read_bytes(), 120, "x")
    calls = fits(monkeypatch)
    assert prepare(path, 120, "sections[0].photos[0].path") == first
    assert calls == []
    assert len(list(cache.iterdir())) == 1


def test_another_width_or_changed_bytes_are_prepared_afresh(cache: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = photo(tmp_path / "p.jpg", (4000, 3000))
    prepare(path, 120, "f")
    calls = fits(monkeypatch)
    narrower = prepare(path, 60, "f")
    assert Image.open(BytesIO(narrower)).width == round(60 / 25.4 * 300)
    photo(path, (4000, 3000), colour="green")  # the same file name, another photo
    changed = prepare(path, 120, "f")
    assert len(calls) == 2
    assert changed == fit(path.read_bytes(), 120, "f")


def test_a_bad_picture_is_reported_every_time(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a picture" * 50)
    for _ in range(2):
        with pytest.raises(ImageError, match="not a picture file") as caught:
            prepare(bad, 120, "sections[1].photos[0].path")
        assert caught.value.path == "sections[1].photos[0].path"
    assert not cache.exists() or list(cache.iterdir()) == []


def test_a_damaged_entry_is_prepared_again(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = photo(tmp_path / "p.jpg", (4000, 3000))
    good = prepare(path, 120, "f")
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")  # the prepared bytes no longer match their checksum
    calls = fits(monkeypatch)
    assert prepare(path, 120, "f") == good
    assert len(calls) == 1


def test_no_cache_turns_it_off(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    path = photo(tmp_path / "p.jpg", (400, 300))
    prepare(path, 120, "f")
    calls = fits(monkeypatch)
    prepare(path, 120, "f")
    assert len(calls) == 1
    assert not cache.exists()


def test_a_re_render_does_not_load_pillow(tmp_path: Path) -> None:
    """The seed rendered twice in new processes: the second loads no Pillow and writes the same bytes."""
    code = ("import sys, annual_docx as a\n"
            "a.render(a.load(sys.argv[1]), sys.argv[2])\n"
            "print('PIL' in sys.modules)")
    env = {**os.environ, "ANNUAL_DOCX_CACHE_DIR": str(tmp_path / "cache")}
    example = str(ROOT / "examples" / "qufu_2020.yaml")
    runs = [subprocess.run([sys.executable, "-c", code, example, str(tmp_path / f"{n}.docx")], env=env,
                           capture_output=True, text=True, check=True).stdout.split()[-1] for n in (1, 2)]
    assert runs == ["True", "False"]
    assert (tmp_path / "1.docx").read_bytes() == (tmp_path / "2.docx").read_bytes()


def test_the_least_recently_used_entries_go(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annual_docx._input import _picture_cache

    monkeypatch.setattr(_picture_cache, "MAX_ENTRIES", 3)
    monkeypatch.setattr(_picture_cache, "KEEP_ENTRIES", 2)
    paths = [photo(tmp_path / f"p{i}.jpg", (200 + i, 100)) for i in range(4)]
    for path in paths:
        prepare(path, 120, "f")
        for entry in cache.iterdir():  # older entries look older, whatever the clock's resolution
            stamp = entry.stat().st_mtime_ns
            os.utime(entry, ns=(stamp - 10**9, stamp - 10**9))
    assert len(list(cache.iterdir())) == 2
    calls = fits(monkeypatch)
    prepare(paths[-1], 120, "f")
    assert calls == []  # the newest stayed
