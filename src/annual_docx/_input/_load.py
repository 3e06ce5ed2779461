"""Read a report file (YAML or JSON, UTF-8 with or without BOM) into its data (:func:`parse`), and validate the data
of an ordinary report (:func:`validate_report`); :mod:`annual_docx._report_kinds` puts the two together for every kind
of report (``load``, ``validate``)."""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from annual_docx._input._encoding import decode, read_report
from annual_docx._numbers import SourceFloat
from annual_docx.errors import InputError, ReportValidationError
from annual_docx.schema import Report

if TYPE_CHECKING:
    pass


def parse(path: Path) -> dict[str, Any]:
    """Return the top-level mapping of a YAML or JSON report file, raising :class:`InputError` on any read error."""
    return parse_bytes(path, read_report(path))


def parse_bytes(path: Path, raw: bytes) -> dict[str, Any]:
    """Return the top-level mapping of the YAML or JSON report ``raw`` read from ``path`` (see :func:`parse`)."""
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
    loader.add_constructor("tag:yaml.org,2002:float", _float)
    return loader


def _float(loader: Any, node: yaml.ScalarNode) -> float:
    """Read a YAML float remembering how it was written, so an error can show ``1.`` rather than ``1.0``."""
    value = loader.construct_yaml_float(node)
    return SourceFloat(value, node.value) if isinstance(value, float) else value


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


def _json_float(text: str) -> float:
    return SourceFloat(float(text), text)


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs, parse_float=_json_float) if text.strip() else None
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


def validate_report(data: Mapping[str, Any], *, source: str | None = None, base_dir: Path | None = None) -> Report:
    """Return ``data`` as an ordinary :class:`Report`, or raise :class:`ReportValidationError` listing every problem
    (``source`` names the file in the message). Which kind of report the data is — ``kind: govinfo`` — is decided a
    layer up, by :func:`annual_docx._report_kinds.validate`."""
    try:
        return Report.model_validate(dict(data), context={"base_dir": base_dir})
    except ValidationError as exc:
        from annual_docx._input._load_errors import problems  # the error locator loads only on an error

        raise ReportValidationError(problems(exc.errors()), source=source) from None
