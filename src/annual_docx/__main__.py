"""Run the command line: ``python -m annual_docx render REPORT.yaml -o OUT.docx``."""

import gc

gc.disable()  # the command's imports live until exit: run() freezes them out of the collector and turns it back on

from annual_docx.cli import run  # noqa: E402

run()
