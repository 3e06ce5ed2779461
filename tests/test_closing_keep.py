"""The chain that keeps the body's end with the 落款 (GB/T 9704 7.3.5), read in the .docx with the standard library:
from the last paragraph of body text to the 署名, every paragraph keeps with the next (by its style or its own
``w:keepNext``), across figures, captions, galleries and table rows. (``tests/test_pdf_closing.py`` sees the pages.)"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

import annual_docx

from .test_pdf_closing import ENDINGS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_STYLES = ("Normal", "BodyKeep", "Heading1", "Heading2", "Heading3", "Heading4", "TableText")  # a table is text


def _keeps(element: ET.Element | None) -> bool | None:
    """``w:keepNext`` of a ``w:pPr``: True, False (``w:val="0"``), or None when not set."""
    keep = element.find(W + "keepNext") if element is not None else None
    return None if keep is None else keep.get(W + "val", "1") not in ("0", "false")


def chain(docx: Path) -> list[tuple[str, str, bool]]:
    """(style, text, keeps with next) of each paragraph from the last body text (a table cell's included) before the
    署名 to the 署名."""
    with zipfile.ZipFile(docx) as zf:
        body = ET.fromstring(zf.read("word/document.xml")).find(W + "body")
        styles = ET.fromstring(zf.read("word/styles.xml"))
    style_keeps = {s.get(W + "styleId"): bool(_keeps(s.find(W + "pPr"))) for s in styles.iter(W + "style")}
    assert body is not None
    rows: list[tuple[str, str, bool]] = []
    for paragraph in body.iter(W + "p"):
        props = paragraph.find(W + "pPr")
        style_el = props.find(W + "pStyle") if props is not None else None
        style = style_el.get(W + "val", "") if style_el is not None else "Normal"
        own = _keeps(props)
        text = "".join(t.text or "" for t in paragraph.iter(W + "t"))
        rows.append((style, text, own if own is not None else style_keeps.get(style, False)))
        if style == "Signature":
            break
    last_text = max(i for i, (style, text, _) in enumerate(rows[:-1]) if style in TEXT_STYLES and text.strip())
    return rows[last_text:]


def _render(blocks: list[dict[str, Any]], tmp: Path, **extra: Any) -> Path:
    data = {"organisation": "某区文化馆", "year": 2021, "signature": "某区文化馆", "date": "2022-01-10",
            "sections": [{"title": "正文", "paragraphs": ["第一段。"], "blocks": blocks}], **extra}
    return annual_docx.render(annual_docx.validate(data), tmp / "report.docx")


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_the_body_end_keeps_with_the_signature(tmp_path: Path, ending: str) -> None:
    rows = chain(_render(ENDINGS[ending], tmp_path))
    assert all(keep for _, _, keep in rows[:-1]), rows
    assert len(rows) > 2  # the chain reaches back over the figure or table to text


def test_the_chain_stops_at_three_figures_and_at_a_long_gallery(tmp_path: Path) -> None:
    """Four photos in a row at the end: only the last three are kept (a longer chain would not fit a page); a gallery
    of two rows is not moved whole."""
    photo = {"type": "photos", "photos": [{"path": str(ENDINGS["photo"][1]["photos"][0]["path"]), "caption": "照片"}]}
    rows = chain(_render([{"type": "paragraph", "text": "照片之前。"}, photo, photo, photo, photo], tmp_path))
    kept = [style for style, _, keep in rows if keep]  # (a Figure keeps with its caption by its style)
    assert [style for style, _, _ in rows].count("Caption") == 4
    assert kept.count("Caption") == 3 and not rows[0][2] and rows[0][1] == "照片之前。"
    gallery = {"type": "photos", "per_row": 2, "photos": [photo["photos"][0]] * 3}
    rows = chain(_render([{"type": "paragraph", "text": "照片之前。"}, gallery], tmp_path))
    assert not any(keep for style, _, keep in rows if style in ("Figure", "Caption"))


def test_a_long_party_list_keeps_its_last_lines(tmp_path: Path) -> None:
    """A party block whose names and role lines are more than ``MAX_PARTY_LINES``: its chart and its last six lines
    (text) keep with the 落款, the lines above them and the paragraph above the block do not; each kept role line is
    still a ``RoleList`` paragraph with its own text (only ``w:keepNext``/``w:keepLines`` added)."""
    from annual_docx._content._closing import MAX_PARTY_LINES

    posts = (("书记", "甲"), ("副书记", "乙"), ("组织委员", "丙"), ("宣传委员", "丁"))
    roles = [{"title": t, "name": n} for t, n in posts]
    party = {"type": "party", "branches": [{"name": "第一支部", "roles": roles}, {"name": "第二支部", "roles": roles}]}
    rows = chain(_render([{"type": "paragraph", "text": "党建之前。"}, party], tmp_path))
    lines = [(style, text, keep) for style, text, keep in rows if style in ("GroupTitle", "RoleList")]
    assert [style for style, _, _ in lines] == ["GroupTitle", *["RoleList"] * 4] * 2
    assert MAX_PARTY_LINES == 6 and [keep for _, _, keep in lines] == [True] + [False] * 3 + [True] * 6
    assert rows[0] == ("Normal", "党建之前。", False) and all(keep for _, _, keep in rows[-4:-1])
    assert lines[-1][1] == "宣传委员：丁"


def test_without_a_signature_nothing_is_kept(tmp_path: Path) -> None:
    data = {"organisation": "某区文化馆", "year": 2021,
            "sections": [{"title": "正文", "paragraphs": ["第一段。"], "blocks": ENDINGS["photo"]}]}
    docx = annual_docx.render(annual_docx.validate(data), tmp_path / "report.docx")
    with zipfile.ZipFile(docx) as zf:
        assert b"<w:keepNext/>" not in zf.read("word/document.xml")
