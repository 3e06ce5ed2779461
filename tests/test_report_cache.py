"""The validated-report cache (``_input/_report_cache.py``): a hit is what validation gives, and everything that
decides a report — its bytes, the code, the library versions, the files validation found — makes a miss."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pydantic_core
import pytest
from docx import Document

import annual_docx
from annual_docx import _report_kinds
from annual_docx._input import _report_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own; returns the folder the report entries go to."""
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    return tmp_path / "cache" / "reports"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.report"))


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the validations ``load`` runs (each appends the file's name)."""
    calls: list[str] = []
    real = _report_kinds.validate

    def counting(data: object, **options: object) -> object:
        calls.append(str(options.get("source")))
        return real(data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_report_kinds, "validate", counting)
    return calls


def _fresh(path: Path) -> annual_docx.ReportKind:
    """Return the report at ``path`` validated afresh (every cache off)."""
    saved = os.environ.get("ANNUAL_DOCX_NO_CACHE")
    os.environ["ANNUAL_DOCX_NO_CACHE"] = "1"
    try:
        return annual_docx.load(path)
    finally:
        if saved is None:
            del os.environ["ANNUAL_DOCX_NO_CACHE"]
        else:
            os.environ["ANNUAL_DOCX_NO_CACHE"] = saved


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_hit_is_what_validation_gives_for_every_example(example: Path, cache: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """For every example, the report and warnings from the cache dump, lint and render as a fresh validation's;
    a govinfo report is never kept."""
    fresh = _fresh(example)
    first, first_warnings = annual_docx.load_with_warnings(example)
    calls = _validations(monkeypatch)
    hit, warnings = annual_docx.load_with_warnings(example)
    if isinstance(fresh, annual_docx.Report):
        assert calls == [] and len(_entries(cache)) == 1
    else:  # kind: govinfo
        assert calls == [str(example)] and _entries(cache) == []
    assert type(hit) is type(fresh)
    assert hit.model_dump() == fresh.model_dump() == first.model_dump()  # type: ignore[attr-defined]
    assert hit.model_dump_json() == fresh.model_dump_json()  # type: ignore[attr-defined]
    assert warnings == first_warnings == annual_docx.lint(fresh)
    assert annual_docx.lint(hit, silenced=True) == annual_docx.lint(fresh, silenced=True)


def test_a_render_from_a_hit_is_byte_identical(cache: Path) -> None:
    seed = ROOT / "examples" / "qufu_2020.yaml"
    fresh = annual_docx.render(_fresh(seed))
    annual_docx.load(seed)
    assert _entries(cache)
    assert annual_docx.render(annual_docx.load(seed)) == fresh


def test_load_stores_the_report_and_load_with_warnings_adds_the_warnings_once(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = ROOT / "examples" / "qufu_2020.yaml"
    calls = _validations(monkeypatch)
    annual_docx.load(seed)
    annual_docx.load(seed)
    assert len(calls) == 1
    linted: list[int] = []
    real = annual_docx.Report.lint_warnings

    def counting(self: annual_docx.Report, *, silenced: bool = False) -> list[annual_docx.Problem]:
        linted.append(1)
        return real(self, silenced=silenced)

    monkeypatch.setattr(annual_docx.Report, "lint_warnings", counting)
    _, warnings = annual_docx.load_with_warnings(seed)
    _, again = annual_docx.load_with_warnings(seed)
    assert len(calls) == 1 and len(linted) == 1 and warnings == again
    assert {w.code for w in warnings} >= {"W-YEAR", "W-PUNCT"}


def _small(tmp_path: Path, **extra: object) -> Path:
    path = tmp_path / "r.json"
    data = {"organisation": "某县图书馆", "year": 2020, "opening": ["一年来，我馆工作有序开展。"], **extra}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_changed_report_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _small(tmp_path)
    calls = _validations(monkeypatch)
    annual_docx.load(path)
    assert annual_docx.load(path).organisation == "某县图书馆"  # type: ignore[attr-defined]
    path.write_text(path.read_text(encoding="utf-8").replace("某县图书馆", "另一个县图书馆"), encoding="utf-8")
    assert annual_docx.load(path).organisation == "另一个县图书馆"  # type: ignore[attr-defined]
    assert len(calls) == 2 and len(_entries(cache)) == 2


def test_a_changed_working_folder_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative picture paths are resolved against the path as given: another working folder is another report."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _small(tmp_path / "a")
    _small(tmp_path / "b")
    calls = _validations(monkeypatch)
    for folder in ("a", "b", "a"):
        monkeypatch.chdir(tmp_path / folder)
        annual_docx.load("r.json")
    assert len(calls) == 2


@pytest.fixture
def fresh_code_hash() -> Iterator[None]:
    _report_cache._code_hash.cache_clear()
    yield
    _report_cache._code_hash.cache_clear()


def test_changed_code_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             fresh_code_hash: None) -> None:
    """A module of the validating code changed (its size, then only its time of change) names another entry."""
    path = _small(tmp_path)
    raw = path.read_bytes()
    module = tmp_path / "tree.py"
    module.write_text("x = 1\n", encoding="utf-8")
    files = [*_report_cache.validating_files(), module]
    monkeypatch.setattr(_report_cache, "validating_files", lambda: files)
    calls = _validations(monkeypatch)
    annual_docx.load(path)
    keys = [_report_cache.entry_key(path, raw)]
    module.write_text("x = 22\n", encoding="utf-8")
    _report_cache._code_hash.cache_clear()
    keys.append(_report_cache.entry_key(path, raw))
    os.utime(module, ns=(1, 1))
    _report_cache._code_hash.cache_clear()
    keys.append(_report_cache.entry_key(path, raw))
    annual_docx.load(path)
    assert len(set(keys)) == 3 and len(calls) == 2
    names = {(p.parent.name, p.name) for p in _report_cache.validating_files()}
    assert {("annual_docx", "schema.py"), ("_model", "schema_blocks.py"), ("_input", "_load.py"),
            ("_model", "lint_text.py"), ("_charts", "_kinds.py")} <= names


def test_a_changed_library_version_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          fresh_code_hash: None) -> None:
    path = _small(tmp_path)
    calls = _validations(monkeypatch)
    annual_docx.load(path)
    annual_docx.load(path)
    assert len(calls) == 1
    monkeypatch.setattr(pydantic_core, "__version__", "0.0.1")
    _report_cache._code_hash.cache_clear()
    annual_docx.load(path)
    assert len(calls) == 2


def test_a_changed_yaml_package_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       fresh_code_hash: None) -> None:
    """PyYAML is named by its package file (a hit does not import it): another file, another entry."""
    import importlib.machinery
    import importlib.util

    path = _small(tmp_path)
    raw = path.read_bytes()
    fake = tmp_path / "yaml_init.py"
    fake.write_text("__version__ = '6.0.1'\n", encoding="utf-8")
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> importlib.machinery.ModuleSpec | None:
        return importlib.machinery.ModuleSpec("yaml", None, origin=str(fake)) if name == "yaml" else real(name)

    before = _report_cache.entry_key(path, raw)
    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    _report_cache._code_hash.cache_clear()
    faked = _report_cache.entry_key(path, raw)
    fake.write_text("__version__ = '6.0.22'\n", encoding="utf-8")
    _report_cache._code_hash.cache_clear()
    assert len({before, faked, _report_cache.entry_key(path, raw)}) == 3


