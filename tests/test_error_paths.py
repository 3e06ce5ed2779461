"""Errors carry the report field as data (``path``), the CLI runs on the public API, and a render loads only what it
runs."""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx import ChartError, ImageError
from annual_docx._content._context import build_context

from .conftest import small_report
from .test_chart_report import PARTY
from .test_context import fake_picture

ROOT = Path(__file__).resolve().parent.parent


def _context(data: dict[str, Any]) -> dict[str, Any]:
    return build_context(annual_docx.validate(data), fake_picture)


def test_chart_error_path_is_data_joined_through_section_and_breakdown() -> None:
    """A chart error's ``path`` is the field (section, breakdown), its ``detail`` the message without it."""
    personnel = {
        "kind": "personnel",
        "title": "人员",
        "breakdowns": [{"title": "职称", "categories": {"高级": 1}}, {"title": "学历", "categories": {"本\ue000": 1}}],
    }
    with pytest.raises(ChartError) as caught:
        _context(small_report(sections=[personnel]))
    assert caught.value.path == "sections[0].breakdowns[1]"
    assert caught.value.detail.startswith("图表文字“\ue000”无可用字体")
    assert str(caught.value) == f"sections[0].breakdowns[1]: {caught.value.detail}"


def test_chart_font_error_keeps_its_report_wide_path() -> None:
    """An unknown chart font is the report's ``chart_font``, whichever section first drew a chart."""
    with pytest.raises(ChartError) as caught:
        _context(small_report(sections=[{"kind": "text", "title": "概况"}, PARTY], chart_font={"family": "某某黑体"}))
    assert caught.value.path == "chart_font"
    assert "某某黑体" in caught.value.detail


def test_validate_checks_pictures_on_request_and_names_field_and_file(tmp_path: Path) -> None:
    """``validate(data, check_pictures=True)`` opens every picture; the error has the field and file as data."""
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    section = {"kind": "photos", "title": "照片", "photos": [{"path": str(bad)}]}
    data = small_report(sections=[small_report()["sections"][0], section])
    annual_docx.validate(data)  # the schema alone does not open pictures
    with pytest.raises(ImageError) as caught:
        annual_docx.validate(data, check_pictures=True)
    assert caught.value.path == "sections[1].photos[0].path"
    assert caught.value.file == bad
    assert str(caught.value).startswith(f"sections[1].photos[0].path ({bad}): ")


def test_field_errors_keep_their_path_across_processes() -> None:
    """render-all workers send errors back pickled: path, detail and file survive."""
    error = ImageError("图片文件为空 / the picture file is empty", "photos[0].path", file="a.png").under("sections[2]")
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.path, back.file, back.detail, str(back)) == (
        ImageError, "sections[2].photos[0].path", "a.png", error.detail, str(error))


def private_imports(path: Path) -> list[str]:
    """Return the library-internal modules ``path`` imports: any ``annual_docx`` module with a part starting with
    ``_`` (``annual_docx._output._check``; ``from annual_docx import _batch``), except the command line's own
    ``annual_docx._cli``. Relative imports count as private too (the CLI spells every import in full)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            found += [f"{'.' * node.level}{node.module or ''}"]
            continue
        if isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "annual_docx" else [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = (name or "").split(".")
            if parts[0] == "annual_docx" and parts[1:2] != ["_cli"] and any(p.startswith("_") for p in parts[1:]):
                found.append(name or "")
    return found


CLI_FILES = [ROOT / "src" / "annual_docx" / "cli.py", *sorted((ROOT / "src" / "annual_docx" / "_cli").glob("*.py"))]


@pytest.mark.parametrize("path", CLI_FILES, ids=lambda p: p.name)
def test_cli_imports_only_the_public_api_and_its_own_command_modules(path: Path) -> None:
    """cli.py and every module of ``_cli/`` import the public API (``annual_docx``, ``annual_docx.errors``,
    ``annual_docx.blocks`` …) and the command-line modules (``_cli/``), no library internals: the CLI lives on
    what scripts can use."""
    assert private_imports(path) == []


def test_the_private_import_check_sees_each_spelling(tmp_path: Path) -> None:
    """The check above is not blind: each way of reaching an internal is caught, the public modules are not."""
    probe = tmp_path / "probe.py"
    probe.write_text("import annual_docx._output._check\nfrom annual_docx._import import convert\n"
                     "from annual_docx import _cachedir, render\nfrom . import x\nimport annual_docx\n"
                     "from annual_docx._cli import _batch_cli\nfrom annual_docx.errors import InputError\n"
                     "from annual_docx.blocks import TableBlock\n", encoding="utf-8")
    assert private_imports(probe) == ["annual_docx._output._check", "annual_docx._import", "annual_docx._cachedir",
                                      "."]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return set(out.split())


HEAVY = ("annual_docx._output._check", "annual_docx._import", "annual_docx._output._pdf",
         "annual_docx._output._fontmatch", "annual_docx._output._fontreport", "annual_docx.govinfo")


def test_help_builds_the_parser_without_the_schema_or_the_checker() -> None:
    """``annual-docx --help`` loads neither the report schema nor any of the tools."""
    loaded = _modules_after("from annual_docx.cli import _parser\n_parser().format_help()")
    assert not loaded & {*HEAVY, "annual_docx.schema", "annual_docx._output._render", "docxtpl"}


def test_cli_render_loads_no_checker_importer_pdf_or_font_tools(tmp_path: Path) -> None:
    """A plain ``render`` imports nothing it does not run."""
    out = tmp_path / "q.docx"
    loaded = _modules_after(
        f"from annual_docx.cli import main\nassert main(['render', 'examples/qufu_2020.yaml', '-o', {str(out)!r}]) == 0"
    )
    assert out.exists()
    assert not loaded & set(HEAVY)


# what a render of the seed whose charts and pictures are cached has no use for
NOT_AT_START = ("PIL", "matplotlib", "difflib", "annual_docx._input._load_errors", "annual_docx._output._authoring",
                "annual_docx._ooxml.chart_part", "annual_docx._ooxml.chart", "annual_docx._charts._native")


def test_a_re_render_loads_no_picture_chart_error_or_template_checking_code(tmp_path: Path) -> None:
    """The second ``render`` of the seed (charts and pictures cached, default template) loads neither Pillow nor
    matplotlib, nor the error locator, the template checker or the native-chart code."""
    out = str(tmp_path / "q.docx")
    code = f"from annual_docx.cli import main\nassert main(['render', 'examples/qufu_2020.yaml', '-o', {out!r}]) == 0"
    _modules_after(code)  # fills the caches
    loaded = _modules_after(code)
    assert not loaded & set(NOT_AT_START), loaded & set(NOT_AT_START)


def test_the_command_exits_with_mains_code_and_the_collector_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """``annual-docx`` (``cli.run``) exits with what ``main`` returned, after freezing the collector so that it
    does not walk the run's objects once more at exit."""
    import gc

    from annual_docx import cli

    monkeypatch.setattr(cli, "main", lambda: 3)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.run()
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    assert exited.value.code == 3
    assert frozen > 0
