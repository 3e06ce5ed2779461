"""The public API the command line lives on (issue 24, item 5): batch render, template check, JSON Schema, font
report, import with its notes, the block models in ``annual_docx.blocks``, ``out`` for every output (old keyword
names warn), ``Literal`` types for fixed choices, and one ``NumberStyle``."""

from __future__ import annotations

import ast
import inspect
import re
import typing
import warnings
from pathlib import Path

import pytest
import yaml

import annual_docx
import annual_docx.blocks as blocks
from annual_docx._output import _fontreport
from annual_docx.cli import main

from .conftest import small_report
from .test_template_probe import NO_RED_RULE, edited_template

ROOT = Path(__file__).resolve().parent.parent


def test_every_content_block_is_exported_from_blocks() -> None:
    """Each member of the ContentBlock union (a new block kind too) is public in ``annual_docx.blocks``; its
    ``__all__`` is sorted and every name exists."""
    union = typing.get_args(typing.get_args(blocks.ContentBlock)[0])
    assert len(union) >= 13
    assert {m.__name__ for m in union} <= set(blocks.__all__)
    assert all(getattr(blocks, m.__name__) is m for m in union)
    assert blocks.__all__ == sorted(blocks.__all__)
    assert all(hasattr(blocks, name) for name in blocks.__all__)


def test_a_report_built_from_block_models_renders() -> None:
    """The exported models are the ones the report validates: a TableBlock built in Python is accepted as is."""
    table = blocks.TableBlock(type="table", header=["项目", "数量"], rows=[["外借册次", 131000]])
    data = small_report()
    data["sections"][0]["blocks"] = [table]
    report = annual_docx.validate(data)
    assert report.sections[0].blocks[0] is table  # type: ignore[union-attr]
    assert annual_docx.render(report)[:2] == b"PK"


def test_render_all_is_public_and_takes_out(tmp_path: Path) -> None:
    """``render_all(reports, out)`` writes each report into ``out``; the old keyword ``out_dir`` still works with a
    DeprecationWarning, and giving both is a TypeError."""
    report = tmp_path / "a.yaml"
    report.write_text(yaml.safe_dump(small_report(), allow_unicode=True), encoding="utf-8")
    outcomes = annual_docx.render_all([report], tmp_path / "out", jobs=1)
    assert [o.ok for o in outcomes] == [True] and outcomes[0].out == tmp_path / "out" / "a.docx"
    assert isinstance(outcomes[0], annual_docx.Outcome)
    with pytest.warns(DeprecationWarning, match="'out_dir' is now 'out'"):
        again = annual_docx.render_all([report], out_dir=tmp_path / "old", jobs=1)  # type: ignore[call-arg]
    assert (tmp_path / "old" / "a.docx").read_bytes() == outcomes[0].out.read_bytes() and again[0].ok
    with pytest.raises(TypeError, match="both"):
        annual_docx.render_all([report], tmp_path / "x", out_dir=tmp_path / "y")  # type: ignore[call-arg]


def test_import_report_counts_the_notes_the_yaml_carries(tmp_path: Path, example_docx: Path) -> None:
    """``import_report`` returns the import with its notes (each a ``#`` comment of the YAML it writes) and the file
    written; without ``out`` it writes no YAML; ``import_to_yaml(..., output=)`` still works, with a warning."""
    imported = annual_docx.import_report(example_docx, tmp_path / "r.yaml")
    assert imported.out == tmp_path / "r.yaml" and isinstance(imported.report, annual_docx.Report)
    text = imported.out.read_text(encoding="utf-8")
    assert imported.note_count == sum(len(v) for v in imported.notes.values())
    for notes in imported.notes.values():
        assert all(note in text for note in notes)
    alone = annual_docx.import_report(example_docx, assets=tmp_path / "pics")
    assert alone.out is None and alone.notes == imported.notes
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == ["r.yaml"]
    with pytest.warns(DeprecationWarning, match="'output' is now 'out'"):
        path = annual_docx.import_to_yaml(example_docx, output=tmp_path / "old.yaml")  # type: ignore[call-arg]
    assert path.read_text(encoding="utf-8") == text.replace("r_assets", "old_assets")


