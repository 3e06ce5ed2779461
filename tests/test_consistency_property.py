"""The consistency law (issue 21), as a property test: ``import(render(report))`` gives the report back — its title
(or none), year and organisation (or none), the section tree with each heading's title and whether it is run-in,
every paragraph and heading with its superscript/subscript markup, and table numbers in the form they were
written.

The oracle is this file: it states what each generated report must come back as, from the generated data alone
(no library code formats or compares anything). 20 examples locally, 300 under HYPOTHESIS_PROFILE=ci.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import annual_docx
from annual_docx._import import read_report

WORDS = "读者服务开展活动完成分馆建设文化阅读推广数字资源ABCxyz"
word = st.text(st.sampled_from(WORDS), min_size=1, max_size=10)
script = st.one_of(st.builds(lambda n: f"^{{{n}}}", st.sampled_from(["2", "6", "-3", "10"])),
                   st.builds(lambda n: f"_{{{n}}}", st.sampled_from(["2", "i", "max"])),
                   st.just("\\^{x}"), st.just("\\_{y}"))
sentence = st.builds(lambda a, s, b: f"{a}{s}，{b}。", word, st.one_of(st.just(""), script), word)
written_number = st.one_of(st.sampled_from(["156.40", "1.0", "1223474", "0.50", "12"]), st.integers(0, 99_999))
table = st.integers(2, 3).flatmap(lambda n: st.fixed_dictionaries({
    "type": st.just("table"),
    "header": st.lists(word, min_size=n, max_size=n, unique=True),
    "rows": st.lists(st.tuples(word, *[written_number] * (n - 1)).map(list), min_size=1, max_size=3),
}))


def sections(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    children = st.lists(sections(depth + 1), max_size=2) if depth < 4 else st.just([])
    title = st.builds(lambda w, s: w + s, word, st.one_of(st.just(""), script))
    return st.builds(_section, st.just(depth), title, st.booleans(), st.lists(sentence, max_size=2),
                     st.lists(table, max_size=1), children)


def _section(depth: int, title: str, run_in: bool, paragraphs: list[str], blocks: list[Any],
             children: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": title, "paragraphs": paragraphs, "blocks": blocks, "sections": children}
    if run_in and paragraphs:
        out["run_in"] = True
        out["title"] = f"{title}。"  # a run-in title ends its sentence (the model requires it)
    return out


def _head(org: str | None, year: int | None, title: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if org is not None:
        out["organisation"] = org
    if year is not None:
        out["year"] = year
    if title is not None:
        out["title"] = title
    return out


heads = st.one_of(
    # the default title {year}年度{organisation}工作年报
    st.builds(_head, st.sampled_from(["某县图书馆", "曲阜市文化馆"]), st.integers(1900, 2099), st.none()),
    st.builds(_head, st.none(), st.none(), st.none()),  # no title, year or organisation
    st.builds(_head, st.none(), st.none(), st.just("")),  # "no title", said outright
)
attachments = st.lists(st.builds(lambda title, secs: {"title": title, "sections": secs},
                                  word, st.lists(sections(1), min_size=1, max_size=2)),
                        max_size=2, unique_by=lambda a: a["title"])
"""附件 holding sections: their headings start again at level 1 (一、) on each attachment's page."""


def _report(head: dict[str, Any], opening: list[str], secs: list[Any], pages: list[Any]) -> dict[str, Any]:
    out = {**head, "opening": opening, "sections": secs}
    if pages:
        out["official"] = {"attachments": pages}
    return out


reports = st.builds(_report, heads, st.lists(sentence, max_size=2), st.lists(sections(1), min_size=1, max_size=3),
                    attachments)


def _cell(value: Any) -> str:
    """A table cell as it must print: text as written, an integer with thousands separators."""
    return f"{value:,}" if isinstance(value, int) else str(value)


def _expected_section(data: dict[str, Any]) -> Any:
    tables = [[[_cell(c) for c in row] for row in block["rows"]] for block in data["blocks"]]
    return (data["title"], bool(data.get("run_in")), data["paragraphs"], tables,
            [_expected_section(s) for s in data["sections"]])


def _got_section(section: Any) -> Any:
    tables = [[[_cell(c) for c in row] for row in block.rows] for block in section.blocks if block.type == "table"]
    return (section.title, bool(section.run_in), list(section.paragraphs), tables,
            [_got_section(s) for s in section.sections])


def _expected_title(data: dict[str, Any]) -> str:
    if "title" in data:
        return str(data["title"])
    if "year" in data and "organisation" in data:
        return f"{data['year']}年度{data['organisation']}工作年报"
    return ""


@settings(max_examples=300 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 20, deadline=None)
@given(reports)
def test_import_of_a_render_gives_the_report_back(data: dict[str, Any]) -> None:
    report = annual_docx.validate(data)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rendered = annual_docx.render(report, tmp / "r.docx")
        back = read_report(rendered, tmp / "assets", tmp).report
    assert isinstance(back, annual_docx.Report)
    assert back.full_title == _expected_title(data)
    assert back.year == data.get("year") and back.organisation == data.get("organisation")
    assert list(back.opening) == data["opening"]
    assert [_got_section(s) for s in back.sections] == [_expected_section(s) for s in data["sections"]]
    pages = back.official.attachments if back.official else []
    assert [(a.title, [_got_section(s) for s in a.sections]) for a in pages] == \
        [(a["title"], [_expected_section(s) for s in a["sections"]]) for a in data.get("official", {}).get(
            "attachments", [])]


def _level_wide(section: dict[str, Any], depth: int, levels: list[int]) -> dict[str, Any]:
    """The section with run-in set by level: none of its own, and a paragraph wherever its level is run-in."""
    out = {k: v for k, v in section.items() if k != "run_in"}
    if depth in levels:
        out["paragraphs"] = out["paragraphs"] or ["正文一句。"]
        out["title"] = out["title"] if out["title"].endswith("。") else f"{out['title']}。"
    out["sections"] = [_level_wide(s, depth + 1, levels) for s in section["sections"]]
    return out


@settings(max_examples=100 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 10, deadline=None)
@given(reports, st.lists(st.integers(1, 4), max_size=2, unique=True))
def test_every_rendered_report_passes_check(data: dict[str, Any], levels: list[int]) -> None:
    """A report rendered — with whole levels run-in (``run_in_levels``), sup/sub markup, numbers as written, with or
    without a title and year — passes the project's own check. (A level mixing run-in and standalone headings is
    left out: check's 同级标题同一样式 compares paragraph styles, 正文 against 标题 N.)"""
    data = {**data, "run_in_levels": levels, "sections": [_level_wide(s, 1, levels) for s in data["sections"]]}
    if "official" in data:
        data["official"] = {"attachments": [{**a, "sections": [_level_wide(s, 1, levels) for s in a["sections"]]}
                                            for a in data["official"]["attachments"]]}
    with tempfile.TemporaryDirectory() as folder:
        out = annual_docx.render(annual_docx.validate(data), Path(folder) / "r.docx")
        failed = [f"{f.item}: {f.found}" for f in annual_docx.check(out) if not f.ok]
    assert failed == []
