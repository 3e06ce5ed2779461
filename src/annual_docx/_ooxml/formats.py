"""What a file that is not a usable .docx is, and what to tell the user: the package constants the reader needs,
the main-part content types it accepts, and the first-bytes sniffing of other formats (OLE containers of .doc and
encrypted files, PDF, RTF, XML/HTML)."""

from __future__ import annotations

from pathlib import Path

from annual_docx._ooxml.ns import CT_NS as CT_NS
from annual_docx._ooxml.ns import PKG_REL_NS, R_NS
from annual_docx.errors import DocumentError

REL_NS = PKG_REL_NS
OFFICE_REL = f"{R_NS}/"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MAIN_KINDS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "template",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "macro-document",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "macro-template",
}
SAVE_AS = ("请在 Word 或 WPS 中打开，“另存为”Word 文档 (*.docx) 后再试 / open it in Word or WPS and save it as .docx "
           "(Word Document), then use that")
def sniff(head: bytes) -> str | None:
    """Say what a file that is not a zip is, from its first bytes (None: nothing recognisable)."""
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "cfb"
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "RTF"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "XML/HTML"
    return None


def not_a_zip(path: Path, head: bytes, data_tail: bytes) -> DocumentError:
    kind = sniff(head)
    if kind == "cfb":
        if any(stream.encode("utf-16-le") in data_tail for stream in ("EncryptedPackage", "EncryptionInfo")):
            return DocumentError(f"{path}: 文件已加密（设有打开密码），无法读取；请在 Word 或 WPS 中去掉密码"
                                 f"（文件 → 信息 → 保护文档）并另存为 .docx 后再试 / the file is encrypted "
                                 f"(password-protected); remove the password in Word or WPS (文件 → 信息 → "
                                 f"保护文档), save it as .docx and try again")
        if "WordDocument".encode("utf-16-le") in data_tail:
            return DocumentError(f"{path}: 这是 Word 97–2003 .doc 文件，不受支持 / this is a Word 97–2003 .doc file, "
                                 f"which is not supported; {SAVE_AS}")
        return DocumentError(f"{path}: 这是旧版 Office 复合文件，不是 .docx / an old Office compound file, not a "
                             f".docx; {SAVE_AS}")
    if kind:
        return DocumentError(f"{path}: 这是 {kind} 文件，不是 .docx / this is a {kind} file, not a .docx; {SAVE_AS}")
    return DocumentError(f"{path}: 不是 .docx 文件（不是 zip 包）/ not a .docx file (not a zip package); {SAVE_AS}")
