"""Tests of authoring help: JSON Schema, starter reports, template export and check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
import yaml
from docx.shared import Pt

import annual_docx
from annual_docx._output._authoring import STARTER_KINDS, check_template, json_schema, starter_report
from annual_docx.cli import main
from annual_docx.govinfo import as_report

from .conftest import EXAMPLE
from .docxcheck import NS, part, q
from .seedcheck import missing_lines


def as_json_data(text: str) -> Any:
    """Return YAML data as JSON would carry it (dates as strings)."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str, ensure_ascii=False))


EXAMPLES = sorted(p.name for p in EXAMPLE.parent.glob("*.yaml"))


@pytest.mark.parametrize("source", [*EXAMPLES, *STARTER_KINDS])
def test_json_schema_accepts_every_example(source: str) -> None:
    """Every example report and every starter validates against the published JSON Schema."""
    text = (EXAMPLE.parent / source).read_text(encoding="utf-8") if source in EXAMPLES else starter_report(source)
    jsonschema.validate(as_json_data(text), json_schema())


def test_json_schema_rejects_a_misspelt_key_and_has_chinese_descriptions() -> None:
    """Unknown keys fail schema validation too, and the schema describes models in Chinese."""
    data = as_json_data(EXAMPLE.read_text(encoding="utf-8"))
    data["sections"][0]["itemz"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
    schema = json_schema()
    assert schema["description"].startswith("工作年报")
    assert schema["$defs"]["WorkItem"]["description"].startswith("工作条目")


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`annual-docx schema` prints the JSON Schema."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("annual_docx")


@pytest.mark.parametrize("kind", STARTER_KINDS)
def test_init_writes_a_starter_that_renders(tmp_path: Path, kind: str) -> None:
    """`annual-docx init --kind K` writes a commented report that loads and renders as it is."""
    path = tmp_path / f"{kind}.yaml"
    assert main(["init", str(path), "--kind", kind]) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")
    out = annual_docx.render(annual_docx.load(path), tmp_path / f"{kind}.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0].endswith("工作年度报告" if kind == "govinfo" else "工作年报")


@pytest.mark.parametrize("kind", STARTER_KINDS)
def test_init_writes_the_schema_its_first_line_points_to_and_starters_nest(tmp_path: Path, kind: str) -> None:
    """The starter's first line names report.schema.json, and init writes it beside the report; starters use the
    nested form (no old section kinds, no numbers typed into titles)."""
    path = tmp_path / "report.yaml"
    assert main(["init", str(path), "--kind", kind]) == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema = tmp_path / first.split("$schema=", 1)[1]
    assert schema.name == "report.schema.json" and json.loads(schema.read_text(encoding="utf-8")) == \
        json_schema()
    loaded = annual_docx.load(path)
    report = as_report(loaded) if isinstance(loaded, annual_docx.GovinfoReport) else loaded
    assert all(section.kind == "section" for section in report.sections)
    assert any(section.sections for section in report.sections)


def test_init_does_not_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing report is never overwritten unless --force is given."""
    path = tmp_path / "report.yaml"
    path.write_text("mine", encoding="utf-8")
    assert main(["init", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == "mine"
    assert "--force" in capsys.readouterr().err
    assert main(["init", str(path), "--force"]) == 0
    assert "organisation" in path.read_text(encoding="utf-8")


def test_exported_template_is_the_default_and_passes_the_check(tmp_path: Path) -> None:
    """`template export` writes the default template, and `template check` finds nothing wrong with it."""
    path = tmp_path / "mine.docx"
    assert main(["template", "export", str(path)]) == 0
    assert path.read_bytes() == annual_docx.default_template().read_bytes()
    assert main(["template", "check", str(path)]) == 0


def template_with(tmp_path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "t.docx"
    document.save(str(path))
    return path


def test_check_flags_unknown_tags_fields_and_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown variables, block fields and block kinds are reported, as are missing required variables."""
    path = template_with(
        tmp_path, "{{ title }}", "{{ budget_total }}", "{%p for b in blocks %}",
        '{%p if b.kind == "table" %}', "{{ b.colour }}", "{%p endif %}", "{%p endfor %}",
    )
    result = check_template(path)
    assert result.unknown_variables == {"budget_total"}
    assert result.unknown_attributes == {"colour"}
    assert result.unknown_kinds == {"table"}
    assert not result.missing_variables
    assert main(["template", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "budget_total" in out and "colour" in out and "'table'" in out


def test_check_flags_missing_required_variables(tmp_path: Path) -> None:
    """A template without the body loop cannot hold a report: `blocks` is reported missing."""
    assert check_template(template_with(tmp_path, "{{ title }}")).missing_variables == {"blocks"}


def test_restyled_exported_template_keeps_changes(tmp_path: Path, example_report: annual_docx.Report) -> None:
    """An agency's restyle of the exported template (body font and size, a header text) survives rendering, and the
    report is complete."""
    path = tmp_path / "agency.docx"
    assert main(["template", "export", str(path)]) == 0
    document = docx.Document(str(path))
    normal = document.styles["Normal"]
    normal.font.size = Pt(15)
    normal.element.rPr.rFonts.set(q("eastAsia"), "楷体_GB2312")
    document.sections[0].header.paragraphs[0].text = "某某县图书馆 {{ year }} 年报"
    document.save(str(path))
    out = annual_docx.render(example_report, tmp_path / "out.docx", template=path, allow_noncompliant=True)  # 15 pt
    styles = part(out, "word/styles.xml")
    normal_rpr = "//w:style[@w:styleId='Normal']/w:rPr"
    assert styles.xpath(f"string({normal_rpr}/w:rFonts/@w:eastAsia)", namespaces=NS) == "楷体_GB2312"
    assert styles.xpath(f"string({normal_rpr}/w:sz/@w:val)", namespaces=NS) == "30"
    headers = [p.text for s in docx.Document(str(out)).sections for p in s.header.paragraphs]
    assert "某某县图书馆 2020 年报" in headers
    assert missing_lines(out) == []


def test_every_model_in_the_schema_is_described_in_chinese() -> None:
    """Each model of the JSON Schema carries a Chinese description for editors to show."""
    schema = json_schema()
    missing = [name for name, d in schema["$defs"].items()
               if not any("\u4e00" <= ch <= "\u9fff" for ch in d.get("description", ""))]
    assert missing == []
