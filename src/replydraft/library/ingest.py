"""Ingest past replies into the paragraph library.

Every reply found under the given paths is parsed; its measure paragraphs and its set phrases
(thanks, handling, closing) become observations, each merged into the library:

* the same normalised text (ordinal, spacing, punctuation and figures aside; see
  `replydraft.library_keys`) is the same entry;
* otherwise a paragraph whose normalised text scores at least `NEAR_DUPLICATE` (rapidfuzz ratio)
  against an entry from another reply is a version of that entry. Candidates come from buckets
  keyed on the first and last characters of the normalised text and its length band, scored in
  one rapidfuzz call, so merging stays fast in a library of 100,000 entries;
* the newest observation (by the source's year, then date) is the entry's text and source;
  older texts are kept in `versions`, newest first.

Each kept paragraph records the lines of its file it came from (`replydraft.library.ingest_report`
finds them), and each file gets a `FileReport`: kept, skipped (not a reply: a warning, not an
error) or failed (cannot be read).

Officer fields (notes, pinned, retired) are never touched. Merging the same replies again
changes nothing, so re-ingesting is idempotent.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from replydraft.anatomy import MEASURE_SECTIONS
from replydraft.errors import ReplydraftError
from replydraft.files.decoding import READABLE_SUFFIXES
from replydraft.library.ingest_report import FileReport, TextIndex, summarise
from replydraft.library.keys import entry_id, normalise
from replydraft.library.model import Entry, Source, Version
from replydraft.library.store import Library
from replydraft.library.tags import topics_for
from replydraft.messages import msg
from replydraft.parsing.reply import Reply

REPLY_SUFFIXES = READABLE_SUFFIXES

REPLY_SUFFIXES = READABLE_SUFFIXES
"""Files taken from folders; a file named on the command line is read whatever its suffix."""

NEAR_DUPLICATE = 90.0
"""rapidfuzz ratio (0..100) of normalised texts at or above which two paragraphs are versions."""

ANCHOR = 12
"""Characters of normalised text at each end that key the near-duplicate candidate buckets."""

MIN_CHARS = 4
"""Paragraphs with fewer normalised characters than this are not worth reusing."""

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")


@dataclass
class Observation:
    """One paragraph seen in one reply, ready to merge."""

    kind: str
    section: str
    headings: list[str]
    text: str
    normalised: str
    source: Source
    lines: tuple[int, int] | None = None
    """First and last line of the paragraph in its file, when found."""


@dataclass
class IngestResult:
    """What an ingest run did."""

    files: int = 0
    """Files read and parsed as replies."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(file, reason) for every file that could not be read."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(file, reason) for every file read that is not a reply (a README, a news article)."""
    reports: list[FileReport] = field(default_factory=list)
    """What happened to each file, in the order they were taken."""
    paragraphs: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


# -- finding and reading replies -------------------------------------------------------------


def reply_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest under `paths` (folders recursively), and (path, reason) for missing ones.

    Hidden files and folders and Word lock files (`~$…`) are skipped.
    """
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = [
                file
                for file in sorted(path.rglob("*"))
                if file.suffix.lower() in REPLY_SUFFIXES
                and not any(part.startswith((".", "~$")) for part in file.relative_to(path).parts)
                and file.is_file()
            ]
        elif path.exists():
            candidates = [path]
        else:
            missing.append((str(path), msg("error.file_not_found")))
            continue
        for file in candidates:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(file)
    return found, missing


def read_reply(path: Path) -> Reply:
    """Parse the reply in `path`; unreadable or not a reply -> `ReplydraftError`."""
    from replydraft.parsing import parse_reply_file

    return parse_reply_file(path)


def year_in_text(text: str) -> int | None:
    """The latest plausible year a reply's text mentions (`2021年`), for replies without a date."""
    this_year = datetime.date.today().year
    years = [int(y) for y in _YEAR.findall(text) if 1980 <= int(y) <= this_year]
    return max(years) if years else None


def source_of(reply: Reply, file_name: str) -> Source:
    """Where paragraphs of `reply` (read from `file_name`) came from."""
    year: int | None
    if reply.date and reply.date[:4].isdigit():
        year = int(reply.date[:4])
    else:
        year = year_in_text("\n".join(part.text for part in reply.parts))
    return Source(
        file=file_name,
        unit=reply.responding_unit,
        date=reply.date,
        year=year,
        proposal_title=reply.proposal_title,
    )


