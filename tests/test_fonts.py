"""Chart font choice: the bundled Noto Sans CJK SC, explicit families and files, glyph coverage, no system font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import annual_docx._charts._fonts as fonts
from annual_docx._charts._fonts import bundled_font_dir, chart_font, missing_glyphs, require_glyphs
from annual_docx.errors import ChartError


def _font_file(family: str, weight: str = "normal") -> Path:
    from matplotlib.font_manager import FontProperties, fontManager

    return Path(fontManager.findfont(FontProperties(family=family, weight=weight), fallback_to_default=False))


def test_default_font_is_the_bundled_noto_even_with_a_system_copy() -> None:
    """chart_font() returns "Noto Sans CJK SC" and matplotlib then uses the OTF files shipped in mpl-font."""
    assert chart_font() == "Noto Sans CJK SC"
    assert _font_file("Noto Sans CJK SC") == bundled_font_dir() / "NotoSansCJKsc-Regular.otf"
    assert _font_file("Noto Sans CJK SC", "bold") == bundled_font_dir() / "NotoSansCJKsc-Bold.otf"


def test_bundled_font_is_registered_once() -> None:
    """Repeated chart_font() calls do not add the bundled files to matplotlib's font list again."""
    from matplotlib.font_manager import fontManager

    chart_font()
    count = len(fontManager.ttflist)
    chart_font()
    chart_font(family="Noto Sans CJK SC")
    assert len(fontManager.ttflist) == count


