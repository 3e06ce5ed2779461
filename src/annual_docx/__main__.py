"""Run the command line: ``python -m annual_docx render REPORT.yaml -o OUT.docx``."""

import sys

from annual_docx.cli import main

sys.exit(main())
