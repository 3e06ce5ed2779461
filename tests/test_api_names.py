"""Consistent public names (issue 24, item 5), read from the signatures of the whole public API — every function,
every public method and constructor of a public class, every field of a public record in ``annual_docx``,
``annual_docx.blocks`` and ``annual_docx.editor``: an output is called ``out``; nothing after the first argument
but ``out`` may be given by position; a fixed choice is a ``Literal``, not a ``str``. Renamed and now keyword-only
names keep working with a DeprecationWarning naming the new spelling."""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

import annual_docx
import annual_docx.blocks
import annual_docx.editor
from annual_docx._cli._cli_format import KIND_NAMES
from annual_docx._output._finding import Finding
from annual_docx.cli import main

from .conftest import small_report

MODULES = (annual_docx, annual_docx.blocks, annual_docx.editor)

OUTPUT_NAME = re.compile(r"^(out_\w+|out(dir|file|path|folder)|output\w*|dest|destination|target\w*|save_to)$")
"""A parameter or field named like an output but not ``out``: ``output``, ``out_dir``, ``outdir``, ``dest``…"""

FREE_TEXT = {
    "unit": "any unit a report counts in (人, 册次, %)",
    "message": "a message's words",
    "file": "a file's name as the user gave it",
    "item": "a check row's item, in words",
    "expected": "what GB/T 9704 asks, in words",
    "found": "what the document has, in words",
    "where": "which paragraph, in words",
    "clause": "a clause number of GB/T 9704 (7.3.5.2) or —",
    "error": "an error's message",
    "probe_error": "an error's message",
    "source": "where the data came from, as the user names it (a file name)",
    "path": "a field path (sections[3].title)",
    "code": "a lint code (W-YEAR…) or a template probe's advice: an open set",
    "thousands_separator": "any separator (',', ' ', '')",
}
"""Parameters and fields typed ``str`` on purpose: free text, not a fixed choice (a new one must be added here or
typed as a Literal)."""


def public_objects() -> Iterator[tuple[str, object]]:
    for module in MODULES:
        for name in module.__all__:
            if not name.startswith("__"):
                yield f"{module.__name__}.{name}", getattr(module, name)


def callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """Every public function, and every method and constructor a public class defines itself (not a Pydantic
    model's or a dataclass's generated ``__init__``: their fields are checked as fields)."""
    for where, obj in public_objects():
        if inspect.isfunction(obj):
            yield where, obj
        elif inspect.isclass(obj) and not issubclass(obj, BaseException | BaseModel):
            for name, member in vars(obj).items():
                function = member.__func__ if isinstance(member, staticmethod | classmethod) else member
                if not inspect.isfunction(function) or (name.startswith("_") and name != "__init__"):
                    continue
                if name == "__init__" and dataclasses.is_dataclass(obj):
                    continue
                yield f"{where}.{name}", function


def records() -> Iterator[tuple[str, type]]:
    """The public dataclasses (a result's or a setting's fields: ``Outcome``, ``Finding``, ``Imported``…)."""
    for where, obj in public_objects():
        if inspect.isclass(obj) and dataclasses.is_dataclass(obj):
            yield where, obj


def after_first(function: Callable[..., object]) -> list[inspect.Parameter]:
    params = list(inspect.signature(function).parameters.values())
    if params and params[0].name in ("self", "cls"):
        params = params[1:]
    return params[1:]


def plain_str(annotation: object) -> bool:
    """Whether an annotation (a string under ``from __future__ import annotations``) is text: ``str`` or
    ``str | None``, not a path (``str | Path``, ``os.PathLike[str]``) nor a container of strings."""
    parts = {p.strip() for p in str(annotation).split("|")}
    return "str" in parts and not any("Path" in p for p in parts)


def test_the_walk_sees_the_whole_api() -> None:
    """The walk reaches functions, methods, static methods, constructors and records (else the tests below could
    pass by looking at nothing)."""
    names = {where for where, _ in callables()}
    assert {"annual_docx.render", "annual_docx.import_docx", "annual_docx.Findings.__init__",
            "annual_docx.Findings.error_json", "annual_docx.editor.serve", "annual_docx.editor.Editor.__init__",
            "annual_docx.change_phrase"} <= names
    assert {"annual_docx.Outcome", "annual_docx.Finding", "annual_docx.Imported"} <= {w for w, _ in records()}


def test_nothing_after_the_first_argument_but_out_is_given_by_position() -> None:
    """An option with a default is keyword-only; only ``out`` (where the result goes) may follow the first
    argument by position, as in ``render(report, "a.docx")``."""
    positional = [f"{where}({p.name})" for where, function in callables() for p in after_first(function)
                  if p.default is not p.empty and p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "out"]
    assert positional == []


def test_every_output_is_called_out() -> None:
    """No parameter or record field is an output under another name (``output``, ``out_dir``, ``dest``…)."""
    params = [f"{where}({p.name})" for where, function in callables()
              for p in inspect.signature(function).parameters.values() if OUTPUT_NAME.match(p.name)]
    fields = [f"{where}.{f.name}" for where, record in records() for f in dataclasses.fields(record)
              if OUTPUT_NAME.match(f.name)]
    assert params + fields == []


def test_fixed_choices_are_literals() -> None:
    """Every parameter or record field typed as plain text is free text (``FREE_TEXT``); a fixed choice —
    ``check(kind=)``, ``Finding.severity``, ``render(grid=)`` — is a Literal type."""
    texts = {(f"{where}({p.name})", p.name) for where, function in callables()
             for p in inspect.signature(function).parameters.values() if plain_str(p.annotation)}
    texts |= {(f"{where}.{f.name}", f.name) for where, record in records() for f in dataclasses.fields(record)
              if plain_str(f.type)}
    assert sorted(where for where, name in texts if name not in FREE_TEXT) == []
    assert inspect.signature(annual_docx.check).parameters["kind"].annotation == "CheckKind | None"
    assert {f.name: f.type for f in dataclasses.fields(Finding)}["severity"].startswith("Severity | Literal[")


