"""Validation errors as a clerk can act on them: the field path as written in the report, and a message in Chinese and
English that says what to write instead.

pydantic reports one error per branch of a union (``header`` may be a row or a list of rows, a cell text or a merged
cell) and puts the branch names into error locations. :func:`problems` follows each location through the report's
types, keeps the branch the input was meant for, and prints the path without the branch names. An unknown key lists
the valid keys and the closest one; a number or true/false where text is expected (YAML reads ``1.``, ``1.0``,
``2020.1`` and ``yes`` as such) gets a hint to quote it, showing the number as it was written.
"""

from __future__ import annotations

import difflib
import sys
import types
import typing
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from annual_docx._numbers import SourceFloat
from annual_docx.errors import Problem
from annual_docx.schema import Report

_MESSAGES = {
    "missing": "缺少必填项 / required field is missing",
    "extra_forbidden": "未知的键（是否拼写错误？）/ unknown key (misspelt?)",
    "int_parsing": "应为整数 / expected a whole number",
    "float_parsing": "应为数字 / expected a number",
    "date_from_datetime_parsing": "应为日期，如 2021-01-05 / expected a date such as 2021-01-05",
    "date_parsing": "应为日期，如 2021-01-05 / expected a date such as 2021-01-05",
    "string_too_short": "不能为空 / must not be empty",
    "bool_parsing": "应为 true 或 false / expected true or false",
}
_SHAPES = {  # a type-mismatch error → what was expected (Chinese, English)
    "string_type": ("文本", "text"),
    "int_type": ("整数", "a whole number"), "int_from_float": ("整数", "a whole number"),
    "float_type": ("数字", "a number"),
    "bool_type": ("true 或 false", "true or false"),
    "list_type": ("列表", "a list"), "tuple_type": ("列表", "a list"),
    "dict_type": ("键值表", "a mapping"), "model_type": ("键值表", "a mapping"),
    "model_attributes_type": ("键值表", "a mapping"),
    "date_type": ("日期，如 2021-01-05", "a date such as 2021-01-05"),
    "none_required": ("空", "nothing"),
}
_TAGGED = {"kind": ("节的类型", "the type of section"), "type": ("内容块的类型", "the type of block")}


@dataclass
class _Located:
    """An error with its location followed through the types: the path the user sees, and the union branches."""

    error: Any
    path: list[str | int]
    branches: list[tuple[int, str]]  # (length of path where the union sits, branch name)
    model: Any  # the type at the error's location (for an unknown key: the model it was found in)


def problems(errors: Sequence[Any], root: Any = Report) -> list[Problem]:
    """Return pydantic ``errors`` of the ``root`` model as problems: one per mistake, each naming its field as the
    report spells it."""
    located = [_locate(e, root) for e in errors]
    return [_problem(item) for item in _prune(located)]


def _strip(node: Any) -> Any:
    """Strip Annotated and Optional wrappers."""
    while True:
        if typing.get_origin(node) is typing.Annotated:
            node = typing.get_args(node)[0]
        elif _is_union(node) and len(members := _members(node)) == 1:
            node = members[0]
        else:
            return node


def _is_union(node: Any) -> bool:
    return typing.get_origin(node) in (typing.Union, types.UnionType)


def _members(node: Any) -> list[Any]:
    return [a for a in typing.get_args(node) if a is not type(None)]


def _is_model(node: Any) -> bool:
    return isinstance(node, type) and issubclass(node, BaseModel)


def _tags(model: Any) -> set[str]:
    """Return the ``kind``/``type`` literal values a union member is picked by."""
    out: set[str] = set()
    if _is_model(model):
        for key in _TAGGED:
            if key in model.model_fields:
                out |= {a for a in typing.get_args(model.model_fields[key].annotation) if isinstance(a, str)}
    return out


def _list_depth(node: Any) -> int:
    depth = 0
    while typing.get_origin(node := _strip(node)) in (list, tuple):
        node, depth = typing.get_args(node)[0], depth + 1
    return depth


def _branch(members: list[Any], label: str) -> Any:
    """Return the member of a plain union that pydantic names ``label`` (``MergedCell``, ``list[list[…]]``, ``int``)."""
    for member in members:
        if _is_model(_strip(member)) and _strip(member).__name__ == label:
            return member
    if label.startswith(("list[", "tuple[")):
        depth, rest = 0, label
        while rest.startswith(("list[", "tuple[")):
            depth, rest = depth + 1, rest.split("[", 1)[1]
        lists = [m for m in members if _list_depth(m)]
        return next((m for m in lists if _list_depth(m) == depth), lists[0] if lists else None)
    return None


