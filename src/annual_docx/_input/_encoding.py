"""Read a report file's bytes (:func:`read_report`) and turn them into text: UTF-8 (BOM or not) or UTF-16 with a
BOM; anything else is refused with a message saying what the file looks like and how to save it as UTF-8, never
decoded into mojibake."""

from __future__ import annotations

import codecs
from pathlib import Path

from annual_docx.errors import InputError

_SAVE_AS_UTF8 = (
    "请在编辑器中“另存为”并选择 UTF-8 编码（记事本：编码选“UTF-8”；WPS/VS Code：“以 UTF-8 编码保存”）后重试 / "
    "open it in your editor, save it with the UTF-8 encoding, and try again"
)
_MAGIC = {
    b"PK\x03\x04": "ZIP/.docx/.xlsx",
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "Word 97-2003 (.doc/.xls)",
    b"{\\rtf": "RTF",
}


def read_report(path: Path) -> bytes:
    """Return the bytes of the report file at ``path``, raising :class:`InputError` when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: 文件不存在 / file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: 无法读取文件 / cannot read the file: {exc.strerror}") from exc


def decode(path: Path, raw: bytes) -> str:
    """Return the text of a report file, raising :class:`InputError` for binary files and non-UTF encodings."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    kind = next((name for magic, name in _MAGIC.items() if raw.startswith(magic)), None)
    if kind is None and b"\x00" in raw[:8192]:
        kind = "binary"
    if kind is not None:
        raise InputError(
            f"{path}: 这是二进制文件（{kind}），不是 YAML 或 JSON 文本 / this is a binary file ({kind}), not a YAML "
            "or JSON text report"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"第 {exc.start} 字节 / byte {exc.start}"
        if _looks_like_gb(raw):
            raise InputError(
                f"{path}: 文件是 GBK/GB18030 编码，不是 UTF-8（{where}）。{_SAVE_AS_UTF8} / "
                "the file is in GBK/GB18030, not UTF-8"
            ) from None
        raise InputError(f"{path}: 文件不是 UTF-8 编码（{where}）。{_SAVE_AS_UTF8} / the file is not UTF-8") from None


def _looks_like_gb(raw: bytes) -> bool:
    """Return whether ``raw`` decodes as GB18030 into mostly Chinese text (a hint for the message, not a decoder)."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if ord(ch) > 0x7F]
    return bool(wide) and sum("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                              for ch in wide) >= 0.8 * len(wide)
