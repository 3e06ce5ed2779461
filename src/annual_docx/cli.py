"""Command line: ``annual-docx render REPORT.yaml -o OUT.docx [--template T.docx] [--pdf]``,
``annual-docx render-all REPORT... -o OUTDIR [--jobs N]``, ``annual-docx validate REPORT.yaml [--strict]``,
``annual-docx import OLD.docx -o REPORT.yaml [--assets DIR]``, ``annual-docx edit [REPORT.yaml]`` (the local
editor), the
format tools (``check``, ``preview``) and authoring help (``schema``, ``init``, ``template export|check``).

A thin layer over the public API (``annual_docx.*``): each command imports what it runs when it runs, so ``render``
loads no compliance checker, importer, PDF or font-listing code.
Exit codes: 0 success, 1 invalid report or failed render, 2 usage error, 141 when stdout is closed early (a pipe into
``head``: the command ends quietly); ``check`` exits 1 on a violation and 3 when it cannot read the file.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import annual_docx
from annual_docx._cli import _batch_cli, _cli_authoring, _cli_edit, _cli_fonts, _cli_import
from annual_docx._cli._cli_format import FORMAT_COMMANDS, _add_format_commands
from annual_docx.errors import AnnualDocxError, OutputError, Problem

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annual-docx",
        description="把年报数据（YAML/JSON）生成公文格式的 Word 文档 / render an annual report (YAML/JSON) as a "
        "GB/T 9704 Word document",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {annual_docx.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    render_cmd = commands.add_parser("render", help="生成 .docx / render a report to .docx")
    render_cmd.add_argument("report", type=Path, help="年报数据文件 / report file (.yaml, .yml or .json)")
    render_cmd.add_argument("-o", "--out", "--output", dest="out", type=Path,
                            help="输出文件 / output .docx (default: REPORT name + .docx)")
    render_cmd.add_argument("--template", type=Path, help="自定义 Word 模板 / a restyled Word template")
    render_cmd.add_argument("--allow-noncompliant", action="store_true",
                            help="模板生成的文档不符合 GB/T 9704 时仍然生成 / render even when the template would "
                            "give a document that breaks GB/T 9704 (see annual-docx template check)")
    _add_format_commands(commands, render_cmd)
    _cli_fonts.add_commands(commands, render_cmd)
    _cli_authoring.add_commands(commands)
    validate_cmd = commands.add_parser("validate", help="检查数据 / check a report without rendering it")
    validate_cmd.add_argument("report", type=Path, help="年报数据文件 / report file (.yaml, .yml or .json)")
    validate_cmd.add_argument("--strict", action="store_true", help="警告视为错误 / treat warnings as errors (exit 1)")
    _batch_cli.add_parser(commands)
    _cli_import.add_parser(commands)
    _cli_edit.add_parser(commands)
    return parser


def _warn(problems: list[Problem], label: str = "警告 / warning") -> None:
    for problem in problems:
        print(f"{label}: {problem}", file=sys.stderr)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one report's render, then turn it back on if it was on.

    A render imports pydantic, python-docx, docxtpl and Jinja and builds the report's models once: tens of thousands
    of objects that live until the process ends, which the collector would walk again and again as they are made
    (a 100× report through the command: 1.02 → 0.94 s CPU; on the seed the gain is within the noise). One report's
    render leaves little cyclic garbage (its peak memory is no higher with the collector off), and :func:`run`
    freezes everything at exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render(args: argparse.Namespace) -> int:
    out = args.out or Path(args.report.with_suffix(".docx").name)
    if out.exists() and args.report.exists() and out.resolve() == args.report.resolve():
        raise OutputError(f"{out}: 不能覆盖输入的数据文件 / refusing to write over the input report")
    with _collector_paused():
        report, warnings = annual_docx.load_with_warnings(args.report)
        _warn(warnings)
        print(annual_docx.render(report, out, template=args.template, grid=args.grid,
                                 allow_noncompliant=args.allow_noncompliant))
    if args.pdf or args.pdf_a:
        print(_cli_fonts.export_pdf(out, pdf_a=args.pdf_a))
    return 0


def _validate(args: argparse.Namespace) -> int:
    report = annual_docx.load(args.report, check_pictures=True)
    problems = annual_docx.lint(report)
    _warn(problems, "错误 / error" if args.strict else "警告 / warning")
    count = len(problems)
    if args.strict and problems:
        print(f"{args.report}: {count} 处问题（--strict）/ {count} problem(s) under --strict", file=sys.stderr)
        return 1
    quiet = len(annual_docx.lint(report, silenced=True)) - count
    note = (f"（另有 {quiet} 条按 lint 设置不再提示）", f" ({quiet} more silenced by the report's lint settings)")
    print(f"{args.report}: 数据有效，{count} 条警告{note[0] if quiet else ''} / valid, {count} warning(s)"
          f"{note[1] if quiet else ''}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on usage errors, --help and --version
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except BrokenPipeError:  # `annual-docx check x.docx | head`: the reader left; end quietly
        _stdout_to_devnull()
        return EXIT_BROKEN_PIPE
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


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so that nothing written later (the exit-time flush) fails on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture): nothing to redirect
        pass


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "render":
        return _render(args)
    if args.command == "render-all":
        return _batch_cli.run(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "fonts":
        return _cli_fonts.run_fonts(args)
    if args.command == "import":
        return _cli_import.run(args)
    if args.command == "edit":
        return _cli_edit.run(args)
    if args.command in FORMAT_COMMANDS:
        return FORMAT_COMMANDS[args.command](args)
    return _cli_authoring.run(args)


def run() -> None:
    """The ``annual-docx`` command (and ``python -m annual_docx``): :func:`main` in a process of its own, then exit
    with its code.

    Before :func:`main` and before exiting, every object is frozen out of the garbage collector (``gc.freeze``):
    the modules, models and schemas a run builds live until the end anyway, and the collector's passes over them
    (at exit about a fifth of a cold render's time) find nothing. Nothing is lost: files are written and closed
    before :func:`main` returns.
    """
    gc.freeze()  # the objects importing the command made (``python -m`` imports it with the collector paused)
    gc.enable()
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
