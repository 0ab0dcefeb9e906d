"""What search needs of a library, as arrays: the BM25 index, per-entry columns, folded texts.

A `LibraryIndex` carries everything ranking and highlighting read, so a library can be searched
without its entries in memory as objects: per entry its id, whether it is a measure, its section,
year, unit and officer flags (pinned, retired), and offsets into one store of folded texts and
one of folded headings (UTF-8, folded once when the index is built: never per query). Entries are
read from the library only for the results shown.

Saved as one file of arrays (`arrays_file`), memory-mapped on load. Entry positions are the
positions of `Library.entries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from replydraft.library.model import Entry
from replydraft.matching.arrays_file import map_arrays, write_arrays
from replydraft.matching.index import SearchIndex, build_index, fingerprint
from replydraft.matching.tokens import code_points, fold_points
from replydraft.text.normalize import fold
from replydraft.text.ordinals import strip_ordinal

FORMAT_VERSION = 3
_MAGIC = b"replydraft-library-index\n"
NO_YEAR = -1
NO_UNIT = -1


def topical_heading(entry: Entry) -> str:
    """The entry's nearest heading without its ordinal: a paragraph under 完善科技金融支撑体系 is
    about 科技金融 even where its own text does not say so."""
    headings = entry.headings
    return strip_ordinal(headings[-1].strip())[1] if headings else ""


def documents(entries: Sequence[Entry], headings: list[str]) -> tuple[list[str], np.ndarray]:
    """Texts to index (each entry's text, its older versions', its heading) and their entry."""
    texts: list[str] = []
    owners: list[int] = []
    for position, entry in enumerate(entries):
        texts.append(entry.text)
        owners.append(position)
        for version in entry.versions:
            texts.append(version.text)
            owners.append(position)
        if headings[position]:
            texts.append(headings[position])
            owners.append(position)
    return texts, np.asarray(owners, dtype=np.int32)


def identity(entries: Sequence[Entry]) -> tuple[str, int | None]:
    """The fingerprint of what the index is built from, and the newest source year, in one cheap
    pass (no heading parsing): checking a saved index must cost far less than building one.
    Officer flags are part of it: a flag changed in the YAML gives a new index."""
    parts: list[str] = []
    add = parts.append
    newest: int | None = None
    for entry in entries:
        add(entry.id)
        add(entry.text)
        for version in entry.versions:
            add("\x1d" + version.text)
        headings = entry.headings
        add("\x1c" + (headings[-1] if headings else ""))
        add(f"\x1f{entry.kind}\x1f{entry.section}\x1f{entry.pinned:d}{entry.retired:d}")
        source = entry.source
        add(f"\x1f{source.unit or ''}\x1f{source.year}")
        year = source.year
        if isinstance(year, int) and (newest is None or year > newest):
            newest = year
    return fingerprint(parts), newest


def _utf8_store(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Folded `texts` as one UTF-8 byte array and the byte offset of each (n + 1 offsets).

    Folded in one pass over the joined texts (folding keeps one character per character)."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    points = fold_points(code_points("".join(texts)))
    data = points.tobytes().decode("utf-32-le").encode("utf-8")
    width = 1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000)
    char_ends = np.cumsum(lengths)
    byte_ends = np.cumsum(width.astype(np.int64))
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    nonempty = char_ends > 0
    offsets[1:][nonempty] = byte_ends[char_ends[nonempty] - 1]
    return np.frombuffer(data, dtype=np.uint8), offsets


def _codes(values: list[str | None]) -> tuple[np.ndarray, list[str]]:
    """Each value's position in a table of the distinct values (None: -1)."""
    table: dict[str, int] = {}
    codes = np.fromiter(
        (NO_UNIT if v is None else table.setdefault(v, len(table)) for v in values),
        dtype=np.int32,
        count=len(values),
    )
    return codes, list(table)


