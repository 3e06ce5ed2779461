"""User text as data: walk every string of a report, and drop the characters a Word document cannot hold.

XML 1.0 forbids most C0 control characters (``\\a``, ``\\f``, ``\\v``, ``\\x00`` …), U+FFFE/U+FFFF and lone
surrogates, and discourages DEL and the C1 controls (U+007F–U+009F), which no font draws; docxtpl would also turn
``\\a`` and ``\\f`` into new paragraphs and page breaks. They are removed, and
``\\r\\n`` / ``\\r`` become ``\\n`` (a line break in Word). Tabs and line breaks are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def illegal_characters(text: str) -> list[str]:
    """Return the distinct characters of ``text`` a document cannot hold, as ``U+0007`` codes, sorted."""
    return sorted({f"U+{ord(ch):04X}" for ch in _ILLEGAL.findall(text)})


def clean_text(text: str) -> str:
    """Return ``text`` without XML-illegal characters and with ``\\r\\n`` and ``\\r`` turned into ``\\n``."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(field path, text)`` for every string in a report model, mapping keys included."""
    for where, leaf in walk(value, path):
        if isinstance(leaf, str):
            yield where, leaf


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Yield ``(field path, value)`` for ``value`` and everything inside it (``sections[3].items[1].title``)."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(key, path)
            yield from walk(item, f"{path}.{key}")


def clean(value: Any) -> Any:
    """Return a copy of a report model (or part of one) with :func:`clean_text` applied to every string."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: clean(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value
