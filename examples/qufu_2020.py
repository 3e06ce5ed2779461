"""Render the 2020 annual report of 曲阜市图书馆 to qufu_2020.docx in the current directory."""

from pathlib import Path

import annual_docx

annual_docx.render(annual_docx.load(Path(__file__).with_name("qufu_2020.yaml")), "qufu_2020.docx")