def observations(reply: Reply, source: Source) -> list[Observation]:
    """The reusable paragraphs of `reply` in reading order: thanks and handling, measures, closing."""
    found: list[Observation] = []

    def add(kind: str, section: str, headings: list[str], text: str) -> None:
        text = text.strip()
        normalised = normalise(text)
        if len(normalised) >= MIN_CHARS:
            found.append(Observation(kind, section, headings, text, normalised, source))

    for part in reply.parts:
        if part.kind in ("acknowledgement", "thanks", "handling"):
            add(part.kind, part.kind, [], part.text)
    for measure in reply.measures:
        section = measure.section if measure.section in MEASURE_SECTIONS else "other"
        add("measure", section, list(measure.headings), measure.text)
    for part in reply.parts:
        if part.kind == "closing":
            add(part.kind, part.kind, [], part.text)
    for line in contact_lines(reply):
        add("contact", "contact", [], line)
    if reply.doc_number:
        add("header", "header", [], reply.doc_number)
    return found


_CONTACT_LINE = re.compile(r"联系人|联系电话|承办人|经办人|签发人|分管领导")


def contact_lines(reply: Reply) -> list[str]:
    """The signature's contact lines (`(联系人:郭华;联系电话:0851-86811920)`): a unit's form."""
    lines = []
    for part in reply.parts:
        if part.kind == "signature":
            lines += [line for line in part.text.split("\n") if _CONTACT_LINE.search(line)]
    return lines


# -- merging -----------------------------------------------------------------------------------


def _band(length: int) -> int:
    """Length band: texts whose ratio can reach 90 (lengths within 9/11) are in neighbouring bands."""
    return int(math.log(max(length, 1)) / math.log(1.25))


def _age(version: Version) -> tuple[int, str, str]:
    return version.source.age_key()


