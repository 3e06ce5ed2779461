"""Tests of the speed work: same results on the fast paths, and nothing loaded or compiled that is not needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml
from docx import Document

import annual_docx
from annual_docx._input import _load
from annual_docx.errors import InputError

from .conftest import EXAMPLE, small_report


def test_fast_yaml_loader_reads_the_example_exactly_like_the_safe_loader() -> None:
    """libyaml's loader (when present) gives the same data as PyYAML's pure-Python loader."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_load._FAST_LOADER) == yaml.load(text, Loader=_load._PRECISE_LOADER)


def test_yaml_error_keeps_the_precise_message_of_the_pure_python_loader(tmp_path: Path) -> None:
    """A tab used for indentation is named, with the line and column of the pure-Python loader."""
    bad = tmp_path / "tab.yaml"
    bad.write_text("organisation: 某馆\nsections:\n\t- kind: text\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        annual_docx.load(bad)
    message = str(caught.value)
    assert f"{bad}:3:1:" in message and "'\\t'" in message


def test_second_render_compiles_no_template_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering a second report with the same template reuses every compiled part: Jinja compiles nothing."""
    report = annual_docx.validate(small_report())
    annual_docx.render(report, tmp_path / "first.docx")
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: object, *args: object, **kwargs: object) -> object:
        compiled.append(str(source)[:40])
        return original(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    other = annual_docx.validate(small_report(organisation="另一个县图书馆"))
    annual_docx.render(other, tmp_path / "second.docx")
    assert compiled == []
    assert any("另一个县图书馆" in p.text for p in Document(str(tmp_path / "second.docx")).paragraphs)


def test_render_command_does_not_load_process_pools_or_matplotlib(tmp_path: Path) -> None:
    """`annual-docx render` of a report without charts loads neither multiprocessing nor matplotlib."""
    report = tmp_path / "r.json"
    report.write_text(json.dumps(small_report(), ensure_ascii=False), encoding="utf-8")
    code = (
        "import sys; from annual_docx.cli import main; rc = main(['render', sys.argv[1], '-o', sys.argv[2]]);"
        "print(rc, sorted(m for m in ('multiprocessing', 'concurrent.futures.process', 'matplotlib', 'tqdm')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(report), str(tmp_path / "r.docx")],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "0 []"


def _tag_table(path: Path, rows: int, cols: int) -> Path:
    doc = Document()
    table = doc.add_table(rows=rows, cols=cols)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{{{{ v{r}_{c} }}}}"
    doc.save(str(path))
    return path


def test_large_template_renders_the_same_body_as_plain_docxtpl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2,000-tag template gives the same document body as docxtpl's own class, and a second render reuses the
    cleaned-up template XML instead of cleaning it again."""
    from docxtpl import DocxTemplate

    from annual_docx._output._docxtpl import template_class

    template = _tag_table(tmp_path / "tags.docx", 200, 10)
    context = {f"v{r}_{c}": f"{r}-{c}<&>人" for r in range(200) for c in range(10)}
    bodies = []
    for cls in (DocxTemplate, template_class()):
        tpl = cls(template)
        tpl.render(context, jinja2.Environment(autoescape=True), autoescape=True)
        bodies.append(tpl.get_xml())
    assert bodies[0] == bodies[1]
    assert "199-9&lt;&amp;&gt;人" in bodies[1]

    cleaned: list[int] = []
    original = DocxTemplate.patch_xml
    monkeypatch.setattr(DocxTemplate, "patch_xml", lambda self, xml: cleaned.append(1) or original(self, xml))
    again = template_class()(template)
    again.render(context, jinja2.Environment(autoescape=True), autoescape=True)
    assert cleaned == [] and again.get_xml() == bodies[0]
