"""The PDF's fonts on any machine: one installed font per official face, Simplified Chinese forms, no line mixing
faces, still 22 × 28 — with the PDF set-up of docs/installation.md and with only fonts-noto-cjk visible (Fandol and
LXGW hidden).
Also: the portable grid opened by LibreOffice directly, PDF/A-2b, characters no font has, ``annual-docx fonts``."""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import annual_docx
from annual_docx._output._fontmatch import INSTALL_COMMAND, plan
from annual_docx.cli import main

from .conftest import ROOT, require_tools, small_report
from .hostile import LAUGHS, with_document
from .pdfglyphs import Glyph, face_of, glyph_cmap, installed_faces, lines, read_glyphs
from .pdfpage import PT_PER_MM, full_line_chars, is_full_text_page, read_pages

HIDDEN_DIRS = ("/usr/local/share/fonts", "/usr/share/fonts/truetype/lxgw-wenkai")
"""Where .ci/run puts Fandol, and where fonts-lxgw-wenkai puts its files: hidden for the Noto-only run."""
SIMPLIFIED_ONLY = {"FandolFang", "FandolHei", "FandolKai", "FandolSong", "LXGW WenKai"}
"""Families with Simplified Chinese forms only (no regional faces): the test's own list."""
HEADING_1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING_2 = re.compile(r"^（[一二三四五六七八九十]+）")
FOOTER = re.compile(r"^—\d+—$")


@pytest.fixture(scope="module")
def full_pdf(example_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed exported on this machine as set up by docs/installation.md (on CI: .ci/run)."""
    require_tools("soffice", "pdftotext", "pdffonts", "fc-list")
    return annual_docx.to_pdf(example_docx, tmp_path_factory.mktemp("full") / "seed.pdf")


@pytest.fixture(scope="module")
def noto_pdf(example_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed exported in a private mount namespace where the Fandol and LXGW folders are empty, so only
    fonts-noto-cjk (and the bundled Noto Sans CJK SC) can draw Chinese."""
    require_tools("soffice", "pdftotext", "pdffonts", "fc-list", "unshare")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs as root and must be able to hide fonts: {probe.stderr}")
        pytest.skip(f"cannot make a private mount namespace (needs root): {probe.stderr.strip()}")
    out = tmp_path_factory.mktemp("noto") / "seed.pdf"
    mounts = " && ".join(f"{{ [ ! -d {d} ] || mount -t tmpfs none {d}; }}" for d in HIDDEN_DIRS)
    script = (f'{mounts} && echo "CJK-FACES:$(fc-list :lang=zh family | sort -u | tr "\\n" "|")" '
              f'&& exec "$0" -c "import annual_docx, sys; annual_docx.to_pdf(sys.argv[1], sys.argv[2])" "$1" "$2"')
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, sys.executable, str(example_docx), str(out)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(Path(annual_docx.__file__).parent.parent)})
    assert result.returncode == 0, result.stderr
    visible = result.stdout.split("CJK-FACES:")[1]
    assert "Fandol" not in visible and "LXGW" not in visible and "Noto Serif CJK SC" in visible, visible
    return out


@pytest.fixture(params=["full_pdf", "noto_pdf"])
def seed_pdf(request: pytest.FixtureRequest) -> Path:
    """Each of the two set-ups."""
    pdf: Path = request.getfixturevalue(request.param)
    return pdf


def _cjk_font(line: list[Glyph]) -> set[str]:
    return {g.font for g in line if g.cjk}


def test_no_line_mixes_chinese_faces(seed_pdf: Path) -> None:
    """Every line's Chinese characters are drawn in one font (no glyph-by-glyph fallback)."""
    mixed = [(ln[0].page, "".join(g.text for g in ln), _cjk_font(ln)) for ln in lines(read_glyphs(seed_pdf))
             if len(_cjk_font(ln)) > 1]
    assert not mixed, mixed[:5]


def _docx_faces(docx: Path) -> list[tuple[str, tuple[str, bool]]]:
    """Return each body paragraph's text (no spaces) and its (East Asian font, bold) read with python-docx: the
    first text run's own setting, else its paragraph style's, up the basedOn chain."""
    import docx as python_docx
    from docx.oxml.ns import qn

    def style_value(style: object, path: str, attr: str) -> str | None:
        while style is not None:
            found = style.element.find(path)  # type: ignore[attr-defined]
            if found is not None and (found.get(qn(attr)) is not None or attr == "w:val"):
                return str(found.get(qn(attr), "1"))
            style = style.base_style  # type: ignore[attr-defined]
        return None

    out = []
    for paragraph in python_docx.Document(str(docx)).paragraphs:
        run = next((r for r in paragraph.runs if r.text.strip()), None)
        if run is None:
            continue
        fonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        face = (fonts.get(qn("w:eastAsia")) if fonts is not None else None) or style_value(
            paragraph.style, f"{qn('w:rPr')}/{qn('w:rFonts')}", "w:eastAsia")
        bold = run.bold if run.bold is not None else style_value(paragraph.style, f"{qn('w:rPr')}/{qn('w:b')}",
                                                                 "w:val") in ("1", "true", "on")
        out.append((paragraph.text.replace(" ", ""), (str(face), bool(bold))))
    return out


