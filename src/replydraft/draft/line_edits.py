"""Line-level edits of the draft text that keep ordinals right: insert, move, delete a paragraph.

The editor holds the draft's text form (`draft.text_form`): one paragraph per line, parts
separated by one blank line. Every edit here takes the editor's lines and returns new lines; the editor then
applies the smallest changed window (`edit_window`) as ONE `TextArea.replace`, so each insert,
move or delete is one undo step. Ordinals are rewritten by `draft.numbering.renumber_draft` (the
same scopes `check` uses), so every ordinal after the edit follows. Offsets are characters.

No Textual here: this module is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.text.ordinals import LEVELS, format_ordinal, match_ordinal, strip_ordinal

HEADING_MAX_CHARS = 25
"""A numbered line this short that does not end a sentence is a heading (三、下步举措)."""


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: one part of the draft. `first`/`last` are 0-based, inclusive."""

    first: int
    last: int

    def __contains__(self, row: object) -> bool:
        return isinstance(row, int) and self.first <= row <= self.last


def blocks(lines: list[str]) -> list[Block]:
    """The blank-line separated runs of `lines`, in order."""
    found: list[Block] = []
    start: int | None = None
    for row, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = row
        elif start is not None:
            found.append(Block(start, row - 1))
            start = None
    if start is not None:
        found.append(Block(start, len(lines) - 1))
    return found


def block_index_at(all_blocks: list[Block], row: int) -> int | None:
    """The block holding `row`; on a blank line, the block above it (else the one below)."""
    if not all_blocks:
        return None
    above = None
    for index, block in enumerate(all_blocks):
        if row in block:
            return index
        if block.last < row:
            above = index
    return above if above is not None else 0


def is_heading(line: str) -> bool:
    """A numbered, short line that is not a sentence: `三、下步举措`, `（一）加强人才引进`."""
    ordinal, rest = strip_ordinal(line)
    if ordinal is None or ordinal.level not in LEVELS:
        return False
    rest = rest.strip()
    return 0 < len(rest) <= HEADING_MAX_CHARS and not rest.endswith(("。", "；", ";", "！", "!"))


def _level(line: str) -> tuple[str, str] | None:
    ordinal = match_ordinal(line)
    if ordinal is None or ordinal.level not in LEVELS:
        return None
    return ordinal.level, ordinal.style


def level_for(part: list[str], index: int) -> tuple[str, str] | None:
    """The ordinal level (and style) a paragraph inserted at `part[index]` should take.

    Its numbered siblings decide (the nearest above, else below); a part whose only numbered
    line is a heading gets the level under it; a part with no numbering gets none.
    """
    siblings = [(i, _level(line)) for i, line in enumerate(part) if not is_heading(line)]
    above = [lv for i, lv in siblings if i < index and lv]
    if above:
        return above[-1]
    below = [lv for i, lv in siblings if i >= index and lv]
    if below:
        return below[0]
    headings = [_level(line) for line in part[:index] if is_heading(line)]
    if headings and headings[-1]:
        depth = LEVELS.index(headings[-1][0])
        if depth + 1 < len(LEVELS):
            return LEVELS[depth + 1], ""
    return None


def numbered(text: str, level: tuple[str, str] | None) -> str:
    """`text` (ordinal stripped) with a provisional ordinal at `level`; renumber fixes the value."""
    _, rest = strip_ordinal(text.strip())
    if level is None:
        return rest
    return format_ordinal(level[0], 1, level[1]) + rest


def renumber_lines(lines: list[str], kinds: list[str] | None = None) -> list[str]:
    """`lines` with the body's ordinals following their position (`draft.numbering`'s rules).

    Each blank-line block is a part; `kinds` names them in order (frame parts are never
    numbered). Without kinds every block counts as body. Blank lines stay where they are.
    """
    from replydraft.draft.numbering import renumber_draft

    runs = blocks(lines)
    if kinds is None or len(kinds) != len(runs):
        kinds = ["other"] * len(runs)
    parts = [
        DraftPart(kind, [Paragraph(line) for line in lines[run.first : run.last + 1]])
        for kind, run in zip(kinds, runs, strict=True)
    ]
    renumbered = renumber_draft(Draft(meta=ProposalMeta(), parts=parts))
    result = list(lines)
    for run, part in zip(runs, renumbered.parts, strict=True):
        result[run.first : run.last + 1] = [p.text for p in part.paragraphs]
    return result


def _placeholder_only(line: str) -> bool:
    from replydraft.text.placeholders import find_placeholders

    _, rest = strip_ordinal(line)
    rest = rest.strip().rstrip("。；;")
    spans = find_placeholders(rest)
    covered = sum(end - start for start, end, *_ in spans) if spans else 0
    return bool(rest) and covered >= len(rest)


