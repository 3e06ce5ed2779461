"""A template may be untrusted: the sandbox bounds the work its expressions do and the time its render takes, each
breach a clear TemplateError; a template without the report's tags is refused before rendering; template check
lists unknown filters instead of crashing; stylesWithEffects.xml never disagrees with styles.xml."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import pytest

import annual_docx
from annual_docx import TemplateError
from annual_docx._output._bounds import MAX_LENGTH, BoundsError
from annual_docx._output._docxtpl import sandbox
from annual_docx.cli import main

from .conftest import small_report

NEEDED = "{{ title }}{{ opening|length }}{{ blocks|length }}"


def template_with(tmp_path: Path, *texts: str, name: str = "t.docx") -> Path:
    """Return a python-docx default document (it carries stylesWithEffects.xml) with one paragraph per text."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


EXPENSIVE = [
    "{{ 'a' * 10**10 }}",
    "{{ [0] * 10**9 }}",
    "{{ 10 ** 10000000 }}",
    "{{ (10**30000) * (10**30000) }}",
    "{{ '%999999999d' % 1 }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ '%999999999d'|format(1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ '{:{w}}'.format(1, w=10**9) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{{ 'x'.zfill(10**9) }}",
    "{{ ('x' * 1000).replace('', 'y' * 10000) }}",
    "{{ 'x'|indent(10**9) }}",
    "{{ 'x'|center(10**9) }}",
    "{{ ('x' * 1000)|wordwrap(1, wrapstring='y' * 10000) }}",
    "{{ ('x' * 1000)|replace('', 'y' * 10000) }}",
    "{{ [1]|batch(10**9, 0)|list }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s=[1]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
]


@pytest.mark.parametrize("source", EXPENSIVE)
def test_expensive_expressions_are_stopped_before_the_work(source: str) -> None:
    """Each runs in well under a second and raises the sandbox's BoundsError naming the limit."""
    start = time.monotonic()
    with pytest.raises(BoundsError, match=r"limit|nested"):
        sandbox().from_string(source).render()
    assert time.monotonic() - start < 2


def test_results_just_under_the_caps_still_work() -> None:
    """The caps are on size, not on the operations: MAX_LENGTH characters pass, one more fails."""
    env = sandbox()
    assert len(env.from_string("{{ 'a' * n }}").render(n=MAX_LENGTH)) == MAX_LENGTH
    with pytest.raises(BoundsError):
        env.from_string("{{ 'a' * n }}").render(n=MAX_LENGTH + 1)
    assert env.from_string("{{ '%5d'|format(3) }}|{{ '{:>4}'.format(1) }}|{{ 'ab'|center(6) }}|{{ 2 ** 64 }}"
                           ).render() == "    3|   1|  ab  |18446744073709551616"


def test_huge_output_of_a_loop_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output made by looping over literal text is capped per part (here lowered to keep the test fast)."""
    monkeypatch.setattr("annual_docx._output._bounds.MAX_OUTPUT", 100_000)
    with pytest.raises(BoundsError, match="rendered part"):
        sandbox().from_string("{% for i in range(100000) %}literal text {% endfor %}").render()


@pytest.mark.parametrize(("source", "says"), [
    ("{{ 'a' * 10**10 }}", "would make 10,000,000,000 (limit 1,000,000)"),
    ("{% for x in range(10**9) %}{% endfor %}", "would make 1,000,000,000 (limit 100,000)"),
    ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ("{{ 'a' + 1 }}", "TypeError"),
])
def test_a_breach_in_a_template_is_a_template_error_naming_it(tmp_path: Path, source: str, says: str) -> None:
    """Through render(), a breach or a failing expression is a TemplateError (never OverflowError, MemoryError…)."""
    template = template_with(tmp_path, NEEDED, source)
    with pytest.raises(TemplateError, match="the template failed to render") as info:
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)
    assert str(template) in str(info.value) and says in str(info.value)
    assert not (tmp_path / "o.docx").exists()


def test_a_slow_template_is_stopped_at_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nested loops without output (10^10 iterations) stop at ANNUAL_DOCX_TEMPLATE_SECONDS with a TemplateError."""
    monkeypatch.setenv("ANNUAL_DOCX_TEMPLATE_SECONDS", "1")
    template = template_with(tmp_path, NEEDED, "{% for a in range(100000) %}{% for b in range(100000) %}"
                             "{% endfor %}{% endfor %}")
    start = time.monotonic()
    with pytest.raises(TemplateError, match=r"longer than 1 s"):
        annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template)
    assert time.monotonic() - start < 10
    # the next render in the same thread is not hit by a stray timeout
    assert annual_docx.render(annual_docx.validate(small_report()), tmp_path / "ok.docx",
                              template=template_with(tmp_path, NEEDED, name="ok_tpl.docx"),
                              allow_noncompliant=True).exists()


