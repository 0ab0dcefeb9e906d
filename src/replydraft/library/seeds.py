"""The bundled default library: built from the packaged seeds, cached like any library.

Its cache key covers the seeds' content and every module that turns them into entries (found by
following `library.ingest`'s imports, so a change to the parser, the ingest rules or the topic
list rebuilds it, and a renamed module cannot silently drop out of the key).
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from replydraft import __version__
from replydraft.files import resources
from replydraft.files.cachefiles import cache_file
from replydraft.library.cache import MAGIC, prune, read_cache, write_cache
from replydraft.library.ingest import build_library
from replydraft.library.model import Entry
from replydraft.library.store import Library

BUILDER = "replydraft.library.ingest"
"""The module that turns the seeds into entries; the key covers it and everything it imports."""

_default_memo: tuple[list[Entry], str] | None = None


def default_key() -> str:
    """Key of the default library: the seeds' content and the code that turns them into entries."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{MAGIC}\n{__version__}\n".encode())
    for seed in sorted(resources.seeds_dir().glob("*")):
        if seed.is_file() and not seed.name.startswith("."):
            digest.update(seed.name.encode() + b"\0" + seed.read_bytes() + b"\0")
    code = [file for name in sorted(code_modules(BUILDER)) if (file := module_file(name))]
    code.append(resources.data_dir() / "topics.yaml")
    for file in code:
        stat = file.stat()
        label = file.relative_to(_ROOT).as_posix() if file.is_relative_to(_ROOT) else file.name
        digest.update(f"{label}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


_ROOT = Path(__file__).resolve().parents[1]
"""The `replydraft` package folder: module names map to files under it without importing them."""


def module_file(name: str) -> Path | None:
    """The source file of replydraft module `name` (a package: its `__init__.py`), or None."""
    path = _ROOT.joinpath(*name.split(".")[1:])
    for file in (path.with_suffix(".py"), path / "__init__.py"):
        if file.is_file():
            return file
    return None


def code_modules(start: str) -> set[str]:
    """`start` and every replydraft module it imports, directly or not, at module level or in a
    function: found by reading the sources, so a renamed or new module cannot drop out."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        file = module_file(name)
        if file is None:
            raise ModuleNotFoundError(f"{name} (imported by the default library's code)")
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent != "replydraft":  # importing a.b.c runs the package a.b's __init__ too
            todo.append(parent)
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        package = name if file.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            todo += [m for m in _imported(node, package) if m.startswith("replydraft.")]
    return seen


def _imported(node: ast.AST, package: str) -> list[str]:
    """Modules an import statement loads (`from a import b` may name module `a.b`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
        base = f"{parent}.{base}" if base else parent
    submodules = [f"{base}.{alias.name}" for alias in node.names]
    return [base, *(name for name in submodules if module_file(name) is not None)]


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


def default_library() -> Library:
    """The library built from the packaged seeds, cached so startup stays fast."""
    entries, key = load_default()
    return Library(list(entries), None, key)
