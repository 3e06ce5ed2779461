"""Redraw docs/images/example-page.png: page 1 of the README's example (the YAML under 「示例 / An example」),
rendered, exported by LibreOffice (``annual_docx.preview``) and scaled to 560 px wide in 64 colours.

Run after a change that alters how that page looks: ``python tools/readme_example_page.py``."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import yaml
from PIL import Image

import annual_docx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "example-page.png"
WIDTH = 560


def main() -> int:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 示例 / An example", 1)[1].split("\n## ", 1)[0]
    source = re.search(r"```yaml\n(.*?)```", section, re.S)
    if source is None:
        print("README.md: no ```yaml block under 「## 示例 / An example」", file=sys.stderr)
        return 1
    report = annual_docx.validate(yaml.safe_load(source.group(1)))
    with tempfile.TemporaryDirectory() as tmp:
        docx = annual_docx.render(report, Path(tmp) / "年报.docx")
        first = annual_docx.preview(docx, Path(tmp) / "pages")[0]
        with Image.open(first) as page:
            height = round(page.height * WIDTH / page.width)
            small = page.convert("RGB").resize((WIDTH, height), Image.Resampling.LANCZOS).quantize(64)
            small.save(OUT, optimize=True)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
