"""Property test: random nested reports (sections to four levels, any numbering, emphasis, tables with merged cells,
lists, line/bar/pie charts, photos, breakdowns, 大事记) render, import and render again to the same paragraphs,
headings, tables and chart values (the oracle, tests/docfacts.py, reads the XML with the standard library only).
15 examples locally, 300 under HYPOTHESIS_PROFILE=ci (1,000 passed once by hand)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

import annual_docx
from annual_docx._import import read_report

from .docfacts import facts, headings

WORDS = "曲阜市图书馆年度工作报告读者服务开展活动完成分馆建设文化ABCxyz"
word = st.text(st.sampled_from(WORDS), min_size=1, max_size=12)
sentence = st.builds(lambda a, b: f"{a}，{b}。", word, word)
label = st.text(st.sampled_from("甲乙丙丁戊ABCD"), min_size=1, max_size=3)
_PHOTO = Path(tempfile.mkdtemp(prefix="annual_docx_import_")) / "p.png"
Image.new("RGB", (64, 48), "teal").save(_PHOTO)

emphasis = st.builds(lambda a, b, c: f"{a}**{b}**{c}*{a}*。", word, word, word)
table = st.integers(2, 4).flatmap(lambda n: st.fixed_dictionaries({
    "type": st.just("table"),
    "header": st.lists(word, min_size=n, max_size=n, unique=True),
    "rows": st.lists(st.tuples(word, *[st.integers(0, 99_999)] * (n - 1)).map(list), min_size=1, max_size=3),
}, optional={"title": word}))
merged_table = st.fixed_dictionaries({
    "type": st.just("table"),
    "header": st.builds(lambda a, b, c, d: [[{"text": a, "rowspan": 2}, {"text": b, "colspan": 2}], [c, d]],
                        word, word, word, word),
    "rows": st.lists(st.tuples(word, st.integers(0, 9999), st.integers(0, 9999)).map(list), min_size=1, max_size=3),
})
series_chart = st.lists(label, min_size=2, max_size=4, unique=True).flatmap(lambda labels: st.fixed_dictionaries({
    "type": st.just("chart"), "title": word, "chart": st.sampled_from(["line", "bar", "stacked_bar"]),
    "labels": st.just(labels),
    "series": st.dictionaries(word, st.lists(st.integers(0, 500), min_size=len(labels), max_size=len(labels)),
                              min_size=1, max_size=2),
}, optional={"caption": word}))
pie_chart = st.lists(label, min_size=2, max_size=4, unique=True).flatmap(lambda labels: st.fixed_dictionaries({
    "type": st.just("chart"), "title": word, "chart": st.just("pie"), "labels": st.just(labels),
    "series": st.fixed_dictionaries({"数量": st.lists(st.integers(1, 90), min_size=len(labels),
                                                      max_size=len(labels))}),
}))
breakdown = st.fixed_dictionaries({
    "type": st.just("breakdown"), "title": word,
    "categories": st.dictionaries(label, st.integers(1, 40), min_size=2, max_size=4),
    "paragraphs": st.lists(sentence, max_size=1), "chart": st.sampled_from(["pie", "bar"]),
})
photos = st.fixed_dictionaries({"type": st.just("photos"), "photos": st.lists(
    st.fixed_dictionaries({"path": st.just(str(_PHOTO)), "caption": word}), min_size=1, max_size=2)})
block = st.one_of(
    st.fixed_dictionaries({"type": st.just("paragraph"), "text": emphasis}),
    table, merged_table, series_chart, pie_chart, photos,
    st.fixed_dictionaries({"type": st.just("list"), "style": st.sampled_from(["1.", "（1）", "一是"]),
                           "items": st.lists(word, min_size=2, max_size=3)}),
)


def sections(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    children = st.lists(sections(depth + 1), max_size=3) if depth < 4 else st.just([])
    return st.fixed_dictionaries({
        "title": word, "paragraphs": st.lists(sentence, max_size=2), "blocks": st.lists(block, max_size=2),
        "sections": children,
    })


def _with_breakdowns(section: dict[str, Any], counts: list[dict[str, Any]]) -> dict[str, Any]:
    """A section whose subsections are all breakdowns (the way a personnel section is written)."""
    return {"title": section["title"], "paragraphs": section["paragraphs"], "blocks": counts}


reports = st.fixed_dictionaries({
    "organisation": word, "year": st.integers(2000, 2030), "opening": st.lists(sentence, max_size=2),
    "numbering": st.sampled_from([["一、", "（一）", "1.", "（1）"], ["一、", "1."], ["一、", "【】", "1."],
                                  ["一、", "无", "（1）"], ["无", "（一）"]]),
    "sections": st.lists(st.one_of(sections(1), st.builds(_with_breakdowns, sections(4),
                                                          st.lists(breakdown, min_size=1, max_size=2))),
                         min_size=1, max_size=3),
})


@settings(max_examples=300 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 15, deadline=None)
@given(reports)
def test_random_nested_reports_round_trip(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        first = annual_docx.render(annual_docx.validate(data), tmp / "first.docx")
        imported = read_report(first, tmp / "assets", tmp)
        second = annual_docx.render(imported.report, tmp / "second.docx")
        assert headings(second) == headings(first)
        assert facts(second) == facts(first)
