"""Turning what the officer typed into search terms.

Three kinds of query: a proposal title (the 关于…的建议/提案 frame is stripped: it says nothing about
the topic), keywords separated by spaces (each searched on its own, expanded with synonyms), and
a fragment pasted from an old paragraph (long: no frame stripping, no expansion, capped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replydraft.matching.synonyms import Synonyms
from replydraft.matching.tokens import code_points, fold_aligned, word_mask

MAX_QUERY_CHARS = 4000
"""Longer queries are sampled down to this many characters (evenly spaced pieces)."""
LONG_QUERY_CHARS = 40
"""A query with more word characters than this is a pasted fragment."""
WINDOW_CHARS = 60
"""A pasted fragment is rescored as a few windows of this many characters: rapidfuzz's
bit-parallel `partial_ratio` is fast up to 64 characters and slow beyond."""
MAX_WINDOWS = 3
MAX_VARIANTS = 8

_QUOTES = "《》“”\"'‘’「」『』<>"
_FRAME_HEAD = re.compile(r"^(?:对|关于对|关于|有关)+")
_FRAME_TAIL = re.compile(
    r"(?:的)?(?:建议|提案|议案|提议|意见)(?:的)?(?:答复意见|答复|协办意见|复函)?$"
)
_NUMBER = re.compile(r"[(（]?第\s*[0-9０-９]+\s*号(?:建议|提案|议案)?[)）]?")


@dataclass
class Keyword:
    """One space-separated part of the query and its synonym variants (folded; first as typed)."""

    variants: list[str]


@dataclass
class Query:
    raw: str
    keywords: list[Keyword] = field(default_factory=list)
    long: bool = False
    windows: list[str] = field(default_factory=list)  # folded pieces of a long query, to rescore

    @property
    def empty(self) -> bool:
        return not self.keywords


def strip_frame(title: str) -> str:
    """`关于加强高新技术企业高质量提升的建议` -> `加强高新技术企业高质量提升`."""
    text = title.strip()
    text = _NUMBER.sub("", text)
    text = text.strip(_QUOTES + " ")
    head = _FRAME_HEAD.sub("", text)
    tail = _FRAME_TAIL.sub("", head).strip(_QUOTES + " ")
    # Keep the original when stripping would leave nothing (the query *is* 建议).
    return tail if len(tail) >= 2 else text


def _sample(text: str) -> str:
    """A very long query, sampled as evenly spaced pieces (never hang on a pasted document)."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    pieces = 8
    size = MAX_QUERY_CHARS // pieces
    step = (len(text) - size) // (pieces - 1)
    return "\n".join(text[i * step : i * step + size] for i in range(pieces))


def _windows(folded: str) -> list[str]:
    """Up to MAX_WINDOWS evenly spaced, non-overlapping pieces of WINDOW_CHARS characters."""
    text = " ".join(folded.split())
    count = min(MAX_WINDOWS, max(1, len(text) // WINDOW_CHARS))
    if count == 1:
        return [text[:WINDOW_CHARS]]
    step = (len(text) - WINDOW_CHARS) // (count - 1)
    return [text[i * step : i * step + WINDOW_CHARS] for i in range(count)]


def _word_chars(folded: str) -> int:
    return int(word_mask(code_points(folded)).sum()) if folded else 0


def _synonym_terms(keyword: str, synonyms: Synonyms) -> list[str]:
    """Synonym-table terms in the keyword, longest first, not overlapping (研发费用 wins over 研发费)."""
    covered = [False] * len(keyword)
    found: list[str] = []
    for term in synonyms.terms_longest_first():
        start = keyword.find(term)
        while start >= 0:
            span = range(start, start + len(term))
            if not any(covered[i] for i in span):
                for i in span:
                    covered[i] = True
                if term not in found:
                    found.append(term)
            start = keyword.find(term, start + 1)
    return found


def _variants(keyword: str, synonyms: Synonyms) -> list[str]:
    """The keyword, then the keyword with each synonym term in it replaced by its alternatives."""
    variants = [keyword]
    for term in _synonym_terms(keyword, synonyms):
        for existing in list(variants):
            for alternative in synonyms.alternatives[term]:
                candidate = existing.replace(term, alternative)
                if len(variants) < MAX_VARIANTS and candidate not in variants:
                    variants.append(candidate)
    return variants


def parse_query(raw: str, synonyms: Synonyms) -> Query:
    """Parse a query of any of the three kinds; an empty or blank query has no keywords."""
    text = _sample(raw.strip())
    if not text:
        return Query(raw=raw)
    folded = fold_aligned(text)
    if _word_chars(folded) > LONG_QUERY_CHARS:
        return Query(raw=raw, keywords=[Keyword([folded])], long=True, windows=_windows(folded))
    folded = fold_aligned(strip_frame(text))
    keywords = []
    for part in folded.split():
        if _word_chars(part) == 0:
            continue
        keywords.append(Keyword(_variants(part, synonyms)))
    return Query(raw=raw, keywords=keywords)
