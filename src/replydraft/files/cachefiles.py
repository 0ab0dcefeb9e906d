"""Derived cache files: named from a key of their source's content, pruned when it changes.

A cache file lives in `locations.cache_dir()` as `<name>-<digest of key>.cache`. The key of a
file's content is its size, mtime and BLAKE2b hash, so an edited file (even one of the same
size) never finds its old cache. Used by the library cache and the search index.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path

from replydraft.files import locations


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
