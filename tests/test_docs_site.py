"""The README as front page and the docs site: the site builds with ``mkdocs build --strict`` (a broken link, a
missing anchor or a page left out of the nav fails it), every relative link of the README reaches a file and heading
that exist, the README keeps its two set-up commands, and its example renders to the document it describes."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

import annual_docx

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
HAS_MKDOCS = importlib.util.find_spec("mkdocs") is not None and importlib.util.find_spec("material") is not None
needs_mkdocs = pytest.mark.skipif(not HAS_MKDOCS, reason='mkdocs not installed (pip install -e ".[docs]")')

LINK = re.compile(r"(?<!\\)\[[^\]]*\]\(([^)\s]+)\)")
IMG_SRC = re.compile(r'<img\s[^>]*src="([^"]+)"')


def build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def github_slug(heading: str) -> str:
    """GitHub's id for a heading (the site uses the same, see mkdocs.yml): markup and punctuation dropped, Chinese
    kept, lower case, each space a hyphen."""
    text = re.sub(r"[`*]|<[^>]+>", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else re.match(r"#{1,6}\s+(.*)", line)
        if match:
            slug = github_slug(match.group(1))
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def relative_links(markdown: str) -> list[str]:
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    targets = LINK.findall(text) + IMG_SRC.findall(text)
    return [t for t in targets if not re.match(r"[a-z]+:", t)]


@needs_mkdocs
def test_the_site_builds_strictly(tmp_path: Path) -> None:
    result = build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "城东区图书馆" in home and 'href="installation.html' in home  # the README, its links turned into pages
    assert (tmp_path / "site" / "images" / "example-page.png").is_file()
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert (tmp_path / "site" / f"{page.stem}.html").is_file(), page.name


@needs_mkdocs
def test_a_broken_link_or_anchor_fails_the_build(tmp_path: Path) -> None:
    """The validation settings are live: a link to a page that is gone and an anchor that is not there (the kinds of
    staleness a moved section leaves) each fail the strict build."""
    for name in ("mkdocs.yml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    page = tmp_path / "docs" / "cli.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](performance-old.md) [nowhere](check.md#no-such)\n",
                    encoding="utf-8")
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert result.returncode != 0
    assert any("performance-old.md" in w for w in warnings), result.stderr
    assert any("#no-such" in w for w in warnings), result.stderr


def test_every_relative_link_in_the_readme_resolves() -> None:
    readme = README.read_text(encoding="utf-8")
    links = relative_links(readme)
    assert len(links) >= 20  # the front page links into the docs
    for target in links:
        path, _, fragment = target.partition("#")
        file = ROOT / path if path else README
        assert file.exists(), target
        if fragment:
            assert fragment in anchors(file.read_text(encoding="utf-8")), target


def test_relative_links_in_the_docs_resolve() -> None:
    """Also without mkdocs: each docs page's relative links reach a file and heading (the pages link to pages and
    images only; repository files are written as code, since the site does not carry them)."""
    for page in sorted((ROOT / "docs").glob("*.md")):
        for target in relative_links(page.read_text(encoding="utf-8")):
            path, _, fragment = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            assert file.is_relative_to(ROOT / "docs") and file.exists(), (page.name, target)
            if fragment:
                assert fragment in anchors(file.read_text(encoding="utf-8")), (page.name, target)


def test_the_readme_keeps_its_set_up_commands_and_stays_short() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "pip install . && python examples/qufu_2020.py" in readme
    assert 'pip install -e ".[test]" && pytest' in readme
    assert len(readme.splitlines()) <= 200


def test_the_readme_example_gives_the_document_it_shows() -> None:
    """The README's example (the YAML under 示例) validates without warnings and renders to exactly the paragraphs
    the README lists, with one picture (the chart)."""
    readme = README.read_text(encoding="utf-8")
    section = readme.split("## 示例 / An example", 1)[1].split("\n## ", 1)[0]
    source = re.search(r"```yaml\n(.*?)```", section, re.S)
    listed = re.search(r"```text\n(.*?)```", section, re.S)
    assert source and listed
    report = annual_docx.validate(yaml.safe_load(source.group(1)))
    assert annual_docx.lint(report) == []
    document = docx.Document(io.BytesIO(annual_docx.render(report)))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    assert paragraphs == listed.group(1).splitlines()
    assert len(document.inline_shapes) == 1
