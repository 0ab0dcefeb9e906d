"""Renumbering a whole draft: which paragraphs count together, and making them count again.

The body's `一、` items run on across parts (status `一、`, next steps `二、`), so when the body
has any, it is one numbering scope; otherwise each part numbers its own items from 1. The
frame (title, salutation, signature) is never numbered. `replydraft.draft.checks` reports numbering
over the same scopes.
"""

from __future__ import annotations

from replydraft.anatomy import FRAME_PARTS
from replydraft.draft.model import Draft
from replydraft.text.ordinals import match_ordinal, numbering_issues, renumber


def numbering_scopes(draft: Draft) -> list[list[tuple[int, int]]]:
    """Groups of (part index, paragraph index) whose ordinals count together, in order."""
    body = [
        (p, i)
        for p, part in enumerate(draft.parts)
        if part.kind not in FRAME_PARTS
        for i in range(len(part.paragraphs))
    ]
    top = any(
        (o := match_ordinal(draft.parts[p].paragraphs[i].text)) and o.level == "cn_comma"
        for p, i in body
    )
    if top:
        return [body] if body else []
    scopes: dict[int, list[tuple[int, int]]] = {}
    for p, i in body:
        scopes.setdefault(p, []).append((p, i))
    return list(scopes.values())


def renumber_draft(draft: Draft) -> Draft:
    """Rewrite every ordinal of the body to follow its position (in place); returns `draft`."""
    for scope in numbering_scopes(draft):
        texts = [draft.parts[p].paragraphs[i].text for p, i in scope]
        for (p, i), text in zip(scope, renumber(texts), strict=True):
            draft.parts[p].paragraphs[i].text = text
    return draft


def draft_numbering_issues(draft: Draft) -> list[tuple[int, int, str]]:
    """(part index, paragraph index, message) for every numbering problem of the body."""
    found = []
    for scope in numbering_scopes(draft):
        texts = [draft.parts[p].paragraphs[i].text for p, i in scope]
        for index, message in numbering_issues(texts):
            found.append((*scope[index], message))
    return found
