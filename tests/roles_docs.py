"""The structure recogniser's roles of a .docx as ``check`` reads it and as ``import`` reads it, for the ``_roles``
tests; and the importer's report data without validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annual_docx._import.build import _line, report_data
from annual_docx._import.frontmatter import layout_rows
from annual_docx._import.pieces import Context
from annual_docx._ooxml.body_facts import Para as FactPara
from annual_docx._ooxml.docx_in import read_outline
from annual_docx._ooxml.outline import Item
from annual_docx._ooxml.read import read_facts
from annual_docx._ooxml.reader import open_package
from annual_docx._output._check_roles import Parts, classify
from annual_docx._roles import Recogniser, Role, recognise


def check_roles(path: Path) -> list[tuple[FactPara, Role]]:
    """Every paragraph ``check`` reads, with its role."""
    with open_package(path) as package:
        body = read_facts(package).body
    rec: Recogniser[FactPara] = Recogniser()
    out: list[tuple[FactPara, Role]] = []
    for p in body.paragraphs:
        out += rec.feed(p)
    return out + rec.finish()


def check_parts(path: Path) -> Parts:
    """The ``Parts`` the check items see."""
    with open_package(path) as package:
        return classify(read_facts(package).body)


def import_roles(path: Path) -> list[tuple[Item, Role]]:
    """Every item the importer reads, with its role."""
    with open_package(path) as package:
        items = [row for item in read_outline(package).items for row in layout_rows(item)]
    return list(zip(items, recognise([_line(i) for i in items]), strict=True))


def import_data(path: Path, tmp: Path) -> dict[str, Any]:
    """The report data the importer writes for ``path`` (not validated)."""
    with open_package(path) as package:
        return report_data(read_outline(package), Context(tmp / "assets", tmp))


def heading_counts(roles: list[Role], part: int = 0) -> tuple[dict[int, int], dict[int, int]]:
    """Headings per level and run-in headings per level in ``part`` (0: the main document)."""
    counts = dict.fromkeys(range(1, 5), 0)
    run_in = dict(counts)
    for role in roles:
        if role.kind == "heading" and role.part == part:
            counts[role.level] += 1
            run_in[role.level] += role.run_in
    return counts, run_in
