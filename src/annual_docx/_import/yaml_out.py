"""Write report data as YAML with comments: a header saying where it came from, and above each key or list item
the notes on what was guessed there."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    text = text.removesuffix("\n...\n").removesuffix("\n")
    if any(c in text for c in "\n\r\x85\u2028\u2029"):  # a YAML line break: one double-quoted line with escapes
        text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True, default_style='"')
        text = text.removesuffix("\n...\n").removesuffix("\n")
    return text


def _comments(notes: dict[str, list[str]], path: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for message in notes.get(path, []) for line in message.splitlines()]


def _emit(value: Any, path: str, indent: str, notes: dict[str, list[str]], out: list[str]) -> None:
    """Append the lines of a mapping or list ``value`` (its key already written)."""
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else str(key)
            out += _comments(notes, sub, indent)
            name = _scalar(str(key))
            if isinstance(item, (dict, list)) and item and not _flat(item):
                out.append(f"{indent}{name}:")
                _emit(item, sub, indent + "  ", notes, out)
            else:
                out.append(f"{indent}{name}: {_inline(item)}")
        return
    for n, item in enumerate(value):
        sub = f"{path}[{n}]"
        out += _comments(notes, sub, indent)
        if isinstance(item, dict) and item:
            lines: list[str] = []
            _emit(item, sub, indent + "  ", notes, lines)
            inner = indent + "  "
            first = next(i for i, line in enumerate(lines) if not line.startswith(inner + "#"))
            out += lines[:first]
            out.append(f"{indent}- {lines[first].removeprefix(inner)}")
            out += lines[first + 1:]
        elif isinstance(item, list) and item and not _flat(item):
            out.append(f"{indent}-")
            _emit(item, sub, indent + "  ", notes, out)
        else:
            out.append(f"{indent}- {_inline(item)}")


def _flat(value: Any) -> bool:
    """Return whether ``value`` is a short list of scalars, written on one line."""
    return isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value) and \
        sum(len(str(v)) for v in value) <= 60


def _inline(value: Any) -> str:
    """Return ``value`` on one line; lists and mappings in flow style, where commas need quoting."""
    return _scalar(value)


def to_yaml(data: dict[str, Any], notes: dict[str, list[str]], source: str) -> str:
    """Return ``data`` as YAML text with ``notes`` as comments; ``source`` names the imported file."""
    out = [f"# 由 annual-docx import 从 {source} 导入；请核对带“#”说明的地方。",
           f"# Imported by annual-docx import from {source}; check the places the comments point out.",
           *_comments(notes, "", ""), ""]
    _emit(data, "", "", notes, out)
    return "\n".join(out) + "\n"
