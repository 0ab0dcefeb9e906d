"""The library's YAML form: written for people, read strictly.

A library file is a mapping: `format: 1`, then `sources:` (each past reply once: its file name
as the label, with unit, date, year and proposal title), then `entries:`, a list of mappings
whose keys come in a fixed order (id, kind, section, headings, text, source, versions, tags,
notes, pinned, retired); an entry's `source` names its reply's label, and `lines: 12-15` (or
`lines: 12`) the lines of that file the text came from (libraries written before lines were
recorded have none, and still load). Keys still at their
default (no versions, empty notes, not pinned, not retired) are left out; an officer adds
`notes:`, `pinned: true` or `retired: true` by hand. Naming sources instead of repeating them
keeps a 100,000-entry file small and about twice as quick to parse, and a corrected unit name
is a one-line diff. A hand-written entry may also give its source inline as a mapping.

A file of the wrong shape raises `ReplydraftError` naming the line, so it is never silently
rewritten.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Any

import yaml

from replydraft.anatomy import MEASURE_SECTIONS
from replydraft.errors import ReplydraftError
from replydraft.files.yaml import (
    SAFE_LOADER,
    dump_yaml,
    line_of,
    load_yaml_text,
    may_have_anchors,
)
from replydraft.library.keys import entry_id, normalise
from replydraft.library.model import KINDS, Entry, Source, Version
from replydraft.messages import msg

FORMAT = 1
ENTRY_KEYS = (
    "id",
    "kind",
    "section",
    "headings",
    "text",
    "source",
    "lines",
    "versions",
    "tags",
    "notes",
    "pinned",
    "retired",
)
SOURCE_KEYS = ("file", "unit", "date", "year", "proposal_title")

HEADER = (
    "# replydraft paragraph library. `replydraft ingest` adds and updates entries; your own\n"
    "# fields `notes: ...`, `pinned: true` and `retired: true` are never overwritten by it.\n"
)


NO_SOURCE = Source(file="")
"""The source of a hand-written entry that names none."""

_WRITE_CHUNK = 1000
"""Entries emitted per YAML call when saving (bounds memory for large libraries)."""


def source_labels(entries: list[Entry]) -> dict[Source, str]:
    """A label for every source the entries use, in order of first use: its file name, made
    unique (`答复.docx (2)`) when two replies share a file name."""
    labels: dict[Source, str] = {}
    used: set[str] = set()
    for entry in entries:
        for source in (entry.source, *(v.source for v in entry.versions)):
            if source in labels or source == NO_SOURCE:
                continue
            label, copy = source.file or "unnamed", 2
            while label in used:
                label, copy = f"{source.file or 'unnamed'} ({copy})", copy + 1
            labels[source] = label
            used.add(label)
    return labels


def source_fields(source: Source, label: str) -> dict[str, Any]:
    """A source as written under its label: the file only when it differs from the label."""
    data: dict[str, Any] = {} if label == source.file else {"file": source.file}
    for key in SOURCE_KEYS[1:]:
        value = getattr(source, key)
        if value is not None:
            data[key] = value
    return data


def entry_to_dict(entry: Entry, labels: dict[Source, str]) -> dict[str, Any]:
    """The entry as it is written: fixed key order, defaults left out, sources by label."""
    data: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind,
        "section": entry.section,
        "headings": list(entry.headings),
        "text": entry.text,
    }
    if entry.source != NO_SOURCE:
        data["source"] = labels[entry.source]
    if entry.lines is not None:
        data["lines"] = lines_label(entry.lines)
    if entry.versions:
        data["versions"] = [_version_to_dict(v, labels) for v in entry.versions]
    data["tags"] = list(entry.tags)
    if entry.notes:
        data["notes"] = entry.notes
    if entry.pinned:
        data["pinned"] = True
    if entry.retired:
        data["retired"] = True
    return data


def lines_label(lines: tuple[int, int]) -> str | int:
    """`12-15` for a range of lines, `12` for one line."""
    first, last = lines
    return first if first == last else f"{first}-{last}"


def _version_to_dict(version: Version, labels: dict[Source, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"text": version.text}
    if version.source != NO_SOURCE:
        data["source"] = labels[version.source]
    if version.lines is not None:
        data["lines"] = lines_label(version.lines)
    return data


def dump_library(entries: list[Entry]) -> str:
    """The whole library file as text (entries emitted in chunks, identical to one dump)."""
    labels = source_labels(entries)
    head = {
        "format": FORMAT,
        "sources": {label: source_fields(s, label) for s, label in labels.items()},
    }
    parts = [HEADER, dump_yaml(head, fast=True)]
    if not entries:
        parts.append("entries: []\n")
        return "".join(parts)
    parts.append("entries:\n")
    for start in range(0, len(entries), _WRITE_CHUNK):
        chunk = entries[start : start + _WRITE_CHUNK]
        parts.append(dump_yaml([entry_to_dict(e, labels) for e in chunk], fast=True))
    return "".join(parts)


_ENTRY_START = re.compile(r"^- ", re.MULTILINE)
_CHUNK = 500
"""Entries parsed per YAML call when a large library is read in chunks."""


def parse_library_text(text: str, path: str | os.PathLike[str] | None = None) -> Any:
    """The library YAML as data, with `yaml.safe_load` semantics (libyaml when installed).

    A file of the usual layout (header mapping, then `entries:` items at column 0) is parsed in
    chunks of entries: the same result, a fraction of the memory and markedly faster for 100,000
    entries. Anything unusual, including any chunk that does not parse on its own, falls back to
    parsing the whole text, which also gives the error message with the right line.
    """
    starts = [m.start() for m in _ENTRY_START.finditer(text)]
    if len(starts) < 2 * _CHUNK or may_have_anchors(text):  # anchors: the bounded loader
        return load_yaml_text(text, path)
    try:
        return _parse_chunked(text, starts)
    except (yaml.YAMLError, _NotPlain):
        return load_yaml_text(text, path)


class _NotPlain(Exception):
    """The text is not in the layout the chunked reader handles."""


def _parse_chunked(text: str, starts: list[int]) -> Any:
    loader = SAFE_LOADER
    head = yaml.load(text[: starts[0]], Loader=loader)
    if not isinstance(head, dict) or "entries" not in head or head["entries"] is not None:
        raise _NotPlain
    if list(head)[-1] != "entries" or not text[: starts[0]].rstrip().endswith("entries:"):
        raise _NotPlain
    entries: list[Any] = []
    for index in range(0, len(starts), _CHUNK):
        end = starts[index + _CHUNK] if index + _CHUNK < len(starts) else len(text)
        chunk = yaml.load(text[starts[index] : end], Loader=loader)
        if not isinstance(chunk, list) or len(chunk) != min(_CHUNK, len(starts) - index):
            raise _NotPlain
        entries.extend(chunk)
    head["entries"] = entries
    return head


class _ShapeError(Exception):
    """A wrong-shape value at a place in the document (a path of keys and indexes)."""

    def __init__(self, message: str, where: tuple[Any, ...]) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def entries_from_data(data: Any, text: str, path: str | os.PathLike[str] | None) -> list[Entry]:
    """Check the parsed YAML's shape and build entries; wrong shape raises `ReplydraftError`.

    `text` is the YAML source, used only to find the line of a problem.
    """
    try:
        return _entries(data)
    except _ShapeError as exc:
        line = line_of(text, exc.where)
        where = msg("error.template_line", line=line) if line else ""
        raise ReplydraftError(
            msg("error.library_invalid", where=where, problem=exc.message), path
        ) from None


def _entries(data: Any) -> list[Entry]:
    if data is None:
        raise _ShapeError(msg("library.no_content"), ())
    if not isinstance(data, dict):
        raise _ShapeError(msg("library.top_mapping"), ())
    unknown = [key for key in data if key not in ("format", "sources", "entries")]
    if unknown:
        raise _ShapeError(
            msg("library.top_key", key=unknown[0]),
            (unknown[0],),
        )
    if "format" not in data and "entries" not in data:
        raise _ShapeError(msg("library.no_keys"), ())
    version = data.get("format", FORMAT)
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        raise _ShapeError(
            msg(
                "error.newer_format", what=msg("error.what_library"), format=version, current=FORMAT
            ),
            ("format",),
        )
    if version != FORMAT:
        raise _ShapeError(msg("library.format", format=data.get("format")), ("format",))
    sources = _sources(data.get("sources"))
    raw_entries = data.get("entries")
    if raw_entries is None:
        return []
    if not isinstance(raw_entries, list):
        raise _ShapeError(msg("library.entries_list"), ("entries",))
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, ("entries", index), sources)
        if entry.id in seen:
            raise _ShapeError(
                msg("library.repeated_id", number=index + 1, id=entry.id, first=seen[entry.id] + 1),
                ("entries", index, "id"),
            )
        seen[entry.id] = index
        entries.append(entry)
    return entries


def _sources(raw: Any) -> dict[str, Source]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _ShapeError(msg("library.sources_mapping"), ("sources",))
    table: dict[str, Source] = {}
    for label, fields in raw.items():
        where = ("sources", label)
        if fields is None:
            fields = {}
        if not isinstance(fields, dict):
            raise _ShapeError(
                msg("library.source_mapping", label=label, keys="、".join(SOURCE_KEYS)), where
            )
        table[str(label)] = _source_fields(
            {"file": str(label), **fields}, where, msg("library.source_named", label=label)
        )
    return table


def _entry(raw: Any, where: tuple[Any, ...], sources: dict[str, Source]) -> Entry:
    """One entry of the list at `where`, checked field by field (each step names its field)."""
    number = where[-1] + 1
    if not isinstance(raw, dict):
        raise _ShapeError(msg("library.entry_mapping", number=number), where)
    for key in raw:
        if key not in ENTRY_KEYS:
            raise _ShapeError(
                msg("library.entry_field", number=number, key=key, fields="、".join(ENTRY_KEYS)),
                (*where, key),
            )
    text = _entry_text(raw, where, number)
    kind, section = _kind_and_section(raw, where, number)
    return Entry(
        id=_entry_id(raw, where, number, kind, text),
        kind=kind,
        section=section,
        headings=_strings(
            raw.get("headings"),
            (*where, "headings"),
            msg("library.entry_named", number=number, field="headings"),
        ),
        text=text,
        source=_source(raw.get("source"), (*where, "source"), number, sources),
        versions=_versions(raw.get("versions"), where, number, sources),
        tags=_strings(
            raw.get("tags"),
            (*where, "tags"),
            msg("library.entry_named", number=number, field="tags"),
        ),
        notes=_notes(raw.get("notes"), (*where, "notes"), number),
        pinned=_flag(raw.get("pinned"), (*where, "pinned"), number),
        retired=_flag(raw.get("retired"), (*where, "retired"), number),
        lines=_lines(raw.get("lines"), (*where, "lines"), number),
    )


def _entry_text(raw: dict[Any, Any], where: tuple[Any, ...], number: int) -> str:
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _ShapeError(
            msg("library.entry_no_text", number=number),
            (*where, "text") if "text" in raw else where,
        )
    return text


def _kind_and_section(raw: dict[Any, Any], where: tuple[Any, ...], number: int) -> tuple[str, str]:
    """The entry's kind (default `measure`) and its section, which must fit the kind: a measure
    sits in one of the measure sections, every other kind in the section of its own name."""
    kind = raw.get("kind", "measure")
    if kind not in KINDS:
        raise _ShapeError(
            msg("library.entry_kind", number=number, kinds="、".join(KINDS)), (*where, "kind")
        )
    section = raw.get("section", "other" if kind == "measure" else kind)
    allowed = MEASURE_SECTIONS if kind == "measure" else (kind,)
    if section not in allowed:
        raise _ShapeError(
            msg("library.entry_section", number=number, sections="、".join(allowed)),
            (*where, "section"),
        )
    return kind, section


def _entry_id(
    raw: dict[Any, Any], where: tuple[Any, ...], number: int, kind: str, text: str
) -> str:
    """The id as written, or derived from kind and text when left out (a hand-written entry)."""
    value = raw.get("id")
    if value is None:
        return entry_id(kind, normalise(text))
    if not isinstance(value, str) or not value.strip():
        raise _ShapeError(msg("library.entry_id", number=number), (*where, "id"))
    return value


def _versions(
    value: Any, where: tuple[Any, ...], number: int, sources: dict[str, Source]
) -> list[Version]:
    """The entry's older wordings: each a text with an optional source and lines."""
    versions_raw = value or []
    if not isinstance(versions_raw, list):
        raise _ShapeError(msg("library.entry_versions", number=number), (*where, "versions"))
    versions = []
    for v_index, v_raw in enumerate(versions_raw):
        v_where = (*where, "versions", v_index)
        if not isinstance(v_raw, dict) or not isinstance(v_raw.get("text"), str):
            raise _ShapeError(
                msg("library.version_text", number=number, version=v_index + 1), v_where
            )
        extra = [key for key in v_raw if key not in ("text", "source", "lines")]
        if extra:
            raise _ShapeError(
                msg("library.version_field", number=number, version=v_index + 1, key=extra[0]),
                (*v_where, extra[0]),
            )
        versions.append(
            Version(
                v_raw["text"],
                _source(v_raw.get("source"), (*v_where, "source"), number, sources),
                _lines(v_raw.get("lines"), (*v_where, "lines"), number),
            )
        )
    return versions


