"""The report file as the page edits it: YAML read in ruamel.yaml's round-trip mode, the page's data merged in
where it differs, written back atomically.

Only what changed is replaced: a key, a list item or a value the page did not touch keeps its comments, quotes,
flow style and place. When the page's data equals the file's, the file's own bytes are written back, so opening and
saving without a change leaves the file byte-identical. The indentation is the one (of the usual layouts) that
reproduces the file as read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from annual_docx._atomic import replacing
from annual_docx.errors import InputError, OutputError

FLOW_WIDTH = 60  # a new list of short items up to this many characters is written on one line
FLOW_KEYS = frozenset({"labels", "header", "numbering", "widths"})  # … when it is one of these, a row, or numbers
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 4, 0), (4, 6, 4), (4, 4, 0))  # (mapping, sequence, offset)


def version_of(raw: bytes) -> str:
    """The file's version as the page holds it: a hash of its bytes (a save names the version it started from)."""
    return hashlib.sha256(raw).hexdigest()[:20]


def _yaml(layout: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # long Chinese paragraphs stay on one line, as people write them
    yaml.allow_unicode = True
    mapping, sequence, offset = layout
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def plain(value: Any) -> Any:
    """Return ``value`` (ruamel's round-trip types) as plain JSON data: mappings, lists, text, numbers, booleans;
    dates as ISO text, as the library's own loader keeps them."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def _merge(old: Any, new: Any, key: Any = None) -> Any:
    """Return ``old`` updated to equal ``new``, reusing ``old``'s nodes (and their comments) wherever they agree.

    ruamel keeps the comment lines after a mapping's or list's last entry with that entry (``# 落款`` above
    ``signature:`` belongs to the last section); when entries are added after it or it is removed, those lines move
    to the new last entry, so they stay where the reader sees them."""
    if plain(old) == new:
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        last = list(old)[-1] if len(old) else None
        trailing = ""
        for key in [k for k in old if str(k) not in new]:
            if key == last:
                trailing = _take_trailing(old)
            del old[key]
        for position, (key, value) in enumerate(new.items()):
            if key in old:
                old[key] = _merge(old[key], value, key)
            else:
                if position >= len(old) and not trailing:
                    trailing = _take_trailing(old)
                old.insert(min(position, len(old)), key, _fresh(value, key))
        _give_trailing(old, trailing)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        trailing = _take_trailing(old) if len(new) != len(old) else ""
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value, index)
            else:
                old.append(_fresh(value, index))
        del old[len(new):]
        _give_trailing(old, trailing)
        return old
    return _fresh(new, key)


def _block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _slot(node: CommentedMap | CommentedSeq) -> tuple[Any, int]:
    """The last entry of ``node`` and the index, in its comment list, of the comment after it."""
    return (list(node)[-1], 2) if isinstance(node, CommentedMap) else (len(node) - 1, 0)


def _take_trailing(node: Any) -> str:
    """Remove and return the comment lines (and blank lines) after the last entry of ``node``, at any depth; an
    end-of-line comment stays where it is."""
    taken: list[str] = []
    while _block(node):
        if isinstance(node, CommentedSeq) and node.ca.end:
            taken.insert(0, "".join(token.value for token in node.ca.end))
            node.ca.end = []
        key, index = _slot(node)
        comments = node.ca.items.get(key)
        if comments and len(comments) > index and comments[index] is not None:
            inline, newline, rest = comments[index].value.partition("\n")
            if rest:
                comments[index].value = inline + newline
                taken.insert(0, rest)
        node = node[key]
    return "".join(taken)


def _give_trailing(node: Any, text: str) -> None:
    """Put comment lines taken by :func:`_take_trailing` after the last entry of ``node``."""
    if not text or not _block(node):
        return
    while _block(node[_slot(node)[0]]):
        node = node[_slot(node)[0]]
    key, index = _slot(node)
    comments = node.ca.items.setdefault(key, [None, None, None, None])
    if comments[index] is None:
        comments[index] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        comments[index].value = comments[index].value.rstrip("\n") + "\n" + text


def _fresh(value: Any, key: Any = None) -> Any:
    """New data from the page as round-trip nodes, in block style like the rest of a hand-written file; a short
    table row, chart values, labels or header on one line (``[项目, 120, 135]``), as the examples write them."""
    if isinstance(value, dict):
        node = CommentedMap()
        for name, item in value.items():
            node[name] = _fresh(item, name)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(item, index) for index, item in enumerate(value))
        scalars = all(isinstance(item, (str, int, float)) and "\n" not in str(item) for item in value)
        short = sum(len(str(item)) + 2 for item in value) <= FLOW_WIDTH
        row = isinstance(key, int) or key in FLOW_KEYS or any(isinstance(item, (int, float)) for item in value)
        if value and scalars and short and row:
            seq.fa.set_flow_style()
        return seq
    return value


class YamlDocument:
    """One report file: its bytes, its round-trip tree, its plain data and version."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.suffix.lower() not in (".yaml", ".yml"):
            raise InputError(f"{path}: 编辑器只编辑 .yaml 报告文件 / the editor edits .yaml report files only")
        try:
            self.raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: 无法读取文件 / cannot read the file: {exc.strerror}") from None
        self.version = version_of(self.raw)
        try:
            text = self.raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{path}: 编辑器只能打开 UTF-8 文件 / the editor opens UTF-8 files only") from None
        self._bom = self.raw.startswith(b"\xef\xbb\xbf")
        self.layout = _layout(text)
        try:
            tree = _yaml(self.layout).load(text)
        except YAMLError as exc:
            raise InputError(f"{path}: YAML 语法错误 / YAML syntax error: {exc}") from None
        if tree is None:
            tree = CommentedMap()
        if not isinstance(tree, CommentedMap):
            raise InputError(f"{path}: 顶层应为键值表 / the top level must be a mapping")
        self._tree = tree
        self.data: dict[str, Any] = plain(tree)

    def text_for(self, data: dict[str, Any]) -> bytes:
        """Return the file's bytes with ``data`` merged in; the file's own bytes when nothing changed."""
        if data == self.data:
            return self.raw
        tree = _merge(_yaml(self.layout).load(self.raw.decode("utf-8-sig")), data)
        out = io.StringIO()
        _yaml(self.layout).dump(tree, out)
        return (b"\xef\xbb\xbf" if self._bom else b"") + out.getvalue().encode("utf-8")


def _layout(text: str) -> tuple[int, int, int]:
    """The indentation that writes ``text`` back as it is (or with the fewest changed lines)."""
    best: tuple[int, tuple[int, int, int]] | None = None
    for layout in _LAYOUTS:
        yaml = _yaml(layout)
        try:
            out = io.StringIO()
            yaml.dump(yaml.load(text), out)
        except YAMLError:
            return _LAYOUTS[0]
        lines, original = out.getvalue().splitlines(), text.splitlines()
        if out.getvalue() == text:
            return layout
        changed = sum(a != b for a, b in zip(lines, original, strict=False)) + abs(len(lines) - len(original))
        if best is None or changed < best[0]:
            best = (changed, layout)
    return best[1] if best else _LAYOUTS[0]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` through the atomic writer (:func:`annual_docx._atomic.replacing`), keeping ``path``'s mode and
    flushed to disk before the rename: a crash leaves the old file or the new one, never half of one."""
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        with replacing(path, mode=mode) as tmp, tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise OutputError(f"{path}: 无法保存 / cannot save: {exc.strerror or exc}") from None