def test_a_picture_gone_since_misses_with_the_usual_error(cache: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "examples" / "images" / "service.jpg", tmp_path / "p.jpg")
    path = _small(tmp_path, sections=[{"kind": "photos", "title": "图片", "photos": [{"path": "p.jpg"}]}])
    calls = _validations(monkeypatch)
    annual_docx.load(path)
    annual_docx.load(path)
    assert len(calls) == 1
    (tmp_path / "p.jpg").unlink()
    with pytest.raises(annual_docx.ReportValidationError, match="图片文件不存在 / picture file not found"):
        annual_docx.load(path)
    assert len(calls) == 2


def test_a_changed_source_table_is_read_again(cache: Path, tmp_path: Path) -> None:
    """Tables from ``source:`` are read when the document is built, not when the report is validated: a report from
    the cache shows the table as it is now."""
    (tmp_path / "t.csv").write_text("类别,场次\n演出,46\n", encoding="utf-8")
    path = _small(tmp_path, sections=[{"kind": "text", "title": "活动",
                                       "blocks": [{"type": "table", "title": "统计", "source": {"path": "t.csv"}}]}])
    annual_docx.render(annual_docx.load(path), tmp_path / "a.docx")
    (tmp_path / "t.csv").write_text("类别,场次\n演出,4711\n", encoding="utf-8")
    annual_docx.render(annual_docx.load(path), tmp_path / "b.docx")
    assert _entries(cache)
    cells = [c.text for t in Document(str(tmp_path / "b.docx")).tables for r in t.rows for c in r.cells]
    assert "4,711" in cells


