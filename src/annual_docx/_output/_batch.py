"""Render many reports at once in worker processes; one failing report never stops the others.

On Linux the workers are forked from a parent that has already imported the renderer, so each worker starts
warm; elsewhere they are spawned. Each worker compiles the template once and then reuses it for every report it
renders.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from annual_docx._renamed import renamed
from annual_docx.errors import AnnualDocxError, OutputError


@dataclass(frozen=True)
class Outcome:
    """What became of one report: the document written (``out``), or the error that stopped it. ``output``, its
    former name, still reads ``out`` with a DeprecationWarning."""

    report: Path
    out: Path
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Return whether the document was written."""
        return self.error is None

    @property
    def output(self) -> Path:
        """Deprecated: ``out``."""
        warnings.warn("Outcome.output is now Outcome.out", DeprecationWarning, stacklevel=2)
        return self.out


Outcome.__init__ = renamed(output="out")(Outcome.__init__)  # type: ignore[method-assign]  # Outcome(output=...)


Progress = Callable[[Outcome, int, int], None]
"""Called after each report with its outcome, the number of reports done and the total."""


def plan(reports: Iterable[Path], out_dir: Path) -> tuple[list[tuple[Path, Path]], list[Outcome]]:
    """Return (report, output) pairs to render and the outcomes of reports refused up front: a report named twice
    renders once; two reports that would write the same output file both fail, naming each other."""
    by_output: dict[Path, list[Path]] = {}
    seen: set[Path] = set()
    for report in reports:
        key = report.resolve()
        if key in seen:
            continue
        seen.add(key)
        by_output.setdefault(out_dir / (report.stem + ".docx"), []).append(report)
    jobs: list[tuple[Path, Path]] = []
    refused: list[Outcome] = []
    for output, sources in by_output.items():
        if len(sources) == 1:
            jobs.append((sources[0], output))
            continue
        names = "、".join(str(s) for s in sources)
        refused += [
            Outcome(s, output, f"与其他报告输出到同一文件 {output}（{names}）/ several reports would write {output}: "
                    f"{', '.join(str(x) for x in sources)}")
            for s in sources
        ]
    return jobs, refused


def render_one(report: Path, output: Path, template: Path | None = None, pdf: bool = False,
               allow_noncompliant: bool = False) -> Outcome:
    """Load and render one report (and export it to PDF beside the .docx when ``pdf``); return its outcome instead
    of raising."""
    from annual_docx._output._render import render
    from annual_docx._report_kinds import load

    start = time.perf_counter()
    try:
        render(load(report), output, template=template, allow_noncompliant=allow_noncompliant)
        if pdf:
            from annual_docx._output._pdf import to_pdf

            to_pdf(output, output.with_suffix(".pdf"))
    except AnnualDocxError as exc:
        return Outcome(report, output, str(exc), time.perf_counter() - start)
    except Exception as exc:  # a bug must not stop the other reports; the CLI shows it without a traceback
        return Outcome(report, output, f"内部错误 / internal error: {type(exc).__name__}: {exc}",
                       time.perf_counter() - start)
    return Outcome(report, output, None, time.perf_counter() - start)


@renamed(out_dir="out")
def render_all(
    reports: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    template: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    pdf: bool = False,
    allow_noncompliant: bool = False,
) -> list[Outcome]:
    """Render every report file into the folder ``out`` (created if missing) with ``jobs`` processes (default: one
    per CPU) and return the outcomes in the order the reports were given; a report that fails is an outcome with
    its ``error``, the others go on. ``pdf`` also exports each document to PDF beside it; ``progress`` is called
    after each report with its outcome, the number done and the total. A custom ``template`` is checked once, before
    any report, and refused (TemplateError naming the GB/T 9704 items) unless ``allow_noncompliant``. The keyword
    ``out_dir=`` for ``out`` still works, with a DeprecationWarning."""
    paths = [Path(r) for r in reports]
    out_dir = Path(out)
    tpl = Path(template) if template is not None else None
    if tpl is not None and not allow_noncompliant:
        from annual_docx._output._template_probe import refuse_noncompliant

        refuse_noncompliant(tpl)  # once here; the workers then skip it
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or exc
        raise OutputError(f"{out_dir}: 无法创建输出目录 / cannot create the output folder: {reason}") from exc
    todo, refused = plan(paths, out_dir)
    total = len(todo) + len(refused)
    done: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        done.append(outcome)
        if progress is not None:
            progress(outcome, len(done), total)

    for outcome in refused:
        record(outcome)
    workers = max(1, min(jobs or available_cpus(), len(todo)))
    outcomes = _in_process(todo, tpl, pdf) if workers == 1 else _in_pool(todo, tpl, workers, pdf)
    for outcome in outcomes:
        record(outcome)
    order = {r.resolve(): i for i, r in reversed(list(enumerate(paths)))}
    return sorted(done, key=lambda o: order[o.report.resolve()])


def available_cpus() -> int:
    """Return the number of CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _in_process(todo: list[tuple[Path, Path]], template: Path | None, pdf: bool) -> Iterator[Outcome]:
    for report, output in todo:
        yield render_one(report, output, template, pdf, True)  # the template was checked (or allowed) already


def _in_pool(todo: list[tuple[Path, Path]], template: Path | None, workers: int, pdf: bool) -> Iterator[Outcome]:
    # Imported before forking, so every worker starts with the loader and the renderer loaded.
    import annual_docx._output._render
    import annual_docx._report_kinds  # noqa: F401
    from annual_docx._output._docxtpl import warm_up

    warm_up()

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[Outcome], tuple[Path, Path]] = {
            pool.submit(render_one, report, output, template, pdf, True): (report, output)  # template checked
            for report, output in todo
        }
        for future in as_completed(futures):
            report, output = futures[future]
            try:
                yield future.result()
            except BrokenProcessPool as exc:
                yield Outcome(report, output, f"渲染进程意外退出 / the worker process died: {exc}")
