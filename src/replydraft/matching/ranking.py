"""`search`: BM25 prefilter, rapidfuzz rescoring, then the officer's preferences.

Ranking: the blend of fuzzy score and normalised BM25; then paragraphs of the requested section
are preferred, pinned entries rank up, newer years a little; retired entries never show. Each
entry (a near-duplicate group, shown as its newest text) appears once, even when an older
version's wording is what matched.

Everything before the shown results is array work over the library's index (`LibraryIndex`):
candidates are picked and filtered as arrays, their folded texts come from the index's text
store, and rapidfuzz rescores only the candidates that can still reach the top: a candidate whose
best possible score would still rank below the `top` already rescored is skipped, which leaves
the results exactly as if all were rescored. Best possible: first with a perfect fuzzy score;
when that first batch does not settle the results, with an upper bound on each remaining
candidate's fuzzy score from the characters it shares with the query (`bounds`). Entries are
read for the results only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from replydraft.errors import ReplydraftError
from replydraft.library.model import Entry
from replydraft.matching.bounds import CandidateTexts, partial_ratio_bounds
from replydraft.matching.index_store import STORE
from replydraft.matching.library_index import NO_YEAR, LibraryIndex
from replydraft.matching.query import Query, parse_query
from replydraft.matching.rescoring import fuzzy_scores, query_keys, spans
from replydraft.matching.synonyms import Synonyms, default_synonyms
from replydraft.matching.tokens import lone_characters, text_bigrams
from replydraft.messages import msg

SECTIONS = ("status", "next_steps")
CANDIDATES_SHORT = 200
CANDIDATES_LONG = 50
MAX_QUERY_TERMS = 96
"""A long query keeps only its rarest bigrams: enough to find the paragraph, cheap to score."""
FUZZY_WEIGHT = 0.5
SECTION_BONUS = 10.0
PINNED_BONUS = 20.0
RECENCY_BONUS = 3.0
RECENCY_YEARS = 10
MIN_SCORE = 20.0
HEADING_WEIGHT = 0.9
"""A match in the paragraph's heading counts a little less than one in its text."""
PHRASE_PENALTY = 10.0
"""Set phrases (thanks, handling, closing) rank below measure paragraphs matching as well."""
FIRST_BATCH = 24
"""Candidates rescored first (those with the best possible score); the rest only if they can
still reach the top."""
USE_BOUNDS = True
"""Bound each candidate's fuzzy score by the characters it shares with the query (off: assume a
perfect fuzzy score, as the reference that rescores every candidate does)."""


class SearchableLibrary(Protocol):
    """What search needs of a library (`replydraft.library.store.Library` is one)."""

    @property
    def path(self) -> Path | None: ...

    @property
    def cache_key(self) -> str: ...

    def held_entries(self) -> list[Entry] | None:
        """The entries, when they are in memory as objects (they may be edited there)."""
        ...

    def read_entries(self) -> list[Entry]:
        """The entries of the library's file, read afresh (not kept)."""
        ...

    def entry_at(self, position: int) -> Entry:
        """The entry at `position` (read from the file when the entries are not in memory)."""
        ...


@dataclass
class Match:
    """One search result: the entry, a 0..100 score, and the matched spans in `entry.text`."""

    entry: Entry
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)


