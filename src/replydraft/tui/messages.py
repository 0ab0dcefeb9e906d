"""Messages of the UI, as dataclasses: panels and workers post them, the draft screen acts.

Workers run on threads and never touch widgets; they post one of these to the screen
(`post_message` is thread-safe). A message posted after the screen is gone is dropped by
Textual, so no handler has to check that its widgets still exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from replydraft.compose.follow import PartSpan
    from replydraft.draft.checks import Problem
    from replydraft.draft.model import Draft
    from replydraft.library.store import Library
    from replydraft.matching import Match


@dataclass
class JumpToLine(Message):
    """Move the editor's cursor to `line` (0-based in the editor text) and focus the editor;
    for a problem about a mark (`code` placeholder or stale), select that mark."""

    line: int
    code: str = ""


@dataclass
class LibraryLoaded(Message):
    """The library is open; `warning` says why it is the bundled one instead of the officer's."""

    library: Library
    warning: str = ""


@dataclass
class SkeletonBuilt(Message):
    """The skeleton for the form of request `seq` (older requests are dropped)."""

    seq: int
    skeleton: Draft


@dataclass
class SkeletonFailed(Message):
    """The skeleton could not follow the form of request `seq`; `problem` says why, in Chinese."""

    seq: int
    problem: str


@dataclass
class Analysed(Message):
    """The editor's `text` parsed: its draft model, part spans and check problems."""

    seq: int
    text: str
    draft: Draft
    spans: list[PartSpan]
    problems: list[Problem]


@dataclass
class AnalyseFailed(Message):
    """Analysing the editor's text failed; `error` is the one-line reason."""

    seq: int
    error: str


@dataclass(frozen=True)
class SearchRequest:
    """One search of the library: the box's query, or the suggestion for the cursor's part."""

    seq: int
    query: str
    section: str | None = None
    suggested: bool = False
    """True when the box is empty and `query` is the suggestion built from title and demands."""
    top: int = 30


@dataclass
class SearchFound(Message):
    """The search thread's answer to `request` (posted from that thread)."""

    request: SearchRequest
    results: list[Match] = field(default_factory=list)
    error: str | None = None
