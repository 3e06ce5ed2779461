"""The block registry: every block model in the union is registered once, with a builder, a Chinese name and a
docs entry; an unregistered block is a clear error, not a silent omission."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from annual_docx import schema_blocks as sb
from annual_docx._registry import entry, registry, union_models
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