def _terms_of(
    index: LibraryIndex, keys: np.ndarray, lone: list[str], long: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Index terms for some bigram keys (and lone characters) with their weights."""
    bm25 = index.bm25
    terms = bm25.term_ids(np.unique(keys))
    weights = np.ones(terms.size)
    if long and terms.size > MAX_QUERY_TERMS:
        rarest = np.argsort(-bm25.idf[terms], kind="stable")[:MAX_QUERY_TERMS]
        terms, weights = terms[rarest], weights[rarest]
    if lone:
        extra = np.concatenate([bm25.terms_with_char(c) for c in lone])
        extra = np.setdiff1d(extra, terms)
        terms = np.concatenate((terms, extra))
        weights = np.concatenate((weights, np.full(extra.size, 0.5)))
    return terms.astype(np.int64), weights


def _doc_scores(index: LibraryIndex, query: Query) -> np.ndarray | None:
    """BM25 of every document: summed over keywords, each keyword scored by its best variant.

    Taking the best variant rather than the union of all variants' bigrams keeps a synonym's
    extra characters (转移 in 科技成果转移转化) from lifting paragraphs that merely share them.
    None when no term of the query is in the index.
    """
    if query.long:
        text = query.keywords[0].variants[0]
        terms, weights = _terms_of(index, text_bigrams(text), lone_characters(text), True)
        return index.bm25.scores(terms, weights) if terms.size else None
    total = None
    for keyword in query.keywords:
        best = None
        for variant in keyword.variants:
            terms, weights = _terms_of(
                index, text_bigrams(variant), lone_characters(variant), False
            )
            if terms.size == 0:
                continue
            scores = index.bm25.scores(terms, weights)
            best = scores if best is None else np.maximum(best, scores, out=best)
        if best is not None:
            total = best if total is None else total + best
    return total


def _candidates(
    index: LibraryIndex,
    doc_scores: np.ndarray,
    base: int,
    allowed: np.ndarray | None,
    held: list[Entry] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Best entries by BM25 (entry positions, scores, best first): at most `base`, each entry
    once (its best document), only `allowed` ones, never retired ones."""
    doc_entry = index.bm25.doc_entry
    if allowed is not None:
        doc_scores = np.where(allowed[doc_entry], doc_scores, 0.0)
    positive = int(np.count_nonzero(doc_scores))
    k = min(base, positive)
    while k > 0:
        if k < doc_scores.size:
            top = np.argpartition(-doc_scores, k - 1)[:k]
        else:
            top = np.arange(doc_scores.size)
        top = top[np.argsort(-doc_scores[top], kind="stable")]
        top = top[doc_scores[top] > 0]
        owners = doc_entry[top]
        _, first = np.unique(owners, return_index=True)
        first.sort()  # each entry at its best document, in score order
        positions = owners[first].astype(np.int64)
        scores = doc_scores[top[first]]
        keep = ~_retired(index, positions, held)
        positions, scores = positions[keep], scores[keep]
        if positions.size >= base or k >= positive:
            return positions[:base], scores[:base]
        k = min(positive, k * 4)
    return np.zeros(0, dtype=np.int64), np.zeros(0)


def _retired(index: LibraryIndex, positions: np.ndarray, held: list[Entry] | None) -> np.ndarray:
    """The officer's flag, read from the entries when in memory (it may have changed there)."""
    if held is None:
        return index.retired[positions]
    return np.fromiter((held[p].retired for p in positions.tolist()), bool, positions.size)


def _bonuses(
    index: LibraryIndex, positions: np.ndarray, section: str | None, held: list[Entry] | None
) -> np.ndarray:
    """The officer's preferences per candidate: set phrases down, the requested section, pinned
    entries and newer years up (added in the order the scalar rules always were)."""
    bonus = np.zeros(positions.size)
    bonus -= PHRASE_PENALTY * ~index.measure[positions]
    if section is not None and section in index.sections:
        bonus += SECTION_BONUS * (index.section[positions] == index.sections.index(section))
    if held is None:
        pinned = index.pinned[positions]
    else:
        pinned = np.fromiter((held[p].pinned for p in positions.tolist()), bool, positions.size)
    bonus += PINNED_BONUS * pinned
    if index.newest_year is not None:
        year = index.year[positions]
        has_year = year != NO_YEAR
        recency = np.maximum(0.0, 1 - (index.newest_year - year) / RECENCY_YEARS)
        bonus += np.where(has_year, RECENCY_BONUS * recency, 0.0)
    return bonus


def _fuzzy(
    parsed: Query, texts: CandidateTexts, headings: CandidateTexts | None, chosen: np.ndarray
) -> np.ndarray:
    """The fuzzy score of some candidates (numbers into `texts`, folded texts of the index)."""
    fuzzy = fuzzy_scores(parsed, [texts.text(i) for i in chosen.tolist()])
    if headings is not None:  # a short query may name the topic of the paragraph's heading
        with_heading = np.flatnonzero(headings.nonempty(chosen))
        if with_heading.size:
            found = [headings.text(i) for i in chosen[with_heading].tolist()]
            fuzzy[with_heading] = np.maximum(
                fuzzy[with_heading], HEADING_WEIGHT * fuzzy_scores(parsed, found)
            )
    return fuzzy


def _fuzzy_bound(
    parsed: Query, texts: CandidateTexts, headings: CandidateTexts | None
) -> np.ndarray:
    """An upper bound on `_fuzzy` of every candidate, from the characters they share with the
    query (`bounds`): how `fuzzy_scores` combines partial ratios, applied to their bounds."""
    if parsed.long:
        return partial_ratio_bounds(parsed.windows, texts).mean(axis=0)
    variants = [v for k in parsed.keywords for v in k.variants]

    def combined(found: CandidateTexts) -> np.ndarray:
        matrix = partial_ratio_bounds(variants, found)
        rows, total = 0, np.zeros(found.lengths.size)
        for keyword in parsed.keywords:
            total += matrix[rows : rows + len(keyword.variants)].max(axis=0)
            rows += len(keyword.variants)
        return total / max(len(parsed.keywords), 1)

    bound = combined(texts)
    if headings is not None and np.any(headings.nonempty()):
        bound = np.maximum(bound, HEADING_WEIGHT * combined(headings))
    return bound


def _rank(
    index: LibraryIndex,
    parsed: Query,
    positions: np.ndarray,
    bm25: np.ndarray,
    bonus: np.ndarray,
    top: int,
) -> tuple[list[tuple[float, float, int]], CandidateTexts]:
    """The `top` candidates by (total, blended, position): (total, blended, candidate number),
    and the candidates' folded texts.

    Rescoring goes from the best possible total down and stops where no candidate left could
    reach the `top` rescored so far; the best possible total takes the upper bound of each
    candidate's fuzzy score (`_fuzzy_bound`), and one that cannot reach MIN_SCORE is never
    rescored: the results are those of rescoring every candidate."""
    texts = CandidateTexts(index.texts, index.text_offsets, positions)
    headings = (
        None if parsed.long else CandidateTexts(index.headings, index.heading_offsets, positions)
    )
    lexical = (1 - FUZZY_WEIGHT) * 100.0 * bm25 / bm25.max()
    best_possible = FUZZY_WEIGHT * 100.0 + lexical + bonus  # first: any fuzzy score
    waiting = np.argsort(-best_possible, kind="stable")  # candidate numbers, best first
    ranked: list[tuple[float, float, int]] = []
    batch = max(FIRST_BATCH, 2 * top)
    bounded = not USE_BOUNDS
    while waiting.size:
        if len(ranked) >= top:  # only those that could still beat the current `top`-th
            waiting = waiting[: np.count_nonzero(best_possible[waiting] >= ranked[top - 1][0])]
            if waiting.size == 0:
                break
        if not bounded and batch > FIRST_BATCH and batch > 2 * top:
            # The first batch was not enough: bound the rest's fuzzy scores, then go on.
            bounded = True
            part = None if headings is None else headings.subset(waiting)
            bound = _fuzzy_bound(parsed, texts.subset(waiting), part)
            best_blended = FUZZY_WEIGHT * bound + lexical[waiting]
            best_possible = best_possible.copy()
            best_possible[waiting] = best_blended + bonus[waiting]
            order = np.argsort(-best_possible[waiting], kind="stable")
            waiting = waiting[order[best_blended[order] >= MIN_SCORE]]
            continue
        chosen, waiting = waiting[:batch], waiting[batch:]
        batch *= 2
        blended = FUZZY_WEIGHT * _fuzzy(parsed, texts, headings, chosen) + lexical[chosen]
        total = blended + bonus[chosen]
        for i in np.flatnonzero(blended >= MIN_SCORE).tolist():
            ranked.append((float(total[i]), float(blended[i]), int(chosen[i])))
        ranked.sort(key=lambda item: (-item[0], -item[1], int(positions[item[2]])))
        del ranked[top:]
    return ranked, texts


def search(
    library: SearchableLibrary,
    query: str,
    *,
    top: int = 10,
    section: str | None = None,
    unit: str | None = None,
    since_year: int | None = None,
    synonyms: Synonyms | None = None,
) -> list[Match]:
    """The `top` best paragraphs of `library` for `query` (title, keywords or pasted text)."""
    if section is not None and section not in SECTIONS:
        raise ReplydraftError(
            msg("error.unknown_section", section=section, choices=" | ".join(SECTIONS))
        )
    if top <= 0 or not query or not query.strip():
        return []
    parsed = parse_query(query, synonyms if synonyms is not None else default_synonyms())
    if parsed.empty:
        return []
    held = library.held_entries()
    if held is not None:
        if not held:
            return []
        index = STORE.for_entries(held, library.path, library.cache_key)
    else:
        index = STORE.for_file(library.path, library.cache_key, library.read_entries)
        if index.count == 0:
            return []
    doc_scores = _doc_scores(index, parsed)
    if doc_scores is None:
        return []
    base = max(CANDIDATES_LONG if parsed.long else CANDIDATES_SHORT, top)
    positions, bm25 = _candidates(index, doc_scores, base, index.allowed(unit, since_year), held)
    if positions.size == 0:
        return []
    bonus = _bonuses(index, positions, section, held)
    ranked, texts = _rank(index, parsed, positions, bm25, bonus, top)
    lone = sorted({c for k in parsed.keywords for v in k.variants for c in lone_characters(v)})
    keys = query_keys(parsed)
    results = []
    for total, _, i in ranked:
        position = int(positions[i])
        entry = held[position] if held is not None else library.entry_at(position)
        score = round(float(min(100.0, max(0.0, total))), 1)
        results.append(Match(entry, score, spans(parsed, texts.text(i), keys, lone)))
    return results
