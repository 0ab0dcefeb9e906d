"""The search index of a library: built lazily once per Library object, cached on disk.

On disk it lives in the library cache as one raw file of arrays, memory-mapped on load (no
copy, no rebuilding of derived arrays), keyed by `library.cache_key` (the YAML's
content), so a 100,000-paragraph library is searchable within a second of start. A fingerprint
of the indexed ids and texts is checked on load, so a stale or foreign file is never used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from replydraft.files.cachefiles import cache_file, prune_older
from replydraft.matching.index import FORMAT_VERSION, SearchIndex, build_index, fingerprint
from replydraft.matching.tokens import fold_aligned
from replydraft.text.ordinals import strip_ordinal

_ATTR = "_matching_state"


@dataclass
class IndexState:
    """The index of one Library object, with what it was built from."""

    index: SearchIndex
    entries: list[Any]  # the list object indexed (identity checked on every search)
    count: int
    newest_year: int | None
    loaded_from_disk: bool = False
    folded: dict[int, tuple[str, str]] = field(default_factory=dict)  # position -> folded texts

    def folded_text(self, position: int) -> str:
        return self._folded(position)[0]

    def folded_heading(self, position: int) -> str:
        return self._folded(position)[1]

    def _folded(self, position: int) -> tuple[str, str]:
        pair = self.folded.get(position)
        if pair is None:
            entry = self.entries[position]
            pair = (fold_aligned(entry.text), fold_aligned(topical_heading(entry)))
            self.folded[position] = pair
        return pair


def topical_heading(entry: Any) -> str:
    """The entry's nearest heading without its ordinal: a paragraph under 完善科技金融支撑体系 is
    about 科技金融 even where its own text does not say so."""
    headings = getattr(entry, "headings", None) or []
    return strip_ordinal(headings[-1].strip())[1] if headings else ""


def documents(entries: list[Any]) -> tuple[list[str], np.ndarray]:
    """Texts to index (each entry's text, its older versions', its heading) and their entry."""
    texts: list[str] = []
    owners: list[int] = []
    for position, entry in enumerate(entries):
        texts.append(entry.text)
        owners.append(position)
        for version in getattr(entry, "versions", None) or ():
            texts.append(version.text)
            owners.append(position)
        heading = topical_heading(entry)
        if heading:
            texts.append(heading)
            owners.append(position)
    return texts, np.asarray(owners, dtype=np.int32)


def identity(entries: list[Any]) -> tuple[str, int | None]:
    """The fingerprint of what `documents` would index, and the newest source year, in one cheap
    pass (no heading parsing): checking a saved index must cost far less than building one."""
    parts: list[str] = []
    add = parts.append
    newest: int | None = None
    for entry in entries:
        add(str(getattr(entry, "id", "")))
        add(entry.text)
        for version in getattr(entry, "versions", None) or ():
            add("\x1d" + version.text)
        headings = getattr(entry, "headings", None)
        add("\x1c" + (headings[-1] if headings else ""))
        year = getattr(getattr(entry, "source", None), "year", None)
        if isinstance(year, int) and (newest is None or year > newest):
            newest = year
    return fingerprint(parts), newest


def _index_name(library: Any) -> str:
    """Cache name of this library's index: one per library file, so old ones can be pruned."""
    path = getattr(library, "path", None)
    where = (
        hashlib.blake2b(str(Path(path).resolve()).encode(), digest_size=8).hexdigest()
        if path
        else "default"
    )
    return f"search-v{FORMAT_VERSION}-{where}"


def cache_path(library: Any) -> Path | None:
    """Where this library's index is saved, or None when it has no cache key."""
    key = getattr(library, "cache_key", None)
    if not key:
        return None
    return Path(cache_file(key, _index_name(library)))


def _save(index: SearchIndex, path: Path, library: Any) -> None:
    """Save the index and remove this library's older indexes (the cache must not grow forever)."""
    try:
        index.save(path)
    except OSError:
        return  # a read-only cache only costs speed next time
    prune_older(path, f"{_index_name(library)}-*")


def index_for(library: Any) -> IndexState:
    """The library's index: in memory if still valid, else from the disk cache, else built."""
    entries = library.entries
    state = getattr(library, _ATTR, None)
    if isinstance(state, IndexState) and state.entries is entries and state.count == len(entries):
        return state
    print_, newest_year = identity(entries)
    path = cache_path(library)
    index = SearchIndex.load(path) if path is not None and path.is_file() else None
    loaded = index is not None and index.fingerprint == print_
    if not loaded:
        texts, owners = documents(entries)
        index = build_index(texts, owners, print_)
        if path is not None:
            _save(index, path, library)
    state = IndexState(index, entries, len(entries), newest_year, loaded_from_disk=loaded)
    try:
        setattr(library, _ATTR, state)
    except AttributeError:  # pragma: no cover - a library object without a __dict__
        pass
    return state
