"""Property test: random valid reports — trees of sections 1–4 levels deep, any block at any level, attachments
holding blocks — each render to a document that reopens, passes openxml-audit, holds every string of the report,
and whose headings are in the Word heading style of their level with the number their place gives them.

The oracle shares no code with the library: the characters a document cannot hold are dropped by this file's own
rule, numbers are written by its own table, heading levels and numbers come from walking the input data.

Profiles: ``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) runs 1,000 examples; the default runs 25 so local runs stay
quick.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from pathlib import Path
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator
from PIL import Image

import annual_docx

settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

NASTY = ["{{ title }}", "{% if x %}", "{_{ y }_}", "{_%", "%_}", "<w:p/>", "&amp;", "]]>", "\"'\\", "𠀀", "😀",
         "\t", "\n", "\x07", "\x0c", "\r\n", "\x85", "\x7f", "年报。", "&#95;", "{{r x }}"]
CJK = "曲阜市图书馆年度工作报告一二三四五六七八九十，。；：“”（）《》、𠀀𪚥😀"

text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.text(st.sampled_from(CJK), min_size=1, max_size=60),
    st.lists(st.sampled_from(NASTY + list(CJK)), min_size=1, max_size=8).map("".join),
).filter(lambda s: s.strip() != "")
paragraphs = st.lists(text, min_size=1, max_size=2)
plain = text.filter(lambda s: "*" not in s)  # ** and * mark emphasis in paragraph blocks (tested in test_blocks)
cell = st.one_of(text.map(lambda s: "表" + s), st.integers(0, 10**7))  # "表…" never reads as a number
LABEL_CHARS = "图书馆办公室采编部外借处阅览室少儿数字资源高级中级初级职称本科研究生ABC123"
label = st.text(st.sampled_from(LABEL_CHARS), min_size=1, max_size=12)  # characters the chart font covers
count = st.integers(min_value=0, max_value=10_000)
GBT = ["一、", "（一）", "1.", "（1）"]


def _photo() -> str:
    folder = Path(tempfile.mkdtemp(prefix="annual_docx_property_"))
    Image.new("RGB", (64, 48), "teal").save(folder / "p.png")
    return str(folder / "p.png")


PHOTO = _photo()


def table_block() -> st.SearchStrategy[dict[str, Any]]:
    return st.integers(1, 3).flatmap(lambda n: st.fixed_dictionaries({
        "type": st.just("table"), "header": st.lists(text, min_size=n, max_size=n),
        "rows": st.lists(st.lists(cell, min_size=n, max_size=n), max_size=3)}, optional={"title": text}))


BLOCKS = [
    st.fixed_dictionaries({"type": st.just("paragraph"), "text": plain}),
    st.fixed_dictionaries({"type": st.just("list"), "style": st.sampled_from(["1.", "（1）"]),
                           "items": st.lists(text, min_size=1, max_size=3)}),
    table_block(),
    st.fixed_dictionaries({"type": st.just("form"), "items": st.dictionaries(text, text, min_size=1, max_size=3)},
                          optional={"title": text}),
    st.fixed_dictionaries({"type": st.just("indicators"), "indicators": st.lists(st.fixed_dictionaries(
        {"name": text, "value": count}, optional={"last_year": count}), min_size=1, max_size=3)}),
    st.fixed_dictionaries({"type": st.just("chronology"), "events": st.lists(
        st.fixed_dictionaries({"date": text, "event": text}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("chart"), "title": label, "chart": st.sampled_from(["line", "bar", "pie"]),
                           "labels": st.lists(label, min_size=2, max_size=3, unique=True), "caption": text})
    .flatmap(lambda c: st.fixed_dictionaries({**{k: st.just(v) for k, v in c.items()}, "series": st.fixed_dictionaries(
        {"数量": st.lists(st.integers(1, 500), min_size=len(c["labels"]), max_size=len(c["labels"]))})})),
    st.fixed_dictionaries({"type": st.just("org_chart"), "caption": text, "units": st.lists(st.fixed_dictionaries(
        {"name": label, "children": st.lists(st.fixed_dictionaries({"name": label}), max_size=4)}),
        min_size=1, max_size=1)}),
    st.fixed_dictionaries({"type": st.just("party"), "chart": st.just(False), "branches": st.lists(
        st.fixed_dictionaries({"name": text, "roles": st.lists(st.fixed_dictionaries({"title": text, "name": text}),
                                                               min_size=1, max_size=2)}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("breakdown"), "title": label, "paragraphs": paragraphs,  # drawn: label
                           "chart": st.sampled_from(["none", "bar"]),
                           "categories": st.dictionaries(label, st.integers(1, 50), min_size=1, max_size=3)}),
    st.fixed_dictionaries({"type": st.sampled_from(["photos", "gallery"]), "photos": st.lists(st.fixed_dictionaries(
        {"path": st.just(PHOTO), "caption": text, "width_mm": st.floats(min_value=20, max_value=156)}),
        min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("awards"), "awards": st.lists(st.fixed_dictionaries({"name": text}),
                                                                         min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("page_break")}),
]
blocks = st.lists(st.one_of(*BLOCKS), max_size=3)


def section(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """A section at ``depth`` (1–4): any blocks, subsections down to level 4; older kinds above the last level."""
    below = st.lists(section(depth + 1), max_size=2) if depth < 4 else st.just([])
    generic = st.fixed_dictionaries({"title": text, "sections": below}, optional={
        "numbered": st.sampled_from([False, True]), "paragraphs": paragraphs, "blocks": blocks, "closing": blocks})
    if depth == 4:
        return generic
    shorthand = st.one_of(
        st.fixed_dictionaries({"kind": st.just("work_items"), "title": text, "items": st.lists(
            st.fixed_dictionaries({"title": text, "paragraphs": paragraphs}), min_size=1, max_size=2)}),
        st.fixed_dictionaries({"kind": st.just("personnel"), "title": text, "breakdowns": st.lists(
            st.fixed_dictionaries({"title": text, "paragraphs": paragraphs, "chart": st.just("none"),
                                   "categories": st.dictionaries(text, count, min_size=1, max_size=3)}),
            min_size=1, max_size=2)}, optional={"blocks": blocks, "sections": below}),
        st.fixed_dictionaries({"kind": st.just("text"), "title": text, "paragraphs": paragraphs}),
    )
    return st.one_of(generic, generic, shorthand)


reports = st.fixed_dictionaries(
    {"organisation": text, "year": st.integers(1949, 2100), "opening": st.lists(text, max_size=2),
     "sections": st.lists(section(1), min_size=1, max_size=3),
     # each level numbered in its GB/T 9704 style or not at all (several levels may be unnumbered); levels past
     # the list are unnumbered
     "numbering": st.lists(st.booleans(), min_size=1, max_size=4).map(
         lambda on: [GBT[i] if n else "无" for i, n in enumerate(on)])},
    optional={"title": text, "signature": text, "date": st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
              "official": st.fixed_dictionaries({}, optional={
                  "cc": st.lists(text, min_size=1, max_size=12), "printer": text,
                  "print_date": st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
                  "attachments": st.lists(st.fixed_dictionaries({"title": text}, optional={
                      "paragraphs": paragraphs, "blocks": blocks}), max_size=2)})},
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cleaned(value: str) -> str:
    """The oracle's own rule for what a document can hold: no C0 controls but tab and newline (CR and CRLF become
    newlines), no DEL or C1 controls, no U+FFFE/U+FFFF."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\t\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F
                                                              or ch in "\ufffe\uffff"))


NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def numbered(style: str, n: int, title: str) -> str:
    """The oracle's heading numbers: 一、 （一） 1. （1）, for the few siblings a generated report has."""
    return {"一、": f"{NUMERALS[n - 1]}、", "（一）": f"（{NUMERALS[n - 1]}）", "1.": f"{n}.", "（1）": f"（{n}）",
            "无": ""}[style] + title


def expected_headings(sections: list[Any], numbering: list[str], depth: int = 1) -> list[tuple[int, str]]:
    """Walk the validated tree and return (Word heading level, text) of every heading in document order: a level's
    style by its depth, its number counted among the numbered headings under the same parent."""
    out: list[tuple[int, str]] = []
    style = numbering[depth - 1] if depth <= len(numbering) else "无"
    n = 0
    level = min(depth, 4)
    for sec in sections:
        numbered_here = getattr(sec, "numbered", True) and style != "无"
        n += numbered_here
        out.append((level, numbered(style, n, cleaned(sec.title)) if numbered_here else cleaned(sec.title)))
        out += children_headings(sec, numbering, depth + 1)
    return out


def children_headings(sec: Any, numbering: list[str], depth: int) -> list[tuple[int, str]]:
    """Headings inside one section: breakdowns (its own and those of a personnel section) and work items are headings
    one level down, numbered with the subsections; order: breakdowns among blocks, subsections, closing blocks."""
    style = numbering[depth - 1] if depth <= len(numbering) else "无"
    level, n, out = min(depth, 4), 0, []

    def heading(title: str) -> None:
        nonlocal n
        n += style != "无"
        out.append((level, numbered(style, n, title) if style != "无" else title))

    lead = [*getattr(sec, "breakdowns", [])]
    for b in [*lead, *getattr(sec, "blocks", [])]:
        if getattr(b, "type", "breakdown") == "breakdown":
            heading(cleaned(b.title) + f"（共{sum(b.categories.values())}人）")
    subs: list[Any] = [*getattr(sec, "items", []), *getattr(sec, "sections", [])]
    for sub in subs:
        numbered_here = getattr(sub, "numbered", True) and style != "无"
        n += numbered_here
        out.append((level, numbered(style, n, cleaned(sub.title)) if numbered_here else cleaned(sub.title)))
        out += children_headings(sub, numbering, depth + 1)
    for b in getattr(sec, "closing", []):
        if b.type == "breakdown":
            heading(cleaned(b.title) + f"（共{sum(b.categories.values())}人）")
    return out


