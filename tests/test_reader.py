"""The one reader of .docx files from outside (`_ooxml/reader.py`), tested by what it does to a package — through
the reader itself and through `check` and `import`, which both open files with it: a part with a DTD is refused even
when the DTD is small, internal and harmless; a zip entry whose header lies about its size is damaged, never read
past its declared size; a part over the size cap is refused by its declared size before anything is inflated."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import annual_docx
from annual_docx import DocumentError, Limits
from annual_docx._import import read_report
from annual_docx._ooxml.reader import open_package
from annual_docx.cli import main

from .hostile import MAIN, W, base, bomb, part_of, patch_entry, repack

#: Harmless internal DTDs: no entity is declared or used, nothing is loaded; only the <!DOCTYPE> is there.
DOCTYPE = b'<!DOCTYPE w:document [<!ELEMENT w:document ANY>]>'
STYLES_DOCTYPE = b'<!DOCTYPE w:styles [<!ATTLIST w:styles note CDATA "harmless">]>'


def _with_doctype(xml: bytes, doctype: bytes) -> bytes:
    """Return ``xml`` with ``doctype`` after its XML declaration."""
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    return xml[:end] + doctype + xml[end:]


def _import_refuses(path: Path, tmp_path: Path, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`import` (API and CLI) refuses ``path`` with DocumentError containing ``fragment``; no YAML is written."""
    with pytest.raises(DocumentError, match=fragment):
        annual_docx.import_docx(path, assets=tmp_path / "assets")
    out = tmp_path / "out.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "DocumentError" not in err and not out.exists()


def test_a_small_internal_dtd_is_refused_in_every_part_the_reader_reads(
    example_docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word never writes a DTD; the reader refuses any, not only external ones or entity bombs: an internal DTD
    that declares one element (document.xml, streamed) or one attribute default (styles.xml, parsed whole) is refused
    naming the part, by the reader, `check` (exit 3) and `import` (exit 1)."""
    data = example_docx.read_bytes()
    for part, doctype in ((MAIN, DOCTYPE), ("word/styles.xml", STYLES_DOCTYPE)):
        path = tmp_path / f"dtd_in_{part.rsplit('/', 1)[-1]}.docx"
        path.write_bytes(repack(data, {part: _with_doctype(part_of(data, part), doctype)}))
        fragment = rf"\[{part}\]: .*DTD"
        with open_package(path) as package, pytest.raises(DocumentError, match=fragment):
            if part == MAIN:
                list(package.blocks(part))
            else:
                package.xml(part)
        with pytest.raises(DocumentError, match=fragment):
            annual_docx.check(path)
        assert main(["check", str(path)]) == 3
        assert "DTD" in capsys.readouterr().err
        _import_refuses(path, tmp_path, fragment, capsys)


def test_a_dtd_in_a_streamed_part_without_one_block_is_refused(tmp_path: Path) -> None:
    """A streamed part whose root holds no paragraph or table (an empty header) is checked all the same."""
    header = b'<?xml version="1.0"?><!DOCTYPE w:hdr [<!ELEMENT w:hdr ANY>]><w:hdr ' + W + b"/>"
    path = tmp_path / "header.docx"
    path.write_bytes(repack(base(), extra=[("word/header9.xml", header)]))
    with open_package(path) as package, pytest.raises(DocumentError, match=r"\[word/header9.xml\]: .*DTD"):
        list(package.blocks("word/header9.xml"))
    with pytest.raises(DocumentError, match=r"\[word/header9.xml\]: .*DTD"):
        annual_docx.check(path)


def test_an_entry_whose_header_lies_about_its_size_is_damaged_not_read_past_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """document.xml declares 1000 bytes and inflates to 20 MB: zipfile hands out no more than the 1000 declared bytes
    and then fails the CRC — which is why the reader counts no inflated bytes of its own: the declared size, checked
    against the cap before inflating, is the cap. The reader, `check` and `import` call the part damaged."""
    path = tmp_path / "lying.docx"
    path.write_bytes(patch_entry(bomb(20 * 1024 * 1024), MAIN, size=1000))
    with zipfile.ZipFile(path) as zf, zf.open(MAIN) as entry:
        handed_out = 0
        with pytest.raises(zipfile.BadZipFile, match="CRC"):
            while chunk := entry.read(4096):
                handed_out += len(chunk)
        assert handed_out <= 1000
    fragment = r"\[word/document.xml\]: .*damaged.*CRC"
    with open_package(path) as package:
        with pytest.raises(DocumentError, match=fragment):
            package.part(MAIN)
        with pytest.raises(DocumentError, match=fragment):
            list(package.blocks(MAIN))
    with pytest.raises(DocumentError, match=fragment):
        annual_docx.check(path)
    _import_refuses(path, tmp_path, fragment, capsys)


def test_a_part_declared_over_the_cap_is_refused_before_anything_is_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A small document.xml whose header claims 300 MB is refused by its declared size — zipfile would hand out its
    real bytes without complaint, so nothing else would stop it — and the entry is never opened."""
    path = tmp_path / "claims_300mb.docx"
    path.write_bytes(patch_entry(base(), MAIN, size=300 * 1024 * 1024))
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kwargs: object) -> object:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    fragment = r"\[word/document.xml\]: .*larger than 256 MB"
    with pytest.raises(DocumentError, match=fragment):
        annual_docx.check(path)
    _import_refuses(path, tmp_path, fragment, capsys)
    assert "[Content_Types].xml" in opened and MAIN not in opened  # the small parts were read, that one never
    opened.clear()
    with pytest.raises(DocumentError, match=r"\[word/document.xml\]: .*larger than 200000 bytes"):
        annual_docx.check(patch_entry_path(tmp_path, 250_000), limits=Limits(part_bytes=200_000))
    assert MAIN not in opened


