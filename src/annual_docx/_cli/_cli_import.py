"""``annual-docx import OLD.docx -o report.yaml [--assets DIR]``: last year's Word file as report data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(commands: Any) -> None:
    """Add the ``import`` command to the CLI's subparsers."""
    cmd = commands.add_parser("import", help="从已有的 .docx 导入数据 / import an existing .docx into report data")
    cmd.add_argument("docx", type=Path, help="已有的年报 .docx / an existing report (.docx)")
    cmd.add_argument("-o", "--out", "--output", dest="out", type=Path,
                     help="输出的 YAML / report file to write (default: NAME.yaml)")
    cmd.add_argument("--assets", type=Path, help="图片保存目录 / folder for the pictures (default: NAME_assets)")


def run(args: argparse.Namespace) -> int:
    """Import ``args.docx`` and print where the report went, with a count of the notes to check."""
    from annual_docx import import_report

    out = args.out or Path(args.docx.with_suffix(".yaml").name)
    imported = import_report(args.docx, out, assets=args.assets)
    notes = imported.note_count
    print(imported.out)
    if notes:
        print(f"{notes} 处推断，见文件中的 # 注释 / {notes} guess(es), see the # comments", file=sys.stderr)
    return 0
