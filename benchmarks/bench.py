"""Measure how fast annual_docx renders and print one table of medians, targets and ratios.

Usage: python benchmarks/bench.py [--runs N] [--quick]

Every run is isolated: a fresh chart cache and a private bytecode cache live in a temporary folder, so two runs of
the script measure the same thing. The cold command-line runs get the bytecode an ordinary ``pip install`` leaves
behind (one untimed warm-up run writes it). Takes about two minutes on a 2-core machine (``--quick``: under one).
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import native
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qufu_2020.yaml"
MB = 1024 * 1024
TABLE_ROWS, TABLE_COLUMNS = 1000, 12  # 12,000 cells


# ---------------------------------------------------------------- helpers


def median_of(fn: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``runs`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child_env(tmp: Path, **extra: str) -> dict[str, str]:
    """Return the environment for a command-line run: private bytecode and chart caches in ``tmp``."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "ANNUAL_DOCX_NO_CACHE")}
    env.update({"PYTHONPYCACHEPREFIX": str(tmp / "pyc"), "ANNUAL_DOCX_CACHE_DIR": str(tmp / "charts"), **extra})
    return env


def run(cmd: list[str], env: dict[str, str]) -> float:
    """Run ``cmd``, fail loudly if it fails, and return its wall time."""
    return run_timed(cmd, env)[0]


def run_timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``cmd``, fail loudly if it fails, and return its wall time and CPU time (user + system; less
    sensitive than wall time to other work on the machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"benchmark command failed: {' '.join(cmd)}\n{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_run(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Return the median wall and CPU times of ``runs`` runs of ``cmd``."""
    times = [run_timed(cmd, env) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "annual_docx", *args]


def scaled(data: dict[str, Any], factor: int) -> dict[str, Any]:
    """Return the seed's data with its opening and sections repeated ``factor`` times (titles kept distinct)."""
    out = copy.deepcopy(data)
    out["opening"] = data["opening"] * factor
    out["sections"] = []
    for copy_no in range(factor):
        for section in data["sections"]:
            s = copy.deepcopy(section)
            s["title"] = f"{s['title']}{copy_no + 1}" if factor > 1 else s["title"]
            out["sections"].append(s)
    return out


# ---------------------------------------------------------------- measures run in a child process


def peak_child(case: str) -> None:
    """Run one case in this (fresh) process and print its peak resident memory in bytes."""
    import annual_docx

    tmp = Path(tempfile.mkdtemp())
    if case == "seed":
        annual_docx.render(annual_docx.load(EXAMPLE), tmp / "seed.docx")
    elif case == "x100":
        data = scaled(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), 100)
        annual_docx.render(annual_docx.validate(data, base_dir=EXAMPLE.parent), tmp / "x100.docx")
    elif case == "table":
        render_table(make_table_template(tmp / "table.docx"), tmp / "out.docx")
    print(peak_bytes())


def peak_bytes() -> int:
    """Return this process's peak resident memory: VmHWM on Linux (ru_maxrss survives exec there, so a child
    started from a big parent would report the parent's peak), else ru_maxrss."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def peak_rss(case: str, env: dict[str, str]) -> float:
    """Return the peak RSS in MB of a fresh process running ``case``."""
    result = subprocess.run([sys.executable, __file__, "--peak", case], env=env, capture_output=True, text=True,
                            check=True)
    return int(result.stdout.split()[-1]) / MB


# ---------------------------------------------------------------- the 12,000-cell table


def make_table_template(path: Path) -> Path:
    """Write a python-docx template whose one table has a header row and a docxtpl row loop of 12 columns."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    table = doc.add_table(rows=4, cols=TABLE_COLUMNS)
    for c in range(TABLE_COLUMNS):
        table.cell(0, c).text = f"{{{{ header[{c}] }}}}"
        table.cell(2, c).text = f"{{{{ row[{c}] }}}}"
    table.cell(1, 0).text = "{%tr for row in rows %}"
    table.cell(3, 0).text = "{%tr endfor %}"
    doc.save(str(path))
    return path


def make_variables_template(path: Path) -> Path:
    """Write the shape of docxtpl #490: a table of 12,000 cells, each holding its own variable ``{{ v<r>_<c> }}``."""
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=TABLE_ROWS, cols=TABLE_COLUMNS)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{{{{ v{r}_{c} }}}}"
    doc.save(str(path))
    return path