def test_each_style_is_one_font_on_every_page(seed_pdf: Path, example_docx: Path) -> None:
    """Every line whose paragraph is known (its text is in paragraphs of one style only) is drawn in the one font of
    that style — East Asian face and boldness read from the .docx — over the whole document; page numbers (宋体) too."""
    paragraphs = _docx_faces(example_docx)
    by_style: dict[tuple[str, bool], set[str]] = collections.defaultdict(set)
    for ln in lines(read_glyphs(seed_pdf)):
        text = "".join(g.text for g in ln).replace(" ", "")
        if FOOTER.match(text):
            by_style[("page number", False)] |= {g.font for g in ln}
            continue
        styles = {style for para, style in paragraphs if text in para}
        if len(styles) == 1 and _cjk_font(ln):
            by_style[styles.pop()] |= _cjk_font(ln)
    assert {("page number", False), ("方正小标宋简体", False), ("黑体", False), ("仿宋_GB2312", False),
            ("仿宋_GB2312", True)} <= set(by_style), by_style
    assert all(len(fonts) == 1 for fonts in by_style.values()), by_style


def test_every_chinese_font_draws_simplified_forms(seed_pdf: Path) -> None:
    """Each Chinese font in the PDF is a Simplified Chinese face: for a Noto CJK collection (whose shared CFF table
    makes pdffonts show ``NotoSerifCJKjp`` for every face), the glyph drawn for each character is the SC face's
    glyph, not the JP or KR face's."""
    by_font: dict[str, list[Glyph]] = collections.defaultdict(list)
    for g in read_glyphs(seed_pdf):
        if g.cjk:
            by_font[g.font].append(g)
    assert by_font
    for font, glyphs in by_font.items():
        faces = face_of(glyphs)
        families = {f.family for f in faces}
        simplified = {f for f in families if f.endswith((" SC", " CN")) or f in SIMPLIFIED_ONLY}
        assert simplified, (font, families)
        assert not any(f.endswith((" JP", " KR")) for f in families), (font, families)


