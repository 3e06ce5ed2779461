"""Command line: ``annual-docx render REPORT.yaml -o OUT.docx [--template T.docx]`` and
``annual-docx render-all REPORT... -o OUTDIR [--jobs N]``.

A thin layer over the public API. Exit codes: 0 success, 1 invalid report or failed render, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, _batch_cli
from ._load import load
from ._render import render
from .errors import AnnualDocxError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annual-docx",
        description="把年报数据（YAML/JSON）生成公文格式的 Word 文档 / render an annual report (YAML/JSON) as a "
        "GB/T 9704 Word document",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    render_cmd = commands.add_parser("render", help="生成 .docx / render a report to .docx")
    render_cmd.add_argument("report", type=Path, help="年报数据文件 / report file (.yaml, .yml or .json)")
    render_cmd.add_argument("-o", "--output", type=Path, help="输出文件 / output .docx (default: REPORT name + .docx)")
    render_cmd.add_argument("--template", type=Path, help="自定义 Word 模板 / a restyled Word template")
    _batch_cli.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on usage errors, --help and --version
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    try:
        if args.command == "render":
            out = args.output or Path(args.report.with_suffix(".docx").name)
            report = load(args.report)
            print(render(report, out, template=args.template))
        elif args.command == "render-all":
            return _batch_cli.run(args)
        return 0
    except AnnualDocxError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the CLI never shows a traceback to end users
        if os.environ.get("ANNUAL_DOCX_DEBUG"):
            raise
        print(
            f"内部错误 / internal error: {type(exc).__name__}: {exc}\n"
            "设置环境变量 ANNUAL_DOCX_DEBUG=1 可显示详细信息 / set ANNUAL_DOCX_DEBUG=1 for details",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
