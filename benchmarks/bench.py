"""Time rendering the seed example: cold CLI run, warm in-process render, charts alone; print a table.

Usage: python benchmarks/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qufu_2020.yaml"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def cold_cli(out: Path, runs: int) -> list[float]:
    """Return wall times of `python -m annual_docx render` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annual_docx", "render", str(EXAMPLE), "-o", str(out)],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def warm_render(out: Path, runs: int) -> list[float]:
    """Return times of load + render in this (warmed-up) process."""
    import annual_docx

    annual_docx.render(annual_docx.load(EXAMPLE), out)  # warm-up: imports, fonts
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        annual_docx.render(annual_docx.load(EXAMPLE), out)
        times.append(time.perf_counter() - start)
    return times


def charts(runs: int) -> list[float]:
    """Return times of drawing the example's three charts (two personnel charts and the org chart)."""
    import annual_docx
    from annual_docx._charts import category_chart, org_chart
    from annual_docx._context import org_box

    report = annual_docx.load(EXAMPLE)
    personnel = next(s for s in report.sections if isinstance(s, annual_docx.PersonnelSection))
    org = next(s for s in report.sections if isinstance(s, annual_docx.OrgChartSection))
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        for b in personnel.breakdowns:
            category_chart(b.title, list(b.categories.items()))
        org_chart([org_box(u) for u in org.units])
        times.append(time.perf_counter() - start)
    return times[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "qufu_2020.docx"
        rows = [
            ("cold CLI render of the seed (new process)", median_ms(cold_cli(out, runs))),
            ("warm load + render of the seed", median_ms(warm_render(out, runs))),
            ("the seed's three charts, warm", median_ms(charts(runs))),
        ]
        size = out.stat().st_size
    print(f"{'measure':<45} {'median ms':>10}")
    for name, ms in rows:
        print(f"{name:<45} {ms:>10.0f}")
    print(f"{'size of qufu_2020.docx (KiB)':<45} {size / 1024:>10.0f}")


if __name__ == "__main__":
    main()
