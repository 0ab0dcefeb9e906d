"""The paragraph library's data: entries (reusable paragraphs from past replies) and sources.

Dataclasses only; opening and saving is `replydraft.library.store`. Entries are filled by
`replydraft ingest`; an officer's own fields (`notes`, `pinned`, `retired`) are never
overwritten by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("measure", "thanks", "handling", "closing", "acknowledgement", "contact", "header")
"""Entry kinds: measure paragraphs, and the set phrases reused as they are (the last three
give a unit's house style: its acknowledgement formula, contact line and document number)."""

PHRASE_KINDS = ("thanks", "handling", "closing", "acknowledgement", "contact", "header")
"""The entry kinds that are set phrases, reused as they are (every kind but `measure`)."""


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
