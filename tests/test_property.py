"""Property test: random valid reports each render to a document that reopens, passes openxml-audit and holds every
string of the report exactly.

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
from annual_docx._ooxml.record import paragraph_text
from annual_docx._text import clean_text

settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

NASTY = ["{{ title }}", "{% if x %}", "{_{ y }_}", "{_%", "%_}", "<w:p/>", "&amp;", "]]>", "\"'\\", "𠀀", "😀",
         "\t", "\n", "\x07", "\x0c", "\r\n", "年报。", "&#95;", "{{r x }}"]
CJK = "曲阜市图书馆年度工作报告一二三四五六七八九十，。；：“”（）《》、𠀀𪚥😀"

text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.text(st.sampled_from(CJK), min_size=1, max_size=60),
    st.lists(st.sampled_from(NASTY + list(CJK)), min_size=1, max_size=8).map("".join),
).filter(lambda s: s.strip() != "")
paragraphs = st.lists(text, min_size=1, max_size=3)
LABEL_CHARS = "图书馆办公室采编部外借处阅览室少儿数字资源高级中级初级职称本科研究生ABC123"
label = st.text(st.sampled_from(LABEL_CHARS), min_size=1, max_size=12)  # characters the chart font covers
count = st.integers(min_value=0, max_value=10_000)


def _photo() -> str:
    folder = Path(tempfile.mkdtemp(prefix="annual_docx_property_"))
    Image.new("RGB", (64, 48), "teal").save(folder / "p.png")
    return str(folder / "p.png")


PHOTO = _photo()

plain = text.filter(lambda s: "*" not in s)  # ** and * mark emphasis in paragraph blocks (tested in test_blocks)
content_blocks = st.lists(st.one_of(
    st.fixed_dictionaries({"type": st.just("paragraph"), "text": plain}),
    st.fixed_dictionaries({"type": st.just("list"), "style": st.sampled_from(["1.", "（1）"]),
                           "items": st.lists(text, min_size=1, max_size=3)}),
    st.integers(1, 3).flatmap(lambda n: st.fixed_dictionaries({
        "type": st.just("table"), "header": st.lists(text, min_size=n, max_size=n),
        "rows": st.lists(st.lists(text, min_size=n, max_size=n), max_size=3)})),
    st.fixed_dictionaries({"type": st.just("chronology"), "events": st.lists(
        st.fixed_dictionaries({"date": text, "event": text}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("page_break")}),
), max_size=4)

sections = st.one_of(
    st.fixed_dictionaries({"kind": st.just("text"), "title": text, "paragraphs": paragraphs,
                           "blocks": content_blocks}),
    st.fixed_dictionaries({"kind": st.just("text"), "title": text, "paragraphs": paragraphs}),
    st.fixed_dictionaries({"kind": st.just("work_items"), "title": text, "items": st.lists(
        st.fixed_dictionaries({"title": text, "paragraphs": paragraphs}), min_size=1, max_size=3)}),
    st.fixed_dictionaries({"kind": st.just("party"), "title": text, "chart": st.just(False),
                           "branches": st.lists(st.fixed_dictionaries({
        "name": text, "roles": st.lists(st.fixed_dictionaries({"title": text, "name": text}), min_size=1,
                                        max_size=3)}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("party"), "title": text, "branches": st.lists(st.fixed_dictionaries({
        "name": label, "roles": st.lists(st.fixed_dictionaries({"title": label, "name": label}), min_size=1,
                                         max_size=3)}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("personnel"), "title": text, "staff": count, "breakdowns": st.lists(
        st.fixed_dictionaries({"title": text, "paragraphs": paragraphs, "chart": st.just("none"),
                               "categories": st.dictionaries(text, count, min_size=1, max_size=4)}),
        min_size=1, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("personnel"), "title": text, "breakdowns": st.lists(
        st.fixed_dictionaries({"title": label, "chart": st.sampled_from(["pie", "bar"]),
                               "categories": st.dictionaries(label, count, min_size=1, max_size=5)})
        .filter(lambda b: b["chart"] == "bar" or sum(b["categories"].values()) > 0),  # the schema's rule
        min_size=1, max_size=1)}),
    st.fixed_dictionaries({"kind": st.just("org_chart"), "title": text, "units": st.lists(
        st.fixed_dictionaries({"name": label, "children": st.lists(st.fixed_dictionaries({"name": label}),
                                                                   max_size=6)},
                              optional={"head": label}), min_size=1, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("awards"), "title": text, "awards": st.lists(
        st.fixed_dictionaries({"name": text}), min_size=1, max_size=3)}),
    st.fixed_dictionaries({"kind": st.just("photos"), "title": text, "per_row": st.integers(1, 3), "photos": st.lists(
        st.fixed_dictionaries({"path": st.just(PHOTO), "caption": text, "alt": text,
                               "width_mm": st.floats(min_value=20, max_value=156)}), min_size=1, max_size=2)}),
)
reports = st.fixed_dictionaries(
    {"organisation": text, "year": st.integers(1949, 2100), "opening": st.lists(text, max_size=3),
     "sections": st.lists(sections, min_size=1, max_size=4)},
    optional={"title": text, "signature": text, "date": st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
              "numbering": st.permutations(["一、", "（一）", "1.", "（1）"]).map(lambda n: n[:2]),
              "official": st.fixed_dictionaries({}, optional={  # the 版记, moved into a text box after rendering
                  "cc": st.lists(text.filter(str.strip), min_size=1, max_size=12), "printer": text.filter(str.strip),
                  "print_date": st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31))})},
)


W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
TXBX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"


@functools.cache
def _audit() -> tuple[OpenXmlValidator, frozenset[str]]:
    """Return the validator and the errors the unrendered template itself carries (none once the template is
    schema-clean), which rendered documents may share but never add to."""
    validator = OpenXmlValidator()
    baseline = frozenset(str(e) for e in validator.validate(str(annual_docx.default_template())).errors)
    return validator, baseline


def expected_strings(report: annual_docx.Report) -> list[str]:
    """Return the report's strings that appear verbatim in the document body (role lines are re-spaced)."""
    out = [*report.opening, report.signature or ""]  # the title is checked apart: it may be broken into lines
    if report.official:
        out += [*report.official.cc, report.official.printer or ""]
    for section in report.sections:
        out += [section.title, *section.paragraphs]
        for name, value in section:
            if name == "items":
                out += [s for item in value for s in (item.title, *item.paragraphs)]
            elif name == "branches":
                out += [branch.name for branch in value]
            elif name == "breakdowns":
                out += [s for b in value for s in (b.title, *b.paragraphs)]
            elif name == "awards":
                out += [award.name for award in value]
            elif name == "photos":
                out += [photo.caption for photo in value if photo.caption]
            elif name == "blocks":
                out += [s for block in value for s in block_strings(block)]
    return [clean_text(s) for s in out if s]


