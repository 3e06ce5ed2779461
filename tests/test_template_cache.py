"""The compiled-template cache: a new process loads the code Jinja compiled before instead of compiling again, only
for the very same source and code generator, never from a folder others can write to, and a damaged entry is
compiled again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from annual_docx._output import _docxtpl, _template_cache

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ".template"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder; returns the folder the template entries go to."""
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    return tmp_path / "cache" / "templates"


def fresh_env() -> jinja2.Environment:
    """An environment as a new process has it: nothing compiled in memory."""
    return _docxtpl._CompilingOnceSandbox(True)


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every source Jinja really compiles from now on."""
    seen: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: object, *args: object, **kwargs: object) -> object:
        seen.append(str(source))
        return original(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def test_a_new_environment_loads_each_source_it_compiled_before(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = "<w:t>{{ a }}</w:t>", "<w:t>{{ b }} 与 {{ a }}</w:t>"
    assert fresh_env().from_string(first).render(a="甲") == "<w:t>甲</w:t>"
    assert fresh_env().from_string(second).render(a="甲", b="乙") == "<w:t>乙 与 甲</w:t>"
    assert len(list(cache.glob(f"*{ENTRY}"))) == 2  # one entry per source, not one per environment
    seen = compiles(monkeypatch)
    assert fresh_env().from_string(first).render(a="丙") == "<w:t>丙</w:t>"
    assert fresh_env().from_string(second).render(a="丙", b="丁") == "<w:t>丁 与 丙</w:t>"
    assert seen == []


def test_cached_code_escapes_like_compiled_code(cache: Path) -> None:
    source = "<w:t>{{ text }}</w:t>"
    fresh_env().from_string(source)
    text = "{{ 1 + 1 }} & <b> {% if %}"
    assert fresh_env().from_string(source).render(text=text) == "<w:t>{{ 1 + 1 }} &amp; &lt;b&gt; {% if %}</w:t>"


def test_a_damaged_entry_is_compiled_again_and_replaced(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = "<w:t>{{ a }}</w:t>"
    fresh_env().from_string(source)
    (entry,) = cache.glob(f"*{ENTRY}")
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2])
    seen = compiles(monkeypatch)
    assert fresh_env().from_string(source).render(a="甲") == "<w:t>甲</w:t>"
    assert seen == [source]
    assert entry.read_bytes() == good


def test_a_change_of_code_generator_misses(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = "<w:t>{{ a }}</w:t>"
    fresh_env().from_string(source)
    monkeypatch.setattr(_template_cache, "_generator_hash", lambda: "another _bounds.py")
    seen = compiles(monkeypatch)
    fresh_env().from_string(source)
    assert seen == [source]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_not_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    source = "<w:t>{{ a }}</w:t>"
    fresh_env().from_string(source)
    seen = compiles(monkeypatch)
    fresh_env().from_string(source)
    assert seen == [source]
    assert list(cache.iterdir()) == []


def test_no_cache_turns_it_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    fresh_env().from_string("<w:t>{{ a }}</w:t>")
    assert not cache.exists()


def test_the_second_process_renders_the_same_bytes_without_compiling(cache: Path, tmp_path: Path) -> None:
    """Two processes in turn: the first compiles and stores, the second loads; both write the same document, and
    the same as a render with every cache off."""
    code = (
        "import sys, jinja2, annual_docx as a\n"
        "seen = []\n"
        "real = jinja2.Environment.compile\n"
        "jinja2.Environment.compile = lambda self, *args, **kw: seen.append(1) or real(self, *args, **kw)\n"
        "a.render(a.load(sys.argv[1]), sys.argv[2])\n"
        "print(len(seen))"
    )
    example = str(ROOT / "examples" / "qufu_2020.yaml")
    env = {**os.environ}
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / f"{name}.docx"
        run = subprocess.run([sys.executable, "-c", code, example, str(out)], env=env, capture_output=True, text=True,
                             check=True)
        outputs.append((int(run.stdout.split()[-1]), out.read_bytes()))
    assert outputs[0][0] > 0 and outputs[1][0] == 0
    off = tmp_path / "off.docx"
    subprocess.run([sys.executable, "-c", code, example, str(off)], env={**env, "ANNUAL_DOCX_NO_CACHE": "1"},
                   capture_output=True, check=True)
    assert outputs[0][1] == outputs[1][1] == off.read_bytes()
