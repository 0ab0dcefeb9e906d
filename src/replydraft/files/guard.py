"""Reading a file replydraft owns (draft, library, config, synonyms) without hanging or
exhausting memory: only regular files, never more than a stated size.

`/dev/zero` would be read until memory runs out, and opening a FIFO blocks until someone
writes to it; both are refused before any byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.messages import msg, os_reason

MB = 1024 * 1024
MAX_DRAFT_BYTES = 10 * MB
"""A draft is a few kB to a few hundred kB (a long proposal text included)."""
MAX_LIBRARY_BYTES = 512 * MB
"""A 100,000-entry library is well under 100 MB."""
MAX_SETTINGS_BYTES = 1 * MB
"""Config and synonyms files are a few kB."""


def _size_label(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size} 字节"


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`; `ReplydraftError` (one Chinese line) otherwise."""
    file = Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise ReplydraftError(msg("error.file_not_found"), path) from None
    except OSError as exc:
        raise ReplydraftError(msg("error.cannot_read", reason=os_reason(exc)), path) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReplydraftError(msg("error.is_folder"), path)
    if not stat.S_ISREG(info.st_mode):
        raise ReplydraftError(msg("error.not_regular"), path)
    if info.st_size > max_bytes:
        raise ReplydraftError(
            msg("error.too_large", size=_size_label(info.st_size), limit=_size_label(max_bytes)),
            path,
        )
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, open does not block.
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ReplydraftError(msg("error.not_regular"), path)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReplydraftError(msg("error.cannot_read", reason=os_reason(exc)), path) from None
    if len(data) > max_bytes:
        raise ReplydraftError(msg("error.too_large_limit", limit=_size_label(max_bytes)), path)
    return data
