"""Make a saved .docx reproducible: the same parts give the same bytes, whatever the clock says."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from io import BytesIO

from .package import FIXED_TIME


def fixed_zip(data: bytes) -> bytes:
    """Return the zip ``data`` rewritten with every entry dated 1980-01-01, deflated, in its original order."""
    with zipfile.ZipFile(BytesIO(data)) as src:
        return zip_parts((entry.filename, src.read(entry)) for entry in src.infolist())


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """Return a zip of ``parts`` (name, bytes) in that order, every entry dated 1980-01-01 and deflated."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()
