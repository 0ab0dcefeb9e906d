"""The previous versions of a saved file, kept beside it so an overwrite can be undone.

Before a draft, library or config (or an export the officer forced over an old one) is replaced,
the old content is copied to `.replydraft-backups/<name>.<time>.bak` in the same folder (the
folder of the real file when the path is a symlink). The newest `GENERATIONS` copies are kept.
`replydraft restore FILE` lists and restores them; the UI calls `list_backups` and `restore`
(also reachable as `backups.list` and `backups.restore`).
"""

from __future__ import annotations

import builtins
import datetime as _dt
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files.atomic import atomic_write_bytes, real_target
from replydraft.messages import msg, os_reason

FOLDER = ".replydraft-backups"
GENERATIONS = 3
"""How many previous versions of each file are kept."""

_STAMP = re.compile(r"\.(\d{8}T\d{6}\.\d{9})\.bak$")


@dataclass(frozen=True)
class Backup:
    """One kept version: generation 1 is the most recent."""

    generation: int
    file: Path
    saved_at: _dt.datetime
    size: int


def backup_folder(path: str | os.PathLike[str]) -> Path:
    """Where the backups of `path` live."""
    return real_target(path).parent / FOLDER


def _stamp() -> str:
    now = time.time_ns()
    moment = _dt.datetime.fromtimestamp(now // 1_000_000_000)
    return f"{moment:%Y%m%dT%H%M%S}.{now % 1_000_000_000:09d}"


def list_backups(path: str | os.PathLike[str]) -> builtins.list[Backup]:
    """The kept versions of `path`, newest first (empty when there are none)."""
    target = real_target(path)
    folder = target.parent / FOLDER
    prefix = target.name + "."
    found: builtins.list[tuple[str, Path]] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = _STAMP.search(name)
        if match and name[: match.start() + 1] == prefix:
            found.append((match.group(1), folder / name))
    found.sort(reverse=True)
    result = []
    for generation, (stamp, file) in enumerate(found, 1):
        try:
            size = file.stat().st_size
        except OSError:
            continue
        saved_at = _dt.datetime.strptime(stamp.split(".")[0], "%Y%m%dT%H%M%S")
        result.append(Backup(generation, file, saved_at, size))
    return result


def keep(path: str | os.PathLike[str], generations: int = GENERATIONS) -> Path | None:
    """Copy the current content of `path` into its backups before it is replaced.

    Nothing is kept for a missing file, or when the newest backup already holds the same
    bytes. Returns the backup written, if any.
    """
    target = real_target(path)
    try:
        if not target.is_file():
            return None
        data = target.read_bytes()
    except OSError:
        return None
    existing = list_backups(target)
    if existing:
        try:
            if existing[0].file.read_bytes() == data:
                return None
        except OSError:
            pass
    file = target.parent / FOLDER / f"{target.name}.{_stamp()}.bak"
    atomic_write_bytes(file, data)
    for old in list_backups(target)[generations:]:
        try:
            old.file.unlink()
        except OSError:
            pass
    return file


def restore(path: str | os.PathLike[str], generation: int = 1) -> Backup:
    """Put generation `generation` of `path` back; the content it replaces is kept as a backup.

    Raises `ReplydraftError` (in Chinese) when there is no such generation.
    """
    kept = list_backups(path)
    if not kept:
        raise ReplydraftError(msg("error.no_backups"), path)
    if not 1 <= generation <= len(kept):
        raise ReplydraftError(
            msg("error.no_generation", generation=generation, kept=len(kept)), path
        )
    chosen = kept[generation - 1]
    try:
        data = chosen.file.read_bytes()
    except OSError as exc:
        raise ReplydraftError(
            msg("error.backup_unreadable", reason=os_reason(exc)), chosen.file
        ) from None
    keep(path)
    atomic_write_bytes(path, data)
    return chosen


list = list_backups  # noqa: A001  (the UI's API: backups.list(path), backups.restore(path, n))