class Merger:
    """Merges observations into a library's entries, with the indexes that make it fast."""

    def __init__(self, library: Library) -> None:
        self.entries = library.entries
        self.exact: dict[str, int] = {}
        self.buckets: dict[str, tuple[list[str], list[int]]] = {}
        """anchor -> (normalised texts, their entries): candidates for the near-duplicate check."""
        self.normalised: list[list[str]] = []
        self.ids: set[str] = set()
        self.existing = len(self.entries)
        self.touched: set[int] = set()
        self.changed: set[int] = set()
        self.added = 0
        for index, entry in enumerate(self.entries):
            self.normalised.append([])
            self.ids.add(entry.id)
            self._index(index, entry.kind, normalise(entry.text))
            for version in entry.versions:
                self._index(index, entry.kind, normalise(version.text))

    def _index(self, index: int, kind: str, normalised: str) -> None:
        known = self.normalised[index]
        if normalised in known:
            return
        known.append(normalised)
        self.exact.setdefault(f"{kind}\n{normalised}", index)
        band = _band(len(normalised))
        for anchor in self._anchors(kind, normalised):
            texts, owners = self.buckets.setdefault(f"{anchor}|{band}", ([], []))
            texts.append(normalised)
            owners.append(index)

    @staticmethod
    def _anchors(kind: str, normalised: str) -> tuple[str, str]:
        return f"{kind}<{normalised[:ANCHOR]}", f"{kind}>{normalised[-ANCHOR:]}"

    def _near(self, kind: str, normalised: str, file: str) -> int | None:
        """The entry (from another reply) most like `normalised`, if any is a near-duplicate."""
        band = _band(len(normalised))
        texts: list[str] = []
        owners: list[int] = []
        for anchor in self._anchors(kind, normalised):
            for near_band in (band - 1, band, band + 1):
                bucket = self.buckets.get(f"{anchor}|{near_band}")
                if bucket is not None:
                    texts += bucket[0]
                    owners += bucket[1]
        if not texts:
            return None
        # One call for all candidates: rapidfuzz prepares the (long, CJK) query once.
        found = process.extract(
            normalised, texts, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE, limit=None
        )
        best: tuple[float, int] | None = None
        for _, score, position in found:
            index = owners[position]
            if best is not None and (score, -index) <= (best[0], -best[1]):
                continue
            entry = self.entries[index]
            if entry.source.file == file or any(v.source.file == file for v in entry.versions):
                continue  # versions come from different replies
            best = (score, index)
        return None if best is None else best[1]

    def add(self, obs: Observation) -> None:
        """Merge one observation: a new entry, a new version, a newer source, or nothing."""
        index = self.exact.get(f"{obs.kind}\n{obs.normalised}")
        if index is None:
            index = self._near(obs.kind, obs.normalised, obs.source.file)
        if index is None:
            self._create(obs)
            return
        if index < self.existing:
            self.touched.add(index)
        entry = self.entries[index]
        if (
            entry.lines is None
            and obs.lines
            and obs.text == entry.text
            and obs.source == entry.source
        ):
            entry.lines = obs.lines  # a library ingested before lines were recorded
            if index < self.existing:
                self.changed.add(index)
        if self._merge(entry, obs):
            self._index(index, obs.kind, obs.normalised)
            if index < self.existing:
                self.changed.add(index)

    def _create(self, obs: Observation) -> None:
        new_id = base = entry_id(obs.kind, obs.normalised)
        suffix = 2
        while new_id in self.ids:  # a hash collision between different texts: rare, but kept apart
            new_id = f"{base}-{suffix}"
            suffix += 1
        self.ids.add(new_id)
        entry = Entry(
            id=new_id,
            kind=obs.kind,
            section=obs.section,
            headings=obs.headings,
            text=obs.text,
            source=obs.source,
            tags=topics_for(obs.text, *obs.headings),
            lines=obs.lines,
        )
        self.entries.append(entry)
        self.normalised.append([])
        self._index(len(self.entries) - 1, obs.kind, obs.normalised)
        self.added += 1

    @staticmethod
    def _merge(entry: Entry, obs: Observation) -> bool:
        """Fold `obs` into `entry`; True if the entry changed. Ties keep what is there."""
        age = obs.source.age_key()
        if obs.text == entry.text:
            if age <= entry.source.age_key():
                return False
            entry.source, entry.lines = obs.source, obs.lines
        else:
            same = next((v for v in entry.versions if v.text == obs.text), None)
            if same is not None:
                if age <= same.source.age_key():
                    return False
                entry.versions.remove(same)
            if age > entry.source.age_key():
                entry.versions.append(Version(entry.text, entry.source, entry.lines))
                entry.text, entry.source, entry.lines = obs.text, obs.source, obs.lines
            else:
                entry.versions.append(Version(obs.text, obs.source, obs.lines))
                entry.versions.sort(key=_age, reverse=True)
                Merger._add_tags(entry, obs)
                return True
            entry.versions.sort(key=_age, reverse=True)
        entry.section, entry.headings = obs.section, obs.headings
        Merger._add_tags(entry, obs)
        return True

    @staticmethod
    def _add_tags(entry: Entry, obs: Observation) -> None:
        for tag in topics_for(obs.text, *obs.headings):
            if tag not in entry.tags:
                entry.tags.append(tag)

    def counts(self) -> tuple[int, int, int]:
        """(added, updated, unchanged) entries so far; unchanged are existing entries seen again."""
        return self.added, len(self.changed), len(self.touched - self.changed)


# -- the whole run -------------------------------------------------------------------------------


