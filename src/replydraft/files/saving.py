"""Saving a file the officer owns: keep the previous version, write atomically, and turn every
write error into one Chinese line.

Drafts, libraries and config are saved through `save_file`; commands that write a file the
officer named (`skeleton --out`, `export -o`) first call `check_overwrite`, which refuses to
replace an existing file unless `--force` was given.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files import backups
from replydraft.files.atomic import atomic_write_bytes, real_target
from replydraft.messages import msg, os_reason


def write_error(exc: OSError, path: str | os.PathLike[str]) -> ReplydraftError:
    """A one-line, Chinese description of why `path` could not be written."""
    code = exc.errno
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        message = "这是一个文件夹，不能写成文件"
    elif code in (errno.EACCES, errno.EPERM):
        message = "没有写入权限，无法保存"
    elif code == errno.EROFS:
        message = msg("error.save_read_only")
    elif code in (errno.ENOSPC, errno.EDQUOT):
        message = msg("error.save_disk_full")
    elif code == errno.ENOTDIR:
        message = msg("error.save_not_dir")
    else:
        message = msg("error.save_failed", reason=os_reason(exc))
    return ReplydraftError(message, path)


def save_file(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` atomically (through a symlink), keeping the old version first.

    Returns the real file written. Any OS error is a `ReplydraftError`; the old file is intact.
    """
    target = real_target(path)
    if target.is_dir():
        raise ReplydraftError(msg("error.target_is_folder"), path)
    try:
        if keep_backup:
            backups.keep(target)
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise write_error(exc, path) from None
    return target


def check_overwrite(path: str | os.PathLike[str], *, force: bool) -> None:
    """Refuse to replace an existing file unless `force`; a folder is never a target."""
    target = Path(path)
    if target.is_dir():
        raise ReplydraftError(msg("error.target_is_folder"), path)
    if (target.exists() or target.is_symlink()) and not force:
        raise ReplydraftError(
            msg("error.exists"),
            path,
        )
