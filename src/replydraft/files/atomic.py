"""Atomic file writes: write a temp file beside the target, fsync, then rename over it.

A crash mid-write leaves the old file intact; nothing the user wrote is ever half-overwritten.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()
"""Read once at import: `os.umask` can only be read by setting it, which is not thread-safe."""


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or for a new file what `open()` would give (0666 minus
    the umask): the temp file is 0600, and an exported reply must stay readable by colleagues."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically, creating parent folders as needed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with UTF-8 `text` atomically (LF line endings kept as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))