def test_bundled_font_dir_is_found_without_importing_mpl_font() -> None:
    """The bundled folder holds the Noto files, and finding it leaves mpl_font (which imports pyplot) unimported."""
    code = (
        "import sys; from annual_docx._charts._fonts import bundled_font_dir as d; "
        "print(d()); print('mpl_font' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert (Path(out[0]) / "NotoSansCJKsc-Regular.otf").is_file()
    assert out[1] == "False"


def test_importing_fonts_module_does_not_import_matplotlib() -> None:
    """Importing annual_docx._charts._fonts (and the Word font names) stays cheap: matplotlib is not imported."""
    code = "import sys, annual_docx._charts._fonts as f; print(f.FANGSONG, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["仿宋_GB2312", "False"]


def test_font_file_path_is_registered_and_named() -> None:
    """chart_font(path=...) registers the file and returns its family name."""
    path = bundled_font_dir().parent / "wqy" / "wqy-microhei.ttc"
    family = chart_font(path=path)
    assert family == "WenQuanYi Micro Hei"
    assert _font_file(family) == path


@pytest.mark.parametrize("content", [None, b"not a font"])
def test_bad_font_file_raises_chart_error(tmp_path: Path, content: bytes | None) -> None:
    """A missing or unreadable font file raises ChartError naming the file."""
    path = tmp_path / "broken.ttf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ChartError, match=r"broken\.ttf"):
        chart_font(path=path)


def test_known_family_is_returned_as_is() -> None:
    """A family matplotlib knows (its own DejaVu Sans) is returned unchanged."""
    assert chart_font(family="DejaVu Sans") == "DejaVu Sans"


def test_unknown_family_raises_chart_error_naming_it() -> None:
    """An unknown family raises ChartError with the name, in Chinese and English."""
    with pytest.raises(ChartError, match=r"找不到图表字体“某某宋体”.*'某某宋体'"):
        chart_font(family="某某宋体")


def test_missing_glyphs_lists_characters_the_font_lacks() -> None:
    """missing_glyphs returns each absent character once, in order, and ignores whitespace."""
    family = chart_font()
    assert missing_glyphs("职称结构 高级（14.3%）\u3000\n", family) == []
    assert missing_glyphs("高𠀀级\ue000𠀀", family) == ["𠀀", "\ue000"]
    assert missing_glyphs("职称A", "DejaVu Sans") == ["职", "称"]


def test_require_glyphs_names_character_and_field() -> None:
    """require_glyphs raises the user-facing ChartError naming the character and the field."""
    with pytest.raises(ChartError) as info:
        require_glyphs("张\ue000", chart_font(), "units[3].head")
    assert str(info.value) == "图表文字“\ue000”无可用字体 / no font has the character '\\ue000' in units[3].head"


def test_word_font_names() -> None:
    """The Word font names the template uses are the GB/T 9704 faces plus Times New Roman."""
    assert (fonts.FANGSONG, fonts.KAITI, fonts.HEITI, fonts.XIAOBIAOSONG, fonts.SONGTI, fonts.LATIN) == (
        "仿宋_GB2312",
        "楷体_GB2312",
        "黑体",
        "方正小标宋简体",
        "宋体",
        "Times New Roman",
    )
    assert set(fonts.WORD_FONTS.values()) == {
        "仿宋_GB2312",
        "楷体_GB2312",
        "黑体",
        "方正小标宋简体",
        "宋体",
        "Times New Roman",
    }


_NO_SYSTEM_FONT_SCRIPT = textwrap.dedent(
    """
    import subprocess, sys
    from matplotlib.font_manager import fontManager
    from annual_docx._charts import Branch, OrgBox, category_chart, line_chart, org_chart, party_chart, series_bar_chart
    from annual_docx._charts._fonts import bundled_font_dir

    hidden = ("/usr/share/fonts", "/usr/local/share/fonts")
    system = [f.fname for f in fontManager.ttflist if f.fname.startswith(hidden)]
    assert not system, system
    category_chart("职称结构", [("高级职称", 2), ("中级职称", 8), ("初级职称", 3), ("管理人员", 1)])
    category_chart("学历结构", [("大专学历", 1), ("本科学历", 13), ("研究生学历", 0)], kind="bar")
    depts = ["办公室", "采编部", "外借部", "阅览部", "少儿部", "参考咨询部", "地方文献部", "数字资源部"]
    org_chart([OrgBox("馆长室", "馆长 孔德安", tuple(OrgBox(d) for d in depts))], title="组织结构")
    party_chart([Branch("图书馆支部", (("书记", "孔德安"), ("组织委员", "王建伟"), ("宣传委员", "季旭")))])
    line_chart("外借册次", [2016, 2017], [("成人外借", [14.2, 15.1]), ("少儿外借", [4.1, 4.6])], unit="万册次")
    series_bar_chart("外借册次", [2016, 2017], [("成人外借", [14.2, 15.1])], stacked=True, source="资料来源：统计")
    import annual_docx  # the seed example end to end: org, party and both personnel charts
    annual_docx.render(annual_docx.load(sys.argv[1]), sys.argv[2])
    from matplotlib.font_manager import FontProperties
    used = fontManager.findfont(FontProperties(family="Noto Sans CJK SC"), fallback_to_default=False)
    assert used.startswith(str(bundled_font_dir())), used
    zh = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    print("FC-LIST-ZH:" + repr(zh.strip()))
    """
)


def test_charts_render_without_any_system_cjk_font(tmp_path: Path) -> None:
    """With the system font folders hidden and a fresh matplotlib cache, every chart kind and the seed example
    (org, party and both personnel charts) draw with no glyph warning."""
    unshare = shutil.which("unshare")
    if unshare is None or shutil.which("fc-list") is None:
        pytest.skip("needs unshare and fc-list to hide the system fonts")
    probe = subprocess.run([unshare, "-m", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private mount namespace to hide system fonts (needs root): {probe.stderr.strip()}")
    import annual_docx

    env = {
        **os.environ,
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(Path(annual_docx.__file__).parent.parent),
    }
    shell = (
        "mount -t tmpfs none /usr/share/fonts && { mount -t tmpfs none /usr/local/share/fonts 2>/dev/null || true; }"
        ' && exec "$0" -W error -c "$1" "$2" "$3"'
    )
    example = Path(__file__).resolve().parent.parent / "examples" / "qufu_2020.yaml"
    out = tmp_path / "qufu_2020.docx"
    result = subprocess.run(
        [unshare, "-m", "sh", "-c", shell, sys.executable, _NO_SYSTEM_FONT_SCRIPT, str(example), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if result.returncode != 0 and "mount" in result.stderr and "permission" in result.stderr.lower():
        pytest.skip(f"cannot hide the system fonts: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    assert "missing" not in result.stderr.lower() and "findfont" not in result.stderr
    assert "FC-LIST-ZH:''" in result.stdout  # the fonts really were hidden
    assert out.stat().st_size > 0


def test_font_chain_keeps_only_the_fallbacks_the_text_needs() -> None:
    """Without text every fallback follows the font; with text only those covering a character the font lacks."""
    from annual_docx._charts._fonts import FALLBACK_FAMILIES, font_chain

    noto = chart_font()
    assert font_chain("DejaVu Sans") == ["DejaVu Sans", noto, "WenQuanYi Micro Hei"]
    assert font_chain(noto) == list(FALLBACK_FAMILIES)
    assert font_chain(noto, "职称结构 14.3%") == [noto]
    assert font_chain(noto, "外借 Ąą") == [noto, "WenQuanYi Micro Hei"]  # Ą is in WenQuanYi, not in Noto SC
    assert font_chain("DejaVu Sans", "Ab 职称") == ["DejaVu Sans", noto]
    assert font_chain(noto, "\ue000") == [noto]  # nothing covers it: check_text reports it


def test_category_with_a_letter_only_the_fallback_has_draws_without_warning() -> None:
    """A name with Ł (not in Noto SC) draws through the WenQuanYi fallback: no error, no missing-glyph warning."""
    from annual_docx._charts import category_chart

    image = category_chart("职称结构", [("Łódź 馆员", 2), ("中级职称", 8)], kind="bar")
    assert "Łódź 馆员2人" in image.alt_text
