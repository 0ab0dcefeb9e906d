"""Autosave and recovery: the editor's text is written to a recovery file every few seconds.

Each running UI owns one file in `locations.recovery_dir()`, written atomically, holding the
editor text verbatim (so nothing typed is lost even if it does not map cleanly onto parts), the
draft model it was last analysed into (parts, kinds, library sources: `Draft.to_dict`), the
draft's metadata, and the draft file it belongs to. Files written before the model was kept
(or whose model no longer loads) recover from the text alone. A clean exit removes the file; after a crash
or `kill -9` the file stays, and the next start offers it (`orphans`).

No Textual here.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replydraft.draft.model import Draft
from replydraft.errors import ReplydraftError
from replydraft.files import locations
from replydraft.files.atomic import atomic_write_text
from replydraft.files.yaml import dump_yaml, load_yaml_file

RECOVERY_FORMAT = 1


@dataclass
class Recovered:
    """One autosaved draft left behind by a UI that did not exit cleanly."""

    path: Path
    text: str
    meta: dict[str, Any]
    draft_path: str | None
    saved_at: float
    model: dict[str, Any] | None = None
    """The draft model as `Draft.to_dict` wrote it, when the file holds one."""
    file_sha256: str | None = None
    """The SHA-256 of the draft file as the crashed UI last loaded or saved it."""

    def draft(self) -> Draft | None:
        """The autosaved draft model, or None when there is none or it does not load."""
        if self.model is None:
            return None
        try:
            return Draft.from_dict(self.model, self.path)
        except ReplydraftError:
            return None

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "（无标题）")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        # A UI of this process that is gone (we are starting a new one): its file is orphaned.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed UI stays a zombie until its parent reaps it (for seconds when that is a
    container's init); signal 0 still reaches it, but its draft is orphaned. Linux only."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # "pid (comm) S ...": comm may hold spaces or parentheses, so read after the last ")".
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


class Autosaver:
    """Writes this session's recovery file; removes it when the session ends cleanly."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or locations.recovery_dir()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.path = self.directory / f"draft-{stamp}-{os.getpid()}-{id(self):x}.yaml"

    def save(
        self,
        text: str,
        meta: dict[str, Any],
        draft_path: str | None,
        draft: dict[str, Any] | None = None,
        file_sha256: str | None = None,
    ) -> None:
        """Write the recovery file atomically (temp file + rename); `draft` is the model as
        `Draft.to_dict` gives it, `file_sha256` the draft file's hash as this UI knows it."""
        data = {
            "format": RECOVERY_FORMAT,
            "pid": os.getpid(),
            "saved_at": time.time(),
            "draft_path": draft_path,
            "meta": meta,
            # One string per line: block scalars would drop trailing spaces, lines keep them.
            "lines": text.split("\n"),
        }
        if draft is not None:
            data["draft"] = draft
        if file_sha256 is not None:
            data["file_sha256"] = file_sha256
        atomic_write_text(self.path, dump_yaml(data))

    def discard(self) -> None:
        """Remove this session's recovery file (clean exit, or the officer discarded it)."""
        self.path.unlink(missing_ok=True)


def orphans(directory: Path | None = None) -> list[Recovered]:
    """Recovery files whose UI is gone, newest first. Unreadable files are skipped, not deleted."""
    folder = directory or locations.recovery_dir()
    if not folder.is_dir():
        return []
    found: list[Recovered] = []
    for path in folder.glob("draft-*.yaml"):
        try:
            data = load_yaml_file(path)
        except (ReplydraftError, OSError):
            continue
        lines = data.get("lines") if isinstance(data, dict) else None
        if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
            continue
        pid = data.get("pid")
        if isinstance(pid, int) and _pid_alive(pid):
            continue
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        model = data.get("draft") if isinstance(data.get("draft"), dict) else None
        found.append(
            Recovered(
                path=path,
                text="\n".join(lines),
                meta=meta,
                draft_path=data.get("draft_path"),
                saved_at=float(data.get("saved_at") or path.stat().st_mtime),
                model=model,
                file_sha256=sha if isinstance(sha := data.get("file_sha256"), str) else None,
            )
        )
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found
