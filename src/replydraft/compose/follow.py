"""Keeping the editor's text, the draft model and the skeleton in step.

The editor owns the text; the draft is derived from it (`replydraft.draft.text_form.parse_text`)
whenever something needs the model (checks, save, export). The skeleton follows the form:

* While the officer has not touched the editor (its text is still the last skeleton rendered),
  a form change replaces the whole text with the new skeleton.
* Once the officer has edited it, a form change goes through `skeleton.refresh_frame`: a part
  still exactly as the template wrote it for the old metadata (title, salutation,
  acknowledgement, thanks, closing, signature…) is rewritten for the new; every part the
  officer edited is kept as it is. Typed text is never replaced.

No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from replydraft.draft.line_edits import blocks
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta

if TYPE_CHECKING:
    from replydraft.config import Config


@dataclass(frozen=True)
class PartSpan:
    """One part in the editor: its kind and 0-based inclusive line range."""

    kind: str
    first: int
    last: int


def parse(text: str, previous: Draft) -> Draft:
    """The draft for `text`, with `previous`'s metadata and paragraph sources."""
    from replydraft.draft.text_form import parse_text

    return parse_text(text, previous)


def part_spans(text: str, previous: Draft) -> list[PartSpan]:
    """The parts of the editor text, in order, with their line ranges.

    Uses the draft text form when the text is in it; otherwise (extra blank lines, say) pairs the
    blank-line blocks with the parsed parts by order, and calls unmatched blocks `other`.
    """
    from replydraft.draft.text_form import part_lines, render_text

    lines = text.split("\n")
    draft = parse(text, previous)
    if render_text(draft) == text:
        return [PartSpan(kind, first, last) for kind, first, last in part_lines(draft)]
    runs = blocks(lines)
    kinds = [part.kind for part in draft.parts if part.paragraphs]
    return [
        PartSpan(kinds[i] if i < len(kinds) else "other", run.first, run.last)
        for i, run in enumerate(runs)
    ]


def follow_form(
    current: str, last: str | None, skeleton: Draft, previous: Draft, config: Config | None = None
) -> tuple[str, Draft]:
    """The editor text (and its draft) after the form changed; `skeleton` is the fresh one.

    `last` is the skeleton text last put in the editor (None if none yet); `previous` carries the
    metadata the current text was rendered from. See the module docstring for what is kept.
    """
    from replydraft.compose.skeleton import refresh_frame
    from replydraft.draft.text_form import render_text

    if last is None and current.strip():
        last = ""  # a loaded or recovered draft: never replace it wholesale
    if not current.strip() or current == last:
        return render_text(skeleton), skeleton
    refreshed = refresh_frame(parse(current, previous), skeleton.meta, config=config)
    return render_text(refreshed), refreshed


@dataclass
class Reused:
    """Paragraphs inserted from the library this session, remembered so the saved draft cites
    their sources (also after an undo and a redo, or when an analysis overtakes the insert)."""

    paragraphs: list[Paragraph] = field(default_factory=list)

    def add(self, text: str, source_id: str | None, source_year: int | None) -> None:
        self.paragraphs.append(Paragraph(text, source_id, source_year))

    def previous(self, draft: Draft) -> Draft:
        """`draft` plus the reused paragraphs, as the `previous` for parse_text."""
        if not self.paragraphs:
            return draft
        extra = DraftPart("other", list(self.paragraphs))
        return Draft(meta=draft.meta, parts=[*draft.parts, extra])


def with_meta(draft: Draft, meta: ProposalMeta) -> Draft:
    """`draft` with its metadata replaced (the form is the truth for metadata)."""
    return replace(draft, meta=meta)
