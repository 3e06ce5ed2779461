"""The YAML writer of the importer: any report data reads back the same, with the notes as comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_docx._import.yaml_out import to_yaml

scalars = st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.booleans(), st.none(), st.dates(dt.date(1949, 1, 1), dt.date(2100, 1, 1)),
                    st.sampled_from(["1.", "（1）", "3,810人", "- x", "a: b", "# c", "'", '"', "\n", "a\nb", "yes",
                                     "~", "null", "*", "&a", "!x", "{", "[", "% x", "@", "`"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=5))
def test_any_data_reads_back_the_same(data: dict[str, Any]) -> None:
    assert yaml.safe_load(to_yaml(data, {}, "x.docx")) == data


def test_notes_are_comments_above_their_field() -> None:
    data = {"organisation": "某馆", "sections": [{"title": "一", "blocks": [{"type": "paragraph", "text": "x"}]}]}
    notes = {"organisation": ["单位名称取自标题 / from the title"], "sections[0].blocks[0]": ["猜的 / guessed"]}
    text = to_yaml(data, notes, "x.docx")
    assert yaml.safe_load(text) == data
    lines = text.splitlines()
    assert lines[lines.index("organisation: 某馆") - 1] == "# 单位名称取自标题 / from the title"
    at = next(i for i, line in enumerate(lines) if "type: paragraph" in line)
    assert lines[at - 1].strip() == "# 猜的 / guessed"
