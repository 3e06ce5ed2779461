"""Write templates/report_template.docx, the default GB/T 9704 report template, from its definition in code.

Usage: python tools/build_template.py [OUT.docx]
The output is byte-identical on every run; tests/test_template.py checks the committed file is up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annual_docx._output._template_design import build_template

DEFAULT = Path(__file__).resolve().parent.parent / "templates" / "report_template.docx"

if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    build_template(out)
    print(out)