def render_variables(template: Path, out: Path) -> None:
    """Fill the #490-shaped template's 12,000 variables through annual_docx's machinery."""
    from annual_docx._output._docxtpl import fill, open_template
    from annual_docx._output._render import _atomic_target

    context: dict[str, Any] = {f"v{r}_{c}": f"{r + 1}-{c + 1}人" for r in range(TABLE_ROWS)
                               for c in range(TABLE_COLUMNS)}
    context["signature"] = None
    tpl = open_template(template)
    fill(tpl, context, template)
    with _atomic_target(out) as tmp:
        tpl.save(tmp)


def render_table(template: Path, out: Path) -> None:
    """Render 12,000 cells through annual_docx's machinery: sandbox, compiled-once parts,
    atomic save."""
    from annual_docx._output._docxtpl import fill, open_template
    from annual_docx._output._render import _atomic_target

    context = {
        "title": "表格基准 / table benchmark",
        "header": [f"第{c + 1}列" for c in range(TABLE_COLUMNS)],
        "rows": [[f"{r + 1}-{c + 1}人" for c in range(TABLE_COLUMNS)] for r in range(TABLE_ROWS)],
        "signature": None,
    }
    tpl = open_template(template)
    fill(tpl, context, template)
    with _atomic_target(out) as tmp:
        tpl.save(tmp)


# ---------------------------------------------------------------- in-process measures


def floor_render(report: Any, template: Path, out: Path) -> Callable[[], None]:
    """Return docxtpl alone as a function: open, render the same prepared context with pre-drawn images in a plain
    Jinja environment, save. No validation, no charts, no post-processing."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import Environment

    from annual_docx._content._context import build_context

    prepared = build_context(report, lambda source, width, alt: (source, width))  # charts come from the cache

    def once() -> None:
        tpl = DocxTemplate(template)

        def image(value: Any) -> Any:
            source, width = value
            return InlineImage(tpl, BytesIO(source) if isinstance(source, bytes) else str(source), width=Mm(width))

        blocks = [b if b.image is None else type(b)(b.kind, b.text, image(b.image)) for b in prepared["blocks"]]
        tpl.render({**prepared, "blocks": blocks}, Environment(autoescape=True), autoescape=True)
        tpl.save(out)

    return once


def alternating(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Return the median time of each of ``fns``, run in turn ``runs`` times (after one untimed call each), so a
    busy spell on the machine hits them alike."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, samples in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def chart_times(report: Any, runs: int) -> tuple[float, float]:
    """Return (first chart in a process, incl. matplotlib import and font registration; median time of the seed's
    three charts drawn warm)."""
    import annual_docx
    from annual_docx._content._drawing import org_box

    personnel = next(s for s in report.sections if isinstance(s, annual_docx.PersonnelSection))
    org = next(s for s in report.sections if isinstance(s, annual_docx.OrgChartSection))
    start = time.perf_counter()
    from annual_docx._charts import category_chart, org_chart

    first_breakdown = personnel.breakdowns[0]
    category_chart(first_breakdown.title, list(first_breakdown.categories.items()), draw_title=False)
    first = time.perf_counter() - start

    def three() -> None:
        for b in personnel.breakdowns:
            category_chart(b.title, list(b.categories.items()), draw_title=False)
        org_chart([org_box(u) for u in org.units], title=None)

    return first, median_of(three, runs)


def first_render_rows(table: Table, tmp: Path, env: dict[str, str], no_cache: dict[str, str], runs: int) -> None:
    """Add the first-render measures: cold processes in turns — the bare import floor, our render with nothing
    cached, the script a user would write without us, and the seed with native charts (no matplotlib)."""
    native_yaml = native.native_seed(EXAMPLE, tmp / "native")
    commands = {
        "floor": [sys.executable, "-c", native.FLOOR_CODE],
        "first": cli("render", str(EXAMPLE), "-o", str(tmp / "first.docx")),
        "plain": native.plain_command(sys.executable, tmp, EXAMPLE),
        "native": cli("render", str(native_yaml), "-o", str(tmp / "native.docx")),
    }
    for cmd in commands.values():
        run(cmd, no_cache)  # untimed: bytecode written
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_timed(cmd, no_cache))
    med = {name: statistics.median(t[0] for t in samples) for name, samples in times.items()}
    cpu = {name: statistics.median(t[1] for t in samples) for name, samples in times.items()}
    table.add("bare import floor (docx, docxtpl, pydantic, yaml, Figure + Agg)", med["floor"])
    table.add("first render of the seed, nothing cached (cold CLI)", med["first"], target=1.5 * med["floor"],
              note="target = 1.5 × floor")
    table.add("user's docxtpl + pyplot script: seed text, 4 charts, 2 photos", med["plain"])
    table.add("  first render / user's script", med["first"] / med["plain"], unit="", target=1.0)
    table.add("  CPU time (user + system): first render / floor", cpu["first"] / cpu["floor"], unit="", target=1.5)
    table.add("  CPU time (user + system): first render / user's script", cpu["first"] / cpu["plain"], unit="",
              target=1.0)
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, annual_docx as a; a.render(a.load(sys.argv[1]), sys.argv[2]); "
         "print('matplotlib' in sys.modules)", str(native_yaml), str(tmp / "n.docx")],
        env=no_cache, capture_output=True, text=True, check=True,
    ).stdout.strip()
    table.add("seed with chart_engine: native, nothing cached (cold CLI)", med["native"], target=1.5 * med["floor"],
              note=f"target = 1.5 × floor; matplotlib imported: {probe}")
    table.add("  native seed / first render with pictures", med["native"] / med["first"], unit="")


# ---------------------------------------------------------------- the table


class Table:
    """Rows of (measure, value, unit, target, passes) printed as one aligned table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, name: str, value: float, unit: str = "ms", target: float | None = None, note: str = "") -> None:
        shown = f"{value * 1000:.0f} ms" if unit == "ms" else f"{value:.1f} {unit}" if unit else f"{value:.2f}"
        print(f"  … {name}: {shown}", file=sys.stderr, flush=True)
        if target is None:
            self.rows.append((name, shown, "", note))
            return
        goal = f"≤ {target * 1000:.0f} ms" if unit == "ms" else f"≤ {target:g} {unit}".rstrip()
        verdict = "ok" if value <= target else "MISSED"
        self.rows.append((name, shown, goal, f"{value / target:.2f} of target, {verdict}" + (f"; {note}" * bool(note))))

    def print(self) -> None:
        widths = [max(len(r[i]) for r in [*self.rows, self.header]) for i in range(3)]
        for row in [self.header, *self.rows]:
            print(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}")

    header = ("measure", "median", "target", "ratio")


