"""Read a report file (YAML or JSON, UTF-8 with or without BOM) into a validated :class:`Report`."""

from __future__ import annotations

import difflib
import json
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ._encoding import decode
from .errors import InputError, Problem, ReportValidationError
from .schema import DISCRIMINATOR_TAGS, Report

if TYPE_CHECKING:
    from .govinfo import GovinfoReport

_NO_KIND = FieldInfo(annotation=None)
_TYPE_MESSAGES = {
    "missing": "缺少必填项 / required field is missing",
    "extra_forbidden": "未知的键（是否拼写错误？）/ unknown key (misspelt?)",
    "string_type": "应为文本 / expected text",
    "int_type": "应为整数 / expected a whole number",
    "int_parsing": "应为整数 / expected a whole number",
    "int_from_float": "应为整数 / expected a whole number",
    "float_parsing": "应为数字 / expected a number",
    "list_type": "应为列表 / expected a list",
    "dict_type": "应为键值表 / expected a mapping",
    "model_type": "应为键值表 / expected a mapping",
    "date_from_datetime_parsing": "应为日期，如 2021-01-05 / expected a date such as 2021-01-05",
    "date_parsing": "应为日期，如 2021-01-05 / expected a date such as 2021-01-05",
    "date_type": "应为日期，如 2021-01-05 / expected a date such as 2021-01-05",
    "bool_type": "应为 true 或 false / expected true or false",
    "string_too_short": "不能为空 / must not be empty",
    "bool_parsing": "应为 true 或 false / expected true or false",
}

def load(path: str | Path) -> Report | GovinfoReport:
    """Return the :class:`Report` (or, with ``kind: govinfo``, the 政府信息公开工作年度报告) in the YAML or JSON file at
    ``path``; relative picture paths resolve against its folder."""
    path = Path(path)
    data = parse(path)
    return validate(data, source=str(path), base_dir=path.parent)