def ingest(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_failure: Callable[[str, str], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_file: Callable[[FileReport], None] | None = None,
) -> IngestResult:
    """Merge every reply under `paths` into `library` (in memory; the caller saves it).

    A file that cannot be read is reported through `on_failure(file, reason)`, a file that is
    read but is not a reply through `on_skip(file, reason)`; both are skipped and the rest are
    still ingested. `on_file` gets every file's `FileReport` as it is done.
    """
    result = IngestResult()
    files, missing = reply_files(paths)

    def done(report: FileReport) -> None:
        result.reports.append(report)
        if on_file is not None:
            on_file(report)

    def fail(file: str, reason: str) -> None:
        result.failures.append((file, reason))
        if on_failure is not None:
            on_failure(file, reason)
        done(FileReport(file=file, status="failed", reason=reason))

    for name, reason in missing:
        fail(name, reason)
    merger = Merger(library)
    taken = [take_reply(file) for file in files]
    repeated = repeated_lines(
        [
            "\n".join(part.text for part in found[0].parts)
            for found in taken
            if isinstance(found, tuple)
        ]
    )
    for file, found in zip(files, taken, strict=True):
        if isinstance(found, FileReport):
            if found.status == "failed":
                fail(found.file, found.reason)
            else:
                result.skipped.append((found.file, found.reason))
                if on_skip is not None:
                    on_skip(found.file, found.reason)
                done(found)
            continue
        reply, text = found
        result.files += 1
        index = TextIndex(text)
        kept = [
            obs
            for obs in located_observations(reply, source_of(reply, file.name), index)
            if not (obs.kind == "measure" and repeated and _is_repeated(obs.text, repeated))
        ]
        for obs in kept:
            result.paragraphs += 1
            merger.add(obs)
        done(summarise(str(file), text, reply, [(o.kind, o.lines) for o in kept], index))
    result.added, result.updated, result.unchanged = merger.counts()
    return result


REPEATED_FILES = 3
REPEATED_SHARE = 0.3
"""A line found in at least this many files and this share of one ingest's replies is page
furniture (a site's footer, a unit's letterhead, a template's crumbs), never a measure."""
REPEATED_LINE_MAX = 60
"""Only short lines are counted: furniture is short, and a unit's long set paragraphs repeated
verbatim are still its measures."""
_KEY_DROP = re.compile(r"[\s|｜]+")


def _is_repeated(text: str, repeated: set[str]) -> bool:
    """`text` is one of the archive's repeated lines (a long text never is: no NFKC for it)."""
    return len(text) <= 2 * REPEATED_LINE_MAX and line_key(text) in repeated


def line_key(text: str) -> str:
    """A line as compared across files: NFKC-folded, whitespace and table bars removed."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text))


def repeated_lines(texts: list[str]) -> set[str]:
    """Keys (`line_key`) of the short lines that repeat across the files of one ingest (see
    `REPEATED_FILES`): the archive's own evidence of what is furniture. `texts` are the parsed
    replies' clean lines (mirror text already simplified, as the measures are)."""
    if len(texts) < REPEATED_FILES:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        # A line far longer than the limit cannot fold down to it: skip its NFKC.
        keys = {
            line_key(line)
            for line in text.splitlines()
            if line.strip() and len(line) <= 2 * REPEATED_LINE_MAX
        }
        counts.update(key for key in keys if 0 < len(key) <= REPEATED_LINE_MAX)
    least = max(REPEATED_FILES, math.ceil(REPEATED_SHARE * len(texts)))
    return {key for key, count in counts.items() if count >= least}


NOT_A_REPLY = msg("ingest.not_a_reply")


def take_reply(file: Path) -> tuple[Reply, str] | FileReport:
    """The parsed reply in `file` and its text, or the report of why it is not taken.

    Unreadable files (missing, broken, binary, too large) are `failed`; files that are read but
    hold no reply are `skipped`.
    """
    from replydraft.files.decoding import read_text
    from replydraft.parsing import looks_like_reply, parse_reply

    try:
        text = read_text(file)
    except ReplydraftError as exc:
        return FileReport(file=str(file), status="failed", reason=exc.message)
    try:
        reply = parse_reply(text)
    except ReplydraftError as exc:
        return FileReport(file=str(file), status="skipped", reason=exc.message)
    except Exception as exc:  # a parser bug on one file must not stop the other files
        reason = f"could not be parsed ({type(exc).__name__}: {exc})"
        return FileReport(file=str(file), status="failed", reason=reason)
    if not looks_like_reply(reply):
        return FileReport(file=str(file), status="skipped", reason=NOT_A_REPLY)
    return reply, text


def located_observations(reply: Reply, source: Source, index: TextIndex) -> list[Observation]:
    """`observations(reply, source)`, each with the lines of the file it came from.

    Measures are searched in reading order from the end of the previous one; set phrases from
    the start (the thanks may share a line with the acknowledgement).
    """
    found = observations(reply, source)
    cursor = 0
    for obs in found:
        if obs.kind == "measure":
            where = index.locate(obs.text, cursor)
            if where is not None:
                cursor = where[2]
        else:
            where = index.locate(obs.text)
        if where is not None:
            obs.lines = (where[0], where[1])
    return found


def build_library(paths: Iterable[str | os.PathLike[str]]) -> Library:
    """A new in-memory library from the replies under `paths` (unreadable files are skipped)."""
    library = Library()
    ingest(library, paths)
    return library
