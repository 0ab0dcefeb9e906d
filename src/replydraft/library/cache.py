"""Derived caches of libraries: YAML is the truth, the cache only makes opening it fast.

A cache file lives in `locations.cache_dir()`, named from a key of the YAML file's size, mtime
and content hash (BLAKE2b), so an edited library (even one of the same size) never finds its old
cache. Inside, the key is repeated and the entries are stored as plain tuples with `marshal`;
a cache that is missing, stale, from another Python or unreadable is rebuilt, never trusted.
The default library (`replydraft.library.seeds`) is cached the same way, keyed on the seeds
and on the code that builds it.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files.atomic import atomic_write_bytes, clean_stale_temps
from replydraft.files.cachefiles import cache_file, content_key, paused_gc, prune_older
from replydraft.files.guard import MAX_LIBRARY_BYTES, read_regular
from replydraft.files.saving import save_file
from replydraft.library.model import Entry, Source, Version
from replydraft.library.yaml_format import dump_library, entries_from_data, parse_library_text

CACHE_FORMAT = 2
MAGIC = f"replydraft-library-cache/{CACHE_FORMAT}/py{sys.version_info[0]}.{sys.version_info[1]}"


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
    table = [Source(*row) for row in sources]
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
    """Store entries under `key`; a cache that cannot be written is simply not there next time."""
    sources, rows = entries_to_rows(entries)
    try:
        atomic_write_bytes(file, marshal.dumps((MAGIC, key, sources, rows)))
    except OSError:
        pass


def read_cache(file: Path, key: str) -> list[Entry] | None:
    """The cached entries for `key`, or None if the cache is missing, stale or damaged."""
    try:
        blob = file.read_bytes()
    except OSError:
        return None
    try:
        magic, stored_key, sources, rows = marshal.loads(blob)
        if magic != MAGIC or stored_key != key:
            return None
        return rows_to_entries(sources, rows)
    except Exception:  # damaged in any way: rebuild from the YAML
        return None


def prune(keep: Path, name: str) -> None:
    """Remove older caches of the same library, so the cache folder does not grow forever."""
    prune_older(keep, f"{name}-*.cache")


# -- libraries -------------------------------------------------------------------------------


def load_library(path: Path) -> tuple[list[Entry], str]:
    """Entries of the library at `path` and its key: from the cache if fresh, else the YAML."""
    if not path.exists():
        raise ReplydraftError("library not found", path)
    clean_stale_temps(path)
    data = read_regular(path, MAX_LIBRARY_BYTES)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ReplydraftError(f"cannot read: {exc.strerror}", path) from None
    if not data.strip():
        raise ReplydraftError("不是 replydraft 段落库（文件是空的），不会写入它", path)
    key = content_key(data, stat.st_size, stat.st_mtime_ns)
    name = _library_name(path)
    file = cache_file(key, name)
    with paused_gc():
        entries = read_cache(file, key)
    if entries is not None:
        return entries, key
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReplydraftError(f"not a UTF-8 text file (byte {exc.start})", path) from None
    with paused_gc():
        entries = entries_from_data(parse_library_text(text, path), text, path)
    write_cache(file, key, entries)
    prune(file, name)
    return entries, key


def save_library(path: Path, entries: list[Entry]) -> str:
    """Write the library YAML atomically, cache what was written, and return the new key."""
    data = dump_library(entries).encode("utf-8")
    save_file(path, data)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ReplydraftError(f"cannot write: {exc.strerror}", path) from None
    key = content_key(data, stat.st_size, stat.st_mtime_ns)
    name = _library_name(path)
    file = cache_file(key, name)
    write_cache(file, key, entries)
    prune(file, name)
    return key
