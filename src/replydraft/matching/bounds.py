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
    """Some entries' folded texts (one store of the index), read in one pass as code points.

    Bytes of all candidates are gathered and decoded at once (no per-candidate Python); `text(i)`
    slices one out for rapidfuzz."""

    def __init__(self, store: np.ndarray, offsets: np.ndarray, positions: np.ndarray) -> None:
        starts = offsets[positions]
        lengths = offsets[positions + 1] - starts
        total = int(lengths.sum())
        ends = np.cumsum(lengths)
        gather = np.repeat(starts - (ends - lengths), lengths) + np.arange(total)
        data = store[gather] if total else np.zeros(0, dtype=np.uint8)
        lead = np.concatenate(([0], np.cumsum((data & 0xC0) != 0x80)))
        self.char_ends = lead[ends]
        self.char_starts = lead[ends - lengths]
        self.lengths = self.char_ends - self.char_starts
        self.joined = data.tobytes().decode("utf-8")
        self.points = code_points(self.joined)
        self.owner = np.repeat(np.arange(positions.size), self.lengths)

    def text(self, i: int) -> str:
        return self.joined[int(self.char_starts[i]) : int(self.char_ends[i])]


def partial_ratio_bounds(needles: list[str], texts: CandidateTexts) -> np.ndarray:
    """An upper bound on `fuzz.partial_ratio(needle, text)`: one row per needle, one column per
    candidate text (never below the true score; see the module docstring)."""
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
    known = at >= 0
    counts = np.bincount(
        texts.owner[known] * chars.size + at[known], minlength=n * chars.size
    ).reshape(n, chars.size)
    pad = max(len(s) for s in needles) + 1  # zeros between texts: no window spans two of them
    placed = np.flatnonzero(known) + texts.owner[known] * pad
    starts = texts.char_starts + np.arange(n) * pad
    size = int(texts.points.size + n * pad)
    m = texts.lengths
    for row, (needle, points) in enumerate(zip(needles, needle_points, strict=True)):
        length = len(needle)
        if length == 0:
            continue
        wanted = np.bincount(np.searchsorted(chars, points), minlength=chars.size)
        wanted_at = wanted[at[known]] > 0
        shared = np.minimum(counts, wanted).sum(axis=1)
        hit = np.zeros(size, dtype=np.int32)
        hit[placed[wanted_at]] = 1
        cum = np.concatenate(([0], np.cumsum(hit)))
        short = 200.0 * shared / np.maximum(np.minimum(m, length) + shared, 1)
        bound = np.where(shared > 0, short, 0.0)
        longer = np.flatnonzero(m > length)
        if longer.size:
            bound[longer] = _window_bounds(cum, starts[longer], m[longer], shared[longer], length)
        out[row] = bound
    return out + SLACK


def _window_bounds(
    cum: np.ndarray, starts: np.ndarray, lengths: np.ndarray, shared: np.ndarray, length: int
) -> np.ndarray:
    """The bound for texts longer than the needle (`length`): the best full window, and the
    windows of fewer characters at either end (`cum`: running count of the needle's characters
    over the padded texts, `starts` where each text starts in it)."""
    ends = starts + lengths
    windows = cum[length:] - cum[:-length]  # hits of the window starting at each place
    pairs = np.empty(2 * starts.size, dtype=np.int64)
    pairs[0::2] = starts
    pairs[1::2] = ends - length + 1
    full = np.maximum.reduceat(windows, pairs)[0::2]
    best = 100.0 * np.minimum(full, shared) / length
    if length > 1:
        k = np.arange(1, length)
        prefix = cum[starts[:, None] + k] - cum[starts][:, None]
        suffix = cum[ends][:, None] - cum[ends[:, None] - k]
        edge = np.minimum(np.maximum(prefix, suffix), shared[:, None])
        best = np.maximum(best, (200.0 * edge / (length + k)).max(axis=1))
    return best
