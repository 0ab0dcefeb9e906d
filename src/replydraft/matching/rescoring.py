"""Fuzzy rescoring of the BM25 candidates with rapidfuzz, and the spans to highlight.

Only a few hundred candidates are rescored, so a keystroke costs the same in a small and a large
library. Keywords are scored with `partial_ratio` (100 when the paragraph contains the keyword,
taking the best synonym variant), averaged over the keywords; a pasted fragment is scored with
the mean `partial_ratio` of a few short windows of it. Texts are folded (offsets = the entry text's offsets).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from replydraft.matching.query import Query
from replydraft.matching.tokens import bigram_keys, code_points, fold_points, text_bigrams


def fuzzy_scores(query: Query, texts: list[str]) -> np.ndarray:
    """0..100 per folded candidate text."""
    if not texts:
        return np.zeros(0)
    if query.long:
        matrix = process.cdist(query.windows, texts, scorer=fuzz.partial_ratio)
        return matrix.astype(np.float64).mean(axis=0)
    variants = [v for k in query.keywords for v in k.variants]
    matrix = process.cdist(variants, texts, scorer=fuzz.partial_ratio).astype(np.float64)
    rows, total = 0, np.zeros(len(texts))
    for keyword in query.keywords:
        n = len(keyword.variants)
        total += matrix[rows : rows + n].max(axis=0)
        rows += n
    return total / max(len(query.keywords), 1)


def query_keys(query: Query) -> np.ndarray:
    """All bigram keys of the query (every keyword variant)."""
    parts = [text_bigrams(v) for k in query.keywords for v in k.variants]
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def spans(
    query: Query, folded_text: str, keys: np.ndarray, lone: list[str]
) -> list[tuple[int, int]]:
    """Character spans of `folded_text` that match the query, merged and sorted.

    A keyword (or one of its synonyms) found verbatim is highlighted where it occurs; otherwise
    the characters of the query's bigrams that occur in the text are, restricted for a pasted
    fragment to where it aligns best.
    """
    if not folded_text:
        return []
    marked = np.zeros(len(folded_text) + 1, dtype=bool)
    fallback: list[str] = []
    for keyword in [] if query.long else query.keywords:
        found = False
        for variant in keyword.variants:
            start = folded_text.find(variant)
            while start >= 0:
                found = True
                marked[start : start + len(variant)] = True
                start = folded_text.find(variant, start + len(variant))
        if not found:
            fallback.extend(keyword.variants)
    if query.long or fallback:
        wanted = keys if query.long else _keys_of(tuple(fallback))
        text_keys, starts = bigram_keys(fold_points(code_points(folded_text)))
        hit = starts[_member(text_keys, wanted)]
        marked[hit] = True
        marked[hit + 1] = True
        for char in lone:
            if any(char in v for v in fallback):
                marked[[i for i, c in enumerate(folded_text) if c == char]] = True
    if query.long:
        window = _aligned_window(query.windows, folded_text)
        if window is not None:
            marked[: window[0]] = False
            marked[window[1] :] = False
    edges = np.flatnonzero(np.diff(np.concatenate(([0], marked.astype(np.int8)))))
    if edges.size % 2:
        edges = np.concatenate((edges, [len(folded_text)]))
    return [(int(s), int(e)) for s, e in zip(edges[::2], edges[1::2], strict=True)]


@lru_cache(maxsize=64)
def _keys_of(variants: tuple[str, ...]) -> np.ndarray:
    """The bigram keys of some keyword variants, sorted and unique (once per query, not per
    result shown)."""
    return np.unique(np.concatenate([text_bigrams(v) for v in variants]))


def _member(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """`np.isin(keys, wanted)` for a sorted, unique `wanted` (far cheaper on small arrays)."""
    if wanted.size == 0 or keys.size == 0:
        return np.zeros(keys.size, dtype=bool)
    at = np.minimum(np.searchsorted(wanted, keys), wanted.size - 1)
    return wanted[at] == keys


def _aligned_window(windows: list[str], text: str) -> tuple[int, int] | None:
    """The part of `text` where a pasted fragment's windows align (nothing beyond is marked)."""
    starts, ends = [], []
    for window in windows:
        if len(window) >= len(text):
            return None
        alignment = fuzz.partial_ratio_alignment(window, text, score_cutoff=60)
        if alignment is not None:
            starts.append(alignment.dest_start)
            ends.append(alignment.dest_end)
    if not starts:
        return None
    return min(starts), max(ends)