def test_check_template_probes_when_asked(tmp_path: Path) -> None:
    """``check_template(t)`` checks the tags only; with ``probe=True`` it also renders the probe report through the
    template and names the GB/T 9704 items it breaks — what ``annual-docx template check`` prints."""
    good = annual_docx.check_template(annual_docx.default_template(), probe=True)
    assert good.ok and good.probed and good.compliant and not good.probe_problems and not good.adapted
    template = edited_template(tmp_path / "t.docx", NO_RED_RULE)
    tags_only = annual_docx.check_template(template)
    assert tags_only.ok and not tags_only.probed and tags_only.compliant
    bad = annual_docx.check_template(template, probe=True)
    assert bad.ok and bad.probed and not bad.compliant
    assert any(line.startswith("版头红色分隔线") for line in bad.probe_problems)


def test_json_schema_is_what_the_schema_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == annual_docx.json_schema()


def test_starter_kinds_are_a_literal_the_init_command_offers(tmp_path: Path) -> None:
    kinds = typing.get_args(annual_docx.StarterKind)
    assert "library" in kinds and "govinfo" in kinds
    for kind in kinds:
        assert main(["init", str(tmp_path / f"{kind}.yaml"), "--kind", kind]) == 0
        assert (tmp_path / f"{kind}.yaml").read_text(encoding="utf-8") == annual_docx.starter_report(kind)
    assert main(["init", str(tmp_path / "x.yaml"), "--kind", "zoo"]) == 2