@dataclass
class LibraryIndex:
    """The search index of one library's content (see the module docstring)."""

    bm25: SearchIndex
    ids: np.ndarray  # uint8, UTF-8 entry ids joined
    id_offsets: np.ndarray  # int64, n + 1
    texts: np.ndarray  # uint8, folded entry texts joined (UTF-8)
    text_offsets: np.ndarray  # int64, n + 1
    headings: np.ndarray  # uint8, folded topical headings joined (UTF-8)
    heading_offsets: np.ndarray  # int64, n + 1
    measure: np.ndarray  # bool, kind == "measure"
    section: np.ndarray  # int32, position in `sections`
    year: np.ndarray  # int32, source year or NO_YEAR
    unit: np.ndarray  # int32, position in `units` (folded) or NO_UNIT
    pinned: np.ndarray  # bool
    retired: np.ndarray  # bool
    sections: list[str]
    units: list[str]
    fingerprint: str
    newest_year: int | None
    content_key: str | None = None
    """The library file's content key when built from that file's entries as read (an index
    of entries edited in memory has none): such an index is trusted without reading entries."""
    loaded_from_disk: bool = False
    _allowed: dict[tuple[str | None, int | None], np.ndarray | None] = field(
        default_factory=dict, repr=False
    )

    @property
    def count(self) -> int:
        return int(self.measure.size)

    def _slice(self, store: np.ndarray, offsets: np.ndarray, position: int) -> str:
        return store[offsets[position] : offsets[position + 1]].tobytes().decode("utf-8")

    def folded_text(self, position: int) -> str:
        """The entry's text, folded (offsets are the entry text's offsets)."""
        return self._slice(self.texts, self.text_offsets, position)

    def folded_heading(self, position: int) -> str:
        return self._slice(self.headings, self.heading_offsets, position)

    def has_heading(self, positions: np.ndarray) -> np.ndarray:
        return self.heading_offsets[positions + 1] > self.heading_offsets[positions]

    def entry_id(self, position: int) -> str:
        return self._slice(self.ids, self.id_offsets, position)

    def allowed(self, unit: str | None, since_year: int | None) -> np.ndarray | None:
        """Entries passing the unit and year filters (None: no filter), computed once per
        filter. The unit matches as before: the folded wanted unit inside the folded unit."""
        key = (unit, since_year)
        if key not in self._allowed:
            wanted = fold(unit).strip() if unit else ""
            mask = None
            if wanted:
                matching = [i for i, name in enumerate(self.units) if wanted in name]
                mask = np.isin(self.unit, np.asarray(matching, dtype=np.int32))
            if since_year is not None:
                recent = self.year >= since_year  # NO_YEAR is below every year
                mask = recent if mask is None else mask & recent
            if len(self._allowed) > 16:
                self._allowed.clear()
            self._allowed[key] = mask
        return self._allowed[key]

    def save(self, path: Path) -> None:
        arrays = {f"bm25.{name}": array for name, array in self.bm25.arrays().items()}
        for name in _COLUMNS:
            arrays[name] = getattr(self, name)
        meta = {
            "format_version": FORMAT_VERSION,
            "fingerprint": self.fingerprint,
            "bm25_fingerprint": self.bm25.fingerprint,
            "newest_year": self.newest_year,
            "content_key": self.content_key,
            "sections": self.sections,
            "units": self.units,
        }
        write_arrays(path, _MAGIC, arrays, meta)

    @classmethod
    def load(cls, path: Path) -> LibraryIndex | None:
        """Map a saved index; None if missing, damaged or of another format."""
        found = map_arrays(path, _MAGIC)
        if found is None:
            return None
        arrays, meta = found
        try:
            if meta["format_version"] != FORMAT_VERSION:
                return None
            bm25 = SearchIndex.from_arrays(
                {k[5:]: v for k, v in arrays.items() if k.startswith("bm25.")},
                str(meta["bm25_fingerprint"]),
            )
            # Any: the columns are the dataclass's array fields, named by _COLUMNS.
            columns: dict[str, Any] = {name: arrays[name] for name in _COLUMNS}
            index = cls(
                bm25,
                **columns,
                sections=[str(s) for s in meta["sections"]],
                units=[str(u) for u in meta["units"]],
                fingerprint=str(meta["fingerprint"]),
                newest_year=meta["newest_year"],
                content_key=meta["content_key"],
                loaded_from_disk=True,
            )
        except (KeyError, TypeError):
            return None
        sizes = {getattr(index, name).size for name in _PER_ENTRY}
        sizes |= {index.id_offsets.size - 1, index.text_offsets.size - 1}
        return index if len(sizes) == 1 else None


_PER_ENTRY = ("measure", "section", "year", "unit", "pinned", "retired")
_COLUMNS = (
    "ids",
    "id_offsets",
    "texts",
    "text_offsets",
    "headings",
    "heading_offsets",
    *_PER_ENTRY,
)


def build_library_index(
    entries: Sequence[Entry], print_: str, newest_year: int | None, content_key: str | None = None
) -> LibraryIndex:
    """Build the index of `entries` (vectorised BM25 build, texts folded once)."""
    headings = [topical_heading(e) for e in entries]
    texts, owners = documents(entries, headings)
    bm25 = build_index(texts, owners, print_)
    raw_ids = "".join(e.id for e in entries).encode("utf-8")
    id_lengths = np.fromiter((len(e.id.encode("utf-8")) for e in entries), np.int64, len(entries))
    id_offsets = np.concatenate(([0], np.cumsum(id_lengths))).astype(np.int64)
    folded_texts, text_offsets = _utf8_store([e.text for e in entries])
    folded_headings, heading_offsets = _utf8_store(headings)
    section, sections = _codes([e.section for e in entries])
    unit, units = _codes([fold(e.source.unit) if e.source.unit else None for e in entries])
    n = len(entries)
    return LibraryIndex(
        bm25=bm25,
        ids=np.frombuffer(raw_ids, dtype=np.uint8),
        id_offsets=id_offsets,
        texts=folded_texts,
        text_offsets=text_offsets,
        headings=folded_headings,
        heading_offsets=heading_offsets,
        measure=np.fromiter((e.kind == "measure" for e in entries), bool, n),
        section=section,
        year=np.fromiter(
            (e.source.year if isinstance(e.source.year, int) else NO_YEAR for e in entries),
            np.int32,
            n,
        ),
        unit=unit,
        pinned=np.fromiter((e.pinned for e in entries), bool, n),
        retired=np.fromiter((e.retired for e in entries), bool, n),
        sections=sections,
        units=units,
        fingerprint=print_,
        newest_year=newest_year,
        content_key=content_key,
    )