def test_noto_only_machine_uses_noto_sc_and_no_hidden_font(noto_pdf: Path) -> None:
    """With Fandol and LXGW hidden, the Chinese text is in Noto Serif/Sans CJK (SC glyphs, checked above), and
    pdffonts names the SC faces (the collection's shared CFF name says jp; the export uses standalone SC copies)."""
    listing = subprocess.run(["pdffonts", str(noto_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [row.split() for row in listing.splitlines()[2:]]
    names = [row[0].split("+")[-1] for row in rows]
    assert not any("Fandol" in n or "LXGW" in n for n in names), names
    assert any(n.startswith("NotoSerifCJKsc-") for n in names) and any(n.startswith("NotoSansCJKsc-") for n in names)
    assert not any(re.match(r"Noto\w*CJK(jp|kr|tc|hk)", n) for n in names), names
    assert all(row[-5] == "yes" for row in rows), listing


def test_pdffonts_names_only_simplified_faces(full_pdf: Path) -> None:
    """With the PDF set-up of docs/installation.md too, no font in pdffonts is named after a JP/KR/TC/HK face."""
    listing = subprocess.run(["pdffonts", str(full_pdf)], capture_output=True, text=True, check=True).stdout
    names = [row.split()[0].split("+")[-1] for row in listing.splitlines()[2:]]
    assert names and not any(re.match(r"Noto\w*CJK(jp|kr|tc|hk)", n) for n in names), names


def test_seed_still_measures_22_lines_of_28(seed_pdf: Path) -> None:
    """Whatever fonts draw it, full pages hold 22 lines and full lines of Chinese 28 characters."""
    pages = read_pages(seed_pdf)
    full = [p for p in pages[:-1] if is_full_text_page(p)]
    assert len(full) >= 2 and [len(p.body) for p in full] == [22] * len(full)
    counts = collections.Counter(full_line_chars(pages, left=28 * PT_PER_MM))
    assert sum(counts.values()) >= 10 and set(counts) == {28}, counts


def _rare_docx(tmp_path: Path) -> Path:
    data = small_report(sections=[{"kind": "text", "title": "工作概况", "paragraphs": [
        "朱镕基同志题词的图书馆。", "私用区字符\ue000不在任何字体中。"]}])
    return annual_docx.render(annual_docx.validate(data), tmp_path / "rare.docx")


def test_a_character_fandol_lacks_moves_the_whole_face_to_a_font_that_has_it(tmp_path: Path) -> None:
    """镕 is not in GB2312 (FandolFang lacks it): 仿宋 goes to the first candidate whose character map has 镕 and every
    other character of the 仿宋 text, checked here with fontTools directly; \ue000 is in no font and is reported with
    the paragraph it is in."""
    require_tools("fc-list")
    docx = _rare_docx(tmp_path)
    fangsong = next(c for c in plan(docx) if c.face.label == "仿宋")
    assert fangsong.font is not None
    assert fangsong.font.family != "FandolFang"
    cmap = glyph_cmap(fangsong.font.file, fangsong.font.index)
    assert ord("镕") in cmap and ord("题") in cmap
    assert set(fangsong.missing) == {"\ue000"}
    assert "私用区字符" in str(fangsong.missing["\ue000"])
    fandol = [f for f in installed_faces() if f.family == "FandolFang"]
    if fandol:
        assert ord("镕") not in glyph_cmap(fandol[0].file, fandol[0].index)


@pytest.mark.libreoffice
def test_rare_character_pdf_warns_and_keeps_one_face_per_line(tmp_path: Path) -> None:
    """to_pdf warns (FontWarning) naming U+E000 and its paragraph; the line with 镕 is in one font."""
    require_tools("soffice", "pdftotext", "fc-list")
    docx = _rare_docx(tmp_path)
    with pytest.warns(annual_docx.FontWarning, match=r"U\+E000.*私用区字符"):
        pdf = annual_docx.to_pdf(docx, tmp_path / "rare.pdf")
    line = next(ln for ln in lines(read_glyphs(pdf)) if "镕" in "".join(g.text for g in ln))
    assert len(_cjk_font(line)) == 1, line


def test_fonts_command_names_each_face_its_font_and_the_install_command(
        example_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """annual-docx fonts: the chart font, each official face → a real font (as fc-match resolves it with the export's
    fontconfig file), and, for a document, the characters no font has."""
    require_tools("fc-list", "fc-match")
    assert main(["fonts", str(example_docx)]) == 0
    out = capsys.readouterr().out
    assert "Noto Sans CJK SC" in out.split("PDF")[0]
    for choice in plan(example_docx):
        assert choice.font is not None
        row = next(line for line in out.splitlines() if line.strip().startswith(choice.face.label))
        assert f"→ {choice.font.family}" in row and f"fc-match: {choice.font.family}" in row, row


def test_fonts_command_reports_missing_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """For a document with a character no font has, the command names it and prints the install command."""
    require_tools("fc-list", "fc-match")
    assert main(["fonts", str(_rare_docx(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "U+E000" in out and "apt-get install" in out


def test_fonts_command_on_a_file_that_is_not_a_docx_is_the_readers_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """annual-docx fonts X.docx reads X through the one reader: a text file named .docx is exit 1 with the reader's
    bilingual message, not an internal error."""
    require_tools("fc-list")
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    assert main(["fonts", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "not a .docx file" in err and "内部错误" not in err and "Traceback" not in err


def test_docs_and_ci_install_the_stand_ins() -> None:
    """The PDF set-up in docs/installation.md is the command `annual-docx fonts` prints, and .ci/run installs the
    same fonts."""
    page = (ROOT / "docs" / "installation.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for line in INSTALL_COMMAND.splitlines():
        assert line in page, line
    for package in ("fonts-noto-cjk", "fonts-lxgw-wenkai", "fonts-liberation2", "texlive-lang-chinese"):
        assert package in ci and package in INSTALL_COMMAND


@pytest.mark.libreoffice
def test_the_simplified_check_catches_japanese_forms(example_docx: Path, tmp_path: Path) -> None:
    """The glyph oracle can fail: the same document with its East Asian language set to ja-JP is drawn in Japanese
    forms (the Noto fonts' locl feature), and the Noto title is then matched to the JP face, not the SC one."""
    require_tools("soffice", "fc-list")
    japanese = tmp_path / "ja.docx"
    with zipfile.ZipFile(example_docx) as src, zipfile.ZipFile(japanese, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in ("word/styles.xml", "word/document.xml"):
                data = data.replace(b'w:eastAsia="zh-CN"', b'w:eastAsia="ja-JP"')
            out.writestr(item, data)
    title = [g for g in read_glyphs(annual_docx.to_pdf(japanese, tmp_path / "ja.pdf")) if g.size > 20 and g.cjk]
    families = {f.family for f in face_of(title)}
    assert title[0].font.startswith("NotoSerifCJK") and "Noto Serif CJK JP" in families
    assert "Noto Serif CJK SC" not in families


def test_a_file_that_is_not_a_docx_is_the_readers_document_error(tmp_path: Path) -> None:
    """to_pdf of a text file named .docx, or of a package with an entity-laden DTD, gives the one reader's
    DocumentError saying what is wrong (no traceback, no LibreOffice run, no PDF)."""
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(annual_docx.DocumentError, match=r"不是 \.docx 文件.*not a \.docx file"):
        annual_docx.to_pdf(bad, tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists()
    dtd = tmp_path / "dtd.docx"
    dtd.write_bytes(with_document(LAUGHS))
    with pytest.raises(annual_docx.DocumentError, match=r"\[word/document.xml\].*DTD"):
        annual_docx.to_pdf(dtd, tmp_path / "dtd.pdf")
    assert not (tmp_path / "dtd.pdf").exists()


def test_missing_characters_are_reported_one_by_one_then_counted() -> None:
    """Up to 20 characters of a face are named with their place; the rest are counted; a face with no installed
    font at all is one message."""
    from annual_docx._ooxml.runfonts import Where
    from annual_docx._output._fontmatch import OFFICIAL_FACES, Choice, InstalledFont, missing_report

    where = Where("正文 / body", 3, "某段文字")
    missing = {chr(0xE000 + i): where for i in range(25)}
    messages = missing_report([Choice(OFFICIAL_FACES[1], InstalledFont("X", "/x.otf", 0), missing=missing),
                               Choice(OFFICIAL_FACES[3], None, missing=dict(missing))])
    assert len(messages) == 20 + 1 + 1
    assert "U+E000" in messages[0] and "第 3 段" in messages[0] and "某段文字" in messages[0]
    assert "5" in messages[20] and "仿宋" in messages[20]
    assert "黑体" in messages[21] and "FandolHei" in messages[21]


@pytest.mark.parametrize("text", ["年度工作报告", "朱镕基题词，王堃、李喆参加"])
def test_each_face_takes_the_first_installed_candidate_that_has_every_character(text: str) -> None:
    """For every official face, the chosen font is the first family of the documented order that fc-list lists and
    whose character map (read here with fontTools) has every character: GB2312 text stays in Fandol where installed;
    镕/堃/喆 (not in GB2312) move 楷体 to LXGW WenKai and 仿宋/黑体/宋体 to Noto where those are installed."""
    require_tools("fc-list")
    from annual_docx._ooxml.runfonts import Where
    from annual_docx._output._fontmatch import OFFICIAL_FACES, choose

    where = Where("正文 / body", 1, text)
    for face in OFFICIAL_FACES:
        expected = None
        for family in face.order:
            faces = [f for f in installed_faces() if f.family == family]
            if faces and all(ord(ch) in glyph_cmap(faces[0].file, faces[0].index) for ch in text if ch != "，"):
                expected = family
                break
        choice = choose(face, dict.fromkeys(text, where))
        assert choice.font is not None and choice.font.family == expected, (face.label, choice.font, expected)


def test_standalone_sc_face_is_extracted_once_and_named_sc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Noto CJK collection's SC face is copied once into the cache as a font of its own whose CFF table is named
    NotoSerifCJKsc-… with the same glyph for every character; the collection file is to be hidden; without a cache
    nothing is made or hidden."""
    from fontTools.ttLib import TTFont

    from annual_docx._output._scfaces import InstalledFont as Face
    from annual_docx._output._scfaces import standalone_faces

    serif = [f for f in installed_faces() if f.family == "Noto Serif CJK SC" and f.file.endswith("Regular.ttc")]
    if not serif:
        pytest.skip("fonts-noto-cjk is not installed")
    face = Face(serif[0].family, serif[0].file, serif[0].index)
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path))
    made = standalone_faces([face.family], [face])
    assert made.folder == tmp_path / "fonts" and made.hidden == [face.file]
    [copy] = list(made.folder.glob("*.otf"))
    with TTFont(copy) as font:
        assert font["CFF "].cff.fontNames == ["NotoSerifCJKsc-Regular"]
        cmap = font.getBestCmap()
    original = glyph_cmap(face.file, face.index)
    assert all(re.sub(r"cid0*", "cid", cmap[code]) == original[code] for code in map(ord, "曲阜市图书馆骨直写"))
    stamp = copy.stat().st_mtime_ns
    assert standalone_faces([face.family], [face]).hidden == [face.file] and copy.stat().st_mtime_ns == stamp
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    nothing = standalone_faces([face.family], [face])
    assert nothing.folder is None and nothing.hidden == []
