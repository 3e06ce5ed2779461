"""``template check`` renders a probe report through a template and checks it against GB/T 9704: it names each item
the template breaks with what to change, and what the render adapts (styles found by name, styles added); ``render``
refuses such a template unless told ``allow_noncompliant``; the verdict is cached by the template's hash, and a
render with the default template probes nothing."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import annual_docx
from annual_docx import TemplateError
from annual_docx._output import _template_probe
from annual_docx._output._template_probe import GENERIC, PROBE, advice, probe
from annual_docx.cli import main

from .conftest import small_report


def edited_template(path: Path, edit: dict[str, object]) -> Path:
    """The default template with its styles.xml edited: each pattern → replacement (regular expressions)."""
    with zipfile.ZipFile(annual_docx.default_template()) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/styles.xml":
                text = data.decode()
                for pattern, replacement in edit.items():
                    text, n = re.subn(pattern, str(replacement), text, flags=re.S)
                    assert n == 1, pattern
                data = text.encode()
            zout.writestr(info, data)
    return path


NO_RED_RULE = {r'(w:styleId="DocNumber">.*?)<w:pBdr>.*?</w:pBdr>': r"\1"}
NO_TABLE_STYLE = {r'<w:style w:type="table" w:styleId="OfficialTable">.*?</w:style>': ""}


def test_the_default_template_passes_with_nothing_adapted(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    path = tmp_path / "mine.docx"
    assert main(["template", "export", str(path)]) == 0
    capsys.readouterr()
    assert main(["template", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "✗" not in out and "模板适配" not in out and out.strip().endswith("通过 / ok")


def test_a_template_without_the_red_rule_is_named_and_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    """The check names 版头红色分隔线 and says to give the 发文字号 style its red bottom border; render refuses the
    template naming the item, writes nothing, and renders with allow_noncompliant."""
    template = edited_template(tmp_path / "t.docx", NO_RED_RULE)
    assert main(["template", "check", str(template)]) == 1
    out = capsys.readouterr().out
    assert "✗ 版头红色分隔线" in out and "「发文字号」样式：段落下边框" in out
    report = annual_docx.validate(small_report())
    out_path = tmp_path / "o.docx"
    with pytest.raises(TemplateError, match="版头红色分隔线") as info:
        annual_docx.render(report, out_path, template=template)
    assert "allow-noncompliant" in str(info.value) and not out_path.exists()
    assert annual_docx.render(report, out_path, template=template, allow_noncompliant=True) == out_path
    code = main(["render", str(tmp_path / "r.yaml"), "--template", str(template)]) if _write_report(tmp_path) else 0
    assert code == 1 and "版头红色分隔线" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "r.yaml"), "--template", str(template), "--allow-noncompliant",
                 "-o", str(tmp_path / "r.docx")]) == 0


def _write_report(folder: Path) -> bool:
    import yaml

    (folder / "r.yaml").write_text(yaml.safe_dump(small_report(), allow_unicode=True), encoding="utf-8")
    return True


def test_a_template_that_lost_its_table_style_is_named_and_still_gives_ruled_tables(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the 公文表格 table style the check says the default one is used (the tables carry their rules
    themselves as well) and the probe passes."""
    template = edited_template(tmp_path / "t.docx", NO_TABLE_STYLE)
    assert main(["template", "check", str(template)]) == 0
    out = capsys.readouterr().out
    assert "公文表格" in out and "OfficialTable" in out and "✗" not in out


def test_every_check_item_of_the_probe_has_advice(tmp_path: Path) -> None:
    """Every item ``check`` reports on the probe document says what to change in a template (no generic line)."""
    report = annual_docx.validate(PROBE)
    out = annual_docx.render(report, tmp_path / "probe.docx")
    items = [f.item for f in annual_docx.check(out)]
    assert len(items) > 40 and all(f.ok for f in annual_docx.check(out))
    assert [item for item in items if advice(item) == GENERIC] == []


def test_the_verdict_is_cached_by_the_template_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second probe of the same bytes renders nothing; another template is probed."""
    template = edited_template(tmp_path / "t.docx", NO_RED_RULE)
    first = probe(template)
    assert [p.item.split(" / ")[0] for p in first] == ["版头红色分隔线"]

    def no_render(path: Path) -> list[object]:
        raise AssertionError("probed again")

    monkeypatch.setattr(_template_probe, "_findings", no_render)
    assert probe(template) == first
    other = edited_template(tmp_path / "u.docx", {r'(w:styleId="DocNumber">.*?w:color=")FF0000': r"\1FE0000"})
    with pytest.raises(AssertionError, match="probed again"):
        probe(other)


def test_a_render_with_the_default_template_loads_no_probe() -> None:
    """The probe (a second render and a check) is for custom templates only: a default render does not load it."""
    code = ("import sys, annual_docx\n"
            f"annual_docx.render(annual_docx.validate({small_report()!r}))\n"
            "print('_template_probe' in ' '.join(sys.modules), '_template_adopt' in ' '.join(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_a_template_the_probe_cannot_render_through_is_refused_with_why(tmp_path: Path) -> None:
    """A tag that fails only on data the probe has (here the 版头) refuses the template, saying the probe report
    does not render and why; the report itself renders with allow_noncompliant."""
    import docx

    document = docx.Document(str(annual_docx.default_template()))
    for text in ("{%p if official %}", "{{ official.issuer[99] }}", "{%p endif %}"):
        document.add_paragraph(text)
    template = tmp_path / "t.docx"
    document.save(str(template))
    report = annual_docx.validate(small_report())
    with pytest.raises(TemplateError, match="probe report does not render") as info:
        annual_docx.render(report, tmp_path / "o.docx", template=template)
    assert "issuer" in str(info.value) or "99" in str(info.value)
    assert annual_docx.render(report, tmp_path / "o.docx", template=template, allow_noncompliant=True).exists()


def test_render_all_checks_the_template_once_and_refuses_it(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``render-all`` refuses a non-compliant template before any report (nothing written, the items named) and
    renders every report with ``--allow-noncompliant``."""
    template = edited_template(tmp_path / "t.docx", NO_RED_RULE)
    assert _write_report(tmp_path)
    out = tmp_path / "out"
    assert main(["render-all", str(tmp_path / "r.yaml"), "-o", str(out), "--template", str(template)]) != 0
    assert "版头红色分隔线" in capsys.readouterr().err and not list(out.glob("*.docx"))
    assert main(["render-all", str(tmp_path / "r.yaml"), "-o", str(out), "--template", str(template),
                 "--allow-noncompliant"]) == 0
    assert (out / "r.docx").is_file()


def test_the_verdict_is_not_cached_in_a_folder_others_can_write(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A verdict lets a template through: it is kept only where no one else can write (as compiled templates)."""
    shared = tmp_path / "shared"
    (shared / "templates").mkdir(parents=True)
    (shared / "templates").chmod(0o777)
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(shared))
    template = edited_template(tmp_path / "t.docx", NO_RED_RULE)
    assert probe(template)
    assert not list((shared / "templates").glob("*.verdict.json"))
    (shared / "templates").chmod(0o700)
    assert probe(template)
    assert len(list((shared / "templates").glob("*.verdict.json"))) == 1
