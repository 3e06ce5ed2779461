"""The chart cache key, tested for real: a copy of the package renders in a fresh process against one cache, and
changing its drawing code, the chart font or the data gives a miss (a new entry), while anything else is a hit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import annual_docx
from annual_docx._charts._fonts import bundled_font_dir

PACKAGE = Path(annual_docx.__file__).parent
TEMPLATE = PACKAGE.parents[1] / "templates" / "report_template.docx"
_CODE = (
    "import sys, annual_docx as a; assert a.__file__.startswith(sys.argv[3]), a.__file__;"
    "a.render(a.load(sys.argv[1]), sys.argv[2]); print('matplotlib' in sys.modules)"
)


class Tree:
    """A copy of the source tree (package and template) that a subprocess imports instead of the installed one."""

    def __init__(self, root: Path) -> None:
        self.src = root / "src"
        shutil.copytree(PACKAGE, self.src / "annual_docx", ignore=shutil.ignore_patterns("__pycache__"))
        (root / "templates").mkdir()
        shutil.copy(TEMPLATE, root / "templates" / TEMPLATE.name)
        self.cache = root / "charts"
        self.runs = 0

    def edit(self, name: str, line: str) -> None:
        """Append ``line`` to the package module ``name`` (a change of code that draws nothing differently)."""
        path = self.src / "annual_docx" / name
        path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")

    def render(self, report: dict[str, Any]) -> tuple[int, bool]:
        """Render ``report`` with this tree in a new process; return the cache's entry count and whether
        matplotlib was imported (a miss draws)."""
        self.runs += 1
        path = self.src.parent / f"r{self.runs}.yaml"
        path.write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
        env = {**os.environ, "ANNUAL_DOCX_CACHE_DIR": str(self.cache), "PYTHONPATH": str(self.src),
               "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("ANNUAL_DOCX_NO_CACHE", None)
        result = subprocess.run(
            [sys.executable, "-c", _CODE, str(path), str(path.with_suffix(".docx")), str(self.src)],
            capture_output=True, text=True, check=False, env=env)
        assert result.returncode == 0, result.stderr
        return len(list(self.cache.glob("*.chart"))), result.stdout.strip() == "True"


def report(font: Path, senior: int = 2) -> dict[str, Any]:
    return {
        "organisation": "某县图书馆", "year": 2024, "chart_font": {"path": str(font)},
        "sections": [{"kind": "personnel", "title": "人员结构", "breakdowns": [
            {"title": "职称结构", "categories": {"高级职称": senior, "中级职称": 8}, "chart": "bar"}]}],
    }


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path)


def test_code_font_and_data_changes_miss_and_nothing_else_does(tree: Tree, tmp_path: Path) -> None:
    font = tmp_path / "font.ttc"
    shutil.copy(bundled_font_dir().parent / "wqy" / "wqy-microhei.ttc", font)
    assert tree.render(report(font)) == (1, True)  # drawn
    assert tree.render(report(font)) == (1, False)  # the same: a hit, no matplotlib
    tree.edit("_numbering.py", "# not chart code")
    assert tree.render(report(font)) == (1, False)
    tree.edit("_charts/bar.py", "# changed drawing code")
    assert tree.render(report(font)) == (2, True)
    tree.edit("_charts/_chart_facts.py", "# changed palette, numbers or alt text")
    assert tree.render(report(font)) == (3, True)
    tree.edit("_charts/_fonts.py", "# changed font choice")
    assert tree.render(report(font)) == (4, True)
    tree.edit("_content/_drawing.py", "# changed how the report's charts are drawn (titles, org boxes)")
    assert tree.render(report(font)) == (5, True)
    tree.edit("_numbers.py", "# changed how numbers are written (labels, shares)")
    assert tree.render(report(font)) == (6, True)
    # the tree walk and builders draw nothing
    for builder in ("_content/_context.py", "_content/_build_figures.py", "_content/_sections.py"):
        tree.edit(builder, "# not chart code")
    assert tree.render(report(font)) == (6, False)
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the chart font file replaced
    assert tree.render(report(font)) == (7, True)
    assert tree.render(report(font, senior=3)) == (8, True)  # other data
    assert tree.render(report(font)) == (8, False)  # and back: still cached
