"""The format subcommands of the command line: ``render --pdf``, ``preview`` and ``check``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annual_docx.errors import DocumentError

EXIT_UNREADABLE = 3
KIND_NAMES = ("gongwen-upward", "gongwen-downward", "gongwen", "report", "standard", "form", "thesis")
"""``typing.get_args(annual_docx.CheckKind)``, spelt out so that building the parser loads no checker (a test keeps
the two the same)."""


def _add_format_commands(commands: Any, render_cmd: argparse.ArgumentParser) -> None:
    """Add ``--pdf`` to ``render`` and the ``preview`` and ``check`` subcommands."""
    render_cmd.add_argument("--pdf", action="store_true",
                            help="同时用 LibreOffice 导出 PDF / also export a PDF beside the .docx (LibreOffice)")
    preview_cmd = commands.add_parser("preview", help="把 .docx 逐页导出为 PNG / write PNG pages of a .docx")
    preview_cmd.add_argument("docx", type=Path, help="Word 文件 / the .docx (or a .pdf)")
    preview_cmd.add_argument("-o", "--out", "--outdir", dest="out", type=Path,
                             help="输出目录 / output folder (default: NAME_pages)")
    preview_cmd.add_argument("--dpi", type=int, default=100, help="分辨率 / resolution (default 100)")
    check_cmd = commands.add_parser("check", help="检查 .docx 是否符合 GB/T 9704 / check a .docx against GB/T 9704")
    check_cmd.add_argument("docx", type=Path, help="Word 文件 / the .docx to check")
    check_cmd.add_argument("--json", action="store_true",
                           help="以 JSON 输出结果 / print the findings as JSON for other tools")
    check_cmd.add_argument("--kind", choices=KIND_NAMES,
                           help="文档类型，不自动判断 / the document's kind instead of the one check tells: "
                           + ", ".join(KIND_NAMES))


def run_preview(args: argparse.Namespace) -> int:
    """Write PNG pages and print their paths."""
    from annual_docx import preview

    out = args.out or Path(f"{args.docx.stem}_pages")
    for page in preview(args.docx, out, dpi=args.dpi):
        print(page)
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Print the GB/T 9704 table (or ``--json``); exit 0 when every row passes, 1 when any fails, 3 when the file
    cannot be read."""
    from annual_docx import Findings, check

    try:
        findings = check(args.docx, kind=args.kind)
    except DocumentError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        if args.json:  # --json always prints one object, here with the reason the file could not be read
            print(Findings.error_json(str(exc), file=str(args.docx)))
        return EXIT_UNREADABLE
    print(findings.json() if args.json else findings.table())
    return 0 if findings.ok else 1


FORMAT_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"preview": run_preview, "check": run_check}
