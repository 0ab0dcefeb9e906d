"""Derived caches of libraries: YAML is the truth, the cache only makes opening it fast.

A cache file lives in `locations.cache_dir()`, named from a key of the YAML file's size, mtime
and content hash (BLAKE2b), so an edited library (even one of the same size) never finds its old
cache. Inside, the key is repeated and the entries are stored as plain tuples with `marshal`, in
blocks of `BLOCK` entries: the file is memory-mapped, and one entry is read by unmarshalling its
block only (search shows a few entries of a large library without reading the rest).
A cache that is missing, stale, from another Python or unreadable is rebuilt, never trusted.
The default library (`replydraft.library.seeds`) is cached the same way, keyed on the seeds
and on the code that builds it.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import sys
from itertools import accumulate
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files.atomic import atomic_write_bytes, clean_stale_temps
from replydraft.files.cachefiles import cache_file, content_key, paused_gc, prune_older
from replydraft.files.guard import MAX_LIBRARY_BYTES, read_regular
from replydraft.files.saving import save_file
from replydraft.library.model import Entry, Source, Version
from replydraft.library.yaml_format import dump_library, entries_from_data, parse_library_text
from replydraft.messages import msg, os_reason

CACHE_FORMAT = 3
MAGIC = f"replydraft-library-cache/{CACHE_FORMAT}/py{sys.version_info[0]}.{sys.version_info[1]}"
BLOCK = 64
"""Entries per marshal block: reading one entry unmarshals at most this many."""


def _library_name(path: Path) -> str:
    where = hashlib.blake2b(str(path.resolve()).encode(), digest_size=8).hexdigest()
    return f"library-{where}"


# -- the cache's form: a table of sources and one plain tuple per entry ---------------------


def entries_to_rows(entries: list[Entry]) -> tuple[list[tuple], list[tuple]]:
    """Entries as (sources, rows) of plain tuples; each distinct source is stored once."""
    source_index: dict[Source, int] = {}
    sources: list[tuple] = []

    def index_of(source: Source) -> int:
        found = source_index.get(source)
        if found is None:
            found = source_index[source] = len(sources)
            sources.append(
                (source.file, source.unit, source.date, source.year, source.proposal_title)
            )
        return found

    rows = [
        (
            e.id,
            e.kind,
            e.section,
            tuple(e.headings),
            e.text,
            index_of(e.source),
            tuple((v.text, index_of(v.source), v.lines) for v in e.versions),
            tuple(e.tags),
            e.notes,
            e.pinned,
            e.retired,
            e.lines,
        )
        for e in entries
    ]
    return sources, rows


def rows_to_entries(sources: list[tuple], rows: list[tuple]) -> list[Entry]:
    """The inverse of `entries_to_rows`; sources are shared between entries again."""
    return _entries([Source(*row) for row in sources], rows)


def _entries(table: list[Source], rows: list[tuple]) -> list[Entry]:
    return [
        Entry(
            id_,
            kind,
            section,
            list(headings),
            text,
            table[source],
            [Version(t, table[s], v_lines) for t, s, v_lines in versions] if versions else [],
            list(tags),
            notes,
            pinned,
            retired,
            lines,
        )
        for (
            id_,
            kind,
            section,
            headings,
            text,
            source,
            versions,
            tags,
            notes,
            pinned,
            retired,
            lines,
        ) in rows
    ]


def write_cache(file: Path, key: str, entries: list[Entry]) -> None:
    """Store entries under `key`; a cache that cannot be written is simply not there next time.

    Layout: the header's length (8 bytes), the header (magic, key, sources, entry count, block
    offsets), then the blocks of rows, each one marshal blob."""
    sources, rows = entries_to_rows(entries)
    blocks = [marshal.dumps(rows[i : i + BLOCK]) for i in range(0, len(rows), BLOCK)]
    offsets = list(accumulate((len(b) for b in blocks), initial=0))
    header = marshal.dumps((MAGIC, key, sources, len(rows), offsets))
    try:
        atomic_write_bytes(file, len(header).to_bytes(8, "little") + header + b"".join(blocks))
    except OSError:
        pass


class CachedEntries:
    """The entries of a cache file, read when asked: all of them, or one (with its block)."""

    def __init__(
        self, mapped: mmap.mmap, start: int, table: list[Source], count: int, offsets: list[int]
    ) -> None:
        self._mapped = mapped
        self._start = start
        self._table = table
        self._count = count
        self._offsets = offsets

    def __len__(self) -> int:
        return self._count

    def _rows(self, block: int) -> list[tuple]:
        begin = self._start + self._offsets[block]
        return marshal.loads(self._mapped[begin : self._start + self._offsets[block + 1]])

    def all(self) -> list[Entry]:
        """Every entry, in order (a new list of new objects)."""
        with paused_gc():
            rows: list[tuple] = []
            for block in range(len(self._offsets) - 1):
                rows += self._rows(block)
            return _entries(self._table, rows)

    def at(self, position: int) -> Entry:
        """The entry at `position` (unmarshals its block only)."""
        if not 0 <= position < self._count:
            raise IndexError(position)
        block, within = divmod(position, BLOCK)
        return _entries(self._table, [self._rows(block)[within]])[0]


def open_cache(file: Path, key: str) -> CachedEntries | None:
    """The cached entries for `key`, mapped and not yet read; None if the cache is missing,
    stale or damaged."""
    try:
        with open(file, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (cannot be mapped)
        return None
    try:
        size = int.from_bytes(mapped[:8], "little")
        magic, stored_key, sources, count, offsets = marshal.loads(mapped[8 : 8 + size])
        if magic != MAGIC or stored_key != key:
            return None
        if len(offsets) != -(-count // BLOCK) + 1 or 8 + size + offsets[-1] != len(mapped):
            return None
        return CachedEntries(mapped, 8 + size, [Source(*row) for row in sources], count, offsets)
    except Exception:  # damaged in any way: rebuild from the YAML
        return None


def read_cache(file: Path, key: str) -> list[Entry] | None:
    """The cached entries for `key`, or None if the cache is missing, stale or damaged."""
    cached = open_cache(file, key)
    if cached is None:
        return None
    try:
        return cached.all()
    except Exception:  # damaged in any way: rebuild from the YAML
        return None


def prune(keep: Path, name: str) -> None:
    """Remove older caches of the same library, so the cache folder does not grow forever."""
    prune_older(keep, f"{name}-*.cache")


# -- libraries -------------------------------------------------------------------------------


def open_library(path: Path) -> tuple[CachedEntries | list[Entry], str]:
    """The library at `path` and its key: its cached entries, mapped and not yet read, when the
    cache is fresh; else the entries parsed from the YAML (and cached for next time)."""
    if not path.exists():
        raise ReplydraftError(msg("error.library_not_found"), path)
    clean_stale_temps(path)
    data = read_regular(path, MAX_LIBRARY_BYTES)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ReplydraftError(msg("error.cannot_read", reason=os_reason(exc)), path) from None
    if not data.strip():
        raise ReplydraftError(msg("error.library_empty"), path)
    key = content_key(data, stat.st_size, stat.st_mtime_ns)
    name = _library_name(path)
    file = cache_file(key, name)
    cached = open_cache(file, key)
    if cached is not None:
        return cached, key
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReplydraftError(msg("error.not_utf8", byte=exc.start), path) from None
    with paused_gc():
        entries = entries_from_data(parse_library_text(text, path), text, path)
    write_cache(file, key, entries)
    prune(file, name)
    return entries, key


def load_library(path: Path) -> tuple[list[Entry], str]:
    """Entries of the library at `path` and its key: from the cache if fresh, else the YAML."""
    found, key = open_library(path)
    return (found.all() if isinstance(found, CachedEntries) else found), key


def save_library(path: Path, entries: list[Entry]) -> str:
    """Write the library YAML atomically, cache what was written, and return the new key."""
    data = dump_library(entries).encode("utf-8")
    save_file(path, data)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ReplydraftError(msg("error.cannot_write", reason=os_reason(exc)), path) from None
    key = content_key(data, stat.st_size, stat.st_mtime_ns)
    name = _library_name(path)
    file = cache_file(key, name)
    write_cache(file, key, entries)
    prune(file, name)
    return key
