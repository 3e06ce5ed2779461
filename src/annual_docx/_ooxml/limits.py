"""Caps on what a package from outside may make the reader do, and the stream that enforces them while inflating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from annual_docx.errors import DocumentError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps on what a package may make the reader do; sizes are uncompressed bytes.

    ``part_bytes``: one part; ``package_bytes``: all parts together; ``block_bytes``: the XML of one paragraph or
    table while a part is streamed (:meth:`Package.blocks`); ``entries``: zip entries.
    """

    part_bytes: int = 256 * MB
    package_bytes: int = 1024 * MB
    block_bytes: int = 64 * MB
    entries: int = 20_000


#: Templates are rendered by docxtpl, which holds whole parts in memory several times over: tighter caps.
TEMPLATE_LIMITS = Limits(part_bytes=10 * MB, package_bytes=64 * MB, block_bytes=10 * MB)


def mb_text(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} bytes"


class Capped:
    """A readable stream that raises ``error`` once one block — the bytes since ``mark`` — grows past ``block``
    bytes (0: no block cap) while a part is streamed.

    There is no count of the part's own inflated bytes: :mod:`zipfile` never returns more than an entry's declared
    uncompressed size (it cuts the inflated data there, then fails the CRC when the entry held more), and the reader
    refuses an entry whose declared size is over the part cap before inflating anything. ``count`` is the bytes read
    so far.
    """

    def __init__(self, raw: IO[bytes], error: DocumentError, block: int = 0) -> None:
        self.raw, self.error, self.block = raw, error, block
        self.count = self.mark = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size if size and size > 0 else 1 << 16)
        self.count += len(data)
        if self.block and self.count - self.mark > self.block:
            raise self.error
        return data

    def close(self) -> None:
        self.raw.close()
