"""Run the command line: ``python -m annual_docx render REPORT.yaml -o OUT.docx``."""

import sys

from .cli import main

sys.exit(main())
