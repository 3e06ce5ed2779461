"""The one atomic writer (`annual_docx._atomic`): the target is the old file or the new one, never half of one."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from annual_docx._atomic import replacing, write_bytes


def test_write_bytes_replaces_the_target_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_a_failure_while_writing_keeps_the_old_file_and_removes_the_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_the_temporary_file_is_beside_the_target_and_hidden(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    with replacing(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(".a.docx.") and tmp.name.endswith(".tmp")
        assert not target.exists()  # nothing is at the target until the block succeeds
    assert target.read_bytes() == b""


def test_mode_is_set_before_the_rename(tmp_path: Path) -> None:
    target = tmp_path / "entry.png"
    write_bytes(target, b"x", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unwritable_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_bytes(tmp_path / "missing" / "a.docx", b"x")
