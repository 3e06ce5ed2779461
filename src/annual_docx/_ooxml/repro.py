"""Make a saved .docx reproducible: the same parts give the same bytes, whatever the clock says."""

from __future__ import annotations

import zipfile
from io import BytesIO

from .package import FIXED_TIME


def fixed_zip(data: bytes) -> bytes:
    """Return the zip ``data`` rewritten with every entry dated 1980-01-01, deflated, in its original order."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in src.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(entry))
    return out.getvalue()
