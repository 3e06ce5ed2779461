"""``annual-docx edit [REPORT.yaml | OLD.docx]``: the local editor (:mod:`annual_docx.editor`).

A report file that does not exist yet is started from a starter (``--kind``, as ``init``); a .docx is imported to
``<name>.yaml`` beside it first (refused if that file exists: open it instead). No file: ``report.yaml``.
"""

from __future__ import annotations

import argparse
import typing
from pathlib import Path
from typing import Any

from annual_docx.errors import InputError


def add_parser(commands: Any) -> None:
    """Add ``edit`` to an argparse subparsers object."""
    edit = commands.add_parser("edit", help="在浏览器中编辑年报 / edit a report in the browser (local page)")
    edit.add_argument("report", type=Path, nargs="?", default=Path("report.yaml"),
                      help="年报数据文件（不存在则按模板新建）或去年的 .docx / report file (created from a starter "
                           "if missing) or last year's .docx; default: report.yaml")
    edit.add_argument("--kind", default="generic", metavar="KIND",
                      help="新建时的单位类型 / starter for a new file: library, museum, culture-centre, generic …")
    edit.add_argument("--port", type=int, default=0, help="端口，默认自动选择 / port (default: a free one)")
    edit.add_argument("--no-browser", action="store_true", help="不自动打开浏览器 / do not open a browser")


def run(args: argparse.Namespace) -> int:
    """Prepare the report file and serve the editor until Ctrl+C."""
    import annual_docx
    from annual_docx._cli._cli_authoring import write_new

    kinds = typing.get_args(annual_docx.StarterKind)
    try:
        from annual_docx.editor import serve
    except ModuleNotFoundError as exc:
        if exc.name is None or not exc.name.startswith("ruamel"):
            raise
        raise InputError("编辑器需要 ruamel.yaml，请安装：pip install \"annual_docx[editor]\" / the editor needs "
                         "ruamel.yaml: pip install \"annual_docx[editor]\"") from None

    path: Path = args.report
    if path.suffix.lower() == ".docx":
        target = path.with_suffix(".yaml")
        if target.exists():
            raise InputError(f"{target} 已存在，请直接编辑它 / {target} exists: edit it instead "
                             f"(annual-docx edit {target})")
        annual_docx.import_to_yaml(path, target)
        print(f"已导入 / imported: {target}")
        path = target
    elif not path.exists():
        if args.kind not in kinds:
            raise InputError(f"--kind {args.kind}: 可选 / choose one of {', '.join(kinds)}")
        if path.suffix.lower() not in (".yaml", ".yml"):
            raise InputError(f"{path}: 新文件应以 .yaml 结尾 / a new report file must end in .yaml")
        if not path.parent.is_dir():
            raise InputError(f"{path.parent}: 文件夹不存在 / the folder does not exist")
        write_new(path, annual_docx.starter_report(args.kind).encode("utf-8"), force=False)
        print(f"已按模板新建 / started from the {args.kind} starter: {path}")
    serve(path, port=args.port, open_browser=not args.no_browser)
    return 0
