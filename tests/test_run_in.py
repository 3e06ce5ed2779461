"""Run-in headings (段首标题, issue 21): the numbered heading opens its section's first paragraph in the heading's
look, the text goes on in the body face, and the paragraph keeps the heading's outline level."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import annual_docx
from annual_docx import ReportValidationError
from annual_docx.gbt9704 import FANGSONG, HEITI, KAITI

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(data: dict[str, Any]) -> list[etree._Element]:
    out = annual_docx.render(annual_docx.validate(data))
    assert isinstance(out, bytes)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return list(root.iter(W + "p"))


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def _style(p: etree._Element) -> str | None:
    found = p.find(f"{W}pPr/{W}pStyle")
    return None if found is None else found.get(W + "val")


def _outline(p: etree._Element) -> int | None:
    found = p.find(f"{W}pPr/{W}outlineLvl")
    return None if found is None else int(found.get(W + "val") or "")


def _runs(p: etree._Element) -> list[tuple[str, str | None, bool]]:
    out = []
    for r in p.iter(W + "r"):
        fonts = r.find(f"{W}rPr/{W}rFonts")
        out.append(("".join(t.text or "" for t in r.iter(W + "t")),
                    None if fonts is None else fonts.get(W + "eastAsia"), r.find(f"{W}rPr/{W}b") is not None))
    return out


def _report(**top: Any) -> dict[str, Any]:
    return {
        "organisation": "某县文化和旅游局", "year": 2024,
        "sections": [{"title": "工作回顾", "sections": [
            {"title": "坚持惠民为本，公共文化服务提质增效。", "run_in": True,
             "paragraphs": ["全年新建城市书房3个。", "组织演出216场。"],
             "sections": [{"title": "建设城市书房。", "run_in": True, "paragraphs": ["新建3个。"]}]},
            {"title": "坚持融合发展。", "paragraphs": ["接待游客1223474人次。"]},
        ]}],
        **top,
    }


def test_run_in_heading_is_one_paragraph_in_heading_look_with_outline_level() -> None:
    paragraphs = _body(_report())
    (run_in,) = [p for p in paragraphs if _text(p).startswith("（一）")]
    assert _text(run_in) == "（一）坚持惠民为本，公共文化服务提质增效。全年新建城市书房3个。"
    assert _style(run_in) == "Normal" and _outline(run_in) == 1  # level 2 in the navigation pane
    assert _runs(run_in) == [("（一）坚持惠民为本，公共文化服务提质增效。", KAITI, False),
                             ("全年新建城市书房3个。", FANGSONG, False)]
    texts = [_text(p) for p in paragraphs]
    assert "坚持惠民为本，公共文化服务提质增效。" not in "".join(t for t in texts if not t.startswith("（一）"))
    assert texts[texts.index(_text(run_in)) + 1] == "组织演出216场。"  # the other paragraphs follow as they were
    (third,) = [p for p in paragraphs if _text(p).startswith("1.")]
    assert _outline(third) == 2 and _runs(third)[0] == ("1.建设城市书房。", FANGSONG, True)  # 1. in bold 仿宋
    (plain,) = [p for p in paragraphs if _text(p) == "（二）坚持融合发展。"]
    assert _style(plain) == "Heading2"  # not run-in: an ordinary heading


def test_level_one_run_in_is_heiti() -> None:
    data = {"sections": [{"title": "总体情况。", "run_in": True, "paragraphs": ["正文。"]}]}
    (p,) = [p for p in _body(data) if _text(p).startswith("一、")]
    assert _outline(p) == 0 and _runs(p) == [("一、总体情况。", HEITI, False), ("正文。", FANGSONG, False)]


def test_run_in_levels_switch_a_whole_level_and_run_in_false_overrides_it() -> None:
    data = _report(run_in_levels=[2])
    data["sections"][0]["sections"][0]["run_in"] = False
    paragraphs = _body(data)
    by_text = {_text(p): p for p in paragraphs}
    assert _style(by_text["（一）坚持惠民为本，公共文化服务提质增效。"]) == "Heading2"
    joined = by_text["（二）坚持融合发展。接待游客1223474人次。"]
    assert _outline(joined) == 1 and _style(joined) == "Normal"


def test_run_in_level_section_without_paragraphs_keeps_its_heading() -> None:
    data = {"run_in_levels": [1], "sections": [{"title": "概况", "sections": [{"title": "下级", "paragraphs": ["x"]}]}]}
    (heading,) = [p for p in _body(data) if _text(p) == "一、概况"]
    assert _style(heading) == "Heading1"


def test_run_in_title_must_end_its_sentence() -> None:
    """A run-in title without its own 。！？ is an error naming the title (per section and per level), since no
    reader — nor the importer — could tell where the heading ends; the renderer adds no punctuation."""
    for data, where in [
        ({"sections": [{"title": "a", "sections": [{"title": "读者服务", "run_in": True, "paragraphs": ["x"]}]}]},
         "sections[0].sections[0].title:"),
        ({"run_in_levels": [1], "sections": [{"title": "概况", "paragraphs": ["x"]}]}, "sections[0].title:"),
    ]:
        with pytest.raises(ReportValidationError) as info:
            annual_docx.validate(data)
        assert any(where in str(p) and "。！？" in str(p) for p in info.value.problems), info.value.problems
    annual_docx.validate({"run_in_levels": [1], "sections": [{"title": "概况", "sections": [
        {"title": "下级", "paragraphs": ["x"]}]}]})  # no paragraphs at level 1: an ordinary heading, no rule


def test_run_in_without_paragraphs_is_an_error_naming_the_field() -> None:
    data = {"sections": [{"title": "a", "sections": [{"title": "b", "run_in": True}]}]}
    with pytest.raises(ReportValidationError) as info:
        annual_docx.validate(data)
    (problem,) = [str(p) for p in info.value.problems]
    assert problem.startswith("sections[0].sections[0].run_in:") and "paragraphs" in problem


def test_work_items_accept_run_in() -> None:
    data = {"sections": [{"kind": "work_items", "title": "概况",
                          "items": [{"title": "借阅稳定。", "run_in": True, "paragraphs": ["外借增长。"]}]}]}
    (p,) = [p for p in _body(data) if _text(p).startswith("（一）")]
    assert _text(p) == "（一）借阅稳定。外借增长。" and _outline(p) == 1


def test_run_in_text_keeps_markup_literal_and_scripts() -> None:
    data = {"sections": [{"title": "{{ title }} <b>&。", "run_in": True, "paragraphs": ["{% if x %}面积10^{4}m^{2}"]}]}
    (p,) = [p for p in _body(data) if _text(p).startswith("一、")]
    assert _text(p) == "一、{{ title }} <b>&。{% if x %}面积104m2"
    verts = [r.find(f"{W}rPr/{W}vertAlign") for r in p.iter(W + "r")]
    assert [v.get(W + "val") if v is not None else None for v in verts] == [
        None, None, "superscript", None, "superscript"]


def test_run_in_example_passes_check(tmp_path: Path) -> None:
    """The run-in example renders to a document the project's own check passes: run-in headings of a level share one
    look, also the last one kept with the 落款 (its keep is set on the paragraph, not by another style)."""
    example = Path(__file__).resolve().parent.parent / "examples" / "work_report_run_in.yaml"
    out = annual_docx.render(annual_docx.load(example), tmp_path / "run_in.docx")
    failed = [f"{f.item}: {f.found}" for f in annual_docx.check(out) if not f.ok]
    assert failed == []