def expected_strings(report: annual_docx.Report) -> list[str]:
    """The report's strings that appear verbatim in the document (role lines are re-spaced: only branch names)."""
    out = [*report.opening, report.signature or ""]  # the title is checked apart: it may be broken into lines
    official = report.official
    if official:
        out += [*official.cc, official.printer or ""]
        for attachment in official.attachments:
            out += [attachment.title, *attachment.paragraphs]
            out += [s for block in attachment.blocks for s in block_strings(block)]
    out += [s for sec in report.sections for s in section_strings(sec)]
    return [cleaned(s) for s in out if s]


def section_strings(sec: Any) -> list[str]:
    out = [*sec.paragraphs]
    for item in getattr(sec, "items", []):
        out += [item.title, *item.paragraphs]
    for b in getattr(sec, "breakdowns", []):
        out += [b.title, *b.paragraphs]
    for block in [*sec.blocks, *sec.closing]:
        out += block_strings(block)
    for sub in sec.sections:
        out += [sub.title, *section_strings(sub)]
    return out


def block_strings(block: Any) -> list[str]:
    """The strings of a block that appear verbatim; numbers as the oracle writes them (``1,234``)."""
    kind = block.type
    if kind == "paragraph":
        return [block.text]
    if kind == "list":
        return list(block.items)
    if kind == "chronology":
        return [s for e in block.events for s in (e.date, e.event)]
    if kind == "table":
        cells = [*block.header, *(c for r in block.rows for c in r)]
        return [f"{c:,}" if isinstance(c, int) else str(c) for c in cells] + ([block.title] if block.title else [])
    if kind == "form":
        return [s for k, v in block.items.items() for s in (k, v)] + ([block.title] if block.title else [])
    if kind == "indicators":
        return [i.name for i in block.indicators]
    if kind in ("chart", "org_chart"):
        return [block.caption] if block.caption else []
    if kind == "party":
        return [b.name for b in block.branches]
    if kind == "breakdown":
        return [block.title, *block.paragraphs]
    if kind in ("photos", "gallery"):
        return [p.caption for p in block.photos if p.caption]
    if kind == "awards":  # a name not already quoted gets “”, and quotes inside it become single quotes
        return [a.name if a.name[0] in "“《\"" else a.name.replace("“", "‘").replace("”", "’") for a in block.awards]
    return []


@functools.cache
def _audit() -> tuple[OpenXmlValidator, frozenset[str]]:
    """Return the validator and the errors the unrendered template itself carries (none once the template is
    schema-clean), which rendered documents may share but never add to."""
    validator = OpenXmlValidator()
    baseline = frozenset(str(e) for e in validator.validate(str(annual_docx.default_template())).errors)
    return validator, baseline


def paragraph_text(p: Any) -> str:
    """The text of paragraph ``p`` itself (tabs, line breaks), not of paragraphs nested in it (a text box)."""
    marks = {"tab": "\t", "br": "\n", "cr": "\n"}
    return "".join(marks.get(node.tag[len(W):], node.text or "")
                   for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
                   if next(node.iterancestors(f"{W}p")) is p)


@given(reports)
def test_random_report_tree_renders_to_a_valid_document(data: dict[str, Any]) -> None:
    """Any valid report tree renders; the file reopens, has no openxml-audit errors beyond the template's own,
    holds every string of the report, and its headings are exactly the tree's, each in its level's style."""
    report = annual_docx.validate(data)
    validator, baseline = _audit()
    with tempfile.TemporaryDirectory() as folder:
        out = annual_docx.render(report, Path(folder) / "r.docx")
        body = docx.Document(str(out)).element.body
        errors = {str(e) for e in validator.validate(str(out)).errors}
    texts = [paragraph_text(p) for p in body.iter(f"{W}p")]  # body, tables and text boxes (the 版记)
    assert errors <= baseline, errors - baseline
    # a long caption is broken into balanced lines with w:br (so no line holds one character): a string may span them
    joined = [t.replace("\n", "") for t in texts]
    missing = [s for s in expected_strings(report)
               if not any(s in t for t in texts) and not any(s.replace("\n", "") in t for t in joined)]
    assert missing == []
    # contract: a given title is printed as written (nothing when it holds no printable text); without one, the
    # default title needs both the year and the organisation
    if report.title is not None:
        title = cleaned(report.title)
    elif report.year is not None and report.organisation is not None:
        title = f"{report.year}年度{cleaned(report.organisation)}工作年报"
    else:
        title = ""
    squashed_title = "".join(title.split())
    title_styled = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='Title']") is not None]
    if squashed_title:  # long titles break at spaces (GB/T 9704 7.3.1)
        assert any(squashed_title == "".join(t.split()) for t in texts)
    else:
        assert not [p for p in title_styled if paragraph_text(p).strip()]
    styles = [(p, p.find(f"{W}pPr/{W}pStyle")) for p in body.iter(f"{W}p")]
    headings = [(int(style.get(f"{W}val")[-1]), paragraph_text(p)) for p, style in styles
                if style is not None and style.get(f"{W}val", "").startswith("Heading")]
    numbering = list(report.numbering)
    wanted = expected_headings(list(report.sections), numbering)
    for attachment in report.official.attachments if report.official else []:
        wanted += children_headings(attachment, numbering, 1)
    assert headings == wanted
