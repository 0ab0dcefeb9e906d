"""Where library indexes live: a few in memory, all in the cache folder, keyed by content.

The store never touches a Library object: it is given what identifies the content (the library
file's content key and its path, and the entries when they are in memory) and hands back the
`LibraryIndex` of that content, from memory, else from the cache folder (memory-mapped), else
built and saved.

- A library whose entries are in memory (they may have been edited since it was opened) is
  checked by a fingerprint of its entries, computed once per entries list.
- A library opened from its file and not yet read into memory is identified by its file's
  content key alone: an index saved as built from that very content (not from entries edited
  in memory) is used as it is, and no entry is read.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from replydraft.files.cachefiles import cache_file, prune_older
from replydraft.library.model import Entry
from replydraft.matching.library_index import (
    FORMAT_VERSION,
    LibraryIndex,
    build_library_index,
    identity,
)

MEMORY_SLOTS = 4
"""Indexes kept in memory (the officer's library, the default one, a few test libraries)."""


def index_name(path: Path | None) -> str:
    """Cache name of a library's index: one per library file, so old ones can be pruned."""
    where = (
        hashlib.blake2b(str(Path(path).resolve()).encode(), digest_size=8).hexdigest()
        if path
        else "default"
    )
    return f"search-v{FORMAT_VERSION}-{where}"


def cache_path(path: Path | None, key: str) -> Path | None:
    """Where the index of content `key` of the library at `path` is saved (None without a key)."""
    return Path(cache_file(key, index_name(path))) if key else None


@dataclass
class _Slot:
    index: LibraryIndex
    key: str
    entries: Sequence[Entry] | None  # the entries list checked, when the library held one
    count: int


class IndexStore:
    """Library indexes by content (see the module docstring)."""

    def __init__(self, slots: int = MEMORY_SLOTS) -> None:
        self._slots: list[_Slot] = []
        self._capacity = slots
        self._lock = threading.RLock()  # the UI searches from a worker thread

    def clear(self) -> None:
        with self._lock:
            self._slots.clear()

    def _remember(self, slot: _Slot) -> LibraryIndex:
        self._slots.insert(0, slot)
        del self._slots[self._capacity :]
        return slot.index

    def _recent(self, slot: _Slot) -> LibraryIndex:
        self._slots.remove(slot)
        self._slots.insert(0, slot)
        return slot.index

    def for_entries(self, entries: Sequence[Entry], path: Path | None, key: str) -> LibraryIndex:
        """The index of entries held in memory (checked by their fingerprint)."""
        with self._lock:
            return self._for_entries(entries, path, key)

    def _for_entries(self, entries: Sequence[Entry], path: Path | None, key: str) -> LibraryIndex:
        for slot in self._slots:
            if slot.entries is entries and slot.count == len(entries) and slot.key == key:
                return self._recent(slot)
        print_, newest_year = identity(entries)
        for slot in self._slots:
            if slot.index.fingerprint == print_:
                return self._remember(_Slot(slot.index, key, entries, len(entries)))
        file = cache_path(path, key)
        index = LibraryIndex.load(file) if file is not None and file.is_file() else None
        if index is None or index.fingerprint != print_:
            index = build_library_index(entries, print_, newest_year)
            if file is not None:
                _save(index, file, path)
        return self._remember(_Slot(index, key, entries, len(entries)))

    def for_file(
        self, path: Path | None, key: str, read_entries: Callable[[], Sequence[Entry]]
    ) -> LibraryIndex:
        """The index of a library file's content `key`, reading no entry when it is saved;
        else built from `read_entries()` (a fresh read of the file, dropped afterwards)."""
        with self._lock:
            return self._for_file(path, key, read_entries)

    def _for_file(
        self, path: Path | None, key: str, read_entries: Callable[[], Sequence[Entry]]
    ) -> LibraryIndex:
        for slot in self._slots:
            if slot.entries is None and slot.key == key:
                return self._recent(slot)
        file = cache_path(path, key)
        index = LibraryIndex.load(file) if file is not None and file.is_file() else None
        if index is None or index.content_key != key:
            entries = read_entries()
            print_, newest_year = identity(entries)
            index = build_library_index(entries, print_, newest_year, content_key=key)
            del entries
            if file is not None:
                _save(index, file, path)
        return self._remember(_Slot(index, key, None, index.count))


def _save(index: LibraryIndex, file: Path, path: Path | None) -> None:
    """Save the index and remove this library's older indexes (the cache must not grow forever)."""
    try:
        index.save(file)
    except OSError:
        return  # a read-only cache only costs speed next time
    prune_older(file, f"{index_name(path)}-*")


STORE = IndexStore()
"""The process's index store."""