def _locate(error: Any, root: Any) -> _Located:
    node: Any = root
    path: list[str | int] = []
    branches: list[tuple[int, str]] = []
    for part in error["loc"]:
        node = _strip(node)
        if _is_union(node) and isinstance(part, str):
            members = _members(node)
            tagged = [m for m in members if part in _tags(_strip(m))]
            if tagged:  # a discriminator value (kind: text): the user chose it, not a path part
                node = tagged[0]
            else:
                branches.append((len(path), part))
                node = _branch(members, part)
            continue
        origin = typing.get_origin(node)
        if part == "[key]":  # the error is about the mapping key just passed, not its value
            error = {**error, "type": f"key_{error['type']}"}
            path[-1] = _written(error["input"]) if "input" in error and path else path[-1]
            continue
        path.append(_written(part) if origin is dict and not isinstance(part, str) else part)
        if isinstance(part, int) and origin in (list, tuple):
            args = typing.get_args(node)
            node = args[part] if origin is tuple and len(args) > part and args[-1] is not Ellipsis else args[0]
        elif _is_model(node) and part in node.model_fields:
            node = _field_type(node, part)
        elif origin is dict:
            node = typing.get_args(node)[1]
        elif not (_is_model(node) and error["type"] == "extra_forbidden"):
            node = None
    return _Located(error, path, branches, _strip(node))


def _field_type(model: Any, name: str) -> Any:
    """Return the type of ``model``'s field ``name``; a forward reference (``list[Section]`` of a subsection) is
    resolved in the model's module, as pydantic does only when it builds that model's own validator."""
    annotation = model.model_fields[name].annotation
    if isinstance(annotation, typing.ForwardRef):
        namespace = vars(sys.modules[model.__module__])
        annotation = eval(annotation.__forward_arg__, namespace)  # the text of our own annotation, never input
    return annotation


def _shallow(item: _Located, where: int) -> bool:
    """Return whether ``item`` only says the input has the wrong shape for its branch, at the union itself."""
    return len(item.path) == where and item.error["type"] in _SHAPES


def _prune(items: list[_Located]) -> list[_Located]:
    """Keep, at each union, the branch the input was meant for: the one whose errors reach deepest into the input.
    When no branch fits at all, the branches' "expected …" errors become one."""
    out = [i for i in items if not i.branches]
    groups: dict[tuple[Any, ...], list[_Located]] = defaultdict(list)
    for item in items:
        if item.branches:
            where = item.branches[0][0]
            groups[(where, tuple(item.path[:where]))].append(item)
    for (where, _), group in groups.items():
        by_branch: dict[str, list[_Located]] = defaultdict(list)
        for item in group:
            by_branch[item.branches[0][1]].append(item)
        reach = {name: max(len(i.path) * 2 + (not _shallow(i, where)) for i in errs)
                 for name, errs in by_branch.items()}
        kept = [i for name, errs in by_branch.items() if reach[name] == max(reach.values()) for i in errs]
        if len(kept) > 1 and all(_shallow(i, where) for i in kept):
            shapes = list(dict.fromkeys(_SHAPES[i.error["type"]] for i in kept))
            merged = {**kept[0].error, "type": "wrong_shape", "shapes": shapes}
            out.append(_Located(merged, kept[0].path, [], None))
            continue
        out.extend(_prune([_Located(i.error, i.path, i.branches[1:], i.model) for i in kept]))
    order = {id(e): n for n, e in enumerate(i.error for i in items)}
    return sorted(out, key=lambda i: order.get(id(i.error), len(order)))


def _text(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _written(value: Any) -> str:
    """Return a value as the report file wrote it (``1.`` for the number YAML read from ``1.``)."""
    if isinstance(value, SourceFloat):
        return value.source
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value) if isinstance(value, str) else str(value)