def patch_entry_path(tmp_path: Path, size: int) -> Path:
    """Write the default template with document.xml declaring ``size`` bytes; return its path."""
    path = tmp_path / f"claims_{size}.docx"
    path.write_bytes(patch_entry(base(), MAIN, size=size))
    return path


def test_import_refuses_a_part_over_the_cap_with_the_library_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document.xml that really inflates to 300 MB (300 KB in the zip) is refused by `import` with the reader's
    DocumentError naming the part and the cap — not cut at the cap and imported as if it were whole."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb())
    _import_refuses(path, tmp_path, r"\[word/document.xml\]: .*larger than 256 MB", capsys)


def test_import_streams_the_body_and_still_reads_its_wrappers(tmp_path: Path) -> None:
    """The importer reads the body block by block through the reader; paragraphs that sit in body-level wrappers —
    a content control, custom XML, a markup-compatibility choice (its fallback copy skipped) — are still read, in
    order, and Word's generated table of contents is still left out."""
    import docx

    d = docx.Document()
    for text in ("一、概况", "第一段。", "第二段。", "第三段。", "第四段。"):
        d.add_paragraph(text)
    path = tmp_path / "plain.docx"
    d.save(str(path))
    document = part_of(path.read_bytes(), MAIN).decode()
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = document.replace("<w:body>", f'<w:body {mc}>' if mc not in document else "<w:body>", 1)

    def para(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    wrapped = {
        "第一段。": f"<w:sdt><w:sdtContent>{para('第一段。')}</w:sdtContent></w:sdt>",
        "第二段。": f'<w:customXml w:element="x">{para("第二段。")}</w:customXml>',
        "第三段。": f"<mc:AlternateContent><mc:Choice Requires=\"w14\">{para('第三段。')}</mc:Choice>"
                   f"<mc:Fallback>{para('第三段（旧版）。')}</mc:Fallback></mc:AlternateContent>",
    }
    for text, xml in wrapped.items():
        start = document.index(f"<w:t>{text}</w:t>")
        begin, end = document.rindex("<w:p>", 0, start), document.index("</w:p>", start) + len("</w:p>")
        document = document[:begin] + xml + document[end:]
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
           f"<w:sdtContent>{para('目录项')}</w:sdtContent></w:sdt>")
    document = document.replace("<w:body>", "<w:body>" + toc, 1).replace(f"<w:body {mc}>", f"<w:body {mc}>" + toc, 1)
    wrapped_path = tmp_path / "wrapped.docx"
    wrapped_path.write_bytes(repack(path.read_bytes(), {MAIN: document.encode()}))
    data = read_report(wrapped_path, tmp_path / "assets").data
    text = repr(data)
    positions = [text.index(t) for t in ("第一段。", "第二段。", "第三段。", "第四段。")]
    assert positions == sorted(positions) and "旧版" not in text and "目录项" not in text


def test_a_strict_body_under_transitional_relationships_is_refused_by_check_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """document.xml in Strict Open XML's namespace, the package relationships transitional: the streamed body has no
    block the reader knows, and is refused as Strict instead of being checked or imported as an empty document."""
    document = part_of(base(), MAIN).replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                             b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    path = tmp_path / "strict_body.docx"
    path.write_bytes(repack(base(), {MAIN: document}))
    fragment = r"\[word/document.xml\]: .*Strict Open XML is not supported"
    with pytest.raises(DocumentError, match=fragment):
        annual_docx.check(path)
    assert main(["check", str(path)]) == 3
    capsys.readouterr()
    _import_refuses(path, tmp_path, fragment, capsys)