def _strings(value: Any, where: tuple[Any, ...], what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _ShapeError(msg("library.text_list", what=what), where)
    return value


def _notes(value: Any, where: tuple[Any, ...], number: int) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise _ShapeError(msg("library.entry_notes", number=number), where)
    return value if isinstance(value, str) else str(value)


_LINES = re.compile(r"^\s*([0-9]+)\s*(?:[-–~]\s*([0-9]+))?\s*$")


def _lines(value: Any, where: tuple[Any, ...], number: int) -> tuple[int, int] | None:
    """`lines: 12-15` or `lines: 12` as (first, last); absent is None."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return (value, value)
    found = _LINES.match(value) if isinstance(value, str) else None
    if found:
        first = int(found.group(1))
        last = int(found.group(2) or first)
        if 0 < first <= last:
            return (first, last)
    raise _ShapeError(msg("library.entry_lines", number=number), where)


def _flag(value: Any, where: tuple[Any, ...], number: int) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _ShapeError(msg("library.entry_flag", number=number, field=where[-1]), where)
    return value


def _source(value: Any, where: tuple[Any, ...], number: int, sources: dict[str, Source]) -> Source:
    """An entry's source: a label from `sources`, an inline mapping, or none."""
    if value is None:
        return NO_SOURCE
    if isinstance(value, str):
        found = sources.get(value)
        if found is None:
            raise _ShapeError(msg("library.source_unlisted", number=number, source=value), where)
        return found
    if not isinstance(value, dict):
        raise _ShapeError(msg("library.source_shape", number=number), where)
    return _source_fields(value, where, msg("library.entry_named", number=number, field="source"))


def _source_fields(value: dict[str, Any], where: tuple[Any, ...], what: str) -> Source:
    fields: dict[str, Any] = {}
    for key, item in value.items():
        if key not in SOURCE_KEYS:
            raise _ShapeError(msg("library.source_field", what=what, key=key), (*where, key))
        if isinstance(item, (datetime.date, datetime.datetime)):
            item = item.isoformat()[:10]
        if key == "year":
            if item is not None and (isinstance(item, bool) or not isinstance(item, int)):
                raise _ShapeError(msg("library.source_year", what=what), (*where, key))
        elif item is not None and not isinstance(item, str):
            item = str(item)
        fields[key] = item
    fields["file"] = fields.get("file") or ""
    return Source(**fields)
