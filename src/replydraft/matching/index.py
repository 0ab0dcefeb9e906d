"""BM25 over character bigrams, stored as flat numpy arrays (the search prefilter).

Postings are in CSR form: the postings of term `t` are `docs[indptr[t]:indptr[t+1]]` with their
BM25 weights (idf x saturated tf, length-normalised) precomputed in `weights`, so scoring a query
is one `np.bincount` over the concatenated postings of its terms: its cost follows the query's
terms, not the library's size.

A document is an entry's text or one of its older versions' texts; `doc_entry` maps documents to
entry positions, so an old wording still finds its entry.

Building is vectorised: texts are joined, folded once, turned into a code-point array, and every
(bigram, document, tf) triple is packed into one int64 so a single sort groups the postings.
Work is done in chunks of documents to keep peak memory low.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from replydraft.matching.arrays_file import map_arrays, write_arrays
from replydraft.matching.tokens import KEY_BASE, bigram_keys, code_points, fold_points, word_mask

FORMAT_VERSION = 2
_MAGIC = b"replydraft-search-index\n"
_ARRAYS = ("vocab", "indptr", "docs", "weights", "idf", "doc_entry")
K1 = 1.2
B = 0.75
DIGIT_FACTOR = 0.3
"""Bigrams with a digit weigh less than words: an updated figure must not hide a paragraph."""
_CHUNK_CHARS = 4_000_000


@dataclass
class SearchIndex:
    vocab: np.ndarray  # int64, sorted bigram keys (code-point form, see tokens.KEY_BASE)
    indptr: np.ndarray  # int64, len(vocab) + 1
    docs: np.ndarray  # int32, document of each posting
    weights: np.ndarray  # float32, BM25 weight of each posting
    idf: np.ndarray  # float32, idf of each term (digit bigrams already scaled down)
    doc_entry: np.ndarray  # int32, entry position of each document
    fingerprint: str  # identifies the texts indexed (entry ids + texts)

    @property
    def n_docs(self) -> int:
        return int(self.doc_entry.size)

    def term_ids(self, keys: np.ndarray) -> np.ndarray:
        """Positions in the vocabulary of the given bigram keys; unknown keys are dropped."""
        if keys.size == 0 or self.vocab.size == 0:
            return np.zeros(0, dtype=np.int64)
        pos = np.searchsorted(self.vocab, keys)
        pos = np.minimum(pos, self.vocab.size - 1)
        return pos[self.vocab[pos] == keys]

    def terms_with_char(self, char: str) -> np.ndarray:
        """Terms whose bigram contains `char` (a 1-character query has no bigram of its own)."""
        cp = ord(char)
        lo, hi = np.searchsorted(self.vocab, [cp * KEY_BASE, (cp + 1) * KEY_BASE])
        first = np.arange(lo, hi)
        second = np.flatnonzero(self.vocab % KEY_BASE == cp)
        return np.union1d(first, second)

    def scores(self, terms: np.ndarray, term_weights: np.ndarray) -> np.ndarray:
        """BM25 score of every document for the given terms (one bincount)."""
        if terms.size == 0:
            return np.zeros(self.n_docs)
        starts = self.indptr[terms]
        ends = self.indptr[terms + 1]
        docs = np.concatenate([self.docs[s:e] for s, e in zip(starts, ends, strict=True)])
        weights = np.concatenate(
            [self.weights[s:e] * w for s, e, w in zip(starts, ends, term_weights, strict=True)]
        )
        return np.bincount(docs, weights=weights, minlength=self.n_docs)

    def arrays(self) -> dict[str, np.ndarray]:
        """The index's arrays by name (what `save` writes)."""
        return {name: getattr(self, name) for name in _ARRAYS}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], fingerprint: str) -> SearchIndex:
        return cls(**{name: arrays[name] for name in _ARRAYS}, fingerprint=fingerprint)

    def save(self, path: Path) -> None:
        """Write the index in the raw layout `load` maps (atomically: written beside, renamed)."""
        meta = {"format_version": FORMAT_VERSION, "fingerprint": self.fingerprint}
        write_arrays(path, _MAGIC, self.arrays(), meta)

    @classmethod
    def load(cls, path: Path) -> SearchIndex | None:
        """Map a saved index (read-only, no copy: pages are read as queries touch them); None if
        it is missing, unreadable or of another format."""
        found = map_arrays(path, _MAGIC)
        if found is None:
            return None
        arrays, meta = found
        if meta.get("format_version") != FORMAT_VERSION or not set(_ARRAYS) <= set(arrays):
            return None
        return cls.from_arrays(arrays, str(meta.get("fingerprint")))


