"""The font chooser skips a candidate that lacks one of the document's characters, whatever fonts the machine has:
faked fonts made here by subsetting the bundled Noto Sans CJK SC with fontTools."""

from __future__ import annotations

from pathlib import Path

import pytest

from annual_docx._charts._fonts import bundled_font_dir
from annual_docx._ooxml.runfonts import Where
from annual_docx._output import _fontmatch
from annual_docx._output._fontmatch import OFFICIAL_FACES, InstalledFont, choose

TEXT = "年度工作报告镕"
FANGSONG = next(face for face in OFFICIAL_FACES if face.label == "仿宋")


def subset(tmp_path: Path, name: str, text: str) -> str:
    """Return the path of a font holding only the glyphs of ``text`` (and .notdef)."""
    from fontTools import subset as fts

    source = bundled_font_dir() / "NotoSansCJKsc-Regular.otf"
    out = tmp_path / f"{name}.otf"
    with fts.load_font(str(source), fts.Options(), lazy=False) as font:
        subsetter = fts.Subsetter(fts.Options())
        subsetter.populate(text=text)
        subsetter.subset(font)
        fts.save_font(font, str(out), fts.Options())
    return str(out)


@pytest.fixture(scope="module")
def fonts(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("fakefonts")
    return subset(folder, "lacks_one", TEXT.replace("镕", "")), subset(folder, "complete", TEXT)


@pytest.mark.parametrize(("official_lacks", "chosen"), [(True, "FandolFang"), (False, "仿宋_GB2312")])
def test_a_candidate_lacking_one_character_is_skipped(
        monkeypatch: pytest.MonkeyPatch, fonts: tuple[str, str], official_lacks: bool, chosen: str) -> None:
    """The official 仿宋 first in the order, then a stand-in: when the official font lacks 镕 the stand-in that has
    every character is chosen and nothing is reported missing; when it has them all, it is chosen."""
    lacks_one, complete = fonts
    official = lacks_one if official_lacks else complete
    installed = (InstalledFont(FANGSONG.order[0], official, 0), InstalledFont("FandolFang", complete, 0))
    monkeypatch.setattr(_fontmatch, "installed_fonts", lambda: installed)
    assert FANGSONG.order.index("FandolFang") > 0
    choice = choose(FANGSONG, dict.fromkeys(TEXT, Where("正文 / body", 1, TEXT)))
    assert choice.font is not None and choice.font.family == chosen
    assert choice.missing == {}
    assert choice.installed == [FANGSONG.order[0], "FandolFang"][:2 if official_lacks else 1]


def test_when_every_candidate_lacks_a_character_it_is_reported(monkeypatch: pytest.MonkeyPatch,
                                                                fonts: tuple[str, str]) -> None:
    lacks_one, _ = fonts
    monkeypatch.setattr(_fontmatch, "installed_fonts", lambda: (InstalledFont("FandolFang", lacks_one, 0),))
    choice = choose(FANGSONG, dict.fromkeys(TEXT, Where("正文 / body", 1, TEXT)))
    assert choice.font is not None and list(choice.missing) == ["镕"]
