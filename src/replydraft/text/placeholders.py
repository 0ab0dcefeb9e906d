"""Visible placeholders for what the officer has yet to fill: `【待填：承办人】`.

A skeleton never leaves a blank where a fact belongs; it writes a placeholder that the checks
report until the officer replaces it. Offsets are characters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

PLACEHOLDER = "【待填：{}】"
"""Format with what is missing, e.g. `PLACEHOLDER.format("承办人")`."""

_FOUND = re.compile(r"【待填[：:](?P<label>[^】\n]*)】")


class Placeholder(NamedTuple):
    """A placeholder in a text: character offsets and what it asks for."""

    start: int
    end: int
    label: str


def placeholder(label: str) -> str:
    """The placeholder asking for `label`."""
    return PLACEHOLDER.format(label)


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, in order."""
    return [Placeholder(m.start(), m.end(), m.group("label")) for m in _FOUND.finditer(text)]
