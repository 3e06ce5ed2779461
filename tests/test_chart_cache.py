"""Tests of the chart cache: hits skip drawing (and matplotlib), damaged entries are redrawn, the cache can be off."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import annual_docx
from annual_docx._charts import _chart_cache as cache
from annual_docx.errors import ChartError

from .conftest import EXAMPLE

PNG = b"\x89PNG\r\n\x1a\n" + b"pixels" * 10


class Drawer:
    """A stand-in for a chart function that counts its calls."""

    def __init__(self, png: bytes = PNG) -> None:
        self.calls = 0
        self.png = png

    def __call__(self) -> cache.StoredChart:
        self.calls += 1
        return cache.StoredChart(self.png, 140.0, 80.5, "职称结构：高级职称2人")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the cache at an empty folder."""
    folder = tmp_path / "charts"
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(folder))
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.chart"))


def test_second_request_is_served_from_the_cache(cache_dir: Path) -> None:
    """The same spec draws once; the hit returns the same PNG, size and alt text."""
    draw = Drawer()
    first = cache.cached_chart(["category", "职称结构", [["高级职称", 2]], "pie"], draw)
    second = cache.cached_chart(["category", "职称结构", [["高级职称", 2]], "pie"], draw)
    assert draw.calls == 1
    assert (second.png, second.width_mm, second.height_mm, second.alt_text) == (
        first.png, first.width_mm, first.height_mm, first.alt_text)
    assert len(entries(cache_dir)) == 1


def test_different_data_is_a_different_entry(cache_dir: Path) -> None:
    """Changing any value of the spec draws afresh."""
    draw = Drawer()
    cache.cached_chart(["category", "职称结构", [["高级职称", 2]], "pie"], draw)
    cache.cached_chart(["category", "职称结构", [["高级职称", 3]], "pie"], draw)
    cache.cached_chart(["category", "职称结构", [["高级职称", 2]], "bar"], draw)
    assert draw.calls == 3
    assert len(entries(cache_dir)) == 3


def test_key_covers_chart_code_font_and_matplotlib_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key changes when the chart code, the font files or the matplotlib version change."""
    spec = ["org", [{"name": "馆长室"}]]
    code, fonts, mpl = cache._environment()
    assert len(code) == 64 and fonts and mpl
    before = cache.chart_key(spec)
    for changed in ([code[::-1], fonts, mpl], [code, [], mpl], [code, fonts, mpl + ".post1"]):
        monkeypatch.setattr(cache, "_environment", lambda changed=changed: changed)
        assert cache.chart_key(spec) != before


@pytest.mark.parametrize("damage", [b"", b"garbage", b'{"sha256": "00"}\n' + PNG, "truncate"])
def test_damaged_entry_is_redrawn_and_replaced(cache_dir: Path, damage: bytes | str) -> None:
    """An empty, unparsable, wrong-checksum or truncated entry counts as a miss and is rewritten."""
    draw = Drawer()
    spec = ["category", "学历结构", [["本科学历", 13]], "pie"]
    cache.cached_chart(spec, draw)
    [entry] = entries(cache_dir)
    entry.write_bytes(entry.read_bytes()[:-5] if damage == "truncate" else damage)  # type: ignore[arg-type]
    chart = cache.cached_chart(spec, draw)
    assert draw.calls == 2 and chart.png == PNG
    assert cache.cached_chart(spec, draw).png == PNG and draw.calls == 2  # the rewritten entry is good


def test_no_cache_variable_turns_the_cache_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ANNUAL_DOCX_NO_CACHE=1 draws every time and writes nothing."""
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    draw = Drawer()
    for _ in range(2):
        cache.cached_chart(["org", []], draw)
    assert draw.calls == 2
    assert not cache_dir.exists()


def test_unwritable_cache_still_returns_the_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be created (a file is in the way) is ignored: the chart is drawn and returned."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(blocker / "charts"))
    draw = Drawer()
    assert cache.cached_chart(["org", []], draw).png == PNG
    assert cache.cached_chart(["org", []], draw).png == PNG
    assert draw.calls == 2
    assert not list(tmp_path.glob("**/.*.tmp"))


def test_drawing_error_propagates_and_stores_nothing(cache_dir: Path) -> None:
    """A ChartError from drawing reaches the caller and leaves no entry behind."""

    def broken() -> cache.StoredChart:
        raise ChartError("图表文字“𠀀”无可用字体 / no font has the character")

    with pytest.raises(ChartError, match="无可用字体"):
        cache.cached_chart(["org", [{"name": "𠀀"}]], broken)
    assert not cache_dir.exists() or not entries(cache_dir)


def test_least_recently_used_entries_are_pruned(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_ENTRIES the oldest entries go, down to KEEP_ENTRIES; a recent hit survives."""
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 2)
    draw = Drawer()
    used = []
    for n in range(4):
        cache.cached_chart(["org", [n]], draw)
        [new] = set(entries(cache_dir)) - set(used)
        used.append(new)
    for age, path in zip((40, 30, 20, 10), used, strict=True):  # file times are coarse: set them apart by hand
        os.utime(path, (time.time() - age, time.time() - age))
    cache.cached_chart(["org", [0]], draw)  # a hit makes the oldest the most recently used
    cache.cached_chart(["org", [4]], draw)
    remaining = entries(cache_dir)
    assert len(remaining) == 2
    assert used[0] in remaining and used[1] not in remaining and used[2] not in remaining


def test_cache_folder_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without ANNUAL_DOCX_CACHE_DIR the cache lives in $XDG_CACHE_HOME/annual_docx/charts."""
    monkeypatch.delenv("ANNUAL_DOCX_CACHE_DIR", raising=False)
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "annual_docx" / "charts"
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "0")
    assert cache.cache_dir() == tmp_path / "annual_docx" / "charts"


def _pictures(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def test_rendering_from_the_cache_skips_matplotlib_and_gives_the_same_pictures(tmp_path: Path) -> None:
    """A second render of the seed in a new process imports no matplotlib and embeds byte-identical charts."""
    code = (
        "import sys, annual_docx as a; a.render(a.load(sys.argv[1]), sys.argv[2]);"
        "print('matplotlib' in sys.modules)"
    )
    env_dir = tmp_path / "charts"
    outs = []
    for n in (1, 2):
        out = tmp_path / f"seed{n}.docx"
        result = subprocess.run(
            [sys.executable, "-W", "error", "-c", code, str(EXAMPLE), str(out)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "ANNUAL_DOCX_CACHE_DIR": str(env_dir)},
        )
        outs.append((result.stdout.strip(), out))
    assert [flag for flag, _ in outs] == ["True", "False"]
    assert len(entries(env_dir)) == 4  # two personnel charts, the org chart and the party chart
    assert _pictures(outs[0][1]) == _pictures(outs[1][1])


def test_cached_and_uncached_renders_embed_the_same_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_report: annual_docx.Report
) -> None:
    """With the cache off, the document's pictures are the same bytes as from the cache."""
    cached = annual_docx.render(example_report, tmp_path / "cached.docx")
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    drawn = annual_docx.render(example_report, tmp_path / "drawn.docx")
    assert _pictures(cached) == _pictures(drawn)
