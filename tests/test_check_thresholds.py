"""Every page item of ``check`` at its threshold: documents just inside pass, documents just outside fail."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import annual_docx
from tests.gongwen_docx import MM, STYLES, Doc, para

_names = (f"t{n}.docx" for n in itertools.count())


def verdict(doc: Doc, tmp_path: Path, item: str) -> bool:
    """Whether every row of ``item`` passes (and there is one)."""
    rows = [f for f in annual_docx.check(doc.save(tmp_path / next(_names))) if f.item == item]
    assert rows, f"no row {item}"
    return all(f.ok for f in rows)


def test_the_baseline_passes_every_item(tmp_path: Path) -> None:
    """The builder's baseline document meets every item, so each test below moves only one number."""
    assert [f for f in annual_docx.check(Doc().save(tmp_path / "base.docx")) if not f.ok] == []


@pytest.mark.parametrize(("char_space", "ok"), [(0, False), (-849, True), (-3072, False)])
def test_27_28_29_characters_a_line(tmp_path: Path, char_space: int, ok: bool) -> None:
    """charSpace 0 gives 27 characters, -849 gives 28, -3072 gives 29: only 28 passes."""
    doc = Doc(grid={"type": "linesAndChars", "linePitch": 579, "charSpace": char_space})
    assert verdict(doc, tmp_path, "每行字数 / characters a line") is ok


@pytest.mark.parametrize(("pitch", "ok"), [(580, False), (579, True), (555, True), (554, False)])
def test_21_22_23_lines_a_page_counted_whole(tmp_path: Path, pitch: int, ok: bool) -> None:
    """12756 twips of type area hold 21 lines at 580 (21.99, not rounded up), 22 at 579 and at 555 (22.98, not
    rounded to 23), 23 at 554."""
    doc = Doc(grid={"type": "linesAndChars", "linePitch": pitch, "charSpace": -849})
    assert verdict(doc, tmp_path, "每页行数 / lines a page") is ok


@pytest.mark.parametrize(("pitch", "ok"), [(572, False), (573, True), (585, True), (586, False)])
def test_line_pitch_within_6_twips(tmp_path: Path, pitch: int, ok: bool) -> None:
    """The line pitch is 28.95 pt (579 twips) ± 6."""
    doc = Doc(grid={"type": "linesAndChars", "linePitch": pitch, "charSpace": -849})
    assert verdict(doc, tmp_path, "行距 / line pitch") is ok


@pytest.mark.parametrize(("side", "mm"), [("top", 37), ("bottom", 35), ("left", 28), ("right", 26)])
@pytest.mark.parametrize(("delta", "ok"), [(-1.1, False), (-0.9, True), (0.9, True), (1.1, False)])
def test_margins_within_1_mm(tmp_path: Path, side: str, mm: int, delta: float, ok: bool) -> None:
    """Each margin is its GB/T 9704 value ± 1 mm."""
    doc = Doc()
    doc.page[side] = round((mm + delta) * MM)
    names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
    assert verdict(doc, tmp_path, f"{names[side]}边距 / {side} margin") is ok


@pytest.mark.parametrize(("w", "h", "ok"), [(11906, 16838, True), (12240, 15840, False), (11906, 16950, False)])
def test_paper_is_a4(tmp_path: Path, w: int, h: int, ok: bool) -> None:
    """A4 passes; US Letter and a page 2 mm too tall fail."""
    doc = Doc()
    doc.page.update(w=w, h=h)
    assert verdict(doc, tmp_path, "纸张 / paper") is ok


@pytest.mark.parametrize(("mm", "ok"), [(19.9, False), (20.1, True), (25.9, True), (26.1, False)])
def test_footer_distance_20_to_26_mm(tmp_path: Path, mm: float, ok: bool) -> None:
    """The page number sits 20–26 mm from the paper's bottom edge."""
    doc = Doc()
    doc.page["footer"] = round(mm * MM)
    assert verdict(doc, tmp_path, "页码位置 / footer distance") is ok


@pytest.mark.parametrize(("odd", "even", "odd_ok", "even_ok"), [
    ("right", "left", True, True), ("left", "left", False, True), ("right", "right", True, False),
    ("center", "center", False, False)])
def test_page_number_on_the_outer_side(tmp_path: Path, odd: str, even: str, odd_ok: bool, even_ok: bool) -> None:
    """Odd pages carry the number on the right, even pages on the left; the wrong side fails."""
    doc = Doc(footers={"default": (odd, "— {PAGE} —", 28), "even": (even, "— {PAGE} —", 28)})
    assert verdict(doc, tmp_path, "奇数页页码 / odd page number") is odd_ok
    assert verdict(doc, tmp_path, "偶数页页码 / even page number") is even_ok


