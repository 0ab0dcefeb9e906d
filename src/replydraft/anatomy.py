"""The kinds of proposal a reply answers, their Chinese names and whom a reply addresses.

A suggestion (建议) or motion (议案) comes from People's Congress deputies (代表), a proposal
(提案) from CPPCC members (委员). Shared by the skeleton (which writes the salutation) and the
checks (which verify it).
"""

from __future__ import annotations

import re

KIND_NAMES = {"suggestion": "建议", "proposal": "提案", "motion": "议案"}
ADDRESSEE_TITLES = {"suggestion": "代表", "proposal": "委员", "motion": "代表"}

_TITLE_TAIL = re.compile(r"(建议|提案|议案)[”\"》」』\s。.]*$")


def kind_from_title(title: str) -> str | None:
    """`…的建议` → suggestion, `…的提案` → proposal, `…议案` → motion; None otherwise."""
    match = _TITLE_TAIL.search(title.strip())
    if not match:
        return None
    return {name: kind for kind, name in KIND_NAMES.items()}[match.group(1)]