def custom_rows(table: Table, report: Any, tmp: Path, runs: int, warm: float) -> None:
    """A custom template (a copy of the default): the GB/T 9704 probe the first time, then warm renders with the
    verdict from the cache (tag check, cache lookup and the styles adopted by name on every render)."""
    import annual_docx
    from annual_docx._output._template_probe import probe

    template = tmp / "agency_template.docx"
    template.write_bytes(annual_docx.default_template().read_bytes())
    saved = os.environ.pop("ANNUAL_DOCX_NO_CACHE", None)
    os.environ["ANNUAL_DOCX_NO_CACHE"] = "1"
    uncached = median_of(lambda: probe(template), runs)
    os.environ.pop("ANNUAL_DOCX_NO_CACHE")
    if saved is not None:
        os.environ["ANNUAL_DOCX_NO_CACHE"] = saved
    table.add("template probe: probe report rendered through a custom template + check", uncached, target=1.0,
              note="once per template and code version (cached)")
    annual_docx.render(report, tmp / "custom.docx", template=template)  # untimed: the verdict is cached
    custom = median_of(lambda: annual_docx.render(annual_docx.load(EXAMPLE), tmp / "custom.docx",
                                                  template=template), runs * 3)
    table.add("warm load + render of the seed through a custom template, verdict cached", custom)
    table.add("  custom template / default template", custom / warm, unit="", target=1.8,
              note="the tag check alone was 1.5× (CPU) before the probe")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--quick", action="store_true", help="smaller batch and fewer large-report runs")
    parser.add_argument("--peak", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        peak_child(args.peak)
        return
    runs, started = args.runs, time.perf_counter()
    table = Table()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = child_env(tmp)
        os.environ.update(ANNUAL_DOCX_CACHE_DIR=env["ANNUAL_DOCX_CACHE_DIR"])
        os.environ.pop("ANNUAL_DOCX_NO_CACHE", None)
        out = tmp / "seed.docx"
        render_cmd = cli("render", str(EXAMPLE), "-o", str(out))

        # Cold command line: a new process each time.
        run(render_cmd, env)  # untimed: writes the bytecode and fills the chart and template caches
        import_only = [sys.executable, "-c", native.IMPORT_ONLY_CODE]
        run(import_only, env)  # untimed: bytecode
        # in turns, so a busy spell on the machine hits both alike
        turns = [(run_timed(render_cmd, env), run_timed(import_only, env)) for _ in range(max(runs, 15))]
        cold, cold_cpu = (statistics.median(t[0][i] for t in turns) for i in (0, 1))
        floor_wall, floor_cpu = (statistics.median(t[1][i] for t in turns) for i in (0, 1))
        table.add("cold CLI render of the seed, charts cached", cold, target=1.0)
        table.add("  the same, CPU time (user + system)", cold_cpu)
        table.add("import-only process (docx, docxtpl, jinja2, yaml, pydantic; one tiny model)", floor_wall)
        table.add("  cold CLI render from the cache / import-only process", cold / floor_wall, unit="", target=1.5)
        table.add("  the same in CPU time", cold_cpu / floor_cpu, unit="", target=1.1)
        no_cache = child_env(tmp, ANNUAL_DOCX_NO_CACHE="1")
        cold_draw, cold_draw_cpu = median_run(render_cmd, no_cache, runs)
        table.add("cold CLI render of the seed, charts drawn", cold_draw, target=1.0)
        table.add("  the same, CPU time (user + system)", cold_draw_cpu)
        first_render_rows(table, tmp, env, no_cache, runs)
        probe = subprocess.run(
            [sys.executable, "-c", "import sys, annual_docx as a; a.render(a.load(sys.argv[1]), sys.argv[2]); "
             "print('matplotlib' in sys.modules)", str(EXAMPLE), str(out)],
            env=env, capture_output=True, text=True, check=True,
        ).stdout.strip()

        # Warm, in this process.
        import annual_docx

        report = annual_docx.load(EXAMPLE)
        annual_docx.render(report, out)
        floor_once = floor_render(report, annual_docx.default_template(), tmp / "floor.docx")
        warm, floor = alternating([lambda: annual_docx.render(annual_docx.load(EXAMPLE), out), floor_once], runs * 3)
        table.add("docxtpl-alone floor (same template, context, images)", floor)
        table.add("warm load + render of the seed, charts cached", warm, target=1.5 * floor,
                  note="target = 1.5 × floor")
        custom_rows(table, report, tmp, runs, warm)
        first_chart, charts = chart_times(report, runs)
        four_wall, four_cpu = native.wall_and_cpu(native.four_charts(report), runs * 3)
        table.add("the seed's 4 charts (2 donuts, org, party) drawn warm", four_wall, target=0.150)
        table.add("  the same, CPU time", four_cpu, target=0.150)
        table.add("one native chart built (spec + chart XML + workbook)", native.native_chart_time(report, runs) * 1e6,
                  unit="µs", target=10_000)
        os.environ["ANNUAL_DOCX_NO_CACHE"] = "1"
        warm_draw = median_of(lambda: annual_docx.render(annual_docx.load(EXAMPLE), out), runs)
        del os.environ["ANNUAL_DOCX_NO_CACHE"]
        table.add("warm load + render of the seed, charts drawn", warm_draw, target=0.350)
        table.add("the seed's 3 charts, drawn warm", charts)
        table.add("first chart in a process (matplotlib import + font)", first_chart)

        # Scaling: the seed's content repeated in a YAML file (load + render); the charts repeat too, so they are
        # drawn once and then come from the cache.
        reports = tmp / "reports"
        reports.mkdir()
        (reports / "images").symlink_to(EXAMPLE.parent / "images")
        data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
        rounds = 1 if args.quick else 3
        sources: dict[int, Path] = {}
        for factor in (1, 10, 100):
            sources[factor] = reports / f"x{factor}.yaml"
            sources[factor].write_text(yaml.safe_dump(scaled(data, factor), allow_unicode=True), encoding="utf-8")
            annual_docx.render(annual_docx.load(sources[factor]), tmp / f"x{factor}.docx")  # untimed warm-up
        wall: dict[int, list[float]] = {1: [], 10: [], 100: []}
        cpu: dict[int, list[float]] = {1: [], 10: [], 100: []}
        for _ in range(max(rounds, runs)):  # interleaved, so a busy spell on the machine hits every size alike
            for factor in (1, 10, 100):
                if factor == 100 and len(wall[100]) >= rounds:
                    continue
                start_wall, start_cpu = time.perf_counter(), time.process_time()
                annual_docx.render(annual_docx.load(sources[factor]), tmp / f"x{factor}.docx")
                wall[factor].append(time.perf_counter() - start_wall)
                cpu[factor].append(time.process_time() - start_cpu)
        med = {f: statistics.median(v) for f, v in wall.items()}
        med_cpu = {f: statistics.median(v) for f, v in cpu.items()}
        table.add("10× the seed's content (load + render)", med[10])
        table.add("100× the seed's content (load + render)", med[100], unit="s", target=10.0)
        table.add("linearity: CPU time 10× / 1×", med_cpu[10] / med_cpu[1], unit="", target=12.0)
        table.add("linearity: CPU time 100× / 10×", med_cpu[100] / med_cpu[10], unit="", target=12.0)
        table.add("  (wall time 100× / 10×)", med[100] / med[10], unit="")

        # 12,000-cell table.
        table_tpl = make_table_template(tmp / "table_template.docx")
        render_table(table_tpl, tmp / "table.docx")
        table.add(f"{TABLE_ROWS * TABLE_COLUMNS:,}-cell table ({TABLE_ROWS} rows × {TABLE_COLUMNS})",
                  median_of(lambda: render_table(table_tpl, tmp / "table.docx"), 3), unit="s", target=5.0)

        variables_tpl = make_variables_template(tmp / "variables_template.docx")
        start = time.perf_counter()
        render_variables(variables_tpl, tmp / "variables.docx")
        table.add("12,000 distinct variables (docxtpl #490 shape), first render", time.perf_counter() - start,
                  unit="s", target=5.0, note="compiles the 1.5 MB template")
        table.add("  the same template again (compiled once per process)",
                  median_of(lambda: render_variables(variables_tpl, tmp / "variables.docx"), 3), unit="s", target=5.0)

        # Peak memory, each case in a fresh process.
        peaks = {case: peak_rss(case, env) for case in ("seed", "x100", "table")}
        peaks["seed, charts drawn"] = peak_rss("seed", no_cache)
        for case, mb in peaks.items():
            table.add(f"peak RSS: {case}", mb, unit="MB", target=250.0)

        # Batch: copies of the seed through `annual-docx render-all --jobs 2`.
        copies = 20 if args.quick else 100
        names = []
        text = EXAMPLE.read_text(encoding="utf-8")
        for i in range(copies):
            (reports / f"agency_{i:03d}.yaml").write_text(text, encoding="utf-8")
            names.append(str(reports / f"agency_{i:03d}.yaml"))
        fresh = child_env(tmp, ANNUAL_DOCX_CACHE_DIR=str(tmp / "charts-batch"))
        batch = run(cli("render-all", *names, "-o", str(tmp / "batch"), "--jobs", "2"), fresh)
        table.add(f"render-all: {copies} copies of the seed, 2 jobs", batch, unit="s", target=40.0 * copies / 100,
                  note="chart cache empty at start")
        distinct = names[:20]
        drawn = run(cli("render-all", *distinct, "-o", str(tmp / "batch-drawn"), "--jobs", "2"), no_cache)
        table.add(f"render-all: {len(distinct)} copies, chart cache off (→ per 100)", drawn * 100 / len(distinct),
                  unit="s", note="every chart drawn, as for 100 different agencies; no target")

    print()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"annual_docx benchmarks — {os.cpu_count()} CPUs, load average {load}, Python {sys.version.split()[0]}; "
          f"median of {runs} (warm in-process: {runs * 3}) unless noted")
    print(f"matplotlib imported by a render whose charts are all cached: {probe == 'True'}")
    table.print()
    print(f"(benchmark wall time {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
