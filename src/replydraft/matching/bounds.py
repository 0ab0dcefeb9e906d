"""Upper bounds on rapidfuzz's `partial_ratio` per candidate, as array operations.

Rescoring goes from the best possible score down and stops where no candidate left can reach the
results; the tighter the bound, the fewer candidates rapidfuzz scores. The bound follows from
what `partial_ratio(needle, text)` is: the best `ratio` of the shorter string (length `L`) with a
substring of the longer one of at most `L` characters (full windows, and shorter ones at either
end). `ratio(a, b) = 200 * LCS(a, b) / (len(a) + len(b))`, and the longest common subsequence
cannot be longer than the number of the substring's characters that occur in the needle
(`hits`), nor than the characters both strings share counted with multiplicity (`shared`). So,
for a text longer than the needle:

- a full window: `100 * min(hits, shared) / L`;
- a window of `k < L` characters at the start or end: `200 * min(hits, shared) / (L + k)`;

and for a text no longer than the needle (`m` characters): `200 * shared / (m + shared)`.
The bound never depends on how rapidfuzz searches its windows: any alignment it reports obeys it.
"""

from __future__ import annotations

import numpy as np

from replydraft.matching.tokens import code_points

_SLOT: np.ndarray | None = None
"""Code point -> its number among the query's characters during one call (reset after; made
at the first search, not at import)."""
SLACK = 1e-6
"""Added to every bound: rapidfuzz computes the same ratio in another order of float operations."""


class CandidateTexts:
    """Some entries' folded texts (one store of the index), read in one pass as code points
    when bounds need them all (`points`, ...); until then `text(i)` reads just one.

    Bytes of all candidates are joined and decoded at once; `text(i)` slices one out for
    rapidfuzz."""

    def __init__(self, store: np.ndarray, offsets: np.ndarray, positions: np.ndarray) -> None:
        self.store = store
        self.starts = offsets[positions]
        self.ends = offsets[positions + 1]
        self.read = False

    def nonempty(self, chosen: np.ndarray | None = None) -> np.ndarray:
        """Whether each (chosen) candidate's text has any character."""
        if chosen is None:
            return self.ends > self.starts
        return self.ends[chosen] > self.starts[chosen]

    def text(self, i: int) -> str:
        if self.read:
            return self.joined[int(self.char_starts[i]) : int(self.char_ends[i])]
        return self.store[self.starts[i] : self.ends[i]].tobytes().decode("utf-8")

    def read_all(self) -> CandidateTexts:
        """Decode every candidate's text at once (`joined`, `points`, `owner`, character
        offsets); once."""
        if self.read:
            return self
        view = memoryview(self.store)
        pairs = zip(self.starts.tolist(), self.ends.tolist(), strict=True)
        self.joined = b"".join([view[a:b] for a, b in pairs]).decode("utf-8")
        self.points = code_points(self.joined)
        width = 1 + (self.points >= 0x80) + (self.points >= 0x800) + (self.points >= 0x10000)
        byte_ends = np.cumsum(self.ends - self.starts)
        # each text's end in characters: how many characters end at or before its last byte
        self.char_ends = np.searchsorted(np.cumsum(width, dtype=np.int64), byte_ends, "right")
        self.char_starts = np.concatenate(([0], self.char_ends))[:-1].astype(np.int64)
        self.lengths = self.char_ends - self.char_starts
        self.owner = np.repeat(np.arange(self.lengths.size), self.lengths)
        self.read = True
        return self


def partial_ratio_bounds(needles: list[str], texts: CandidateTexts) -> np.ndarray:
    """An upper bound on `fuzz.partial_ratio(needle, text)`: one row per needle, one column per
    candidate text (never below the true score; see the module docstring)."""
    texts.read_all()
    n = texts.lengths.size
    out = np.zeros((len(needles), n))
    if n == 0 or not needles:
        return out
    needle_points = [code_points(s) for s in needles]
    chars = np.unique(np.concatenate(needle_points))
    global _SLOT
    if _SLOT is None:
        _SLOT = np.full(0x110000, -1, dtype=np.int16)
    slot = _SLOT
    slot[chars] = np.arange(chars.size, dtype=np.int16)  # a query has far fewer characters
    try:
        at = slot[texts.points].astype(np.int64)  # each character's number (or -1)
    finally:
        slot[chars] = -1
    found = np.flatnonzero(at >= 0)  # the candidates' characters that occur in a needle
    found_at = at[found]
    found_owner = texts.owner[found]
    counts = np.bincount(found_owner * chars.size + found_at, minlength=n * chars.size).reshape(
        n, chars.size
    )
    m = texts.lengths
    for row, (needle, points) in enumerate(zip(needles, needle_points, strict=True)):
        length = len(needle)
        if length == 0:
            continue
        wanted = np.bincount(np.searchsorted(chars, points), minlength=chars.size)
        shared = np.minimum(counts, wanted).sum(axis=1)
        short = 200.0 * shared / np.maximum(np.minimum(m, length) + shared, 1)
        bound = np.where(shared > 0, short, 0.0)
        longer = m > length
        if longer.any():
            mine = wanted[found_at] > 0
            window = _window_bounds(texts, found[mine], found_owner[mine], shared, length)
            bound[longer] = window[longer]
        out[row] = bound
    return out + SLACK


def _window_bounds(
    texts: CandidateTexts, hits: np.ndarray, owner: np.ndarray, shared: np.ndarray, length: int
) -> np.ndarray:
    """The bound for each text as if longer than the needle (`length` characters): the best full
    window, and the windows of fewer characters at either end. Computed from the places of the
    needle's characters only (`hits`, ascending, and their text): a best window can be moved to
    start at a hit, a best end window to end just after one."""
    n = texts.lengths.size
    best = np.zeros(n)
    if hits.size == 0:
        return best
    pad = length + 1  # texts spaced apart: no window spans two of them
    placed = hits + owner * pad
    number = np.arange(hits.size)
    full = np.searchsorted(placed, placed + length) - number  # hits in the window from each
    first = np.searchsorted(owner, np.arange(n))  # each text's first hit (if any)
    last = np.searchsorted(owner, np.arange(n), side="right")
    cap = shared[owner]
    np.maximum.at(best, owner, 100.0 * np.minimum(full, cap) / length)
    if length > 1:
        offset = hits - texts.char_starts[owner]  # from the text's start
        near = offset <= length - 2  # a start window of offset + 1 < length characters
        prefix = np.minimum(number - first[owner] + 1, cap)
        np.maximum.at(best, owner[near], 200.0 * prefix[near] / (length + offset[near] + 1))
        offset = texts.char_ends[owner] - 1 - hits  # from the text's end
        near = offset <= length - 2
        suffix = np.minimum(last[owner] - number, cap)
        np.maximum.at(best, owner[near], 200.0 * suffix[near] / (length + offset[near] + 1))
    return best
