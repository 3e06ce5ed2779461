"""Command-line authoring help: ``schema``, ``init`` and ``template export|check``."""

from __future__ import annotations

import argparse
import json
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import annual_docx
from annual_docx.errors import InputError, OutputError

SCHEMA_LINE = "# yaml-language-server: $schema=report.schema.json"
"""The first line of every starter: editors read the schema written beside it."""


def add_commands(commands: Any) -> None:
    """Add the authoring subcommands to an argparse subparsers object."""
    schema = commands.add_parser("schema", help="输出年报数据的 JSON Schema / print the report JSON Schema")
    schema.add_argument("-o", "--out", "--output", dest="out", type=Path,
                        help="写入文件而不是标准输出 / write to a file")

    init = commands.add_parser("init", help="生成带注释的年报数据模板 / write a commented starter report")
    init.add_argument("path", type=Path, nargs="?", default=Path("report.yaml"), help="default: report.yaml")
    init.add_argument("--kind", choices=_StarterKinds(), default="generic", metavar="KIND",
                      help="单位类型 / kind of agency: library, museum, culture-centre, generic, govinfo …")
    init.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    init.add_argument("--xlsx", action="store_true", help="政府信息公开年报：写出表二至表四的空白工作簿 / "
                      "govinfo: write the empty workbook of tables 二–四 instead")

    template = commands.add_parser("template", help="导出或检查 Word 模板 / export or check a Word template")
    actions = template.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="导出默认模板供 Word 修改 / write the default template")
    export.add_argument("path", type=Path)
    export.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    check = actions.add_parser("check", help="检查模板标签和生成文档的格式 / check a template's tags and the "
                               "GB/T 9704 format of what it makes")
    check.add_argument("path", type=Path)


class _StarterKinds:
    """The ``--kind`` choices, read from the starters only when an ``init`` command is parsed: building the parser
    (``--help``, ``render``) does not load the schema."""

    def _kinds(self) -> tuple[str, ...]:
        return typing.get_args(annual_docx.StarterKind)

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds()

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds())


def run(args: argparse.Namespace) -> int:
    """Run one authoring command and return its exit code."""
    if args.command == "schema":
        text = json.dumps(annual_docx.json_schema(), ensure_ascii=False, indent=2) + "\n"
        if args.out:
            write_new(args.out, text.encode("utf-8"), force=True)
            print(args.out)
        else:
            sys.stdout.write(text)
        return 0
    if args.command == "init" and args.xlsx:
        if args.kind != "govinfo":
            raise InputError("--xlsx 只用于 --kind govinfo / --xlsx goes with --kind govinfo")
        from annual_docx.govinfo import workbook_bytes

        path = args.path if args.path.suffix.lower() == ".xlsx" else args.path.with_suffix(".xlsx")
        write_new(path, workbook_bytes(), force=args.force)
        print(path)
        return 0
    if args.command == "init":
        starter = annual_docx.starter_report(args.kind)
        write_new(args.path, starter.encode("utf-8"), force=args.force)
        print(args.path)
        schema = args.path.parent / SCHEMA_LINE.split("=", 1)[1] if starter.startswith(SCHEMA_LINE) else None
        if schema is not None:  # the schema the starter's first line points to, always the current one
            text = json.dumps(annual_docx.json_schema(), ensure_ascii=False, indent=2) + "\n"
            write_new(schema, text.encode("utf-8"), force=True)
            print(schema)
        return 0
    if args.action == "export":
        write_new(args.path, annual_docx.default_template().read_bytes(), force=args.force)
        print(args.path)
        return 0
    return _check_template(args.path)


def _check_template(path: Path) -> int:
    """``template check``: the tags, what the render adapts, and the GB/T 9704 items a probe report rendered through
    the template breaks, each with what to change; exit 1 when the tags or the probe fail."""
    result = annual_docx.check_template(path, probe=True)
    for line in result.lines():
        print(line)
    if result.adapted:
        print("模板适配 / adapted when rendering:")
        for line in result.adapted:
            print(f"  {line}")
    if result.probe_error is not None:
        print(f"试排失败 / the probe report does not render: {result.probe_error}")
        return 1
    if not result.probed:
        print("标签有问题，未试排 / the tags need fixing first: no probe render")
    if result.probe_problems:
        print("GB/T 9704（用示例年报试排后检查 / a probe report rendered through the template and checked）:")
        for line in result.probe_problems:
            print(f"  ✗ {line}")
    print(f"{path}: {'通过 / ok' if result.compliant else '有问题 / problems found'}")
    return 0 if result.compliant else 1


def write_new(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` with :func:`annual_docx.write_file`; refuse an existing file unless ``force``."""
    if path.exists() and not force:
        raise OutputError(f"{path}: 文件已存在，如需覆盖请加 --force / the file exists; use --force to overwrite")
    annual_docx.write_file(path, data)
