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

    def subset(self, chosen: np.ndarray) -> CandidateTexts:
        """The texts of some of these candidates (numbered anew, in `chosen` order)."""
        part = CandidateTexts.__new__(CandidateTexts)
        part.store, part.starts, part.ends = self.store, self.starts[chosen], self.ends[chosen]
        part.read = False
        return part

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
        view = self.store.data  # the bytes, without a copy
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
    candidate text (never below the true score; see the module docstring). All needles at once:
    the cost is a few array operations over the places of the needles' characters."""
    texts.read_all()
    n, rows = texts.lengths.size, len(needles)
    if n == 0 or rows == 0:
        return np.zeros((rows, n))
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
    found_at, found_owner = at[found], texts.owner[found]
    d = chars.size
    counts = np.bincount(found_owner * d + found_at, minlength=n * d).reshape(n, d)
    row_of = np.repeat(np.arange(rows), [p.size for p in needle_points])
    wanted = np.bincount(
        row_of * d + np.searchsorted(chars, np.concatenate(needle_points)), minlength=rows * d
    ).reshape(rows, d)
    shared = np.minimum(counts[None, :, :], wanted[:, None, :]).sum(axis=2)  # rows x n
    lengths = np.fromiter(map(len, needles), dtype=np.int64, count=rows)
    m = texts.lengths
    fit = np.minimum(m[None, :], lengths[:, None])
    bound = np.where(shared > 0, 200.0 * shared / np.maximum(fit + shared, 1), 0.0)
    longer = m[None, :] > lengths[:, None]
    if longer.any():
        windows = _window_bounds(
            texts, wanted[:, found_at] > 0, found, found_owner, shared, lengths
        )
        bound = np.where(longer, windows, bound)
    return bound + SLACK


def _window_bounds(
    texts: CandidateTexts,
    mask: np.ndarray,
    found: np.ndarray,
    found_owner: np.ndarray,
    shared: np.ndarray,
    lengths: np.ndarray,
) -> np.ndarray:
    """The bound of every (needle, text) as if the text were longer than the needle: the best
    full window, and the windows of fewer characters at either end. Computed from the places of
    each needle's characters only (`mask`: needle x found character): a best window can be moved
    to start at a hit, a best end window to end just after one."""
    rows, n = shared.shape
    best = np.zeros(rows * n)
    row, j = np.nonzero(mask)  # row-major: by needle, then by place
    if row.size == 0:
        return best.reshape(rows, n)
    hits, owner = found[j], found_owner[j]
    length = lengths[row]
    group = row * n + owner  # (needle, text), ascending
    pad = int(lengths.max()) + 1  # texts and needles spaced apart: no window spans two
    placed = hits + group * pad + row * texts.points.size
    number = np.arange(hits.size)
    full = np.searchsorted(placed, placed + length) - number  # hits in the window from each
    cap = shared[row, owner]
    value = 100.0 * np.minimum(full, cap) / length
    first = np.flatnonzero(np.concatenate(([True], group[1:] != group[:-1])))
    sizes = np.diff(np.concatenate((first, [hits.size])))
    offset = hits - texts.char_starts[owner]  # a start window of offset + 1 < length characters
    prefix = 200.0 * np.minimum(number - np.repeat(first, sizes) + 1, cap) / (length + offset + 1)
    value = np.maximum(value, np.where(offset <= length - 2, prefix, 0.0))
    offset = texts.char_ends[owner] - 1 - hits  # an end window of offset + 1 characters
    after = np.repeat(first + sizes, sizes)
    suffix = 200.0 * np.minimum(after - number, cap) / (length + offset + 1)
    value = np.maximum(value, np.where(offset <= length - 2, suffix, 0.0))
    best[group[first]] = np.maximum.reduceat(value, first)
    return best.reshape(rows, n)
