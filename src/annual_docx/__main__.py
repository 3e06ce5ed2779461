"""Run the command line: ``python -m annual_docx render REPORT.yaml -o OUT.docx``."""

from annual_docx.cli import run

run()
