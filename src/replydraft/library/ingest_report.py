"""What ingest did with each file: the lines each kept paragraph came from, what was skipped.

The parser works on cleaned text (furniture dropped, run-on lines split, mirrors folded), so a
paragraph's lines in the file are found again by searching its text in the file's text with
spacing and punctuation ignored, in reading order; when the cleaned text differs (a
traditional-script mirror), a fuzzy alignment finds the span. Every non-empty line of the file
then has a role: kept (a measure or a set phrase), opening (title, salutation, acknowledgement),
signature, contacts, or furniture (a line the parser dropped: page chrome, footers).

`FileReport` is one file's line in `ingest --verbose` and in `ingest --report FILE`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from replydraft.anatomy import MEASURE_SECTIONS
from replydraft.library.model import PHRASE_KINDS
from replydraft.messages import msg
from replydraft.parsing.reply import Reply

_IGNORED = re.compile(
    "["
    + re.escape(" \t\r\n\f\v\u3000\xa0，,。.：:；;、！!？?（）()“”\"'‘’《》<>〈〉【】[]—–-…·")
    + "]+"
)
"""Characters left out when a paragraph is searched for in the file's text (a regex: deleting
with `re.sub` is about 3x faster than `str.translate` with a table, and ingest does it per line)."""

_CONTACT = re.compile(
    r"联\s*系\s*人|联系电话|电\s*话|手\s*机|传\s*真|邮\s*箱|E-?mail|经办人|承办人|承办科室|"
    r"分\s*管\s*领\s*导|签\s*发|抄\s*送|抄\s*报|联\s*系\s*方\s*式",
    re.IGNORECASE,
)

_OPENING_KINDS = ("title", "salutation", "acknowledgement")
_BODY_KINDS = (*MEASURE_SECTIONS, "problems")

STATUS_LABELS = {
    status: msg(f"ingest.status.{status}") for status in ("ingested", "skipped", "failed")
}


class TextIndex:
    """The text of a file with spacing and punctuation left out, and the line of each character."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        owners: list[int] = []
        self.nonempty: list[int] = []
        for number, line in enumerate(text.split("\n"), start=1):
            key = _IGNORED.sub("", line)
            if line.strip():
                self.nonempty.append(number)
            pieces.append(key)
            owners.extend([number] * len(key))
        self.compact = "".join(pieces)
        self.owners = owners

    def locate(self, snippet: str, start: int = 0) -> tuple[int, int, int] | None:
        """(first line, last line, end offset) of `snippet` at or after `start`, else anywhere."""
        key = _IGNORED.sub("", snippet)
        if not key:
            return None
        for origin in (start, 0):
            at = self.compact.find(key, origin)
            if at >= 0:
                end = at + len(key)
                return self.owners[at], self.owners[end - 1], end
        if len(key) >= 16:
            found = self._by_ends(key, start)
            if found is not None:
                return found
        return self._fuzzy(key, start)

    def _by_ends(self, key: str, start: int) -> tuple[int, int, int] | None:
        """The span from its first to its last 8 characters (the middle was cleaned differently)."""
        head, tail = key[:8], key[-8:]
        for origin in (start, 0):
            at = self.compact.find(head, origin)
            if at < 0:
                continue
            stop = self.compact.find(tail, at + len(head))
            if stop >= 0 and stop + len(tail) - at <= 2 * len(key):
                end = stop + len(tail)
                return self.owners[at], self.owners[end - 1], end
        return None

    def _fuzzy(self, key: str, start: int) -> tuple[int, int, int] | None:
        """Best fuzzy alignment near `start` (text folded or corrected by the parser's cleaning)."""
        from rapidfuzz import fuzz

        window_end = min(len(self.compact), start + 3 * len(key) + 200)
        window = self.compact[start:window_end]
        if not window:
            return None
        found = fuzz.partial_ratio_alignment(key, window, score_cutoff=60)
        if found is None or found.dest_end <= found.dest_start:
            return None
        at, end = start + found.dest_start, start + found.dest_end
        return self.owners[at], self.owners[end - 1], end


