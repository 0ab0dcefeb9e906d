"""Derived caches of libraries: YAML is the truth, the cache only makes opening it fast.

A cache file lives in `locations.cache_dir()`, named from a key of the YAML file's size, mtime
and content hash (BLAKE2b), so an edited library (even one of the same size) never finds its old
cache. Inside, the key is repeated and the entries are stored as plain tuples with `marshal`;
a cache that is missing, stale, from another Python or unreadable is rebuilt, never trusted.
The default library (built from the packaged seeds) is cached the same way, keyed on the seeds
and on the code that builds it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import sys
from collections.abc import Iterator
from pathlib import Path

from replydraft import locations
from replydraft.atomic import atomic_write_bytes
from replydraft.errors import ReplydraftError
from replydraft.library import Entry, Source, Version

CACHE_FORMAT = 2
_MAGIC = f"replydraft-library-cache/{CACHE_FORMAT}/py{sys.version_info[0]}.{sys.version_info[1]}"


def content_key(data: bytes, size: int, mtime_ns: int) -> str:
    """The key of a file's content: size, mtime and BLAKE2b hash."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return f"{size:x}-{mtime_ns:x}-{digest}"


def cache_key(path: str | Path) -> str:
    """The key of the YAML file at `path` as it is now."""
    file = Path(path)
    data = file.read_bytes()
    stat = file.stat()
    return content_key(data, stat.st_size, stat.st_mtime_ns)


def cache_file(key: str, name: str) -> Path:
    """Where the cache called `name` for content `key` lives (one file per key and name)."""
    digest = hashlib.blake2b(key.encode(), digest_size=10).hexdigest()
    return locations.cache_dir() / f"{name}-{digest}.cache"


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
        atomic_write_bytes(file, marshal.dumps((_MAGIC, key, sources, rows)))
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
        if magic != _MAGIC or stored_key != key:
            return None
        return rows_to_entries(sources, rows)
    except Exception:  # damaged in any way: rebuild from the YAML
        return None


def _prune(keep: Path, name: str) -> None:
    """Remove older caches of the same library, so the cache folder does not grow forever."""
    prune_older(keep, f"{name}-*.cache")


def prune_older(keep: Path, pattern: str) -> None:
    """Delete the files beside `keep` that match `pattern`, except `keep` itself.

    Every derived cache (library entries, search index) is named `<name>-<key>`; when the key
    changes, the old file is dead weight. Files that cannot be removed are left alone.
    """
    for old in keep.parent.glob(pattern):
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Building 100,000 entries makes millions of acyclic objects: collecting meanwhile only costs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- libraries -------------------------------------------------------------------------------


def load_library(path: Path) -> tuple[list[Entry], str]:
    """Entries of the library at `path` and its key: from the cache if fresh, else the YAML."""
    from replydraft.library_format import entries_from_data, parse_library_text

    try:
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError:
        raise ReplydraftError("library not found", path) from None
    except IsADirectoryError:
        raise ReplydraftError("is a folder, not a library file", path) from None
    except OSError as exc:
        raise ReplydraftError(f"cannot read: {exc.strerror}", path) from None
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
    _prune(file, name)
    return entries, key


def save_library(path: Path, entries: list[Entry]) -> str:
    """Write the library YAML atomically, cache what was written, and return the new key."""
    from replydraft.library_format import dump_library

    data = dump_library(entries).encode("utf-8")
    try:
        atomic_write_bytes(path, data)
        stat = path.stat()
    except OSError as exc:
        raise ReplydraftError(f"cannot write: {exc.strerror}", path) from None
    key = content_key(data, stat.st_size, stat.st_mtime_ns)
    name = _library_name(path)
    file = cache_file(key, name)
    write_cache(file, key, entries)
    _prune(file, name)
    return key


_default_memo: tuple[list[Entry], str] | None = None


def default_key() -> str:
    """Key of the default library: the seeds' content and the code that turns them into entries."""
    from replydraft import __version__, resources

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{_MAGIC}\n{__version__}\n".encode())
    for seed in sorted(resources.seeds_dir().glob("*")):
        if seed.is_file() and not seed.name.startswith("."):
            digest.update(seed.name.encode() + b"\0" + seed.read_bytes() + b"\0")
    package = Path(__file__).resolve().parent
    code = sorted((package / "parsing").glob("*.py")) + [
        package / name
        for name in (
            "ingest.py",
            "tags.py",
            "library_keys.py",
            "reply.py",
            "numbering.py",
            "textnorm.py",
        )
    ]
    code.append(resources.data_dir() / "topics.yaml")
    for file in code:
        try:
            stat = file.stat()
        except OSError:
            continue
        digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load_default() -> tuple[list[Entry], str]:
    """Entries of the default library: memoised, then cached on disk, else built from the seeds."""
    global _default_memo
    if _default_memo is not None:
        return _default_memo
    key = default_key()
    file = cache_file(key, "default-library")
    entries = read_cache(file, key)
    if entries is None:
        from replydraft import resources
        from replydraft.ingest import build_library

        entries = build_library([resources.seeds_dir()]).entries
        write_cache(file, key, entries)
        _prune(file, "default-library")
    _default_memo = (entries, key)
    return _default_memo
