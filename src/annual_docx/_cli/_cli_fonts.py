"""The ``fonts`` subcommand (which real font each official face resolves to on this machine, for charts and for the
PDF) and the PDF step of ``render`` (``--pdf`` / ``--pdf-a``), which prints font warnings instead of Python's.
The font machinery (``annual_docx.font_report``) loads only when ``fonts`` runs."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

import annual_docx
from annual_docx.errors import FontWarning

GRIDS = ("word", "portable")
"""``typing.get_args(annual_docx.Grid)``, spelt out so that building the parser loads no renderer (a test keeps the
two equal)."""


def add_commands(commands: Any, render_cmd: argparse.ArgumentParser) -> None:
    """Add ``fonts``, and ``--pdf-a`` / ``--grid`` to ``render``."""
    render_cmd.add_argument("--pdf-a", action="store_true",
                            help="导出 PDF/A-2b（嵌入字体，供归档）/ export the PDF as PDF/A-2b (implies --pdf)")
    render_cmd.add_argument("--grid", choices=GRIDS, default="word",
                            help="文档网格：word（默认，Word/WPS 每行 28 字）或 portable（LibreOffice 也每行 28 字）/ "
                            "the line grid: word (default) or portable (28 a line in LibreOffice too)")
    fonts_cmd = commands.add_parser("fonts", help="本机字体对应情况 / which font each official face uses here")
    fonts_cmd.add_argument("docx", type=Path, nargs="?",
                           help="可选：检查这份 .docx 的文字是否都有字 / optional: check this .docx's text")


def export_pdf(docx: Path, *, pdf_a: bool) -> Path:
    """Export ``docx`` beside itself as PDF, printing each font warning as a warning line on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        pdf = annual_docx.to_pdf(docx, docx.with_suffix(".pdf"), pdf_a=pdf_a)
    for warning in caught:
        print(f"警告 / warning: {warning.message}", file=sys.stderr)
    return pdf


def run_fonts(args: argparse.Namespace) -> int:
    """Print the chart font, the PDF font of each official face, what is missing and how to install it; exit 1 when
    fontconfig is missing."""
    report = annual_docx.font_report(args.docx)
    print(report)
    return 0 if report.ok else 1