@dataclass
class FileReport:
    """One file of an ingest run: what happened to it and to its lines."""

    file: str
    status: str
    """ingested | skipped (not a reply) | failed (cannot be read)."""
    reason: str = ""
    measures: int = 0
    """Measure paragraphs kept for the library."""
    phrases: int = 0
    """Set phrases kept (thanks, handling, closing)."""
    lines: int = 0
    """Non-empty lines of the file's text."""
    furniture: int = 0
    signature: int = 0
    contacts: int = 0
    opening: int = 0
    """Title, salutation and acknowledgement lines (read for fields, not kept as paragraphs)."""
    measure_lines: list[tuple[int, int]] = field(default_factory=list)

    def one_line(self) -> str:
        """The `--verbose` line for this file."""
        if self.status == "failed":
            return msg("ingest.line_failed", file=self.file, reason=self.reason)
        if self.status == "skipped":
            return msg("ingest.line_skipped", file=self.file, reason=self.reason)
        return msg(
            "ingest.line",
            file=self.file,
            measures=self.measures,
            phrases=self.phrases,
            furniture=self.furniture,
            signature=self.signature,
            contacts=self.contacts,
        )

    def row(self) -> dict[str, object]:
        """The report's record for this file, with Chinese labels, in a fixed order."""
        return {
            "文件": self.file,
            "结果": STATUS_LABELS[self.status],
            "原因": self.reason,
            "收录措施段": self.measures,
            "收录套话段": self.phrases,
            "非空行": self.lines,
            "跳过页面杂项行": self.furniture,
            "跳过落款行": self.signature,
            "跳过联系方式行": self.contacts,
            "标题称谓收悉行": self.opening,
            "措施所在行": ", ".join(
                str(a) if a == b else f"{a}-{b}" for a, b in self.measure_lines
            ),
        }


def line_roles(index: TextIndex, reply: Reply) -> dict[int, str]:
    """The role of each located line: kept, opening, signature or contacts (others: furniture)."""
    roles: dict[int, str] = {}
    cursor = 0
    for part in reply.parts:
        if part.kind in _OPENING_KINDS:
            role = "opening"
        elif part.kind == "signature":
            role = "signature"
        elif part.kind in PHRASE_KINDS or part.kind in _BODY_KINDS:
            role = "kept"
        else:
            role = "opening"
        for piece in part.text.split("\n"):
            found = index.locate(piece, cursor)
            if found is None:
                continue
            first, last, cursor = found
            piece_role = "contacts" if role == "signature" and _CONTACT.search(piece) else role
            for number in range(first, last + 1):
                roles.setdefault(number, piece_role)
    return roles


def summarise(
    file: str,
    text: str,
    reply: Reply,
    kept: Iterable[tuple[str, tuple[int, int] | None]],
    index: TextIndex | None = None,
) -> FileReport:
    """The report of an ingested file; `kept` gives each kept paragraph's kind and lines."""
    index = index or TextIndex(text)
    roles = line_roles(index, reply)
    report = FileReport(file=file, status="ingested", lines=len(index.nonempty))
    for kind, lines in kept:
        if kind == "measure":
            report.measures += 1
            if lines is not None:
                report.measure_lines.append(lines)
        else:
            report.phrases += 1
    for number in index.nonempty:
        role = roles.get(number, "furniture")
        if role == "furniture":
            report.furniture += 1
        elif role == "signature":
            report.signature += 1
        elif role == "contacts":
            report.contacts += 1
        elif role == "opening":
            report.opening += 1
    return report


# -- the report file ---------------------------------------------------------------------------


def write_report(path: str | os.PathLike[str], reports: list[FileReport]) -> None:
    """Write every file's record: TSV for a `.tsv`/`.txt`/`.csv` name, else YAML (atomically)."""
    from replydraft.files.atomic import atomic_write_text

    target = str(path)
    rows = [report.row() for report in reports]
    if target.lower().endswith((".tsv", ".txt", ".csv")):
        header = list(FileReport(file="", status="ingested").row())
        lines = ["\t".join(header)]
        for row in rows:
            lines.append("\t".join(_tsv_cell(row[key]) for key in header))
        atomic_write_text(target, "\n".join(lines) + "\n")
    else:
        from replydraft.files.yaml import dump_yaml

        atomic_write_text(target, dump_yaml({"文件": rows}))


def _tsv_cell(value: object) -> str:
    return " ".join(str(value).split())
