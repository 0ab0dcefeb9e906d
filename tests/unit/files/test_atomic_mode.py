"""Atomic writes keep the permissions a plain `open()` would give, not the temp file's 0600."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from replydraft.files import atomic
from replydraft.files.atomic import atomic_write_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_gets_umask_mode_not_0600(tmp_path):
    target = tmp_path / "答复.docx"
    atomic_write_text(target, "正文")
    assert _mode(target) == 0o666 & ~atomic._UMASK
    assert target.read_text(encoding="utf-8") == "正文"


def test_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "draft.yaml"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert _mode(target) == 0o640
    assert target.read_text(encoding="utf-8") == "new"
