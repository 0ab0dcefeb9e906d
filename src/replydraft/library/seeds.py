"""The bundled default library: built from the packaged seeds, cached like any library.

Its cache key covers the seeds' content and every module that turns them into entries, so a
change to the parser, the ingest rules or the topic list rebuilds it.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from replydraft import __version__
from replydraft.files import resources
from replydraft.files.cachefiles import cache_file
from replydraft.library.cache import MAGIC, prune, read_cache, write_cache
from replydraft.library.ingest import build_library
from replydraft.library.model import Entry

CODE_MODULES = (
    "replydraft.anatomy",
    "replydraft.library.ingest",
    "replydraft.library.keys",
    "replydraft.library.model",
    "replydraft.library.tags",
    "replydraft.parsing.reply",
    "replydraft.text.normalize",
    "replydraft.text.ordinals",
)
"""Modules besides the `parsing` package whose code decides the default library's entries.

Named by import path, not file name: a module that is renamed without updating this list fails
loudly here instead of silently dropping out of the key."""

_default_memo: tuple[list[Entry], str] | None = None


def default_key() -> str:
    """Key of the default library: the seeds' content and the code that turns them into entries."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{MAGIC}\n{__version__}\n".encode())
    for seed in sorted(resources.seeds_dir().glob("*")):
        if seed.is_file() and not seed.name.startswith("."):
            digest.update(seed.name.encode() + b"\0" + seed.read_bytes() + b"\0")
    parsing = Path(importlib.import_module("replydraft.parsing").__file__ or "").parent
    code = sorted(parsing.glob("*.py"))
    code += [Path(importlib.import_module(name).__file__ or name) for name in CODE_MODULES]
    code.append(resources.data_dir() / "topics.yaml")
    for file in code:
        stat = file.stat()
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
        entries = build_library([resources.seeds_dir()]).entries
        write_cache(file, key, entries)
        prune(file, "default-library")
    _default_memo = (entries, key)
    return _default_memo
