"""Character bigrams over folded text: the tokens of the search index.

Chinese has no spaces, so a "word" here is a pair of neighbouring word characters (CJK ideographs,
ASCII letters and digits). Text is folded with NFKC + lowercase (full-width `１２` becomes `12`) and
every digit becomes `0`, so an updated year or figure changes no token: figures weigh less than
words. Punctuation and spaces break bigrams, so keywords separated by spaces never form a bigram.

Folding keeps one character per character, so offsets into folded text are offsets into the
original text (characters, never bytes).

A bigram is identified by an int64 key `first_code_point * KEY_BASE + second_code_point`.
"""

from __future__ import annotations

import numpy as np

from replydraft.text.normalize import fold

KEY_BASE = 0x110000
"""One more than the largest code point: `key // KEY_BASE` and `key % KEY_BASE` undo a key."""


def _fold_table() -> np.ndarray:
    """Code point -> folded code point (NFKC + lower per character; digits 1-9 become 0).

    All characters are folded in one `fold` call, separated by NUL (a starter that composes with
    nothing), instead of 64,000 calls: this runs at every process start.
    """
    table = np.arange(KEY_BASE, dtype=np.uint32)
    codes = [c for c in (*range(1, 0x10000), *range(0x2F800, 0x2FA20)) if not 0xD800 <= c <= 0xDFFF]
    folded = fold("\0".join(map(chr, codes))).split("\0")
    if len(folded) == len(codes):
        lengths = np.fromiter(map(len, folded), dtype=np.int64, count=len(codes))
        points = code_points("".join(folded))
        single = lengths == 1
        table[np.asarray(codes)[single]] = points[(np.cumsum(lengths) - lengths)[single]]
    else:  # pragma: no cover - a normalisation that produced NUL: fall back to one call each
        for code in codes:
            out = fold(chr(code))
            table[code] = ord(out) if len(out) == 1 else code
    digits = (table >= 0x31) & (table <= 0x39)
    table[digits] = 0x30
    return table


_TABLE: np.ndarray | None = None


def fold_points(points: np.ndarray) -> np.ndarray:
    """Fold an array of code points (one per character: offsets are kept)."""
    global _TABLE
    if _TABLE is None:
        _TABLE = _fold_table()
    return _TABLE[points]


def fold_aligned(text: str) -> str:
    """`fold` each character (NFKC + lower), digits collapsed to `0`, one char per char."""
    if not text:
        return text
    return fold_points(code_points(text)).tobytes().decode("utf-32-le")


def code_points(folded: str) -> np.ndarray:
    """The code points of a string as a uint32 array (vectorised, no Python loop)."""
    return np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)


def _word_table() -> np.ndarray:
    """Code point -> is a word character: CJK ideograph, a-z or 0-9 (one lookup per character)."""
    table = np.zeros(KEY_BASE, dtype=bool)
    for low, high in ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F), (0x61, 0x7A)):
        table[low : high + 1] = True
    table[0x30:0x3A] = True
    return table


_WORD = _word_table()


def word_mask(points: np.ndarray) -> np.ndarray:
    """True where a code point is a word character: CJK ideograph, a-z or 0-9."""
    return _WORD[points]


def bigram_keys(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keys of all bigrams of two word characters, and the position of each bigram's first char."""
    if points.size < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    word = word_mask(points)
    valid = word[:-1] & word[1:]
    starts = np.flatnonzero(valid)
    keys = points[starts].astype(np.int64) * KEY_BASE + points[starts + 1].astype(np.int64)
    return keys, starts


def text_bigrams(text: str) -> np.ndarray:
    """The bigram keys of one text (folded here), in order, repeats kept."""
    return bigram_keys(fold_points(code_points(text)))[0]


def lone_characters(folded: str) -> list[str]:
    """Word characters standing alone (no word neighbour): a 1-character query has no bigram."""
    points = code_points(folded)
    if points.size == 0:
        return []
    word = word_mask(points)
    left = np.concatenate(([False], word[:-1]))
    right = np.concatenate((word[1:], [False]))
    return [folded[i] for i in np.flatnonzero(word & ~left & ~right)]
