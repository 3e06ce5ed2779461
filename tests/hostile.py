"""A corpus of hostile and odd Word packages, made here from the default template: zip bombs, entity expansion, deep
nesting, malformed XML, encrypted and Deflate64 entries, damaged streams, absurd numbers, a renamed main part,
Strict, .dotx/.docm, .doc and encrypted containers, other formats. Used by the tests and benchmarks/hostile.py."""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import annual_docx

MAIN = "word/document.xml"
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Case:
    """One file: its name, how to make its bytes, and the message fragment of the error it must give (None: it is
    readable, and check answers with findings)."""

    name: str
    make: Callable[[], bytes]
    error: str | None
    template_ok: bool = False  # usable as a template (it still has the report's tags)
    template_error: str | None = None  # the error as a template, when it differs


def base() -> bytes:
    """Return the bytes of the default template: a valid package with every part a report document has."""
    return annual_docx.default_template().read_bytes()


def repack(data: bytes, changes: dict[str, bytes | None] | None = None, rename: dict[str, str] | None = None,
           extra: list[tuple[str, bytes]] | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Return the zip ``data`` with parts replaced (None: removed), renamed, and extra entries appended."""
    changes, rename = changes or {}, rename or {}
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", method) as dst, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        for info in src.infolist():
            content = changes.get(info.filename, src.read(info))
            if content is not None:
                dst.writestr(rename.get(info.filename, info.filename), content)
        for name, content in extra or []:
            dst.writestr(name, content)
    return out.getvalue()


def part_of(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return zf.read(name)


def patch_entry(data: bytes, name: str, *, flags: int = 0, method: int | None = None, crc: int | None = None,
                size: int | None = None) -> bytes:
    """Return ``data`` with the local and central headers of entry ``name`` patched: flag bits or-ed in, compression
    method, CRC or declared uncompressed size replaced."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, at_flags, at_method, at_crc, at_name in ((b"PK\x03\x04", 6, 8, 14, 30),
                                                           (b"PK\x01\x02", 8, 10, 16, 46)):
        for match in re.finditer(re.escape(signature), bytes(raw)):
            start = match.start()
            if raw[start + at_name:start + at_name + len(encoded)] != encoded:
                continue
            old_flags = struct.unpack_from("<H", raw, start + at_flags)[0]
            struct.pack_into("<H", raw, start + at_flags, old_flags | flags)
            if method is not None:
                struct.pack_into("<H", raw, start + at_method, method)
            if crc is not None:
                struct.pack_into("<I", raw, start + at_crc, crc)
            if size is not None:  # the uncompressed size follows the CRC and the compressed size
                struct.pack_into("<I", raw, start + at_crc + 8, size)
    return bytes(raw)


def corrupt_deflate(data: bytes, name: str) -> bytes:
    """Return ``data`` with the middle of entry ``name``'s compressed stream overwritten."""
    raw = bytearray(data)
    with zipfile.ZipFile(BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start:start + 16] = b"\xff" * 16  # an invalid deflate block type
    return bytes(raw)


def with_document(text: bytes) -> bytes:
    return repack(base(), {MAIN: text})


def bomb(size: int = 300 * 1024 * 1024) -> bytes:
    """Return a package whose document.xml inflates to ``size`` bytes (a 300 MB part compresses to ~300 KB)."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(base())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                   compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename != MAIN:
                dst.writestr(info.filename, src.read(info))
        with dst.open(MAIN, "w", force_zip64=True) as f:
            f.write(b"<w:document " + W + b"><w:body>")
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return out.getvalue()


def absurd_numbers() -> bytes:
    document = part_of(base(), MAIN).decode()
    document = re.sub(r'<w:pgSz [^>]*/>', '<w:pgSz w:w="1e400" w:h="11906.5"/>', document)
    document = re.sub(r'w:top="\d+"', 'w:top="' + "9" * 400 + '"', document)
    document = re.sub(r'w:linePitch="\d+"', 'w:linePitch="' + "7" * 300 + '"', document)
    document = re.sub(r'w:charSpace="-?\d+"', 'w:charSpace="-0.5"', document)
    styles = part_of(base(), "word/styles.xml").decode()
    styles = styles.replace('<w:sz w:val="32"/>', '<w:sz w:val="' + "3" * 500 + '"/>')
    return repack(base(), {MAIN: document.encode(), "word/styles.xml": styles.encode()})


def renamed_main() -> bytes:
    data = base()
    rels = part_of(data, "_rels/.rels").replace(b"word/document.xml", b"word/document2.xml")
    types = part_of(data, "[Content_Types].xml").replace(b"/word/document.xml", b"/word/document2.xml")
    return repack(data, {"_rels/.rels": rels, "[Content_Types].xml": types,
                         "word/_rels/document.xml.rels": None},
                  rename={MAIN: "word/document2.xml"},
                  extra=[("word/_rels/document2.xml.rels", part_of(data, "word/_rels/document.xml.rels"))])


def main_type(content_type: bytes) -> bytes:
    data = base()
    types = part_of(data, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type)
    return repack(data, {"[Content_Types].xml": types})


def rels_edit(old: bytes, new: bytes, part: str = "_rels/.rels") -> bytes:
    data = base()
    text = part_of(data, part)
    assert old in text, (old, part)
    return repack(data, {part: text.replace(old, new, 1)})


def two_core_properties() -> bytes:
    rels = part_of(base(), "_rels/.rels")
    core = re.search(rb"<Relationship [^>]*core-properties[^>]*/>", rels)
    assert core is not None
    second = re.sub(rb'Id="[^"]+"', b'Id="rIdCore2"', core.group(0))
    return repack(base(), {"_rels/.rels": rels.replace(b"</Relationships>", second + b"</Relationships>")})


def cfb(stream_name: str) -> bytes:
    """Return a minimal-looking OLE compound file naming one stream (as .doc and encrypted .docx files do)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream_name.encode("utf-16-le") + b"\x00" * 512


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&%s;" % bytes([97 + i]) * 10) for i in range(9))
          + b"]><w:document " + W + b"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
