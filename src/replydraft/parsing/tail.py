"""The end of a reply: closing sentences, the signature block, and page furniture after it.

A reply ends with its closing (thanks, invitation, `特此答复`), then the signature block (unit,
date, contacts, cc, stamps). Pages add furniture after that: `上一篇/下一篇` links carrying other
replies' titles, `相关信息`, news teasers, site footers. One unrecognised line there must not
hide the signature, so the block is found from its anchor, not from the last line: the last
signature date (a date alone on its line) near the end, else the last unit-name line with only
signature or furniture-like lines after it. Everything after the anchor that is not a signature
line is furniture; from the anchor back, signature and closing lines are taken until the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replydraft.parsing.dates import date_only
from replydraft.parsing.markers import (
    CONTACT_LABEL,
    is_bare_name_line,
    is_closing,
    is_signature_line,
    is_unit_line,
    leading_ordinal,
)

AFTER_ANCHOR_MAX = 30
"""Lines after a signature date that may still be page furniture (news lists are long)."""
_SHORT = 40
_SENTENCE_END = re.compile(r"[。！!？?；;]\s*[”\"’]?\s*$")
_REPLY_START = re.compile(r"(?:代表|委员|委員)\s*[:：]\s*$|收悉|现答复如下")
"""A line after the anchor that starts another reply: the anchor was not the last signature."""
_ATTACHMENT = re.compile(r"^附\s*件\s*(?:[:：]|\d|[一二三四五六七八九十]\s*[:：、])")
_ATTACHMENTS_MAX = 8
"""Lines an attachment list may run to (the label and its items)."""


@dataclass
class Tail:
    """Positions (into the list of non-blank lines) of each role at the end of a reply."""

    body_end: int
    closing: list[int] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    furniture: list[int] = field(default_factory=list)


def _furniture_like(line: str) -> bool:
    """A short line with no sentence end: a link, a crumb, a teaser (not a body paragraph)."""
    return len(line) <= _SHORT and not _SENTENCE_END.search(line)


def _anchor(texts: list[str], start: int) -> int | None:
    """Position of the last signature date near the end, else of the last unit line that has
    only signature or furniture-like lines after it."""
    n = len(texts)
    last_date = None
    for pos in range(n - 1, max(start, n - AFTER_ANCHOR_MAX - 1) - 1, -1):
        text = texts[pos]
        if _REPLY_START.search(text):
            break
        if date_only(text):
            # the last date that signs the letter; a list's or news item's date does not
            if _signs_letter(texts, start, pos):
                return pos
            last_date = pos if last_date is None else last_date
    if last_date is not None:
        return last_date
    for pos in range(n - 1, start - 1, -1):
        text = texts[pos]
        ordinal = leading_ordinal(text)
        if is_unit_line(text) and not CONTACT_LABEL.match(text) and ordinal is None:
            return pos
        if not (is_signature_line(text) or _furniture_like(text)):
            return None
    return None


def _names_unit_or_date(text: str) -> bool:
    return date_only(text) is not None or (is_unit_line(text) and not CONTACT_LABEL.match(text))


def _signs_letter(texts: list[str], start: int, pos: int) -> bool:
    """Whether the date at `pos` closes the letter: above it, past the signature lines and any
    attachment list, is a sentence end or a closing (not a link, a heading or a news title)."""
    above = pos
    while above > start:
        if is_signature_line(texts[above - 1]):
            above -= 1
            continue
        top = _attachments_at(texts, start, above)
        if top is None:
            break
        above = top
    if above <= start:
        return True
    text = texts[above - 1]
    return bool(_SENTENCE_END.search(text)) or is_closing(text)


def _attachments_at(texts: list[str], start: int, end: int) -> int | None:
    """Where an attachment list (`附件：1.…表` and the items after it) ends at `end` starts:
    a run of short lines without sentence ends whose first line is labelled 附件."""
    for pos in range(end - 1, max(start, end - _ATTACHMENTS_MAX) - 1, -1):
        text = texts[pos]
        if len(text) > _SHORT * 2 or _SENTENCE_END.search(text):
            return None
        if _ATTACHMENT.match(text):
            return pos
    return None


def _unnamed_unit_above(texts: list[str], start: int, end: int, tail: Tail) -> bool:
    """Whether the line above a signature block that names no unit is its unit all the same:
    a bare name (`青山县广播电视台`, a suffix no rule knows) between the signature date and a
    closing or a sentence end."""
    if end - start < 2 or not any(date_only(texts[pos]) for pos in tail.signature):
        return False
    if any(is_unit_line(texts[pos]) for pos in tail.signature):
        return False
    above = texts[end - 2]
    return is_bare_name_line(texts[end - 1]) and (
        bool(_SENTENCE_END.search(above)) or is_closing(above)
    )


def find_tail(texts: list[str], start: int) -> Tail:
    """Closing, signature and trailing furniture among `texts[start:]` (see module doc)."""
    n = len(texts)
    anchor = _anchor(texts, start)
    tail = Tail(body_end=n)
    end = n
    if anchor is not None:
        # after the anchor: contacts, cc and stamps; a unit or date line only right after it
        # (past other furniture it is a list's or a news item's)
        adjacent = True
        for pos in range(anchor + 1, n):
            text = texts[pos]
            adjacent = adjacent and is_signature_line(text)
            if adjacent or (is_signature_line(text) and not _names_unit_or_date(text)):
                tail.signature.append(pos)
            else:
                tail.furniture.append(pos)
        tail.signature.append(anchor)
        end = anchor
    while True:
        while end > start and is_signature_line(texts[end - 1]):
            end -= 1
            tail.signature.append(end)
        top = _attachments_at(texts, start, end)
        if top is None:
            break
        tail.signature.extend(range(top, end))  # the attachment list belongs to the block
        end = top
    if anchor is not None and _unnamed_unit_above(texts, start, end, tail):
        end -= 1
        tail.signature.append(end)
    # Closing sentences; a contacts line may sit among them (the dev corpora do this).
    while end > start:
        text = texts[end - 1]
        if is_closing(text):
            tail.closing.append(end - 1)
        elif is_signature_line(text) and end - 1 > start and is_closing(texts[end - 2]):
            tail.signature.append(end - 1)
        else:
            break
        end -= 1
    tail.body_end = end
    tail.closing.sort()
    tail.signature.sort()
    return tail