def test_font_report_is_what_the_fonts_command_prints(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``font_report()`` holds the lines ``annual-docx fonts`` prints; without fontconfig it is not ok and the
    command exits 1."""
    report = annual_docx.font_report()
    assert isinstance(report, annual_docx.FontReport) and report.lines[0] == "图表 / charts (matplotlib):"
    assert main(["fonts"]) == (0 if report.ok else 1)
    assert capsys.readouterr().out == str(report) + "\n"
    monkeypatch.setattr(_fontreport, "fc_list", list)
    assert not annual_docx.font_report().ok
    assert main(["fonts"]) == 1
    assert "fc-list" in capsys.readouterr().out


def test_grid_is_a_literal_shared_by_render_and_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from annual_docx._cli._cli_fonts import GRIDS

    assert typing.get_args(annual_docx.Grid) == ("word", "portable") == GRIDS
    assert inspect.signature(annual_docx.render).parameters["grid"].annotation == "Grid"
    assert main(["render", "r.yaml", "--grid", "tabloid"]) == 2
    assert "'word', 'portable'" in capsys.readouterr().err


def test_every_output_parameter_is_named_out() -> None:
    """Each public function that writes somewhere takes it as ``out``, and its options are keyword-only (the whole
    API's signatures are walked in ``test_api_names.py``; ``assets``, the pictures folder of the three imports, is
    an option there)."""
    writers = {"render": 1, "render_all": 1, "to_pdf": 1, "preview": 1, "import_to_yaml": 1, "import_report": 1}
    for name, position in writers.items():
        params = list(inspect.signature(getattr(annual_docx, name)).parameters.values())
        assert params[position].name == "out", name
        assert all(p.kind is p.KEYWORD_ONLY for p in params[position + 1:]), name


def test_old_output_keywords_warn_and_still_work(tmp_path: Path) -> None:
    """``to_pdf(pdf=)`` and ``preview(out_dir=)`` map onto ``out`` with a DeprecationWarning (checked up to the
    call, without LibreOffice: a missing input stops both right after)."""
    for call in (lambda: annual_docx.to_pdf(tmp_path / "none.docx", pdf=tmp_path / "x.pdf"),  # type: ignore[call-arg]
                 lambda: annual_docx.import_to_yaml(tmp_path / "none.docx", output=tmp_path / "r.yaml")):  # type: ignore[call-arg]
        with pytest.warns(DeprecationWarning), pytest.raises(annual_docx.AnnualDocxError):
            call()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(annual_docx.AnnualDocxError):
            annual_docx.to_pdf(tmp_path / "none.docx", tmp_path / "x.pdf")


def test_one_number_style() -> None:
    """``NumberStyle`` names one thing in the package: how a heading level is numbered (``schema.NumberStyle``); how
    counts are written is ``CountStyle``, public because ``change_phrase`` takes it (keyword-only)."""
    defined = []
    for path in (ROOT / "src" / "annual_docx").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name == "NumberStyle":
                defined.append(path.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                defined += [path.name for t in targets if isinstance(t, ast.Name) and t.id == "NumberStyle"]
    assert defined == ["schema.py"]
    style = annual_docx.CountStyle(percent_decimals=2)
    assert annual_docx.change_phrase(1081, 1000, unit="人", style=style) == "同比增长8.10%"
    with pytest.raises(TypeError):
        annual_docx.change_phrase(1081, 1000, "人", style)  # type: ignore[misc]


def test_the_api_table_names_every_public_function() -> None:
    """Each public function has a row in the table of the API (the README's, or a page of docs/ it moves to)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    rows = "\n".join(line for page in pages for line in page.read_text(encoding="utf-8").splitlines()
                     if line.startswith("|"))
    functions = [n for n in annual_docx.__all__ if n[0].islower() and not n.startswith("__")]
    missing = [n for n in functions if not re.search(rf"`{n}\(", rows)]
    assert missing == []


def test_check_results_print_themselves_and_stay_a_list(example_docx: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``check`` returns a list of findings as before (indexing, ``len``, ``+``, iteration) that prints the table
    and the JSON the command prints, byte for byte, and says whether it passes."""
    import json

    from annual_docx._output._check import format_json, format_table

    findings = annual_docx.check(example_docx)
    assert isinstance(findings, list) and isinstance(findings, annual_docx.Findings)
    assert all(isinstance(f, annual_docx.Finding) for f in findings) and len(findings) == len(list(findings))
    assert findings.table() == format_table(findings) and findings.table().startswith("文档类型 / kind")
    assert findings.json() == format_json(findings, str(example_docx))
    assert json.loads(findings.json())["file"] == str(example_docx)
    assert findings.ok == all(f.ok for f in findings) and findings.violations == sum(not f.ok for f in findings)
    assert main(["check", str(example_docx)]) == (0 if findings.ok else 1)
    assert capsys.readouterr().out == findings.table() + "\n"
    assert main(["check", str(example_docx), "--json"]) == (0 if findings.ok else 1)
    assert capsys.readouterr().out == findings.json() + "\n"
    broken = annual_docx.Findings([*findings, annual_docx.Finding("x", "y", "z", False)], kind=findings.kind,
                                    file="a.docx")
    assert not broken.ok and broken.violations == findings.violations + 1 and "✗" in broken.table()
    assert json.loads(broken.json())["file"] == "a.docx"
    missing = tmp_path / "none.docx"
    assert main(["check", str(missing), "--json"]) == 3
    assert capsys.readouterr().out == annual_docx.Findings.error_json(f"{missing}: 文件不存在 / file not found",
                                                                     file=str(missing)) + "\n"


def test_write_file_replaces_whole_and_refuses_what_it_must(tmp_path: Path) -> None:
    """``write_file`` writes through a temporary file (none left behind), refuses an existing file when told not to
    overwrite, and names the file in an OutputError when its folder is missing."""
    out = tmp_path / "a.json"
    assert annual_docx.write_file(out, b"1") == out and out.read_bytes() == b"1"
    assert annual_docx.write_file(str(out), b"22") == out and out.read_bytes() == b"22"
    with pytest.raises(annual_docx.OutputError, match=r"a\.json"):
        annual_docx.write_file(out, b"3", overwrite=False)
    with pytest.raises(annual_docx.OutputError, match="missing"):
        annual_docx.write_file(tmp_path / "missing" / "b.json", b"4")
    assert out.read_bytes() == b"22" and sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