DEEP = (b"<w:document " + W + b"><w:body>" + b"<w:sdt><w:sdtContent>" * 150
        + b"</w:sdtContent></w:sdt>" * 150 + b"</w:body></w:document>")


def cases() -> list[Case]:
    """Return every hostile case."""
    return [
        Case("not_a_zip.docx", lambda: b"hello, not a document", "not a .docx"),
        Case("empty.docx", lambda: b"", "not a .docx"),
        Case("truncated.docx", lambda: base()[: len(base()) // 2], "damaged"),
        Case("pdf_renamed.docx", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        Case("rtf_renamed.docx", lambda: b"{\\rtf1\\ansi hello}", "RTF"),
        Case("word97.doc", lambda: cfb("WordDocument"), ".doc file"),
        Case("password.docx", lambda: cfb("EncryptedPackage"), "encrypted"),
        Case("opendocument.docx", lambda: repack(base(), {"[Content_Types].xml": None, "_rels/.rels": None},
                                                  extra=[("mimetype", b"application/vnd.oasis.opendocument.text")]),
             "OpenDocument"),
        Case("no_content_types.docx", lambda: repack(base(), {"[Content_Types].xml": None}), "[Content_Types].xml"),
        Case("spreadsheet.docx", lambda: main_type(b"application/vnd.openxmlformats-officedocument.spreadsheetml."
                                                   b"sheet.main+xml"), "Excel"),
        Case("strict.docx", lambda: rels_edit(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                              b"officeDocument", b"http://purl.oclc.org/ooxml/officeDocument/"
                                              b"relationships/officeDocument"), "Strict Open XML"),
        Case("bomb.docx", bomb, "larger than 256 MB", template_error="larger than 64 MB"),
        Case("billion_laughs.docx", lambda: with_document(LAUGHS), "DTD"),
        Case("deep_nesting.docx", lambda: with_document(DEEP), "deeper than 256"),
        Case("malformed.docx", lambda: with_document(b"<w:document " + W + b"><w:body><w:p></w:body>"),
             "malformed XML"),
        Case("encrypted_entry.docx", lambda: patch_entry(base(), MAIN, flags=1), "encrypted"),
        Case("deflate64.docx", lambda: patch_entry(repack(base(), method=zipfile.ZIP_STORED), MAIN, method=9),
             "Deflate64"),
        Case("corrupt_deflate.docx", lambda: corrupt_deflate(base(), MAIN), "damaged"),
        Case("lying_size.docx", lambda: patch_entry(bomb(20 * 1024 * 1024), MAIN, size=1000), "damaged"),
        Case("bad_crc.docx", lambda: patch_entry(base(), MAIN, crc=0x12345678), "damaged"),
        Case("duplicate_entry.docx", lambda: repack(base(), extra=[(MAIN, part_of(base(), MAIN))]), "two entries"),
        Case("dangling_styles.docx", lambda: repack(base(), {"word/styles.xml": None}), "missing part"),
        Case("outside_target.docx", lambda: rels_edit(b'Target="styles.xml"', b'Target="../../../etc/passwd"',
                                                      "word/_rels/document.xml.rels"), "outside the package"),
        Case("absurd_numbers.docx", absurd_numbers, None, template_ok=True),
        Case("paragraph_as_root.docx", lambda: with_document(b"<w:p " + W + b"><w:r><w:t>x</w:t></w:r></w:p>"), None,
             template_error="no document body"),
        Case("empty_document.docx", lambda: with_document(b"<w:document " + W + b"/>"), None,
             template_error="no document body"),
        Case("renamed_main.docx", renamed_main, None, template_ok=True),
        Case("two_core_properties.docx", two_core_properties, None, template_ok=True),
        Case("word_template.dotx", lambda: main_type(b"application/vnd.openxmlformats-officedocument."
                                                     b"wordprocessingml.template.main+xml"), None, template_ok=True),
        Case("macros.docm", lambda: main_type(b"application/vnd.ms-word.document.macroEnabled.main+xml"), None,
             template_error="macro-enabled"),
    ]


def write_all(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[Path, Case]]:
    """Write every case (but those named in ``skip``) into ``folder``; return them by name."""
    written = {}
    for case in cases():
        if case.name not in skip:
            path = folder / case.name
            path.write_bytes(case.make())
            written[case.name] = (path, case)
    return written