def test_errors_are_never_cached(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _small(tmp_path, year="二〇二〇")
    for _ in range(2):
        with pytest.raises(annual_docx.ReportValidationError, match="year"):
            annual_docx.load(path)
    assert _entries(cache) == []


def test_no_cache_damaged_entries_and_a_shared_folder(cache: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _small(tmp_path)
    calls = _validations(monkeypatch)
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    annual_docx.load(path)
    assert not cache.exists()
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE")
    annual_docx.load(path)
    (entry,) = _entries(cache)
    data = entry.read_bytes()
    assert "某县图书馆".encode() in data
    entry.write_bytes(data.replace("某县图书馆".encode(), "某市图书馆".encode()))  # still unpickles
    assert annual_docx.load(path).organisation == "某县图书馆"  # type: ignore[attr-defined]
    assert len(calls) == 3  # off, first, damaged
    annual_docx.load(path)
    assert len(calls) == 3  # stored again
    cache.chmod(0o777)
    try:
        annual_docx.load(path)
        assert len(calls) == 4  # others may write there: not read
    finally:
        cache.chmod(0o700)


#: modules a command-line render of a plain report from the caches never needs (prefixes)
NOT_ON_A_CACHED_RENDER = (
    "annual_docx._model.lint", "annual_docx.govinfo", "annual_docx._output._check", "annual_docx._import",
    "annual_docx.editor", "annual_docx._output._authoring", "annual_docx._output._template_probe",
    "annual_docx._input._load_errors", "annual_docx._roles", "annual_docx._output._pdf", "matplotlib", "PIL",
    "openpyxl", "pydantic.plugin._loader", "importlib.metadata", "email", "yaml", "annual_docx._input._load",
    # the hardened reader (a template from outside, check, import) and the sheet reader (a `source:` table)
    "annual_docx._ooxml.reader", "annual_docx._ooxml.spans", "annual_docx._ooxml.sanitize",
    "annual_docx._input._sheets",
    "csv",
)


def test_a_cli_render_from_the_cache_builds_no_validator_and_loads_no_lint(tmp_path: Path) -> None:
    """The second command-line render of the seed takes the report and its warnings from the cache: the report's
    validator is not built, and neither the lint modules nor code a plain render never uses (govinfo, check,
    import, editor, authoring, PDF, matplotlib, Pillow, the package metadata reader and its email package, the
    hardened reader of outside packages, the sheet reader) are
    imported; the warnings are printed all the same."""
    env = {**os.environ, "ANNUAL_DOCX_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ANNUAL_DOCX_NO_CACHE", None)
    code = (
        "import sys; from annual_docx.cli import main; rc = main(['render', sys.argv[1], '-o', sys.argv[2]]);"
        "from annual_docx.schema import Report; "
        "print(rc, type(Report.__pydantic_validator__).__name__, "
        "sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[3].split(',')))))"
    )
    unused = ",".join(NOT_ON_A_CACHED_RENDER)
    cmd = [sys.executable, "-c", code, str(ROOT / "examples" / "qufu_2020.yaml"), str(tmp_path / "o.docx"), unused]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert first.stdout.splitlines()[-1] != second.stdout.splitlines()[-1]
    assert second.stdout.splitlines()[-1] == "0 MockValSer []"
    assert second.stderr == first.stderr and "[W-YEAR]" in second.stderr


def test_the_org_chart_spec_is_model_dump() -> None:
    """The org chart's cache key is built without pydantic's serializer and must stay what ``model_dump`` gives."""
    from annual_docx._content._drawing import org_spec
    from annual_docx._model.schema_parts import OrgUnit

    assert list(OrgUnit.model_fields) == ["name", "head", "children", "guides"]
    seed = annual_docx.load(ROOT / "examples" / "qufu_2020.yaml")
    units = [u for s in seed.sections for u in getattr(s, "units", [])]  # type: ignore[attr-defined]
    units.append(OrgUnit(name="馆", head=None, children=[OrgUnit(name="部", head="主任 某", guides=["站"])]))
    assert len(units) >= 2 and units[0].children
    assert [org_spec(u) for u in units] == [u.model_dump(mode="json") for u in units]