def test_a_template_without_the_report_tags_is_refused_listing_them(tmp_path: Path) -> None:
    """A template with none of the report's tags would render a document without the report: it is refused before
    rendering, with the same finding as `template check`."""
    template = template_with(tmp_path, "{{ title }}")
    data = small_report(signature="某县图书馆")
    with pytest.raises(TemplateError) as info:
        annual_docx.render(annual_docx.validate(data), tmp_path / "o.docx", template=template)
    message = str(info.value)
    for tag in ("blocks", "opening", "signature"):
        assert f"缺少必需变量 / required variable missing: {{{{ {tag} }}}}" in message
    assert "{{ title }}" not in message and not (tmp_path / "o.docx").exists()


def test_template_check_lists_an_unknown_filter_instead_of_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docxtpl's custom_jinja_filters_tpl.docx (rebuilt here): `| my_filterB(2)` is a finding, exit 1."""
    template = template_with(tmp_path, "{{ base_value_float | my_filterB(2) }}", "{{ x is my_test }}", NEEDED)
    assert main(["template", "check", str(template)]) == 1
    out, err = capsys.readouterr()
    assert "unknown filter or test: |my_filterB" in out and "unknown filter or test: is my_test" in out
    assert "内部错误" not in err


def test_template_check_does_not_fold_expensive_constants(tmp_path: Path) -> None:
    """Listing a template's variables compiles it, and compiling folds constants: `{{ 'x' * 400000000 }}` must not
    be computed (400 MB) — `template check` in a child process stays small."""
    import os
    import subprocess
    import sys

    template = template_with(tmp_path, "{{ 'x' * 400000000 }}{{ 'y'|center(400000000) }}", NEEDED)
    child = subprocess.Popen([sys.executable, "-m", "annual_docx", "template", "check", str(template)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode in (0, 1)
    assert usage.ru_maxrss < 300_000  # kilobytes


def test_styles_with_effects_is_dropped_with_its_relationship_and_content_type(tmp_path: Path) -> None:
    """A template carrying Word 2010's stylesWithEffects.xml renders to a package without it, valid by the SDK rules
    (a kept copy disagrees with the rewritten styles.xml: openxml-audit's 'unreadable content')."""
    from openxml_audit import OpenXmlValidator

    template = template_with(tmp_path, "{{ title }}", "{%p for p in opening %}", "{{ p }}", "{%p endfor %}",
                             "{%p for b in blocks %}", "{{ b.text }}", "{%p endfor %}")
    assert "word/stylesWithEffects.xml" in zipfile.ZipFile(template).namelist()
    out = annual_docx.render(annual_docx.validate(small_report()), tmp_path / "o.docx", template=template,
                             allow_noncompliant=True)  # a bare template: not a 公文's page
    with zipfile.ZipFile(out) as zf:
        assert "word/stylesWithEffects.xml" not in zf.namelist()
        assert b"stylesWithEffects" not in zf.read("[Content_Types].xml")
        assert b"stylesWithEffects" not in zf.read("word/_rels/document.xml.rels")
    assert [str(e) for e in OpenXmlValidator().validate(out).errors] == []
