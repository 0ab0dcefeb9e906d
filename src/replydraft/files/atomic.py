"""Atomic file writes: write a temp file beside the target, fsync, rename over it, fsync the folder.

A crash mid-write leaves the old file intact; nothing the user wrote is ever half-overwritten.
A symlink is written through: the file it points to is replaced and the link stays a link (a
library linked into a synced team folder keeps receiving updates). Temp files are named
`.<name>.<pid>.<random>.replydraft-tmp`, so one left by a killed write is recognised and
removed by the next write or read of the same file (`clean_stale_temps`).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".replydraft-tmp"
"""The end of every temp file's name: recognisable, and never a suffix replydraft reads."""

STALE_AFTER = 3600.0
"""A temp file whose writer cannot be checked is stale after this many seconds."""


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


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to `path` must replace: the end of its symlink chain, if it is one.

    A dangling link resolves to where it points, so the first save creates the linked file.
    """
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and some network shares) refuse to sync a folder
    finally:
        os.close(fd)


def _writer_alive(name: str) -> bool:
    """Whether the process named in a temp file's name (`.<file>.<pid>.<rand>…`) still runs."""
    parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but is someone else's, or cannot be asked: leave it to the age test
    return True


def clean_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove temp files a killed write of `path` left beside it; returns those removed.

    A temp file is stale when the process that wrote it is gone (same machine), or it is older
    than `STALE_AFTER` (a writer on another machine sharing the folder).
    """
    target = real_target(path)
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{_glob_escape(target.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    now = time.time()
    for temp in candidates:
        try:
            age = now - temp.stat().st_mtime
        except OSError:
            continue
        if _writer_alive(temp.name) and age < STALE_AFTER:
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` (through a symlink) with `data` atomically, creating parent folders."""
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
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
    _fsync_dir(target.parent)
    clean_stale_temps(target)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with UTF-8 `text` atomically (LF line endings kept as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))
