"""Topic tags for library entries, from a small keyword table (`data/topics.yaml`).

A paragraph gets a topic when it contains one of the topic's keywords (compared folded, so
full-width and half-width forms match). Tags come out in the table's order.
"""

from __future__ import annotations

import functools
import re

from replydraft.errors import ReplydraftError
from replydraft.textnorm import fold


@functools.cache
def topic_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(topic, keywords) pairs in the order of the shipped table."""
    from replydraft import resources
    from replydraft.yamlio import load_yaml_file

    path = resources.data_dir() / "topics.yaml"
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words)
        for words in data.values()
    ):
        raise ReplydraftError("topic table must map each topic to a list of keywords", path)
    return tuple((str(topic), tuple(words)) for topic, words in data.items())


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, int], tuple[str, ...]]:
    table = topic_table()
    topics = tuple(topic for topic, _ in table)
    owner: dict[str, int] = {}
    for index, (_, words) in enumerate(table):
        for word in words:
            owner.setdefault(fold(word), index)
    # A lookahead finds a keyword at every position, so one inside a longer keyword still counts.
    alternatives = "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True))
    pattern = re.compile(f"(?=({alternatives}))")
    return pattern, owner, topics


def topics_for(*texts: str) -> list[str]:
    """The topics whose keywords occur in any of `texts`, in table order."""
    pattern, owner, topics = _matcher()
    found = {owner[m.group(1)] for text in texts for m in pattern.finditer(fold(text))}
    return [topics[i] for i in sorted(found)]