def block_strings(block: Any) -> list[str]:
    """Return the strings of a content block that appear verbatim (table cells that read as numbers are
    reformatted with separators, so they are left out)."""
    from annual_docx._blocks import _is_number

    if block.type == "paragraph":
        return [block.text]
    if block.type == "list":
        return list(block.items)
    if block.type == "chronology":
        return [s for e in block.events for s in (e.date, e.event)]
    if block.type == "table":
        return [str(c) for c in [*block.header, *(c for r in block.rows for c in r)] if not _is_number(c)]
    return []


@given(reports)
def test_random_valid_report_renders_to_a_valid_document(data: dict[str, Any]) -> None:
    """Any valid report renders; the file reopens, has no openxml-audit errors beyond the template's own, and holds
    every string of the report exactly."""
    report = annual_docx.validate(data)
    validator, baseline = _audit()
    with tempfile.TemporaryDirectory() as folder:
        out = annual_docx.render(report, Path(folder) / "r.docx")
        document = docx.Document(str(out))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        texts += [paragraph_text(p) for box in document.element.body.iter(TXBX)  # text boxes (the 版记)
                  for p in box.iter(W_P)]
        errors = {str(e) for e in validator.validate(str(out)).errors}
    assert errors <= baseline, errors - baseline
    missing = [s for s in expected_strings(report) if not any(s in t for t in texts)]
    assert missing == []
    squashed_title = "".join(clean_text(report.full_title).split())
    assert any(squashed_title == "".join(t.split()) for t in texts)  # long titles break at spaces (GB/T 9704 7.3.1)