def _quote_hint(error: Any) -> str:
    """Return a hint to quote a number or true/false written where text is expected, else ''."""
    value, kind = error.get("input"), error["type"]
    wants_text = kind in {"string_type", "key_string_type"} or (
        kind == "literal_error" and "'" in str(error.get("ctx", {}).get("expected", ""))) or (
        kind == "wrong_shape" and _SHAPES["string_type"] in error["shapes"])
    if not wants_text or not isinstance(value, (int, float)):
        return ""
    if isinstance(value, bool):
        return ("；YAML 把 yes/no/on/off/true/false 读成了真假值，要作为文字请加引号 / YAML reads yes/no/on/off as "
                "true or false: quote the text")
    written = _written(value)
    return (f"；{written} 被读成了数字，要作为文字请加引号：\"{written}\" / {written} was read as a number: to "
            f"mean the text, quote it: \"{written}\"")


def _unknown_key(item: _Located) -> str:
    key = str(item.error["loc"][-1])
    fields = list(item.model.model_fields) if _is_model(item.model) else []
    fields = sorted(fields, key=lambda f: f not in _TAGGED)  # kind/type first, the rest in the model's order
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.5) or _described(item.model, key)
    zh, en = (f"，是否应为 `{close[0]}`？", f"; did you mean `{close[0]}`?") if close else (" ", "")
    valid = f"（可用 / valid keys: {', '.join(fields)}）" if fields else ""
    return f"未知的键 `{key}`{zh}/ unknown key `{key}`{en}{valid}"


def _described(model: Any, key: str) -> list[str]:
    """Return the field whose Chinese description names a Chinese key (``标题`` → ``title``, ``单位`` → ``unit``)."""
    if not _is_model(model) or not any("\u4e00" <= ch <= "\u9fff" for ch in key):
        return []
    named = [name for name, field in model.model_fields.items()
             if key in (field.description or "").split("/")[0]]
    return named[:1]


def _problem(item: _Located) -> Problem:
    error, kind = item.error, item.error["type"]
    ctx = error.get("ctx", {})
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    elif kind == "extra_forbidden":
        message = _unknown_key(item)
    elif kind == "wrong_shape":
        zh, en = "或".join(s[0] for s in error["shapes"]), " or ".join(s[1] for s in error["shapes"])
        message = f"应为{zh} / expected {en}"
    elif kind in _SHAPES:
        message = f"应为{_SHAPES[kind][0]} / expected {_SHAPES[kind][1]}"
    elif kind.startswith("key_") and kind[4:] in _SHAPES:
        message = f"键应为{_SHAPES[kind[4:]][0]} / the key must be {_SHAPES[kind[4:]][1]}"
    elif kind in _MESSAGES:
        message = _MESSAGES[kind]
    elif kind in {"union_tag_invalid", "union_tag_not_found"}:
        message = _tag_message(item)
    elif kind == "literal_error":
        message = f"应为 {ctx.get('expected', '')} 之一 / expected one of {ctx.get('expected', '')}"
    elif kind in {"too_short", "too_long"}:
        message = f"项数不符 / wrong number of entries: {error['msg']}"
    elif kind.startswith(("greater_than", "less_than")):
        message = f"数值超出范围 / value out of range: {error['msg']}"
    else:
        message = error["msg"]
    if kind not in {"missing", "extra_forbidden"} and "input" in error and not isinstance(error["input"], (dict, list)):
        found = _written(error["input"])
        message += f"（实际为 / found: {found[:60]}{'…' if len(found) > 60 else ''}{_quote_hint(error)}）"
    return Problem(_text(item.path), message)


def _tag_message(item: _Located) -> str:
    ctx = item.error.get("ctx", {})
    key = str(ctx.get("discriminator", "kind")).strip("'\"")
    zh_what, en_what = _TAGGED.get(key, ("类型", "the type"))
    union = _strip(item.model)
    tags = sorted({t for m in (_members(union) if _is_union(union) else []) for t in _tags(_strip(m))})
    valid = ", ".join(tags) or str(ctx.get("expected_tags", ""))
    if item.error["type"] == "union_tag_not_found":
        return f"缺少 {key}（{zh_what}）/ missing {key} ({en_what})（可用 / one of: {valid}）"
    tag = str(ctx.get("tag", ""))
    close = difflib.get_close_matches(tag, tags, n=1, cutoff=0.5)
    zh, en = (f"，是否应为 `{close[0]}`？", f"; did you mean `{close[0]}`?") if close else (" ", "")
    return f"{key} 应为 {valid} 之一{zh}/ {key} must be one of {valid}{en}"
