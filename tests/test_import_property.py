"""Property test: random reports with work items, text, emphasis, tables, lists and charts render, import and render
again to the same paragraphs, headings, tables and chart values (the oracle, tests/docfacts.py, reads the XML with
the standard library only)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import annual_docx
from annual_docx._import import read_report

from .docfacts import facts, headings

WORDS = "曲阜市图书馆年度工作报告读者服务开展活动完成分馆建设文化ABCxyz"
word = st.text(st.sampled_from(WORDS), min_size=1, max_size=12)
sentence = st.builds(lambda a, b: f"{a}，{b}。", word, word)
label = st.text(st.sampled_from("甲乙丙丁戊ABCD"), min_size=1, max_size=3)

emphasis = st.builds(lambda a, b, c: f"{a}**{b}**{c}*{a}*。", word, word, word)
table = st.integers(2, 4).flatmap(lambda n: st.fixed_dictionaries({
    "type": st.just("table"),
    "header": st.lists(word, min_size=n, max_size=n, unique=True),
    "rows": st.lists(st.tuples(word, *[st.integers(0, 99_999)] * (n - 1)).map(list), min_size=1, max_size=3),
}))
series_chart = st.lists(label, min_size=2, max_size=4, unique=True).flatmap(lambda labels: st.fixed_dictionaries({
    "type": st.just("chart"), "title": word, "chart": st.sampled_from(["line", "bar"]), "labels": st.just(labels),
    "series": st.dictionaries(word, st.lists(st.integers(0, 500), min_size=len(labels), max_size=len(labels)),
                              min_size=1, max_size=2),
}))
block = st.one_of(
    st.fixed_dictionaries({"type": st.just("paragraph"), "text": emphasis}),
    table,
    st.fixed_dictionaries({"type": st.just("list"), "style": st.sampled_from(["1.", "（1）"]),
                           "items": st.lists(sentence, min_size=2, max_size=3)}),
    series_chart,
)
text_section = st.fixed_dictionaries({"kind": st.just("text"), "title": word,
                                      "paragraphs": st.lists(sentence, max_size=2),
                                      "blocks": st.lists(block, max_size=3)})
work_section = st.fixed_dictionaries({
    "kind": st.just("work_items"), "title": word,
    "items": st.lists(st.fixed_dictionaries({"title": word, "paragraphs": st.lists(sentence, min_size=1, max_size=2)}),
                      min_size=1, max_size=3),
})
reports = st.fixed_dictionaries({
    "organisation": word, "year": st.integers(2000, 2030), "opening": st.lists(sentence, max_size=2),
    "numbering": st.sampled_from([["一、", "（一）"], ["一、", "1."], ["一、", "【】"]]),
    "sections": st.lists(st.one_of(text_section, work_section), min_size=1, max_size=4),
})


@settings(max_examples=12, deadline=None)
@given(reports)
def test_random_reports_round_trip(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        first = annual_docx.render(annual_docx.validate(data), tmp / "first.docx")
        imported = read_report(first, tmp / "assets", tmp)
        second = annual_docx.render(imported.report, tmp / "second.docx")
        assert headings(second) == headings(first)
        assert facts(second) == facts(first)
