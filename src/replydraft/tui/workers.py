"""The UI's background jobs, as plain functions from inputs to a message.

The draft screen runs each in a thread worker and posts the message it returns; the handler
on the screen's thread applies it. Nothing here touches a widget, so a job finishing after
the screen closed does no harm (its message is dropped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replydraft.compose import follow
from replydraft.errors import ReplydraftError
from replydraft.tui.messages import (
    Analysed,
    AnalyseFailed,
    LibraryLoaded,
    SkeletonBuilt,
    SkeletonFailed,
)

if TYPE_CHECKING:
    from pathlib import Path

    from replydraft.draft.model import Draft, ProposalMeta
    from replydraft.library.store import Library


def load_library(library_path: str | Path | None) -> LibraryLoaded:
    """The officer's library (or the one named), else the bundled one with a warning."""
    from replydraft.library.seeds import default_library
    from replydraft.library.user import library_for_user

    try:
        return LibraryLoaded(library_for_user(library_path))
    except ReplydraftError as exc:
        warning = f"段落库读取失败，改用内置段落库：{exc.one_line()}"
        return LibraryLoaded(default_library(), warning)


def build_skeleton(
    seq: int, meta: ProposalMeta, library: Library | None, config: Any
) -> SkeletonBuilt | SkeletonFailed:
    """The skeleton for `meta`, or why it cannot be built (a date half typed, say)."""
    from replydraft.compose.skeleton import build_skeleton as build

    try:
        return SkeletonBuilt(seq, build(meta, library, config=config))
    except ReplydraftError as exc:  # say so, keep the text
        return SkeletonFailed(seq, form_problem(meta, exc))


def analyse(seq: int, text: str, previous: Draft) -> Analysed | AnalyseFailed:
    """The editor's text as a draft model, its part spans, and the checks' problems."""
    from replydraft.draft.checks import check_draft

    try:
        draft = follow.parse(text, previous)
        spans = follow.part_spans(text, previous)
        problems = check_draft(draft)
    except ReplydraftError as exc:
        return AnalyseFailed(seq, exc.one_line())
    return Analysed(seq, text, draft, spans, problems)


def form_problem(meta: ProposalMeta, exc: ReplydraftError) -> str:
    """Why the skeleton cannot follow the form, in the officer's words."""
    from replydraft.text.dates import official_date

    if meta.date and official_date(meta.date) is None:
        return f"日期“{meta.date}”无法识别，请写成 2026-05-20 这样"
    return f"骨架未能更新：{exc.one_line()}"
