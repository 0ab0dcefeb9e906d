"""`search`: BM25 prefilter, rapidfuzz rescoring, then the officer's preferences.

Ranking: the blend of fuzzy score and normalised BM25; then paragraphs of the requested section
are preferred, pinned entries rank up, newer years a little; retired entries never show. Each
entry (a near-duplicate group, shown as its newest text) appears once, even when an older
version's wording is what matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from replydraft.errors import ReplydraftError
from replydraft.matching.library_index import IndexState, index_for
from replydraft.matching.query import Query, parse_query
from replydraft.matching.rescoring import fuzzy_scores, query_keys, spans
from replydraft.matching.synonyms import Synonyms, default_synonyms
from replydraft.matching.tokens import lone_characters, text_bigrams

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


@dataclass
class Match:
    """One search result: the entry, a 0..100 score, and the matched spans in `entry.text`."""

    entry: Any
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)


def _terms_of(
    state: IndexState, keys: np.ndarray, lone: list[str], long: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Index terms for some bigram keys (and lone characters) with their weights."""
    index = state.index
    terms = index.term_ids(np.unique(keys))
    weights = np.ones(terms.size)
    if long and terms.size > MAX_QUERY_TERMS:
        rarest = np.argsort(-index.idf[terms], kind="stable")[:MAX_QUERY_TERMS]
        terms, weights = terms[rarest], weights[rarest]
    if lone:
        extra = np.concatenate([index.terms_with_char(c) for c in lone])
        extra = np.setdiff1d(extra, terms)
        terms = np.concatenate((terms, extra))
        weights = np.concatenate((weights, np.full(extra.size, 0.5)))
    return terms.astype(np.int64), weights


def _doc_scores(state: IndexState, query: Query) -> np.ndarray | None:
    """BM25 of every document: summed over keywords, each keyword scored by its best variant.

    Taking the best variant rather than the union of all variants' bigrams keeps a synonym's
    extra characters (转移 in 科技成果转移转化) from lifting paragraphs that merely share them.
    None when no term of the query is in the index.
    """
    if query.long:
        text = query.keywords[0].variants[0]
        terms, weights = _terms_of(state, text_bigrams(text), lone_characters(text), True)
        return state.index.scores(terms, weights) if terms.size else None
    total = None
    for keyword in query.keywords:
        best = None
        for variant in keyword.variants:
            terms, weights = _terms_of(
                state, text_bigrams(variant), lone_characters(variant), False
            )
            if terms.size == 0:
                continue
            scores = state.index.scores(terms, weights)
            best = scores if best is None else np.maximum(best, scores, out=best)
        if best is not None:
            total = best if total is None else total + best
    return total


def _candidates(
    state: IndexState, doc_scores: np.ndarray, base: int, keep
) -> list[tuple[int, float]]:
    """Best entries by BM25 (entry position, score): at most `base`, filtered by `keep`."""
    positive = int(np.count_nonzero(doc_scores))
    k = min(base, positive)
    while True:
        if k <= 0:
            return []
        if k < doc_scores.size:
            top = np.argpartition(-doc_scores, k - 1)[:k]
        else:
            top = np.arange(doc_scores.size)
        top = top[np.argsort(-doc_scores[top], kind="stable")]
        best: dict[int, float] = {}
        for doc in top:
            score = float(doc_scores[doc])
            if score <= 0:
                break
            position = int(state.index.doc_entry[doc])
            if position not in best and keep(state.entries[position]):
                best[position] = score
        if len(best) >= base or k >= positive:
            return list(best.items())[:base]
        k = min(positive, k * 4)


def _keep_filter(unit: str | None, since_year: int | None):
    from replydraft.text.normalize import fold

    wanted_unit = fold(unit).strip() if unit else None

    def keep(entry: Any) -> bool:
        if getattr(entry, "retired", False):
            return False
        source = getattr(entry, "source", None)
        if wanted_unit and wanted_unit not in fold(getattr(source, "unit", None) or ""):
            return False
        if since_year is not None:
            year = getattr(source, "year", None)
            if year is None or year < since_year:
                return False
        return True

    return keep


def search(
    library: Any,
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
        raise ReplydraftError(f"unknown section {section!r}: use one of {', '.join(SECTIONS)}")
    if top <= 0 or not query or not query.strip():
        return []
    parsed = parse_query(query, synonyms if synonyms is not None else default_synonyms())
    if parsed.empty or not library.entries:
        return []
    state = index_for(library)
    doc_scores = _doc_scores(state, parsed)
    if doc_scores is None:
        return []
    lone = sorted({c for k in parsed.keywords for v in k.variants for c in lone_characters(v)})
    base = max(CANDIDATES_LONG if parsed.long else CANDIDATES_SHORT, top)
    candidates = _candidates(state, doc_scores, base, _keep_filter(unit, since_year))
    if not candidates:
        return []
    positions = [p for p, _ in candidates]
    bm25 = np.array([s for _, s in candidates])
    texts = [state.folded_text(p) for p in positions]
    fuzzy = fuzzy_scores(parsed, texts)
    if not parsed.long:  # a short query may name the topic of the paragraph's heading
        headings = [state.folded_heading(p) for p in positions]
        fuzzy = np.maximum(fuzzy, HEADING_WEIGHT * fuzzy_scores(parsed, headings))
    blended = FUZZY_WEIGHT * fuzzy + (1 - FUZZY_WEIGHT) * 100.0 * bm25 / bm25.max()
    ranked = []
    for i, position in enumerate(positions):
        if blended[i] < MIN_SCORE:
            continue
        entry = state.entries[position]
        bonus = 0.0
        if getattr(entry, "kind", "measure") != "measure":
            bonus -= PHRASE_PENALTY
        if section is not None and getattr(entry, "section", None) == section:
            bonus += SECTION_BONUS
        if getattr(entry, "pinned", False):
            bonus += PINNED_BONUS
        year = getattr(getattr(entry, "source", None), "year", None)
        if isinstance(year, int) and state.newest_year is not None:
            bonus += RECENCY_BONUS * max(0.0, 1 - (state.newest_year - year) / RECENCY_YEARS)
        ranked.append((blended[i] + bonus, blended[i], i, position))
    ranked.sort(key=lambda item: (-item[0], -item[1], item[3]))
    keys = query_keys(parsed)
    results = []
    for total, _, i, position in ranked[:top]:
        entry = state.entries[position]
        score = round(float(min(100.0, max(0.0, total))), 1)
        results.append(Match(entry, score, spans(parsed, texts[i], keys, lone)))
    return results
