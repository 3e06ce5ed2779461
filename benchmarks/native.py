"""Measures for bench.py around native charts and the first render: a native chart's build time, the seed's four
charts drawn as pictures in a warm process, the bare import floor, and the script a user would write without us.

Run through ``python benchmarks/bench.py`` (one table with every target); nothing here prints on its own.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

# What every cold render pays before it does any work of its own (issue 17's yardstick): the document libraries,
# Jinja, YAML and pydantic imported, and one tiny model validated.
IMPORT_ONLY_CODE = (
    "import docx, docxtpl, jinja2, yaml, pydantic\n"
    "class Tiny(pydantic.BaseModel):\n    name: str\n    year: int = 2020\n"
    "Tiny.model_validate({'name': 'x'})"
)

# Importing what a first render cannot avoid: the document libraries, the model, YAML, and matplotlib's Figure with
# the Agg canvas (no pyplot).
FLOOR_CODE = (
    "import docx, docxtpl, pydantic, yaml; from matplotlib.figure import Figure;"
    "from matplotlib.backends.backend_agg import FigureCanvasAgg"
)

# What a user would write without annual_docx: the seed's text, its four charts (the two organisation charts as
# boxes and lines, the two personnel donuts; pyplot, a CJK font registered by hand) and its two photos put into a
# plain docxtpl template. No validation, no 公文 layout, no alt text, no caching.
PLAIN_SCRIPT = '''
import io, sys
from pathlib import Path
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager
import yaml
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

report_path, template, out, font = sys.argv[1:5]
data = yaml.safe_load(open(report_path, encoding="utf-8"))
font_manager.fontManager.addfont(font)
plt.rcParams["font.family"] = font_manager.FontProperties(fname=font).get_name()

def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from texts(v)

def png(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=300)
    plt.close(fig)
    return buffer

def tree(top, children):
    fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(children)), 2))
    ax.set_axis_off()
    ax.set_xlim(0, len(children))
    ax.set_ylim(0, 2)
    box = {"boxstyle": "square", "facecolor": "white", "edgecolor": "#1f3864"}
    ax.text(len(children) / 2, 1.6, top, ha="center", va="center", bbox=box)
    ax.plot([0.5, len(children) - 0.5], [1.1, 1.1], color="black", linewidth=0.8)
    ax.plot([len(children) / 2] * 2, [1.1, 1.4], color="black", linewidth=0.8)
    for n, child in enumerate(children):
        ax.plot([n + 0.5] * 2, [0.8, 1.1], color="black", linewidth=0.8)
        ax.text(n + 0.5, 0.5, child, ha="center", va="center", bbox=box)
    return png(fig)

tpl = DocxTemplate(template)
charts, photos = [], []
for section in data["sections"]:
    for unit in section.get("units", []):
        top = unit["name"] + ("\\n" + unit["head"] if unit.get("head") else "")
        charts.append(InlineImage(tpl, tree(top, [c["name"] for c in unit.get("children", [])]), width=Mm(150)))
    for branch in section.get("branches", []):
        roles = [r["title"] + "\\n" + r["name"] for r in branch["roles"]]
        charts.append(InlineImage(tpl, tree(branch["name"], roles), width=Mm(120)))
    for b in section.get("breakdowns", []):
        fig, ax = plt.subplots(figsize=(5.5, 2.6))
        values = list(b["categories"].values())
        ax.pie(values, labels=[f"{k} {v}人" for k, v in b["categories"].items()], autopct="%1.1f%%",
               wedgeprops={"width": 0.42})
        ax.set_title(b["title"])
        charts.append(InlineImage(tpl, png(fig), width=Mm(140)))
    for photo in section.get("photos", []):
        photos.append(InlineImage(tpl, str(Path(report_path).parent / photo["path"]), width=Mm(120)))
tpl.render({"title": data["organisation"], "paragraphs": list(texts(data["sections"])), "charts": charts + photos})
tpl.save(out)
'''


def plain_template(path: Path) -> Path:
    """Write the plain template the user's script fills: a title, a paragraph loop and a chart loop."""
    from docx import Document

    doc = Document()
    for line in ("{{ title }}", "{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}", "{%p for c in charts %}",
                 "{{ c }}", "{%p endfor %}"):
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def plain_command(python: str, tmp: Path, example: Path) -> list[str]:
    """Return the command running the user's script on the seed (files written into ``tmp``)."""
    from annual_docx._charts._fonts import bundled_font_dir

    script = tmp / "plain_script.py"
    script.write_text(PLAIN_SCRIPT, encoding="utf-8")
    font = bundled_font_dir() / "NotoSansCJKsc-Regular.otf"
    return [python, str(script), str(example), str(plain_template(tmp / "plain.docx")), str(tmp / "plain_out.docx"),
            str(font)]


def native_seed(example: Path, folder: Path) -> Path:
    """Write the seed with ``chart_engine: native`` (all four charts native) into ``folder``, its pictures linked
    beside it."""
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data["chart_engine"] = "native"
    folder.mkdir(exist_ok=True)
    if not (folder / "images").exists():
        (folder / "images").symlink_to(example.parent / "images")
    path = folder / "seed_native.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def native_chart_time(report: Any, runs: int) -> float:
    """Return the median time to build one native chart of the seed: spec, chart XML and workbook."""
    import annual_docx
    from annual_docx._charts._native import category_spec
    from annual_docx._ooxml.chart import chart_space
    from annual_docx._ooxml.workbook import workbook

    personnel = next(s for s in report.sections if isinstance(s, annual_docx.PersonnelSection))
    samples = []
    for _ in range(runs * 20):
        for b in personnel.breakdowns:
            start = time.perf_counter()
            spec = category_spec(b.title, list(b.categories.items()))
            chart_space(spec, "rId1")
            workbook(spec.categories, spec.series)
            samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[len(samples) // 2]


def four_charts(report: Any) -> Callable[[], None]:
    """Return a function drawing the seed's four charts as pictures, as the document does (two donuts, the org
    chart, the party chart)."""
    import annual_docx
    from annual_docx._charts import Branch, category_chart, org_chart, party_chart
    from annual_docx._content._drawing import org_box

    personnel = next(s for s in report.sections if isinstance(s, annual_docx.PersonnelSection))
    org = next(s for s in report.sections if isinstance(s, annual_docx.OrgChartSection))
    party = next(s for s in report.sections if isinstance(s, annual_docx.PartySection))
    branches = [Branch(b.name, tuple((r.title, r.name) for r in b.roles)) for b in party.branches]

    def draw() -> None:
        for b in personnel.breakdowns:
            category_chart(b.title, list(b.categories.items()), draw_title=False)
        org_chart([org_box(u) for u in org.units], title=None)
        party_chart(copy.copy(branches))

    return draw


def wall_and_cpu(fn: Callable[[], None], runs: int) -> tuple[float, float]:
    """Return the median wall time and the median CPU time of ``runs`` calls of ``fn`` (after one untimed call);
    CPU time is what a busy shared machine disturbs least."""
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return sorted(wall)[len(wall) // 2], sorted(cpu)[len(cpu) // 2]
