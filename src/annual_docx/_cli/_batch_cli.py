"""The ``render-all`` command: many reports into one folder, a progress bar on stderr, a summary at the end.

On a terminal the progress is a tqdm bar; otherwise (a log file, CI) it is one plain line per report, so nothing
animates. Each failure is printed with its report's name and error as it happens and listed again at the end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from annual_docx import Outcome


def add_parser(commands: Any) -> None:
    """Add the ``render-all`` subcommand to the CLI's subparsers."""
    cmd = commands.add_parser(
        "render-all",
        help="批量生成 .docx / render many reports into one folder",
        description="并行生成多个年报，某个报告失败时继续处理其余报告 / render many reports in parallel processes; a "
        "failing report is reported and the rest go on. Exit 1 if any report failed.",
    )
    cmd.add_argument("reports", type=Path, nargs="+", metavar="REPORT", help="年报数据文件 / report files")
    cmd.add_argument("-o", "--out", "--output-dir", dest="out", type=Path, required=True, metavar="OUTDIR",
                     help="输出目录，不存在时创建 / folder for the documents (created if missing)")
    cmd.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                     help="并行进程数（默认：CPU 数）/ worker processes (default: one per CPU)")
    cmd.add_argument("--template", type=Path, help="自定义 Word 模板 / a restyled Word template")
    cmd.add_argument("--allow-noncompliant", action="store_true",
                     help="模板生成的文档不符合 GB/T 9704 时仍然生成 / render even when the template breaks GB/T 9704")
    cmd.add_argument("--pdf", action="store_true", help="同时导出 PDF（需要 LibreOffice）/ also export each to PDF")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Render ``args.reports`` into ``args.out``; print progress and failures to ``err``, the summary to ``out``;
    return 0 if every report was written, else 1."""
    from annual_docx import render_all  # process pools load only when this command runs

    out = out or sys.stdout
    err = err or sys.stderr
    start = time.perf_counter()
    try:
        with _Progress(err) as progress:
            outcomes = render_all(args.reports, args.out, jobs=args.jobs, template=args.template,
                                  progress=progress.update, pdf=args.pdf, allow_noncompliant=args.allow_noncompliant)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=err)
        return 130
    failed = [o for o in outcomes if not o.ok]
    elapsed = time.perf_counter() - start
    print(f"完成 / done: {len(outcomes) - len(failed)} 成功 / ok, {len(failed)} 失败 / failed, "
          f"{elapsed:.1f} s", file=out)
    for outcome in failed:
        print(f"  失败 / failed: {outcome.report}", file=err)
    return 1 if failed else 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"须为正整数 / must be a positive whole number: {text!r}")
    return value


class _Progress:
    """Show progress on ``stream``: a tqdm bar on a terminal, else one plain line per finished report."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar: Any = None
        self.interactive = bool(getattr(stream, "isatty", lambda: False)())

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, outcome: Outcome, done: int, total: int) -> None:
        """Report one finished report."""
        if not self.interactive:
            line = f"[{done}/{total}] 成功 / ok {outcome.report} -> {outcome.out}" if outcome.ok else (
                f"[{done}/{total}] {_failure(outcome)}")
            print(line, file=self.stream, flush=True)
            return
        if self.bar is None:
            from tqdm import tqdm

            # Created after the workers are forked; no monitor thread, so no thread is ever forked.
            tqdm.monitor_interval = 0
            self.bar = tqdm(total=total, file=self.stream, unit="份", desc="生成 / rendering", dynamic_ncols=True)
        if not outcome.ok:
            self.bar.write(_failure(outcome), file=self.stream)
        self.bar.update(1)


def _failure(outcome: Outcome) -> str:
    """Return the failed report's name and its error, indented on the lines below."""
    error = "\n".join("    " + line for line in str(outcome.error).splitlines())
    return f"失败 / FAILED {outcome.report}\n{error}"