def fingerprint(parts: list[str]) -> str:
    """A digest of what is indexed, to tell a stale cached index from a good one."""
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def _folded_chunks(texts: list[str]) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Yield (first doc, folded code points of the joined texts, per-doc lengths) by ~4M chars."""
    start = 0
    while start < len(texts):
        end, size = start, 0
        while end < len(texts) and (size < _CHUNK_CHARS or end == start):
            size += len(texts[end]) + 1
            end += 1
        chunk = texts[start:end]
        points = fold_points(code_points("\n".join(chunk) + "\n"))
        lengths = np.fromiter((len(t) + 1 for t in chunk), dtype=np.int64, count=len(chunk))
        yield start, points, lengths
        start = end


def build_index(texts: list[str], doc_entry: np.ndarray, fingerprint_value: str) -> SearchIndex:
    """Build the BM25 bigram index over `texts` (vectorised, chunked)."""
    n_docs = len(texts)
    char_points = _word_chars(texts)
    n_chars = max(int(char_points.size), 1)
    tf_bits = _tf_bits(n_chars, n_docs)
    packed, doc_len = _packed_postings(texts, char_points, tf_bits)
    vocab, indptr, doc, tf = _grouped_postings(packed, tf_bits, n_docs, char_points)
    idf = _idf(vocab, indptr, n_docs)
    weights = _bm25_weights(idf, indptr, doc, tf, doc_len)
    return SearchIndex(
        vocab=vocab.astype(np.int64),
        indptr=indptr,
        docs=doc,
        weights=weights.astype(np.float32),
        idf=idf.astype(np.float32),
        doc_entry=np.asarray(doc_entry, dtype=np.int32),
        fingerprint=fingerprint_value,
    )


def _word_chars(texts: list[str]) -> np.ndarray:
    """Pass 1: the word characters present, as sorted code points (a character's dense id is
    its position here)."""
    present = np.zeros(KEY_BASE, dtype=bool)
    for _, points, _ in _folded_chunks(texts):
        present[points[word_mask(points)]] = True
    return np.flatnonzero(present).astype(np.int64)


def _tf_bits(n_chars: int, n_docs: int) -> int:
    """Bits left for a term frequency once (bigram, doc) is packed into an int64:
    bigram * n_docs * 2**tf_bits + doc * 2**tf_bits + tf."""
    pair_space = n_chars * n_chars * max(n_docs, 1)
    tf_bits = int(min(16, 62 - int(np.ceil(np.log2(max(pair_space, 2))))))
    if tf_bits < 1:
        raise ValueError("library too large for one index")  # pragma: no cover
    return tf_bits


def _packed_postings(
    texts: list[str], char_points: np.ndarray, tf_bits: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pass 2: per chunk, the unique (bigram, doc) pairs with their tf (capped), packed and
    sorted; and each document's length in bigrams."""
    n_docs = len(texts)
    n_chars = max(int(char_points.size), 1)
    char_id = np.zeros(KEY_BASE, dtype=np.int64)
    char_id[char_points] = np.arange(char_points.size)
    tf_cap = (1 << tf_bits) - 1
    packed_chunks: list[np.ndarray] = []
    doc_len = np.zeros(n_docs, dtype=np.float64)
    for first_doc, points, lengths in _folded_chunks(texts):
        keys, starts = bigram_keys(points)
        del keys
        offsets = np.cumsum(lengths) - lengths
        local_doc = np.searchsorted(offsets, starts, side="right") - 1
        doc = local_doc + first_doc
        doc_len[first_doc : first_doc + lengths.size] += np.bincount(
            local_doc, minlength=lengths.size
        )
        pair = char_id[points[starts]] * n_chars + char_id[points[starts + 1]]
        del starts, local_doc
        combined = pair * n_docs + doc
        del pair, doc
        combined.sort()
        if combined.size == 0:
            continue
        boundary = np.flatnonzero(np.diff(combined)) + 1
        firsts = np.concatenate(([0], boundary))
        counts = np.diff(np.concatenate((firsts, [combined.size])))
        uniq = combined[firsts]
        del combined, boundary, firsts
        packed_chunks.append((uniq << tf_bits) | np.minimum(counts, tf_cap))
        del uniq, counts
    packed = np.concatenate(packed_chunks) if packed_chunks else np.zeros(0, dtype=np.int64)
    del packed_chunks
    packed.sort()
    return packed, doc_len


def _grouped_postings(
    packed: np.ndarray, tf_bits: int, n_docs: int, char_points: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Unpack the sorted postings (in place) into CSR form: the vocabulary as bigram keys, the
    term offsets (indptr), and each posting's document and tf."""
    n_chars = max(int(char_points.size), 1)
    tf = (packed & ((1 << tf_bits) - 1)).astype(np.float32)
    packed >>= tf_bits
    doc = (packed % n_docs).astype(np.int32) if n_docs else packed.astype(np.int32)
    packed //= max(n_docs, 1)  # now the dense bigram id of each posting
    if packed.size:
        new_term = np.concatenate(([True], packed[1:] != packed[:-1]))
        term_starts = np.flatnonzero(new_term)
    else:
        term_starts = np.zeros(0, dtype=np.int64)
    dense = packed[term_starts]
    vocab = char_points[dense // n_chars] * KEY_BASE + char_points[dense % n_chars]
    indptr = np.concatenate((term_starts, [doc.size])).astype(np.int64)
    return vocab, indptr, doc, tf


def _idf(vocab: np.ndarray, indptr: np.ndarray, n_docs: int) -> np.ndarray:
    """BM25 idf of each term, bigrams with a digit scaled down by DIGIT_FACTOR."""
    df = np.diff(indptr).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    first_cp = vocab // KEY_BASE
    second_cp = vocab % KEY_BASE
    has_digit = ((first_cp >= 0x30) & (first_cp <= 0x39)) | (
        (second_cp >= 0x30) & (second_cp <= 0x39)
    )
    idf[has_digit] *= DIGIT_FACTOR
    return idf


def _bm25_weights(
    idf: np.ndarray, indptr: np.ndarray, doc: np.ndarray, tf: np.ndarray, doc_len: np.ndarray
) -> np.ndarray:
    """Each posting's weight: idf x saturated tf, normalised by its document's length."""
    n_docs = doc_len.size
    avgdl = float(doc_len.mean()) if n_docs and doc_len.mean() > 0 else 1.0
    term_of_posting = np.repeat(np.arange(idf.size, dtype=np.int32), np.diff(indptr))
    norm = (K1 * (1 - B + B * doc_len / avgdl)).astype(np.float32)
    return idf.astype(np.float32)[term_of_posting] * tf * np.float32(K1 + 1) / (tf + norm[doc])
