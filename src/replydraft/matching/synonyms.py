"""The synonym table: groups of terms that mean the same (高企 = 高新技术企业).

No lexical method matches an abbreviation with its full form, so queries are expanded with a
small table shipped in `replydraft/data/synonyms.yaml`, merged with the officer's own
`locations.user_synonyms()` (same format: `groups: [[term, alternative, ...], ...]`).
Terms are compared folded (NFKC, lowercase, digits collapsed), like everything in matching.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files import locations, resources
from replydraft.files.yaml import load_yaml_file
from replydraft.matching.tokens import fold_aligned


@dataclass
class Synonyms:
    """Folded term -> the other folded terms of its group."""

    alternatives: dict[str, list[str]] = field(default_factory=dict)

    def add_group(self, terms: list[str]) -> None:
        folded = [fold_aligned(t).strip() for t in terms if str(t).strip()]
        folded = list(dict.fromkeys(folded))
        for term in folded:
            known = self.alternatives.setdefault(term, [])
            known.extend(t for t in folded if t != term and t not in known)

    def terms_longest_first(self) -> list[str]:
        return sorted(self.alternatives, key=len, reverse=True)


def _groups_in(data: object, path: Path) -> list[list[str]]:
    """Accept `groups: [[a, b], ...]`, a bare list of lists, or a mapping `a: [b, c]`."""
    if data is None:
        return []
    if isinstance(data, dict) and "groups" in data:
        data = data["groups"]
    if isinstance(data, dict):
        return [[str(k), *(v if isinstance(v, list) else [v])] for k, v in data.items()]
    if isinstance(data, list) and all(isinstance(g, list) for g in data):
        return [[str(t) for t in g] for g in data]
    raise ReplydraftError(
        "synonyms must be a list of groups, e.g. groups: [[高企, 高新技术企业]]", path
    )


def load_synonyms(paths: list[Path] | None = None) -> Synonyms:
    """The shipped table plus the officer's additions (a missing user file is fine)."""
    if paths is None:
        paths = [resources.data_dir() / "synonyms.yaml", locations.user_synonyms()]
    table = Synonyms()
    for path in paths:
        if not Path(path).is_file():
            continue
        for group in _groups_in(load_yaml_file(path), Path(path)):
            table.add_group(group)
    return table


_CACHE: dict[tuple, Synonyms] = {}


def default_synonyms() -> Synonyms:
    """`load_synonyms()`, reloaded only when the user's file changes."""
    user = locations.user_synonyms()
    try:
        stamp = user.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(user), stamp)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_synonyms()
    return _CACHE[key]
