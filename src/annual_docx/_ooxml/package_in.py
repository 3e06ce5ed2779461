"""Open a .docx from outside for reading: the ONE place the importer touches the zip (swap for the shared reader).

Refuses what is not a WordprocessingML package with a message that says what to do: a legacy .doc, an encrypted
(password-protected) file, RTF, a damaged zip. Parts are capped in size and parsed with entity expansion and network
access off; every zip or XML problem becomes an :class:`~annual_docx.errors.InputError`.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from annual_docx._ooxml.props import Element
from annual_docx.errors import InputError

PART_CAP = 64 * 1024 * 1024  # bytes of one uncompressed part
PACKAGE_CAP = 256 * 1024 * 1024  # bytes of all parts together
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOC = "/officeDocument"
SAVE_AS = ("请在 Word 或 WPS 中打开并“另存为” .docx 格式后再导入 / open it in Word or WPS and save it as .docx, "
           "then import that")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class Package:
    """A read-only .docx: its parts by name, the main document part and each part's relationships."""

    path: Path
    zf: zipfile.ZipFile
    main: str
    _rels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def read(self, name: str) -> bytes | None:
        """Return the bytes of part ``name`` (None when absent); InputError when it is too big or damaged."""
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            return None
        if info.file_size > PART_CAP:
            raise InputError(f"{self.path}: 部件 {name} 超过 {PART_CAP // 2**20} MB / part {name} is larger than "
                             f"{PART_CAP // 2**20} MB")
        try:
            with self.zf.open(info) as fh:
                return fh.read(PART_CAP + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError) as exc:
            raise InputError(f"{self.path}: 部件 {name} 已损坏 / part {name} is damaged ({exc}); {SAVE_AS}") from None

    def xml(self, name: str) -> Element | None:
        """Return part ``name`` parsed safely (None when absent)."""
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.path}: 部件 {name} 不是有效的 XML / part {name} is not valid XML ({exc}); "
                             f"{SAVE_AS}") from None

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Return ``{rId: (type, target part name)}`` of ``part``; external targets are left out."""
        if part not in self._rels:
            folder, base = posixpath.split(part)
            root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
            out: dict[str, tuple[str, str]] = {}
            for rel in root.iter(_REL_NS + "Relationship") if root is not None else ():
                target = rel.get("Target") or ""
                if rel.get("TargetMode") == "External" or not target:
                    continue
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
            self._rels[part] = out
        return self._rels[part]

    def close(self) -> None:
        self.zf.close()


def open_package(path: Path) -> Package:
    """Open ``path`` as a .docx; InputError (saying what to do) for .doc, encrypted, RTF, damaged or huge files."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            ole_body = fh.read(4 * 1024 * 1024) if head == _OLE else b""
    except OSError as exc:
        raise InputError(f"{path}: 无法读取 / cannot read the file ({exc.strerror or exc})") from None
    if head == _OLE:
        if _ENCRYPTED in ole_body:
            raise InputError(f"{path}: 文件设有打开密码（已加密），无法读取 / the file is password-protected "
                             f"(encrypted); remove the password in Word or WPS (文件→信息→保护文档), save it as "
                             f".docx and import that")
        raise InputError(f"{path}: 这是旧版 Word 97-2003 文档（.doc），不是 .docx / this is a legacy Word .doc "
                         f"file, not .docx; {SAVE_AS}")
    if head.startswith(b"{\\rtf"):
        raise InputError(f"{path}: 这是 RTF 文档，不是 .docx / this is an RTF file, not .docx; {SAVE_AS}")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path}: 不是 .docx 文件或文件已损坏 / not a .docx file, or the file is damaged ({exc}); "
                         f"{SAVE_AS}") from None
    if sum(i.file_size for i in zf.infolist()) > PACKAGE_CAP:
        zf.close()
        raise InputError(f"{path}: 文件解压后超过 {PACKAGE_CAP // 2**20} MB / the package is larger than "
                         f"{PACKAGE_CAP // 2**20} MB uncompressed")
    package = Package(path, zf, "")
    try:
        main = next((t for kind, t in package.rels("").values() if kind.endswith(_OFFICE_DOC)), None)
        if main is None or main not in zf.namelist():
            raise InputError(f"{path}: 找不到 Word 正文部件，不是 .docx / no Word document part: not a .docx "
                             f"(an .xlsx or .pptx?); {SAVE_AS}")
    except InputError:
        zf.close()
        raise
    package.main = main
    return package
