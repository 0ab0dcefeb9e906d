"""The text form of a draft: what the editor shows and the txt export writes.

Parts in order, one paragraph per line, one blank line between parts; empty parts and blank
paragraphs are left out. `parse_text` maps an edited text back to a draft: each blank-line
block is one part, its kind taken from the previous draft where the block lines up with a
part there, else from the parser's `segment_lines`. Library sources stay attached to the
paragraphs whose text is unchanged. `render_text(parse_text(t, d)) == t` for any `t` that
`render_text` produced. Line numbers are 0-based; offsets are characters.
"""

from __future__ import annotations

import difflib
from collections import Counter

from replydraft.draft.model import Draft, DraftPart, Paragraph
from replydraft.parsing import segment_lines
from replydraft.text.normalize import fold
from replydraft.text.ordinals import strip_ordinal
from replydraft.text.staleness import strip_stale_marks


def _line(text: str) -> str:
    """A paragraph as one line (a stray line break inside it is dropped)."""
    return "".join(text.splitlines()) if "\n" in text or "\r" in text else text


def _blocks(draft: Draft) -> list[tuple[str, list[str]]]:
    """(kind, lines) of every part that has a non-blank paragraph."""
    blocks = []
    for part in draft.parts:
        lines = [_line(p.text) for p in part.paragraphs if p.text.strip()]
        if lines:
            blocks.append((part.kind, lines))
    return blocks


def render_text(draft: Draft) -> str:
    """The draft as text: parts in order, one paragraph per line, a blank line between parts."""
    blocks = _blocks(draft)
    return "\n\n".join("\n".join(lines) for _kind, lines in blocks) + ("\n" if blocks else "")


def part_lines(draft: Draft) -> list[tuple[str, int, int]]:
    """(kind, first line, last line) of every part shown, 0-based, in `render_text`'s lines."""
    spans, line = [], 0
    for kind, lines in _blocks(draft):
        spans.append((kind, line, line + len(lines) - 1))
        line += len(lines) + 1
    return spans


def _split_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def block_kinds(blocks: list[list[str]], previous: Draft) -> list[str]:
    """The part kind of each block: aligned with the previous draft's parts where they line up."""
    before = _blocks(previous)
    kinds: list[str | None] = [None] * len(blocks)
    matcher = difflib.SequenceMatcher(
        None, [tuple(lines) for _k, lines in before], [tuple(b) for b in blocks], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(j2 - j1):
                kinds[j1 + offset] = before[i1 + offset][0]
    if any(kind is None for kind in kinds):
        _guess(blocks, kinds)
    return [kind or "other" for kind in kinds]


def _guess(blocks: list[list[str]], kinds: list[str | None]) -> None:
    """Kinds for blocks the previous draft does not explain: the parser's, else the neighbour's."""
    line_kinds: list[str] = []
    try:
        line_kinds = segment_lines([line for block in blocks for line in block])
    except Exception:  # a parser bug must not lose the officer's text
        line_kinds = []
    start = 0
    for index, block in enumerate(blocks):
        own = line_kinds[start : start + len(block)]
        start += len(block)
        if kinds[index] is not None:
            continue
        if len(own) == len(block) and own:
            kinds[index] = Counter(own).most_common(1)[0][0]
        else:
            kinds[index] = next((k for k in reversed(kinds[:index]) if k), None) or next(
                (k for k in kinds[index + 1 :] if k), "other"
            )


def _key(text: str) -> str:
    """What identifies a paragraph's words: no ordinal, no stale marks, folded."""
    _ordinal, rest = strip_ordinal(strip_stale_marks(text).strip())
    return fold(rest).strip()


EDITED_SIMILARITY = 0.6
"""A line in place of a previous paragraph and this similar to it is that paragraph, edited."""


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= EDITED_SIMILARITY


def _origins(lines: list[str], previous: Draft) -> list[Paragraph | None]:
    """The previous paragraph each line continues: unchanged or lightly edited lines in place
    first, then moved ones by their words (ordinal and stale marks aside)."""
    before = [p for part in previous.parts for p in part.paragraphs if p.text.strip()]
    keys_before = [_key(p.text) for p in before]
    keys_now = [_key(line) for line in lines]
    origins: list[Paragraph | None] = [None] * len(lines)
    taken: set[int] = set()
    matcher = difflib.SequenceMatcher(None, keys_before, keys_now, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal" and not (tag == "replace" and i2 - i1 == j2 - j1):
            continue
        for offset in range(i2 - i1):
            a, b = i1 + offset, j1 + offset
            if tag == "equal" or _similar(keys_before[a], keys_now[b]):
                origins[b] = before[a]
                taken.add(a)
    pool: dict[str, list[Paragraph]] = {}
    for index, paragraph in enumerate(before):
        if index not in taken and paragraph.source_id:
            pool.setdefault(keys_before[index], []).append(paragraph)
    for index, key in enumerate(keys_now):
        if origins[index] is None and pool.get(key):
            origins[index] = pool[key].pop(0)
    return origins


def parse_text(text: str, previous: Draft) -> Draft:
    """The draft an edited text stands for: metadata from `previous`, parts from `text`."""
    blocks = _split_blocks(text)
    origins = iter(_origins([line for block in blocks for line in block], previous))
    parts = []
    for kind, lines in zip(block_kinds(blocks, previous), blocks, strict=True):
        paragraphs = []
        for line in lines:
            origin = next(origins)
            paragraphs.append(
                Paragraph(line, origin.source_id, origin.source_year) if origin else Paragraph(line)
            )
        parts.append(DraftPart(kind, paragraphs))
    return Draft(meta=previous.meta, parts=parts)
