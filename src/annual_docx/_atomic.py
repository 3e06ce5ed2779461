"""The one way annual_docx writes a file: a new temporary file beside the target, renamed onto it when complete.

A reader of the target sees the old file or the new one, never half of one; a failure (full disk, an exception
while writing, Ctrl-C) leaves the target as it was and removes the temporary file. Rendered documents, imported
reports, exported templates and every cache entry are written through :func:`replacing`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def _exclusive_temp(target: Path) -> Path:
    """Create and return an empty temporary file beside ``target``, with the permissions a new file gets (umask);
    its name starts with a dot and ends in ``.tmp``. Raises OSError when the folder cannot be written."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(f"{target}: no free temporary name beside it")


@contextlib.contextmanager
def replacing(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a new, empty temporary file beside ``target``; when the block succeeds, set its permissions to ``mode``
    (if given) and rename it onto ``target``; when anything fails, remove it and let the error pass.

    OSError from creating, writing or renaming passes to the caller, who words it for the user."""
    tmp = _exclusive_temp(target)
    try:
        yield tmp
        if mode is not None:
            tmp.chmod(mode)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through :func:`replacing`."""
    with replacing(target, mode=mode) as tmp:
        tmp.write_bytes(data)


def write_file(out: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to the file ``out`` the way the library writes its own files (a temporary file renamed onto
    it: never half a file, a failure leaves ``out`` as it was) and return its path. Raises
    :class:`~annual_docx.OutputError` naming the file when its folder is missing, when it exists and ``overwrite``
    is False, or when it cannot be written. The command line writes schemas, starters and templates with it."""
    from annual_docx.errors import OutputError

    path = Path(out)
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: 文件已存在 / the file exists")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: 输出目录不存在 / the output folder does not exist")
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: 无法写入 / cannot write ({exc.strerror or exc})") from None
    return path


__all__ = ["replacing", "write_bytes", "write_file"]
