"""Topic tags for library entries, from a small keyword table (`data/topics.yaml`).

A paragraph gets a topic when it contains one of the topic's keywords (compared width-folded
and lowercased, so full-width and half-width forms match). Tags come out in the table's order.
"""

from __future__ import annotations

import functools

from replydraft.errors import ReplydraftError
from replydraft.messages import msg

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
"""Full-width ASCII forms to half-width: all the folding keywords need (NFKC on every paragraph
costs ingest a tenth of its time, for compatibility characters no keyword contains)."""


def _folded(text: str) -> str:
    return text.translate(_WIDTH).lower()


@functools.cache
def topic_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(topic, keywords) pairs in the order of the shipped table."""
    from replydraft.files import resources
    from replydraft.files.yaml import load_yaml_file

    path = resources.data_dir() / "topics.yaml"
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words)
        for words in data.values()
    ):
        raise ReplydraftError(msg("error.topics_shape"), path)
    return tuple((str(topic), tuple(words)) for topic, words in data.items())


@functools.cache
def _keywords_by_first_char() -> tuple[dict[str, list[tuple[str, int]]], tuple[str, ...]]:
    table = topic_table()
    by_first: dict[str, list[tuple[str, int]]] = {}
    for index, (_, words) in enumerate(table):
        for word in words:
            folded = _folded(word)
            by_first.setdefault(folded[0], []).append((folded, index))
    return by_first, tuple(topic for topic, _ in table)


def topics_for(*texts: str) -> list[str]:
    """The topics whose keywords occur in any of `texts`, in table order.

    Only keywords whose first character occurs in the text are looked for, so tagging stays
    cheap however long the table grows.
    """
    by_first, topics = _keywords_by_first_char()
    found: set[int] = set()
    for text in texts:
        folded = _folded(text)
        for char in by_first.keys() & set(folded):
            found.update(index for word, index in by_first[char] if word in folded)
    return [topics[i] for i in sorted(found)]