@pytest.mark.parametrize(("text", "half", "ok"), [("— {PAGE} —", 28, True), ("- {PAGE} -", 28, False),
                                                  ("{PAGE}", 28, False), ("— {PAGE} —", 24, False)])
def test_page_number_dashes_and_size(tmp_path: Path, text: str, half: int, ok: bool) -> None:
    """``— N —`` with 一字线 in 四号 (14 pt); hyphens, no dashes or 小四 fail."""
    doc = Doc(footers={"default": ("right", text, half), "even": ("left", "— {PAGE} —", 28)})
    assert verdict(doc, tmp_path, "奇数页页码 / odd page number") is ok


def test_even_and_odd_footers_must_be_on_one_finding(tmp_path: Path) -> None:
    """Without evenAndOddHeaders every page uses the odd footer: one violation of 7.5 (the even page's number), not
    one for the setting and another for the footer."""
    rows = annual_docx.check(Doc(even_and_odd=False).save(tmp_path / "even.docx"))
    bad = [f for f in rows if not f.ok]
    assert [(f.item, f.clause) for f in bad] == [("偶数页页码 / even page number", "7.5")]
    assert "奇偶页不同" in bad[0].found


@pytest.mark.parametrize(("style", "face", "half", "item", "severity"), [
    ("Heading2", "黑体", 32, "二级标题 / heading 2 字体字号 / font", "note"),
    ("Heading1", "黑体", 30, "一级标题 / heading 1 字体字号 / font", "note"),
    ("Normal", "仿宋", 31, "正文 / body 字体字号 / font", "note"),
    ("Normal", "宋体", 32, "正文 / body 字体字号 / font", "note"),
    ("Title", "方正小标宋简体", 42, "标题 / title 字体字号 / font", "note"),
    ("Heading3", "仿宋", 32, "三级标题 / heading 3 字体字号 / font", "pass")])
def test_style_fonts_and_sizes(tmp_path: Path, style: str, face: str, half: int, item: str, severity: str) -> None:
    """Each element's style is compared with its face and size: （一） in 黑体, 15 pt headings or body, 宋体 body, a
    21 pt title differ. GB/T 9704 speaks of the printed text, not of Word's styles: a style that differs is a note
    when it is not used or its text is judged on the page (the body paragraphs in the Normal style fail there)."""
    doc = Doc()
    name, _, _, ppr, extra = STYLES[style]
    doc.styles[style] = (name, face, half, ppr, extra)
    rows = annual_docx.check(doc.save(tmp_path / next(_names)))
    assert [f.severity for f in rows if f.item == item] == [severity]
    body = [f for f in rows if f.item == "正文段落 / body paragraphs"]
    assert all(f.ok for f in body) is (style != "Normal")


@pytest.mark.parametrize(("lang", "severity"), [("zh-CN", "pass"), ("ja-JP", "note")])
def test_east_asian_language_is_a_note(tmp_path: Path, lang: str, severity: str) -> None:
    """The zh-CN tag is Word practice, not GB/T 9704: another tag is a note, never a violation."""
    rows = [f for f in annual_docx.check(Doc(lang=lang).save(tmp_path / "l.docx"))
            if f.item == "东亚语言 / East Asian language"]
    assert [(f.severity, f.ok, f.clause) for f in rows] == [(severity, True, "—")]


def test_non_requirements_are_never_violations(tmp_path: Path) -> None:
    """Arial for Latin text, a ja-JP tag and theme fonts on the Latin channels (the Chinese faces explicit): three
    notes; the document still passes (every other item as the baseline)."""
    styles = {sid: (name, face, half, ppr, extra) for sid, (name, face, half, ppr, extra) in STYLES.items()}
    doc = Doc(lang="ja-JP", styles=styles,
              body=[para("正文段落。").replace("<w:r>", '<w:r><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/></w:rPr>')])
    path = doc.save(tmp_path / "n.docx")
    path.write_bytes(path.read_bytes())
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"Times New Roman", b"Arial")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    rows = annual_docx.check(path)
    notes = {f.item for f in rows if f.severity == "note"}
    assert notes == {"数字和字母 / Latin and digits", "主题字体 / theme fonts", "东亚语言 / East Asian language"}
    assert [f for f in rows if not f.ok] == []
    assert all(f.clause for f in rows)