@dataclass(frozen=True)
class EditResult:
    """New editor lines, and where the cursor should go (row of the edited paragraph)."""

    lines: list[str]
    row: int


def insert_paragraph(
    lines: list[str], row: int, text: str, kinds: list[str] | None = None
) -> EditResult:
    """Insert `text` below the paragraph at `row`, numbered to its place, in the part at `row`.

    If the paragraph at `row` is only a placeholder (`（一）【待填：…】`), the new paragraph
    replaces it. An empty draft gets the paragraph as its only line.
    """
    all_blocks = blocks(lines)
    index = block_index_at(all_blocks, row)
    if index is None:
        return EditResult([text.strip()], 0)
    block = all_blocks[index]
    part = lines[block.first : block.last + 1]
    at_row = min(max(row, block.first), block.last)
    replace = _placeholder_only(lines[at_row])
    offset = at_row - block.first
    position = offset if replace else offset + 1
    level = (_level(lines[at_row]) if replace else None) or level_for(part, position)
    new_part = list(part)
    if replace:
        new_part[position] = numbered(text, level)
    else:
        new_part.insert(position, numbered(text, level))
    result = lines[: block.first] + new_part + lines[block.last + 1 :]
    new_row = block.first + position
    return EditResult(renumber_lines(result, kinds), new_row)


def move_paragraph(
    lines: list[str], row: int, delta: int, kinds: list[str] | None = None
) -> EditResult | None:
    """Swap the paragraph at `row` with its neighbour inside the same part, then renumber.

    None when there is no neighbour in that direction (part edge, blank line, heading row).
    """
    target = row + delta
    all_blocks = blocks(lines)
    index = block_index_at(all_blocks, row)
    if index is None or row not in all_blocks[index] or target not in all_blocks[index]:
        return None
    result = list(lines)
    result[row], result[target] = result[target], result[row]
    return EditResult(renumber_lines(result, kinds), target)


def delete_paragraph(
    lines: list[str], row: int, kinds: list[str] | None = None
) -> EditResult | None:
    """Remove the paragraph at `row` (and a part's separator if the part empties), renumber."""
    if not 0 <= row < len(lines) or not lines[row].strip():
        return None
    all_blocks = blocks(lines)
    index = block_index_at(all_blocks, row)
    result = list(lines)
    del result[row]
    block = all_blocks[index] if index is not None else None
    if block is not None and block.first == block.last:
        # The part is gone: drop one blank separator so the parts stay one blank line apart.
        if row < len(result) and not result[row].strip():
            del result[row]
        elif row > 0 and not result[row - 1].strip():
            del result[row - 1]
            row -= 1
        if kinds is not None and index is not None and len(kinds) == len(all_blocks):
            kinds = kinds[:index] + kinds[index + 1 :]
        return EditResult(renumber_lines(result, kinds), max(0, min(row, len(result) - 1)))
    new_row = min(row, block.last - 1) if block else row
    return EditResult(renumber_lines(result, kinds), new_row)


@dataclass(frozen=True)
class Window:
    """The smallest run of lines that differs: old[start:old_end] becomes new[start:new_end]."""

    start: int
    old_end: int
    new_end: int


def edit_window(old: list[str], new: list[str]) -> Window | None:
    """Where `new` differs from `old` (common prefix and suffix trimmed); None if equal."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return Window(start, old_end, new_end)


Location = tuple[int, int]


def window_edit(old: list[str], new: list[str]) -> tuple[str, Location, Location] | None:
    """The single (text, start, end) replacement that turns `old` lines into `new` lines."""
    window = edit_window(old, new)
    if window is None:
        return None
    a, b, b2 = window.start, window.old_end, window.new_end
    inserted = new[a:b2]
    if b > a and b2 > a:
        return "\n".join(inserted), (a, 0), (b - 1, len(old[b - 1]))
    if b == a:  # pure insertion of lines at row a
        if a < len(old):
            return "\n".join(inserted) + "\n", (a, 0), (a, 0)
        last = len(old) - 1
        end = (last, len(old[last])) if old else (0, 0)
        return ("\n" if old else "") + "\n".join(inserted), end, end
    # pure deletion of old[a:b]
    if b < len(old):
        return "", (a, 0), (b, 0)
    if a > 0:
        return "", (a - 1, len(old[a - 1])), (b - 1, len(old[b - 1]))
    return "", (0, 0), (b - 1, len(old[b - 1]))
