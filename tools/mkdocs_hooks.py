"""mkdocs hook: the site's home page is README.md, so the front page is written once.

README.md lives at the repository root and links into ``docs/``; on the site the same links point at the pages
themselves, and links to repository files that are not pages (examples, the template) become their plain text,
since the site does not carry those files. Every remaining link and anchor is then checked by ``mkdocs build
--strict`` like any page's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")


def _site_link(match: re.Match[str]) -> str:
    text, target = match.group(1), match.group(2)
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return match.group(0)
    if target.startswith("docs/"):
        return f"[{text}]({target.removeprefix('docs/')})"
    return text  # a repository file the site does not carry: keep its name


def home_page(readme: str) -> str:
    """README.md's text as the site's index.md."""
    text = _LINK.sub(_site_link, readme)
    text = text.replace("](docs/", "](")  # images
    return text.replace('src="docs/', 'src="')


def on_files(files: Files, config: Any) -> Files:
    readme = Path(config["config_file_path"]).parent / "README.md"
    files.append(File.generated(config, "index.md", content=home_page(readme.read_text(encoding="utf-8"))))
    return files
