"""The block registry: every block model in the union is registered once, with a builder, a Chinese name and a
docs entry; an unregistered block is a clear error, not a silent omission."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from annual_docx._content._registry import entry, registry, union_models
from annual_docx._model import schema_blocks as sb
from annual_docx.errors import InputError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "model.md"


def test_every_model_in_the_block_union_has_a_builder() -> None:
    """Adding a model to ContentBlock without registering a builder fails here."""
    missing = [m.__name__ for m in union_models() if m not in registry()]
    assert missing == []
    assert set(registry()) == set(union_models())


def test_every_block_type_has_a_chinese_name_and_a_docs_entry() -> None:
    """Each type value appears in the model docs' block table, and each entry names it in Chinese."""
    docs = DOCS.read_text(encoding="utf-8")
    for model, kind in registry().items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in kind.chinese), model.__name__
        for tag in typing.get_args(model.model_fields["type"].annotation):
            assert f"`{tag}`" in docs, tag


def test_an_unregistered_block_is_an_error_naming_the_field() -> None:
    """A block the registry does not know never becomes an internal error or a silent gap."""
    class Stray(sb.ParagraphBlock):
        pass

    with pytest.raises(InputError, match=r"sections\[0\]\.blocks\[2\].*Stray"):
        entry(Stray(type="paragraph", text="x"), "sections[0].blocks[2]")


def test_every_block_example_in_the_format_docs_is_valid() -> None:
    """Each block type has a short example in docs/report-format.md, and each example validates (picture paths
    as in examples/)."""
    import re

    import yaml

    import annual_docx

    docs = (DOCS.parent / "report-format.md").read_text(encoding="utf-8")
    snippets = [yaml.safe_load(s) for s in re.findall(r"```yaml\n(- .*?)```", docs, re.S)]
    shown = {block["type"] for snippet in snippets for block in snippet}
    tags = {tag for model in registry() for tag in typing.get_args(model.model_fields["type"].annotation)}
    assert tags <= shown, tags - shown
    for snippet in snippets:
        annual_docx.validate({"organisation": "某馆", "year": 2021, "sections": [{"title": "示例", "blocks": snippet}]},
                             base_dir=DOCS.parents[1] / "examples")
