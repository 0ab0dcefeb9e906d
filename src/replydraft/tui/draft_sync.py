"""Keeping the editor's text, the draft model and the skeleton in step.

The editor owns the text; the draft is derived from it (`replydraft.draft_text.parse_text`)
whenever something needs the model (checks, save, export). The skeleton follows the form:

* While the officer has not touched the editor (its text is still the last skeleton rendered),
  a form change replaces the whole text with the new skeleton.
* Once the officer has edited it, a form change only updates the form-derived parts (title,
  salutation, acknowledgement, signature), and only those the officer has not edited (the
  part's text still equals what the last skeleton put there). Anything typed is never replaced.

No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from replydraft.draft import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.tui.part_edit import blocks

FORM_PARTS = ("title", "salutation", "acknowledgement", "signature")
"""Parts rendered from the form alone: safe to regenerate when the officer has not edited them."""


@dataclass(frozen=True)
class PartSpan:
    """One part in the editor: its kind and 0-based inclusive line range."""

    kind: str
    first: int
    last: int


def parse(text: str, previous: Draft) -> Draft:
    """The draft for `text`, with `previous`'s metadata and paragraph sources."""
    from replydraft.draft_text import parse_text

    return parse_text(text, previous)


def part_spans(text: str, previous: Draft) -> list[PartSpan]:
    """The parts of the editor text, in order, with their line ranges.

    Uses the draft text form when the text is in it; otherwise (extra blank lines, say) pairs the
    blank-line blocks with the parsed parts by order, and calls unmatched blocks `other`.
    """
    from replydraft.draft_text import part_lines, render_text

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


def part_texts(draft: Draft) -> dict[str, str]:
    """The first part of each kind, as its lines joined: what the editor shows for it."""
    found: dict[str, str] = {}
    for part in draft.parts:
        found.setdefault(part.kind, part.text)
    return found


def merge_skeleton(current: str, last: str | None, new: Draft, previous: Draft) -> str:
    """The editor text after the form changed and produced the skeleton `new`.

    `last` is the skeleton text last put in the editor (None if none yet). See the module
    docstring for what is replaced and what is kept.
    """
    from replydraft.draft_text import render_text

    new_text = render_text(new)
    if last is None or current == last or not current.strip():
        return new_text
    last_parts = part_texts(parse(last, previous))
    new_parts = part_texts(new)
    lines = current.split("\n")
    for span in reversed(part_spans(current, previous)):
        kind = span.kind
        if kind not in FORM_PARTS or kind not in new_parts:
            continue
        shown = "\n".join(lines[span.first : span.last + 1])
        if shown == last_parts.get(kind) and shown != new_parts[kind]:
            lines[span.first : span.last + 1] = new_parts[kind].split("\n")
    return "\n".join(lines)


@dataclass
class Reused:
    """Paragraphs inserted from the library, remembered so the saved draft cites its sources."""

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
