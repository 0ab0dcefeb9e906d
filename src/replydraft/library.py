"""The paragraph library: reusable paragraphs from past replies, kept as human-edited YAML.

YAML is the truth (`replydraft.library_format` reads and writes it); a derived cache beside it
(`replydraft.library_cache`) makes opening a large library fast, and is rebuilt whenever the
YAML changes. Entries are filled by `replydraft ingest`; an officer's own fields (`notes`,
`pinned`, `retired`) are never overwritten by it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from replydraft.errors import ReplydraftError

if TYPE_CHECKING:  # pragma: no cover
    from replydraft.matching import Match

KINDS = ("measure", "thanks", "handling", "closing")
"""Entry kinds: measure paragraphs, and the set phrases reused as they are."""

PHRASE_KINDS = ("thanks", "handling", "closing")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a paragraph came from. Frozen: entries from one reply share one Source."""

    file: str
    """File name the paragraph came from (no directories)."""
    unit: str | None = None
    """The responding unit."""
    date: str | None = None
    """ISO date of the reply, if known."""
    year: int | None = None
    """Year of the reply (from its date, else from its text)."""
    proposal_title: str | None = None

    def age_key(self) -> tuple[int, str, str]:
        """Sort key: a larger key is a newer source (year, then date, then file name)."""
        return (self.year or 0, self.date or "", self.file)


@dataclass(slots=True)
class Version:
    """An older near-duplicate of an entry's text (e.g. last year's figures)."""

    text: str
    source: Source
    lines: tuple[int, int] | None = None
    """First and last line (1-based) of the text in its source file, if known."""


@dataclass(slots=True)
class Entry:
    """One reusable paragraph: its newest text and source, older versions, and officer fields."""

    id: str
    """Stable, derived from the normalised text: the same text always gets the same id."""
    kind: str
    """measure | thanks | handling | closing."""
    section: str
    """Measures: status | next_steps | other. Set phrases: their kind."""
    headings: list[str]
    text: str
    """The newest version's text, without its leading ordinal."""
    source: Source
    versions: list[Version] = field(default_factory=list)
    """Older versions, newest first."""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    pinned: bool = False
    retired: bool = False
    lines: tuple[int, int] | None = None
    """First and last line (1-based) of `text` in its source's file (a .docx: its paragraphs);
    None for hand-written entries and libraries ingested before lines were recorded."""


class Library:
    """An ordered list of entries, the YAML file they live in, and a key for derived caches."""

    def __init__(
        self,
        entries: list[Entry] | None = None,
        path: str | os.PathLike[str] | None = None,
        cache_key: str = "",
    ) -> None:
        self.entries: list[Entry] = entries if entries is not None else []
        self.path: Path | None = None if path is None else Path(path)
        self.cache_key: str = cache_key
        """Identifies the YAML content (size, mtime, hash); index caches are keyed on it."""
        self._by_id: dict[str, Entry] | None = None

    def __repr__(self) -> str:
        return (
            f"Library({str(self.path) if self.path else 'default'!r}, {len(self.entries)} entries)"
        )

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Library:
        """Open the library at `path` (from its cache when the YAML is unchanged)."""
        from replydraft.library_cache import load_library

        entries, key = load_library(Path(path))
        return cls(entries, path, key)

    @classmethod
    def default(cls) -> Library:
        """The library built from the packaged seeds, cached so startup stays fast."""
        from replydraft.library_cache import load_default

        entries, key = load_default()
        return cls(list(entries), None, key)

    @classmethod
    def for_user(
        cls, path: str | os.PathLike[str] | None = None, *, missing_ok: bool = False
    ) -> Library:
        """`path` if given, else the officer's own library if it exists, else the default.

        An explicit `path` that does not exist is an error, unless `missing_ok` (ingest starts a
        new library there).
        """
        from replydraft import locations

        if path is not None:
            target = Path(path)
            if not target.exists():
                if missing_ok:
                    return cls([], target)
                raise ReplydraftError("library not found", target)
            return cls.load(target)
        own = locations.user_library()
        if own.exists():
            return cls.load(own)
        return cls.default()

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the library as human YAML, atomically, and refresh its cache."""
        from replydraft.library_cache import save_library

        target = Path(path) if path is not None else self.path
        if target is None:
            raise ReplydraftError("the built-in default library has no file; save it with a path")
        self.cache_key = save_library(target, self.entries)
        self.path = target

    def get(self, entry_id: str) -> Entry | None:
        """The entry with `entry_id`, or None."""
        if self._by_id is None or len(self._by_id) != len(self.entries):
            self._by_id = {entry.id: entry for entry in self.entries}
        return self._by_id.get(entry_id)

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
        from replydraft.matching import search

        return search(self, query, top=top, section=section, unit=unit, since_year=since_year)
