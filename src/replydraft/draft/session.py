"""One officer's editing session on one draft: what is shown, what is saved, and where.

The UI keeps the editor's text and the form; this module keeps everything else it must know
to save without losing work: the metadata and the draft model, the text and metadata as last
saved, whether anything changed since, the draft file, and a stamp of that file (mtime, size,
content hash) as this session last loaded or wrote it. Before writing, `save_check` says
whether the target is free, belongs to someone else (ask before replacing), or was changed by
someone else since we loaded it (a conflict: ask before overwriting).

No Textual here, so the core tests can drive it.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from replydraft.draft.model import Draft, ProposalMeta

SaveCheck = Literal["free", "ours", "replace", "conflict"]
"""free: nothing there; ours: the file as this session left it; replace: a file this session
never loaded or saved; conflict: our file, changed (or removed and re-made) by someone else."""

DRAFT_SUFFIX = ".draft.yaml"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like: modification time, size and a SHA-256 of its bytes."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The stamp of `path` now (through symlinks), or None when it is not there."""
        try:
            stat = path.stat()
            data = path.read_bytes()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())

    def same_content(self, other: FileStamp | None) -> bool:
        """True when `other` holds the same bytes (a touch alone is not a change)."""
        return other is not None and other.sha256 == self.sha256


@dataclass
class DraftSession:
    """The state of one draft being edited, apart from the editor's text itself."""

    meta: ProposalMeta
    """The form's metadata (the form is the truth for it)."""
    draft: Draft
    """The draft model last derived from the editor's text (carries kinds and sources)."""
    path: Path | None = None
    """The draft file; None until the first save."""
    saved_text: str = ""
    saved_meta: ProposalMeta = field(default_factory=ProposalMeta)
    dirty: bool = False
    """Edited since the last save (the title bar shows it)."""
    stamp: FileStamp | None = None
    """The draft file as this session last loaded or saved it."""
    last_skeleton: str | None = None
    """The editor text as the last skeleton left it; None once the officer has edited."""
    rendered_meta: ProposalMeta = field(default_factory=ProposalMeta)
    """The metadata the editor's frame parts were rendered from (for refresh_frame)."""
    initial_text: str = ""
    """The text the editor starts with (a loaded draft's text form, else empty)."""

    @classmethod
    def start(cls, path: str | os.PathLike[str] | None, default_meta: ProposalMeta) -> DraftSession:
        """A session on `path`: loaded when the file exists, else a new draft there (or nowhere)."""
        target = Path(path) if path else None
        if target is None or not target.exists():
            return cls(
                meta=default_meta,
                draft=Draft(meta=default_meta, parts=[]),
                path=target,
                saved_meta=default_meta,
                rendered_meta=default_meta,
            )
        from replydraft.draft.text_form import render_text

        stamp = FileStamp.of(target)
        loaded = Draft.load(target)
        text = render_text(loaded)
        return cls(
            meta=loaded.meta,
            draft=loaded,
            path=target,
            saved_text=text,
            saved_meta=loaded.meta,
            stamp=stamp,
            rendered_meta=loaded.meta,
            initial_text=text,
        )

    def edited(self) -> None:
        self.dirty = True

    def has_unsaved(self, text: str) -> bool:
        """True when the editor's `text` or the form differ from what was last saved."""
        return text != self.saved_text or self.meta != self.saved_meta

    def changed_on_disk(self) -> bool:
        """True when our draft file is no longer what this session loaded or last saved
        (another UI or a colleague wrote it, or it was removed). False when there is no file
        of ours yet."""
        if self.path is None or self.stamp is None:
            return False
        return not self.stamp.same_content(FileStamp.of(self.path))

    def really_saved(self, text: str) -> bool:
        """True when quitting now loses nothing: the text and form are in our file, unchanged."""
        return not self.has_unsaved(text) and not self.changed_on_disk()

    def save_check(self, target: Path) -> SaveCheck:
        """What writing `target` would do to what is there (see `SaveCheck`)."""
        now = FileStamp.of(target)
        if now is None and not target.is_symlink():
            return "free"
        if self.path is not None and _same_file(target, self.path) and self.stamp is not None:
            return "ours" if self.stamp.same_content(now) else "conflict"
        return "replace"

    def saved(self, path: Path, text: str) -> None:
        """Record that the draft of `text` and the current metadata are now in `path`."""
        self.path = path
        self.saved_text = text
        self.saved_meta = self.meta
        self.dirty = False
        self.stamp = FileStamp.of(path)

    def recovered(self, draft: Draft, path: Path | None, file_sha256: str | None = None) -> None:
        """Take over an autosaved draft: its model and file; nothing of it is saved yet.

        `file_sha256` is the draft file's hash as the crashed session knew it: when the file
        changed since, saving is a conflict; unknown, saving over an existing file asks."""
        self.meta = draft.meta
        self.draft = draft
        self.path = path
        self.stamp = FileStamp(0, 0, file_sha256) if file_sha256 else None
        self.last_skeleton = None
        self.rendered_meta = draft.meta
        self.saved_text = "\0"  # never equal: the recovered text is not in a saved file yet
        self.dirty = True

    def default_path(self, folder: Path) -> Path:
        """`<folder>/<title>.draft.yaml`, the title cut to a safe file name."""
        stem = safe_name(self.meta.title) or "草稿"
        return folder / f"{stem}{DRAFT_SUFFIX}"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def safe_name(title: str) -> str:
    """`title` without characters a file name cannot hold, at most 40 characters."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "", title)
    return name[:40]


def copy_path(path: Path) -> Path:
    """A free name beside `path` for a copy: `标题（副本）.draft.yaml`, then （副本2）, …

    The suffix kept is `.draft.yaml` for drafts, an export's own suffix (`.body.txt`, `.docx`)
    otherwise.
    """
    name = path.name
    for suffix in (DRAFT_SUFFIX, ".body.txt"):
        if name.endswith(suffix) and len(name) > len(suffix):
            stem, ext = name[: -len(suffix)], suffix
            break
    else:
        stem, ext = path.stem, path.suffix
    number = 1
    while True:
        mark = "（副本）" if number == 1 else f"（副本{number}）"
        candidate = path.with_name(f"{stem}{mark}{ext}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        number += 1
