"""Merging a library saved by another process into ours, so concurrent writers lose nothing.

`Library.save` takes the library's lock, re-reads the file, and if someone else saved since we
loaded it, merges their entries into ours with `merge_entries`: entries they added are kept,
entries we removed (present when we loaded, gone from ours) stay removed, and an entry both
sides hold is combined: the newer text stays current, every other text is kept as a version,
tags are united, and an officer's notes, pinned and retired fields are never lost.
"""

from __future__ import annotations

from replydraft.library.model import Entry, Version


def _age(version: Version) -> tuple[int, str, str]:
    return version.source.age_key()


def merge_entry(ours: Entry, theirs: Entry) -> Entry:
    """One entry combining both sides' texts, versions, tags and officer fields."""
    if ours == theirs:
        return ours
    current = max((ours, theirs), key=lambda e: e.source.age_key())
    other = theirs if current is ours else ours
    seen = {(current.text, current.source)}
    versions: list[Version] = []
    for version in (
        Version(other.text, other.source, other.lines),
        *ours.versions,
        *theirs.versions,
    ):
        key = (version.text, version.source)
        if key not in seen:
            seen.add(key)
            versions.append(version)
    versions.sort(key=_age, reverse=True)
    tags = list(dict.fromkeys([*ours.tags, *theirs.tags]))
    return Entry(
        id=ours.id,
        kind=current.kind,
        section=current.section,
        headings=list(current.headings),
        text=current.text,
        source=current.source,
        versions=versions,
        tags=tags,
        notes=ours.notes or theirs.notes,
        pinned=ours.pinned or theirs.pinned,
        retired=ours.retired or theirs.retired,
        lines=current.lines,
    )


def merge_entries(base_ids: set[str], ours: list[Entry], theirs: list[Entry]) -> list[Entry]:
    """Our entries, updated from theirs, then the entries only they have, in their order.

    `base_ids` are the ids the file held when we loaded it: an id in theirs and in the base
    but not in ours is one we removed, and stays removed.
    """
    their_by_id = {entry.id: entry for entry in theirs}
    merged: list[Entry] = []
    for entry in ours:
        other = their_by_id.get(entry.id)
        merged.append(entry if other is None else merge_entry(entry, other))
    ours_ids = {entry.id for entry in ours}
    merged.extend(e for e in theirs if e.id not in ours_ids and e.id not in base_ids)
    return merged
