"""Every drawing of a rendered document has its own ``docPr`` id (Word may call a document with repeated ids
unreadable): pictures, native charts, shape groups and the 版记's text box are numbered as the context is built;
a template's own drawing, repeated by a loop, is renumbered above them."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

import annual_docx

from . import golden

PNG = golden.ROOT / "examples" / "images"


def _ids(data: bytes) -> list[str]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return [i for name in z.namelist() if name.startswith("word/") and name.endswith(".xml")
                for i in re.findall(r'<wp:docPr id="(\d+)"', z.read(name).decode())]


def test_a_templates_own_picture_in_a_loop_gets_ids_of_its_own(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    picture = next(p for p in sorted(PNG.iterdir()) if p.suffix in (".png", ".jpg"))
    template = docx.Document(str(annual_docx.default_template()))
    body = template.element.body
    loop = [template.add_paragraph("{%p for i in [1, 2, 3] %}"), template.add_paragraph(),
            template.add_paragraph("{%p endfor %}")]
    loop[1].add_run().add_picture(str(picture), width=Mm(20))
    for paragraph in reversed(loop):  # at the top of the body, before the report's own drawings
        body.insert(0, paragraph._p)
    path = tmp_path / "with_logo.docx"
    template.save(str(path))
    monkeypatch.chdir(golden.ROOT / "examples")
    report = annual_docx.load(golden.ROOT / "examples" / "district_culture_centre.yaml")
    data = annual_docx.render(report.model_copy(update={"chart_engine": "native"}), template=path)
    ids = _ids(data)
    assert len(ids) >= 3 + 5  # the logo three times, the report's pictures, charts, groups and 版记
    assert len(ids) == len(set(ids)), ids


def test_the_default_templates_drawings_are_numbered_in_document_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(golden.ROOT / "examples")
    report = annual_docx.load(golden.ROOT / "examples" / "district_culture_centre.yaml")
    ids = [int(i) for i in _ids(annual_docx.render(report.model_copy(update={"chart_engine": "native"})))]
    assert ids[:-1] == list(range(1001, 1001 + len(ids) - 1))  # body drawings as the context met them
    assert ids[-1] == max(ids) and len(set(ids)) == len(ids)  # then the 版记's box


BOX = "<w:r><w:t>版记</w:t></w:r>"
SECT = "<w:sectPr><w:pgSz/></w:sectPr></w:body>"


@pytest.mark.parametrize(("body", "expected"), [
    ("<w:body><w:p><w:r/></w:p>" + SECT, "<w:body><w:p><w:r/>" + BOX + "</w:p>" + SECT),  # the last paragraph
    ("<w:body><w:p/>" + SECT, "<w:body><w:p>" + BOX + "</w:p>" + SECT),  # an empty one opened
    ("<w:body><w:tbl></w:tbl>" + SECT, "<w:body><w:tbl></w:tbl><w:p>" + BOX + "</w:p>" + SECT),  # after a table
    ("<w:body><w:p><w:pPr><w:sectPr/></w:pPr></w:p>" + SECT,
     "<w:body><w:p><w:pPr><w:sectPr/></w:pPr>" + BOX + "</w:p>" + SECT),  # not the section break's sectPr
])
def test_the_record_box_ends_the_body(body: str, expected: str) -> None:
    from annual_docx._ooxml.record import end_body

    assert end_body(body, BOX) == expected


def test_without_a_record_only_a_final_table_gets_a_paragraph() -> None:
    from annual_docx._ooxml.record import end_body

    assert end_body("<w:body><w:p/>" + SECT, "") == "<w:body><w:p/>" + SECT
    assert end_body("<w:body><w:tbl></w:tbl>" + SECT, "") == "<w:body><w:tbl></w:tbl><w:p></w:p>" + SECT