def test_check_kinds_are_a_literal_the_command_line_offers(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            example_docx: Path) -> None:
    """``CheckKind`` lists the kinds ``check`` tells apart: the same as ``--kind`` offers and the kinds it judges
    (``KINDS``); ``check(kind=)`` outside them is refused, and each one given is the kind of the findings."""
    from annual_docx._output._check_kind import KINDS

    kinds = typing.get_args(annual_docx.CheckKind)
    assert kinds == KIND_NAMES == tuple(KINDS)
    assert len(kinds) == 7 and "gongwen-upward" in kinds and "thesis" in kinds
    for kind in ("report", "form"):
        found = annual_docx.check(example_docx, kind=kind)
        assert found.kind is not None and found.kind.name == kind and found.kind.given
    with pytest.raises(ValueError, match="gongwen-upward"):
        annual_docx.check(example_docx, kind="memo")  # type: ignore[arg-type]
    assert main(["check", str(example_docx), "--kind", "memo"]) == 2
    assert "gongwen-upward" in capsys.readouterr().err


def test_severities_are_a_literal_every_finding_takes() -> None:
    assert typing.get_args(annual_docx.Severity) == ("pass", "violation", "note", "not_applicable")
    assert Finding("x", "y", "z", False).severity == "violation"
    assert Finding("x", "y", "z", False, severity="note").ok
    with pytest.raises(ValueError, match="severity"):
        Finding("x", "y", "z", True, severity="fine")  # type: ignore[arg-type]


def test_outcome_out_and_its_old_name(tmp_path: Path) -> None:
    """``Outcome.out`` is the document written; ``Outcome.output`` (read or given) still works with a
    DeprecationWarning naming ``out``."""
    report = tmp_path / "a.yaml"
    report.write_text(yaml.safe_dump(small_report(), allow_unicode=True), encoding="utf-8")
    outcome = annual_docx.render_all([report], tmp_path / "docs", jobs=1)[0]
    assert outcome.ok and outcome.out == tmp_path / "docs" / "a.docx" and outcome.out.is_file()
    with pytest.warns(DeprecationWarning, match=r"Outcome\.output is now Outcome\.out"):
        assert outcome.output == outcome.out
    with pytest.warns(DeprecationWarning, match="'output' is now 'out'"):
        made = annual_docx.Outcome(report, output=outcome.out)  # type: ignore[call-arg]
    assert made == annual_docx.Outcome(report, outcome.out)


def test_options_once_positional_warn_and_still_work(example_docx: Path, tmp_path: Path) -> None:
    """``import_docx(docx, assets)``, ``change_phrase(a, b, unit)``, ``Findings(rows, kind, file)`` and
    ``Findings.error_json(message, file)`` still work by position, each with a DeprecationWarning naming the
    keyword; by keyword they are silent and give the same; one argument too many is a TypeError."""
    with pytest.warns(DeprecationWarning, match="pass unit= by keyword"):
        phrase = annual_docx.change_phrase(68, 67, "%")  # type: ignore[misc]
    assert phrase == annual_docx.change_phrase(68, 67, unit="%") == "同比提高1个百分点"
    with pytest.raises(TypeError):
        annual_docx.change_phrase(68, 67, "%", annual_docx.CountStyle())  # type: ignore[misc]
    with pytest.warns(DeprecationWarning, match="pass file= by keyword"):
        error = annual_docx.Findings.error_json("m", "a.docx")  # type: ignore[misc]
    assert error == annual_docx.Findings.error_json("m", file="a.docx")
    with pytest.warns(DeprecationWarning, match="pass kind=, file= by keyword"):
        old = annual_docx.Findings([], None, "a.docx")  # type: ignore[misc]
    assert old.file == "a.docx" and old.kind is None
    with pytest.raises(TypeError, match="multiple values"):
        annual_docx.Findings([], None, kind=None)  # type: ignore[misc]
    with pytest.warns(DeprecationWarning, match="pass assets= by keyword"):
        by_position = annual_docx.import_docx(example_docx, tmp_path / "a")  # type: ignore[misc]
    assert by_position == annual_docx.import_docx(example_docx, assets=tmp_path / "a")


def test_the_checks_fail_on_a_positional_option_and_a_misnamed_output() -> None:
    """The walk's own rules, on functions made to break them (the tests above pass on the API as it is)."""

    def bad(docx: str, assets: str | None = None, *, output: str = "") -> None: ...

    def good(docx: str, out: str | None = None, *, assets: str | None = None) -> None: ...

    assert [p.name for p in after_first(bad) if p.default is not p.empty and p.kind is p.POSITIONAL_OR_KEYWORD] \
        == ["assets"]
    assert [p.name for p in inspect.signature(bad).parameters.values() if OUTPUT_NAME.match(p.name)] == ["output"]
    assert not [p for p in after_first(good) if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "out"]
    assert not [p for p in inspect.signature(good).parameters.values() if OUTPUT_NAME.match(p.name)]
    assert all(OUTPUT_NAME.match(n) for n in ("output", "out_dir", "outdir", "output_dir", "dest", "target"))
    assert not any(OUTPUT_NAME.match(n) for n in ("out", "outcome", "report", "pdf", "docx", "assets"))
    assert plain_str("str") and plain_str("str | None") and not plain_str("str | Path")
    assert not plain_str("str | os.PathLike[str]") and not plain_str("CheckKind | None")
    assert isinstance(bad, types.FunctionType)
