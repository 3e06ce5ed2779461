"""Time the seed's charts in a warm process, as the document draws them; print medians in ms.

Usage: python benchmarks/charts.py [--runs N]

"three charts" is the issue's target (org chart and the two personnel donuts, < 300 ms together); the party branch
chart the seed now also shows is timed on its own and in the total. "encode" is the PNG step alone (RGB, zlib level 1).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import annual_docx
from annual_docx._charts import Branch, ChartImage, category_chart, org_chart, party_chart
from annual_docx._charts._png import figure_png, new_figure
from annual_docx._content._drawing import org_box

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "qufu_2020.yaml"


def _seed_charts() -> dict[str, Callable[[], ChartImage]]:
    report = annual_docx.load(EXAMPLE)
    sections = report.sections
    personnel = next(s for s in sections if isinstance(s, annual_docx.PersonnelSection))
    org = next(s for s in sections if isinstance(s, annual_docx.OrgChartSection))
    party = next(s for s in sections if isinstance(s, annual_docx.PartySection))
    branches = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in party.branches]
    first, second = personnel.breakdowns
    return {
        "org chart": lambda: org_chart([org_box(u) for u in org.units]),
        "职称结构 donut": lambda: category_chart(first.title, list(first.categories.items()), draw_title=False),
        "学历结构 donut": lambda: category_chart(second.title, list(second.categories.items()), draw_title=False),
        "party chart": lambda: party_chart(branches),
    }


def _median_ms(make: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Return the median wall time, the median CPU time of this process and the least CPU time, in ms (CPU time is
    steadier on a busy machine: it leaves out the time other processes hold the cores; the least is steadier still)."""
    make()  # warm-up: imports, fonts, caches
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        make()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, min(cpu) * 1000


def _encode_only() -> None:
    fig = new_figure(140, 60)
    fig.text(0.5, 0.5, "encode", fontsize=20)
    figure_png(fig)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    charts = _seed_charts()
    three = [charts["org chart"], charts["职称结构 donut"], charts["学历结构 donut"]]
    rows = [(name, _median_ms(make, runs)) for name, make in charts.items()]
    rows.append(("three charts (org + 2 donuts)", _median_ms(lambda: [m() for m in three], runs)))
    rows.append(("four charts (+ party)", _median_ms(lambda: [m() for m in charts.values()], runs)))
    rows.append(("encode a 140x60 mm PNG alone", _median_ms(_encode_only, runs)))
    print(f"{'chart (warm, ' + str(runs) + ' runs)':<36} {'wall ms':>8} {'cpu ms':>8} {'cpu min':>8}")
    for name, (wall, cpu, least) in rows:
        print(f"{name:<36} {wall:>8.1f} {cpu:>8.1f} {least:>8.1f}")


if __name__ == "__main__":
    main()
