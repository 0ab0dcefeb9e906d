"""Normalised paragraph text, the group key and the stable entry id derived from it.

Two paragraphs that differ only in their leading ordinal, spacing, punctuation, full-/half-width
forms or the figures in them (a changed year, a new count) normalise to the same text, so they
share one group key and one id. That is what makes re-ingesting idempotent and what groups a
paragraph updated with this year's figures with last year's.
"""

from __future__ import annotations

import hashlib
import re

from replydraft.text.normalize import fold
from replydraft.text.ordinals import strip_ordinal

_FIGURE = re.compile(r"\d+(?:[.．]\d+)*")
_NOT_WORD = re.compile(r"[\W_]+")

ID_PREFIXES = {"measure": "m", "thanks": "t", "handling": "h", "closing": "c"}
"""One letter per entry kind, so an id tells a person what it is."""


def normalise(text: str) -> str:
    """Folded text without leading ordinal, spaces or punctuation, every figure masked as `0`."""
    _, rest = strip_ordinal(text.strip())
    return _NOT_WORD.sub("", _FIGURE.sub("0", fold(rest)))


def entry_id(kind: str, normalised: str) -> str:
    """The stable id for a paragraph of `kind` whose normalised text is `normalised`."""
    digest = hashlib.blake2b(f"{kind}\n{normalised}".encode(), digest_size=6).hexdigest()
    return f"{ID_PREFIXES.get(kind, 'x')}-{digest}"
