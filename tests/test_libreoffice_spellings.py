"""What LibreOffice's "Office Open XML Text" filter (`soffice --convert-to docx` without a filter name) writes
differently from Word is read alike: a template whose core properties hang on the officeDocument relationship type
renders (python-docx, which looks for the package type only, would add a second docProps/core.xml and the saved
package would hold two entries of one name), and w:jc start/end read as left/right."""

from __future__ import annotations

import zipfile
from pathlib import Path

import annual_docx

from .conftest import ROOT

_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_OFFICE = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"


def _with_office_core_type(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "_rels/.rels":
                assert _PACKAGE.encode() in data
                data = data.replace(_PACKAGE.encode(), _OFFICE.encode())
            zout.writestr(info, data)
    return dst


def test_a_template_with_the_office_core_properties_type_renders_one_core_part(tmp_path: Path) -> None:
    template = _with_office_core_type(annual_docx.default_template(), tmp_path / "lo.docx")
    out = tmp_path / "o.docx"
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    annual_docx.render(report, out, template=template, allow_noncompliant=True)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        rels = z.read("_rels/.rels").decode()
    assert names.count("docProps/core.xml") == 1
    assert len(names) == len(set(names))
    assert rels.count("metadata/core-properties") == 1


def test_start_and_end_alignment_read_as_left_and_right(tmp_path: Path) -> None:
    """The same filter writes w:jc start/end for left/right (page numbers, 落款): check judges them as left/right, so
    a document whose alignments are spelt that way gets the verdict of the one spelt left/right."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    plain = annual_docx.render(report, tmp_path / "plain.docx")
    spelt = tmp_path / "spelt.docx"
    changed = 0
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(spelt, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                new = data.replace(b'<w:jc w:val="right"/>', b'<w:jc w:val="end"/>').replace(
                    b'<w:jc w:val="left"/>', b'<w:jc w:val="start"/>')
                changed += new != data
                data = new
            zout.writestr(info, data)
    assert changed >= 2  # the footers at least
    before, after = annual_docx.check(plain), annual_docx.check(spelt)
    assert not [f for f in after if f.severity == "violation"]
    assert [(f.item, f.severity) for f in after] == [(f.item, f.severity) for f in before]