def parse(path: Path) -> dict[str, Any]:
    """Return the top-level mapping of a YAML or JSON report file, raising :class:`InputError` on any read error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: 文件不存在 / file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: 无法读取文件 / cannot read the file: {exc.strerror}") from exc
    text = decode(path, raw)
    data = _parse_json(path, text) if path.suffix.lower() == ".json" else _parse_yaml(path, text)
    if data is None:
        raise InputError(f"{path}: 文件为空 / the file is empty")
    if not isinstance(data, Mapping):
        raise InputError(
            f"{path}: 顶层应为键值表（organisation: …），而不是{type(data).__name__} / "
            f"the top level must be a mapping (organisation: …), not a {type(data).__name__}"
        )
    return dict(data)


class _UniqueKeys:
    """Loader mixin that rejects a key given twice in one mapping (the second would silently win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[typing.Hashable, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if isinstance(key, typing.Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"重复的键 / duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc,no-any-return]


def _strict_loader(base: Any) -> Any:
    """Return ``base`` (a safe loader) that rejects duplicate keys and keeps dates as text, so a bad date
    (2021-02-30) is a validation error naming its field."""
    loader: Any = type(f"Strict{base.__name__}", (_UniqueKeys, base), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return loader


# libyaml's parser when PyYAML was built with it (~8× faster); the pure-Python one re-reads a file that fails, for
# its more precise messages.
_FAST_LOADER = _strict_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_PRECISE_LOADER = _strict_loader(yaml.SafeLoader)


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"重复的键 / duplicate key {key!r}")
        out[key] = value
    return out


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs) if text.strip() else None
    except json.JSONDecodeError as exc:
        line = text.splitlines()[exc.lineno - 1] if text.splitlines() else ""
        raise InputError(
            f"{path}:{exc.lineno}:{exc.colno}: JSON 语法错误 / JSON syntax error: {exc.msg}\n    {line}"
        ) from None
    except ValueError as exc:
        raise InputError(f"{path}: JSON 数据有误 / bad JSON data: {exc}") from None


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass  # parse again with the pure-Python loader: its messages and marks are more precise
    try:
        return yaml.load(text, Loader=_PRECISE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        lines = text.splitlines()
        snippet = f"\n    {lines[mark.line]}" if mark and mark.line < len(lines) else ""
        raise InputError(f"{where}: YAML 语法错误 / YAML syntax error: {exc.problem or exc}{snippet}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: YAML 语法错误 / YAML syntax error: {exc}") from None


def validate(
    data: Mapping[str, Any], *, source: str | None = None, base_dir: Path | None = None
) -> Report | GovinfoReport:
    """Return ``data`` as a :class:`Report` (a :class:`GovinfoReport` with ``kind: govinfo``), or raise
    :class:`ReportValidationError` listing every problem."""
    if data.get("kind") == "govinfo":
        from .govinfo import validate as validate_govinfo

        return validate_govinfo(data, source=source, base_dir=base_dir)
    try:
        return Report.model_validate(dict(data), context={"base_dir": base_dir})
    except ValidationError as exc:
        raise ReportValidationError([problem(e) for e in exc.errors()], source=source) from None


def problem(error: Any, root: type[BaseModel] = Report) -> Problem:
    """Return a pydantic error of a ``root`` model as a Problem with a field path and a bilingual message."""
    path = _path(error["loc"])
    kind = error["type"]
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
    elif kind == "extra_forbidden":
        message = _unknown_key(error["loc"], root)
    elif kind in _TYPE_MESSAGES:
        message = _TYPE_MESSAGES[kind]
    elif kind == "union_tag_invalid":
        expected = error.get("ctx", {}).get("expected_tags", "")
        message = f"kind 应为 {expected} 之一 / kind must be one of {expected}"
    elif kind == "union_tag_not_found":
        message = "缺少 kind（节的类型）/ missing kind (the type of section)"
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"应为 {expected} 之一 / expected one of {expected}"
    elif kind in {"too_short", "too_long"}:
        message = f"项数不符 / wrong number of entries: {error['msg']}"
    elif kind.startswith(("greater_than", "less_than")):
        message = f"数值超出范围 / value out of range: {error['msg']}"
    else:
        message = error["msg"]
    if kind not in {"missing", "extra_forbidden"} and "input" in error and not isinstance(error["input"], (dict, list)):
        found = repr(error["input"])
        message += f"（实际为 / found: {found[:60]}{'…' if len(found) > 60 else ''}）"
    return Problem(path, message)


def _path(loc: tuple[Any, ...]) -> str:
    """Return a loc tuple as ``sections[3].items[1].title``, dropping the discriminator tags pydantic inserts."""
    out = ""
    previous: Any = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(previous, int) and part in DISCRIMINATOR_TAGS:
            pass
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def _unknown_key(loc: tuple[Any, ...], root: type[BaseModel]) -> str:
    """Return the message for an unknown key, suggesting the closest valid key of the model it sits in."""
    key = str(loc[-1])
    fields = _fields_at(loc[:-1], root)
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        return f"未知的键 `{key}`，是否应为 `{close[0]}`？/ unknown key `{key}`; did you mean `{close[0]}`?"
    valid = ", ".join(fields)
    return f"未知的键 `{key}` / unknown key `{key}`" + (f"（可用 / valid keys: {valid}）" if valid else "")


def _fields_at(loc: tuple[Any, ...], root: type[BaseModel] = Report) -> list[str]:
    """Return the field names of the model at ``loc`` (a pydantic error location), or [] if it is not a model."""
    node: Any = root
    for part in loc:
        node = _unwrap(node, part)
        if isinstance(part, str) and isinstance(node, type) and issubclass(node, BaseModel):
            if part in node.model_fields:
                node = node.model_fields[part].annotation
            elif part not in DISCRIMINATOR_TAGS:
                return []
    node = _unwrap(node, None)
    return list(node.model_fields) if isinstance(node, type) and issubclass(node, BaseModel) else []


def _unwrap(node: Any, part: Any) -> Any:
    """Strip list, Optional and Annotated wrappers; pick the union member whose ``kind`` is ``part``."""
    while True:
        origin = typing.get_origin(node)
        args = [a for a in typing.get_args(node) if a is not type(None)]
        if origin is typing.Annotated:
            node = args[0]
        elif origin in (list, tuple) and isinstance(part, int):
            return args[0]
        elif origin is not None and args and all(isinstance(a, type) and issubclass(a, BaseModel) for a in args):
            picked = [a for a in args
                      if any(part in typing.get_args(a.model_fields.get(tag, _NO_KIND).annotation)
                             for tag in ("kind", "type"))]
            return picked[0] if picked else node
        elif len(args) == 1 and origin is not list:
            node = args[0]
        else:
            return node
