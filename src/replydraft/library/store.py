"""Opening and saving a library: the YAML file, its cache key, and search over its entries.

YAML is the truth (`replydraft.library.yaml_format` reads and writes it); a derived cache beside
it (`replydraft.library.cache`) makes opening a large library fast, and is rebuilt whenever the
YAML changes. The default library is built from the packaged seeds (`replydraft.library.seeds`).

Several processes may write one library (an office shares it on a network folder): `save`
takes a lock file beside it, re-reads it under the lock, merges what others saved since this
process loaded it (`replydraft.library.merge`), and only then writes, so every entry survives.
"""

from __future__ import annotations

import os
from pathlib import Path

import filelock

from replydraft.errors import ReplydraftError
from replydraft.files.atomic import real_target
from replydraft.files.cachefiles import cache_key
from replydraft.library.cache import CachedEntries, load_library, open_library, save_library
from replydraft.library.merge import merge_entries
from replydraft.library.model import Entry
from replydraft.matching import Match, search
from replydraft.messages import msg

LOCK_TIMEOUT = 120.0
"""Seconds a save waits for another process's save of the same library (large ones take ~10 s)."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of the library at `path`: hidden, beside the real file (not the symlink)."""
    real = real_target(path)
    return real.parent / f".{real.name}.lock"


class Library:
    """An ordered list of entries, the YAML file they live in, and a key for derived caches.

    A library opened from a file with a fresh cache does not read its entries until `entries`
    is first used: searching it reads only the entries shown (`entry_at`)."""

    def __init__(
        self,
        entries: list[Entry] | None = None,
        path: str | os.PathLike[str] | None = None,
        cache_key: str = "",
        *,
        cached: CachedEntries | None = None,
    ) -> None:
        self._entries: list[Entry] | None = (
            entries if entries is not None else None if cached is not None else []
        )
        self._cached = cached
        self._read: dict[int, Entry] = {}
        """Entries read one at a time from the cache (kept: a result is the same object twice)."""
        self.path: Path | None = None if path is None else Path(path)
        self.cache_key: str = cache_key
        """Identifies the YAML content (size, mtime, hash); index caches are keyed on it."""
        self._by_id: dict[str, Entry] | None = None
        self._base_ids: set[str] | None = (
            None if self._entries is None else {e.id for e in self._entries} if cache_key else set()
        )
        """The ids the file held when loaded: what a merge treats as removed by us (None until
        entries kept in the cache are first read)."""

    def __repr__(self) -> str:
        return f"Library({str(self.path) if self.path else 'default'!r}, {len(self)} entries)"

    def __len__(self) -> int:
        if self._entries is None and self._cached is not None:
            return len(self._cached)
        return len(self.entries)

    @property
    def entries(self) -> list[Entry]:
        """The entries, read from the cache on first use (entries already shown by a search
        keep their identity)."""
        if self._entries is None:
            assert self._cached is not None
            entries = self._cached.all()
            for position, entry in self._read.items():
                entries[position] = entry
            self._entries = entries
            self._read.clear()
            if self._base_ids is None:
                self._base_ids = {entry.id for entry in entries}
        return self._entries

    @entries.setter
    def entries(self, entries: list[Entry]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Library:
        """Open the library at `path` (from its cache when the YAML is unchanged)."""
        found, key = open_library(Path(path))
        if isinstance(found, CachedEntries):
            return cls(None, path, key, cached=found)
        return cls(found, path, key)

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the library as human YAML, atomically, and refresh its cache.

        Under the library's lock: if the file changed since it was loaded (another process
        saved), its entries are merged into ours first. The previous file is kept as a backup.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ReplydraftError(msg("error.library_builtin_no_file"))
        same_file = self.path is not None and real_target(self.path) == real_target(target)
        try:
            lock = filelock.FileLock(str(lock_path(target)), timeout=LOCK_TIMEOUT)
            with lock:
                if same_file:
                    self._merge_from_disk(target)
                self.cache_key = save_library(target, self.entries)
        except filelock.Timeout:
            raise ReplydraftError(
                msg("error.library_locked", seconds=f"{LOCK_TIMEOUT:.0f}"), target
            ) from None
        except OSError as exc:
            from replydraft.files.saving import write_error

            raise write_error(exc, target) from None
        self.path = target
        self._base_ids = {entry.id for entry in self.entries}
        self._by_id = None

    def _merge_from_disk(self, target: Path) -> None:
        """Merge in what another process saved to `target` since we loaded it."""
        real = real_target(target)
        if not real.is_file():
            return
        try:
            if cache_key(real) == self.cache_key:
                return
        except OSError:
            return
        theirs, _key = load_library(real)
        ours = self.entries  # first: reading them records the ids the file held (`_base_ids`)
        self.entries = merge_entries(self._base_ids or set(), ours, theirs)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with `entry_id`, or None."""
        if self._by_id is None or len(self._by_id) != len(self.entries):
            self._by_id = {entry.id: entry for entry in self.entries}
        return self._by_id.get(entry_id)

    # -- what search reads (`replydraft.matching.SearchableLibrary`) --------------------------

    def held_entries(self) -> list[Entry] | None:
        """The entries, if they are in memory (then they may have been edited there)."""
        return self._entries

    def read_entries(self) -> list[Entry]:
        """The entries: those in memory, else a fresh read of the cache (not kept)."""
        if self._entries is not None or self._cached is None:
            return self.entries
        return self._cached.all()

    def entry_at(self, position: int) -> Entry:
        """The entry at `position`, read alone from the cache when the entries are not in memory."""
        if self._entries is not None or self._cached is None:
            return self.entries[position]
        entry = self._read.get(position)
        if entry is None:
            entry = self._read[position] = self._cached.at(position)
        return entry

    def search(
        self,
        query: str,
        *,
        top: int = 10,
        section: str | None = None,
        unit: str | None = None,
        since_year: int | None = None,
    ) -> list[Match]:
        """The entries best matching `query` (see `replydraft.matching.search`)."""
        return search(self, query, top=top, section=section, unit=unit, since_year=since_year)
