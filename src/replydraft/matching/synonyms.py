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
from replydraft.files import locations, resources, validate
from replydraft.files.guard import MAX_SETTINGS_BYTES, read_regular
from replydraft.files.validate import Invalid, text
from replydraft.files.yaml import load_yaml_text
from replydraft.matching.tokens import fold_aligned
from replydraft.messages import msg


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


def _groups_in(data: object, path: Path, text: str | None = None) -> list[list[str]]:
    """Accept `groups: [[a, b], ...]`, a bare list of lists, or a mapping `a: [b, c]`.

    Checked by `replydraft.files.validate`: a term that is not text (a mapping, a list, an
    empty item) is a one-line error naming the line, never a crash later in a search.
    """
    return validate.run(_check_groups, data, text, path)


def _check_groups(data: object) -> list[list[str]]:

    if data is None:
        return []
    where: tuple = ()
    if isinstance(data, dict) and "groups" in data:
        data, where = data["groups"], ("groups",)
    groups: list[list[str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            items = value if isinstance(value, list) else [value]
            terms = [text(key, (*where, key), numbers=True)]
            terms += [text(v, (*where, key, i), numbers=True) for i, v in enumerate(items)]
            groups.append([t for t in terms if t])
        return groups
    if not isinstance(data, list):
        raise Invalid(msg("error.synonyms_groups"), where)
    for index, group in enumerate(data):
        if not isinstance(group, list):
            raise Invalid(msg("error.synonyms_group"), (*where, index))
        terms = [text(t, (*where, index, i), numbers=True) for i, t in enumerate(group)]
        groups.append([t for t in terms if t])
    return groups


def load_synonyms(paths: list[Path] | None = None) -> Synonyms:
    """The shipped table plus the officer's additions (a missing user file is fine)."""
    if paths is None:
        paths = [resources.data_dir() / "synonyms.yaml", locations.user_synonyms()]
    table = Synonyms()
    for path in paths:
        if not Path(path).is_file():
            continue
        raw = read_regular(path, MAX_SETTINGS_BYTES)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReplydraftError(msg("error.not_utf8", byte=exc.start), path) from None
        for group in _groups_in(load_yaml_text(text, path), Path(path), text):
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
