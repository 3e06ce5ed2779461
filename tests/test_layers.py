"""The folders of ``src/annual_docx`` are layers: no module imports from a folder above its own.

The graph is computed from the imports themselves (``ast`` over every module, imports inside functions and under
``TYPE_CHECKING`` included: a lazy import is still a dependency). The order is written once, in ``LAYERS``, and drawn
in ``docs/architecture.md`` ("Layers"); a test keeps the two alike.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "annual_docx"

# Bottom to top. A node is a folder (a subpackage) or a module at the top of the package. A module may import from
# its own layer and the layers below it, never from a layer above.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("errors", "gbt9704", "_cachedir", "_atomic", "_textwidth", "_numbering", "_numbers", "_renamed")),
    ("ooxml", ("_ooxml",)),
    ("charts", ("_charts",)),
    ("roles", ("_roles",)),
    ("model", ("_model", "schema", "blocks")),
    ("input", ("_input",)),
    ("kinds", ("govinfo", "_report_kinds")),
    ("content", ("_content",)),
    ("output", ("_output", "_import")),
    ("api", ("__init__",)),
    ("cli", ("cli", "__main__", "_cli", "editor")),
)

# Imports that still run against the order, each (importing file, imported module) with the reason; the list must
# match exactly, so a new one fails and a fixed one must be struck off. None is left: keep it empty.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def _layer_of() -> dict[str, int]:
    return {node: rank for rank, (_name, nodes) in enumerate(LAYERS) for node in nodes}


def _node(module: str) -> str:
    """The layer node of a dotted module name under ``annual_docx`` (``annual_docx._ooxml.ns`` → ``_ooxml``)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every ``annual_docx`` module ``path`` imports (line, dotted name), ``from x import y`` naming ``x.y`` when
    ``y`` is a module."""
    own = _module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                as_path = PACKAGE.parent.joinpath(*candidate.split("."))
                is_module = as_path.with_suffix(".py").is_file() or (as_path / "__init__.py").is_file()
                out.append((node.lineno, candidate if is_module else base))
    return [(line, name) for line, name in out if name == "annual_docx" or name.startswith("annual_docx.")]


def folder_graph() -> list[tuple[str, int, str, str, str]]:
    """Every import between two layer nodes: (file under the package, line, from node, to node, module)."""
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _node(_module_name(path))
        for line, module in _imports(path):
            target = _node(module)
            if target != source:
                edges.append((path.relative_to(PACKAGE).as_posix(), line, source, target, module))
    return edges


def upward_imports() -> list[tuple[str, int, str, str, str]]:
    """The imports of ``folder_graph`` whose target sits in a layer above the importing module's."""
    rank = _layer_of()
    return [edge for edge in folder_graph() if rank[edge[3]] > rank[edge[2]]]


def test_every_module_sits_in_a_layer() -> None:
    rank = _layer_of()
    nodes = {_node(_module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert sorted(nodes - rank.keys()) == [], "a new folder or top-level module: put it in LAYERS and the picture"
    assert sorted(rank.keys() - nodes) == [], "LAYERS names a folder or module that no longer exists"


def test_no_folder_imports_one_above_it() -> None:
    found = {(file, module): f"{file}:{line} ({source} → {target}) imports {module}"
             for file, line, source, target, module in upward_imports()}
    new = sorted(found[key] for key in found.keys() - KNOWN_UPWARD.keys())
    assert new == [], "imports against the layer order (see docs/architecture.md, Layers):\n" + "\n".join(new)
    fixed = sorted(f"{file} → {module}" for file, module in KNOWN_UPWARD.keys() - found.keys())
    assert fixed == [], "no longer imported against the order; strike off KNOWN_UPWARD:\n" + "\n".join(fixed)


def test_the_graph_sees_imports_inside_functions_and_from_imports_of_modules() -> None:
    """The walk finds lazy imports (in a function body) and resolves ``from x import module``."""
    edges = folder_graph()
    assert any(file == "_ooxml/numbering_in.py" and module == "annual_docx._numbering" for file, _l, _s, _t, module
               in edges), "the lazy import in Numbering.label is found"
    assert any(file == "_content/_sections.py" and module == "annual_docx._model.tree" for file, _l, _s, _t, module
               in edges), "from annual_docx._model import tree names the module"


def test_an_upward_import_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving _ooxml to the top makes every other stage's imports of it upward."""
    layers = (*tuple((name, nodes) for name, nodes in LAYERS if name != "ooxml"), ("ooxml", ("_ooxml",)))
    monkeypatch.setitem(globals(), "LAYERS", layers)
    assert any(source == "_output" and target == "_ooxml" for _f, _l, source, target, _m in upward_imports())


def test_the_picture_in_architecture_md_lists_the_layers_in_order() -> None:
    """Each row of the layer picture in docs/architecture.md (``│  3 name  folder/  module.py  what it is``, a row
    without a number going on the row above) names exactly the folders and modules of that layer, every layer drawn
    once, top row the highest."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = text.split("## Layers", 1)[1].split("```", 2)[1]
    drawn: list[tuple[int, set[str]]] = []
    for match in re.finditer(r"^│ +(\d+ \w+)? +(.*?)│?$", picture, re.M):  # a row without a number goes on the last
        names = set(re.findall(r"(\w+)(?:/|\.py)(?=\s|$)", match.group(2)))
        if match.group(1):
            drawn.append((int(match.group(1).split()[0]), names))
        elif drawn:
            drawn[-1][1].update(names)
    assert [rank for rank, _nodes in drawn] == list(range(len(LAYERS)))[::-1], "one row per layer, top first"
    assert dict(drawn) == {rank: set(nodes) for rank, (_n, nodes) in enumerate(LAYERS)}


def test_lint_runs_in_the_model_layer_without_the_stages_above() -> None:
    """``Report.lint_warnings`` (the ``ReportKind`` protocol) and a block's own rule run with nothing above the model
    layer loaded: no input stage, no content stage, no block registry."""
    code = (
        "import sys\n"
        "from annual_docx.schema import Report\n"
        "report = Report.model_validate({'organisation': '某馆', 'year': 2020, 'sections': [{'title': '人员',"
        " 'blocks': [{'type': 'breakdown', 'title': '年龄结构', 'categories': {'青年': 2}, 'expected_total': 3}]}]})\n"
        "print(sorted({p.code for p in report.lint_warnings()}))\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('annual_docx.')}))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    codes, loaded = run.stdout.splitlines()
    assert "W-TOTAL" in codes
    rank = _layer_of()
    above = sorted(node for node in ast.literal_eval(loaded) if rank[node] > rank["schema"])
    assert above == [], f"lint loaded modules above the model layer: {above}"
