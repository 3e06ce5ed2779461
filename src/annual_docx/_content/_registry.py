"""One registry of block types: for each block model, its builder and its Chinese name (JSON Schema and docs).
Builder modules register with :func:`block_type`; :func:`entry` finds the entry of a block.

A block type is declared once: the model in ``schema_blocks`` / ``schema_figures`` (with its lint rule, the model's
``lint_problems``: lint runs in the model layer, below this one), its builder and names in the ``@block_type``
registration next to the builder. ``tests/test_registry.py`` fails when a model of the
:data:`ContentBlock` union has no entry here, or an entry no docs section.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from annual_docx._content._piece import Block
from annual_docx.errors import InputError

if typing.TYPE_CHECKING:
    from annual_docx._content._drawing import Drawer

BUILDER_MODULES = (
    "annual_docx._content._blocks", "annual_docx._content._build_text", "annual_docx._content._build_figures")
"""The modules whose ``@block_type`` registrations make up the registry."""


@dataclass
class Scope:
    """Where a block is built: its field path, the drawer, the title of its section, and the next heading one
    level down (a breakdown's title is such a heading, numbered among the section's subsections)."""

    path: str
    drawer: Drawer
    section_title: str
    heading: Callable[[str], Block]
    item_number: Callable[[int], str]


Builder = Callable[[Any, Scope], Iterator[Block]]


@dataclass(frozen=True)
class BlockType:
    """Everything about one block type but its model."""

    model: type
    build: Builder
    chinese: str
    table_like: bool = False  # a table: two in a row get an empty paragraph between them (Word would merge them)


_REGISTRY: dict[type, BlockType] = {}
F = TypeVar("F", bound=Builder)


def block_type(model: type, chinese: str, *, table_like: bool = False) -> Callable[[F], F]:
    """Register the decorated function as the builder of ``model`` blocks."""

    def register(build: F) -> F:
        if model in _REGISTRY:
            raise RuntimeError(f"block model {model.__name__} registered twice")
        _REGISTRY[model] = BlockType(model, build, chinese, table_like)
        return build

    return register


def registry() -> dict[type, BlockType]:
    """Return every registered block type, importing the builder modules the first time."""
    for name in BUILDER_MODULES:
        importlib.import_module(name)
    return _REGISTRY


def entry(block: Any, path: str) -> BlockType:
    """Return the registry entry of ``block``; an unregistered model is a clear error naming the field."""
    found = registry().get(type(block))
    if found is None:
        raise InputError(f"{path}: 不支持的内容块类型 {type(block).__name__} / unsupported block type "
                         f"{type(block).__name__}")
    return found


def union_models() -> list[type]:
    """Return the models of the :data:`ContentBlock` union, in its order."""
    from annual_docx._model.schema_blocks import ContentBlock

    return list(typing.get_args(typing.get_args(ContentBlock)[0]))
