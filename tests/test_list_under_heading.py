"""A numbered list straight under a heading (no sentence between) is a list, not headings: in the recogniser
(``annual_docx._roles``, shared by ``import`` and ``check``) and through render → import → render.

How a list item is told from a heading: the render marks every heading with a heading style (run-in ones with an
outline level) and no list item; a document that has marked every heading so far by style or outline level has
its unmarked short numbered lines as items (not when set in bold: a typed heading); a ``1.`` right under a heading
of the ``1.`` style starts a list; a marked heading is never demoted to an item; in a document of typed headings,
a number that neither follows the item above nor starts again at 1 is a heading after the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx._import import read_report
from annual_docx._roles import Plain, recognise

from .docfacts import facts, headings

H3 = Plain("1.甲", style="Heading3", style_name="heading 3")
H4 = Plain("（1）甲", style="Heading4", style_name="heading 4")


def kinds(lines: list[Plain]) -> list[tuple[str, int]]:
    return [(r.kind, r.level) for r in recognise(lines)]


def test_a_list_of_its_own_number_style_under_a_styled_heading() -> None:
    """The failing shape of the round-trip property: （1） items right under a Heading 4 （1） heading."""
    lines = [Plain("一、总体", style="Heading1", style_name="heading 1"), H4, Plain("（1）A"), Plain("（2）B")]
    assert kinds(lines) == [("heading", 1), ("heading", 4), ("item", 4), ("item", 4)]


def test_a_numbered_list_opening_a_section_under_a_styled_heading() -> None:
    """1. items under a Heading 3 1. heading; （1） items under a Heading 3; a list of one item."""
    assert kinds([H3, Plain("1.A"), Plain("2.B")]) == [("heading", 3), ("item", 3), ("item", 3)]
    assert kinds([H3, Plain("（1）A"), Plain("（2）B")]) == [("heading", 3), ("item", 4), ("item", 4)]
    assert kinds([H3, Plain("（1）A")]) == [("heading", 3), ("item", 4)]


def test_in_a_document_of_styled_headings_an_unmarked_bold_line_stays_a_heading() -> None:
    """A heading typed in bold (no style) among styled ones is still a heading; so is a line with an outline level
    deeper than four."""
    assert kinds([H3, Plain("（1）小标题", bold=True), Plain("正文。")])[1] == ("heading", 4)
    assert kinds([H3, Plain("1. Introduction", outline=4), Plain("正文。")])[1] == ("heading", 3)


def test_a_styled_heading_is_never_demoted_to_an_item() -> None:
    """Among typed headings (so an unmarked line may be a heading), a Heading 4 （1）甲 followed by a typed
    （2）乙 stays a heading, and so does （2）乙, its sibling."""
    lines = [Plain("一、总体"), H4, Plain("（2）乙"), Plain("正文。")]
    assert kinds(lines) == [("heading", 1), ("heading", 4), ("heading", 4), ("body", 0)]


def test_in_a_document_of_typed_headings_a_list_under_a_heading_of_its_style() -> None:
    """No styles at all: 1.甲 is a heading, the 1. 2. under it a list, and 2.乙 after the list a heading again."""
    lines = [Plain("一、总体"), Plain("1.甲"), Plain("1.A"), Plain("2.B"), Plain("2.乙"), Plain("正文。")]
    assert kinds(lines) == [("heading", 1), ("heading", 3), ("item", 3), ("item", 3), ("heading", 3), ("body", 0)]


def test_typed_lines_of_one_style_side_by_side_are_still_a_list() -> None:
    """As before: two short numbered lines of one style next to each other, with no heading of that style above,
    are items of one list."""
    lines = [Plain("一、总体"), Plain("正文。"), Plain("1.A"), Plain("2.B"), Plain("3.C")]
    assert kinds(lines) == [("heading", 1), ("body", 0), ("item", 3), ("item", 3), ("item", 3)]


def _round_trip(data: dict[str, Any], tmp: Path) -> tuple[Path, Path]:
    first = annual_docx.render(annual_docx.validate(data), tmp / "first.docx")
    imported = read_report(first, tmp / "assets", tmp)
    return first, annual_docx.render(imported.report, tmp / "second.docx")


def _section(title: str, blocks: list[dict[str, Any]], children: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": title, "paragraphs": [], "blocks": blocks, "sections": children}


NUMBERINGS = [["一、", "（一）", "1.", "（1）"], ["一、", "1."], ["一、", "【】", "1."], ["一、", "无", "（1）"],
              ["无", "（一）"]]


@pytest.mark.parametrize("numbering", NUMBERINGS, ids=lambda n: "".join(n))
@pytest.mark.parametrize("style", ["1.", "（1）", "一是"])
@pytest.mark.parametrize("items", [1, 2])
def test_a_list_opening_a_section_round_trips(tmp_path: Path, numbering: list[str], style: str,
                                             items: int) -> None:
    """A list as the first thing under a heading, at each depth of each numbering, comes back a list."""
    listing = {"type": "list", "style": style, "items": ["A", "B"][:items]}
    deepest = _section("丁", [listing], [])
    data = {"organisation": "某馆", "year": 2020, "numbering": numbering, "sections": [
        _section("甲", [listing], [_section("乙", [listing], [_section("丙", [listing], [deepest])])])]}
    first, second = _round_trip(data, tmp_path)
    assert headings(second) == headings(first)
    assert facts(second) == facts(first)


def test_the_shape_the_property_test_found(tmp_path: Path) -> None:
    """The example the round-trip property shrank to: a （1） list under the fourth-level heading （1）A."""
    leaf = _section("A", [{"type": "list", "style": "（1）", "items": ["A", "A"]}], [])
    data = {"organisation": "A", "year": 2000, "opening": [], "numbering": ["一、", "（一）", "1.", "（1）"],
            "sections": [_section("A", [], [_section("A", [], []), _section("A", [], [
                _section("A", [], []), _section("A", [], [leaf])])])]}
    first, second = _round_trip(data, tmp_path)
    assert headings(second) == headings(first)
    assert facts(second) == facts(first)
