"""How a unit speaks of itself, derived from its name through one shipped table.

A reply says 我县 or 我市 for its place, 我局 or 我委 for itself, and thanks the deputy for 交通运输工作
or 水务工作 (DOMAIN.md, "Every kind of unit"). `derive_voice("泸西县交通运输局")` reads that off the
name with the table in `data/voice.yaml`: the place is the name up to its last level word
(省/市/县/区/镇/乡…), the unit's self-reference comes from the name's ending (局/委/办/厅/中心/
镇人民政府…), and the work phrase from what is left between them. The officer overrides any row of
the table (config key `voice`) and any derived value (config or form: `level_ref`, `unit_ref`,
`work_phrase`). What cannot be derived stays None, and the templates show a placeholder for it.

Units are renamed (县交通局 → 县交通运输局); `same_unit` tells whether two names are one unit, and
the officer can list former names (config `former_units`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from replydraft.errors import ReplydraftError
from replydraft.files import resources
from replydraft.files.yaml import load_yaml_file
from replydraft.messages import msg

TABLE_SECTIONS = ("levels", "units", "work", "default")
"""The sections of the voice table: place level, unit ending, work phrase, and the voice used
while no unit is known (level_ref, unit_ref, work_phrase)."""

_LEVEL_GUARD = {
    "市": "(?!场|政|容|民|直|属|级)",
    "区": "(?!域|划|别)",
    "县": "(?!城|域|级|委)",
    "乡": "(?!村|镇|土)",
    "镇": "(?!政府)",
    "省": "(?!级|委)",
}
"""Level words that also start ordinary words: 市场监督管理局 is no place called 市."""

_NAME_NOISE = re.compile(r"[\s\u3000（）()“”\"《》]")


@dataclass(frozen=True)
class VoiceTable:
    """The three mappings of `data/voice.yaml`, with the officer's rows merged over them."""

    levels: dict[str, str]
    units: dict[str, str]
    work: dict[str, str]
    default: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, overrides: dict[str, Any] | None) -> VoiceTable:
        """This table with the officer's rows (`{"work": {"水务": "水利工作"}}`) taking precedence."""
        if not overrides:
            return self
        merged = {name: dict(getattr(self, name)) for name in TABLE_SECTIONS}
        for name, rows in overrides.items():
            if name not in TABLE_SECTIONS or not isinstance(rows, dict):
                raise ReplydraftError(
                    msg("error.voice_section", name=name, sections="、".join(TABLE_SECTIONS))
                )
            merged[name].update({str(k): str(v) for k, v in rows.items()})
        return VoiceTable(**merged)


@dataclass(frozen=True)
class Voice:
    """A unit's self-references, as a template uses them; None where the name says nothing."""

    unit: str | None = None
    place: str | None = None
    """The place part of the name, e.g. 泸西县 (贵州省, 某镇); None when the name has none."""
    level: str | None = None
    """The place's level word: 县, 市, 镇…"""
    level_ref: str | None = None
    """我省/我市/我县/我区/我镇/我乡."""
    unit_ref: str | None = None
    """我局/我委/我办/我厅/我中心, or 我镇 for a township government."""
    work_phrase: str | None = None
    """交通运输工作, 水务工作, 科技工作…"""
    core: str = ""
    """The name between place and ending: 交通运输 in 泸西县交通运输局."""
    place_names: tuple[str, ...] = field(default_factory=tuple)
    """The unit's own place names (泸西县, 泸西): never foreign in its replies."""

    @property
    def self_refs(self) -> frozenset[str]:
        """The self-references this unit uses (its place's and its own)."""
        return frozenset(r for r in (self.level_ref, self.unit_ref) if r)


def _load_shipped() -> VoiceTable:
    path = resources.data_dir() / "voice.yaml"
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise ReplydraftError(msg("error.voice_mapping"), path)
    sections = {}
    for name in TABLE_SECTIONS:
        rows = data.get(name) or {}
        if not isinstance(rows, dict):
            raise ReplydraftError(msg("error.voice_rows", name=name), path)
        sections[name] = {str(k): str(v) for k, v in rows.items()}
    return VoiceTable(**sections)


@functools.cache
def shipped_table() -> VoiceTable:
    """The voice table shipped with replydraft (`data/voice.yaml`), read once."""
    return _load_shipped()


def voice_table(overrides: dict[str, Any] | None = None) -> VoiceTable:
    """The shipped table with the officer's `voice` rows merged over it."""
    return shipped_table().with_overrides(overrides)


def clean_name(name: str) -> str:
    """A unit's name without spaces, brackets and quotes: `马关县农业(农村)和科学技术局` stays readable."""
    return _NAME_NOISE.sub("", name or "")


@functools.cache
def _place_pattern(levels: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(levels, key=len, reverse=True)
    alternation = "|".join(re.escape(w) + _LEVEL_GUARD.get(w, "") for w in words)
    first = rf"[\u4e00-\u9fff]{{0,8}}?(?:{alternation})"
    more = rf"[\u4e00-\u9fff]{{1,8}}?(?:{alternation})"
    return re.compile(rf"^(?:{first})(?:{more})*")


def split_name(name: str, table: VoiceTable) -> tuple[str, str, str, str]:
    """(place, level word, core, ending) of a unit's name; parts it lacks are ''."""
    name = clean_name(name)
    place_match = _place_pattern(tuple(table.levels)).match(name)
    place = place_match.group(0) if place_match else ""
    level = next((w for w in sorted(table.levels, key=len, reverse=True) if place.endswith(w)), "")
    rest = name[len(place) :]
    ending = next((e for e in sorted(table.units, key=len, reverse=True) if name.endswith(e)), "")
    core = rest[: len(rest) - len(ending)] if ending and rest.endswith(ending) else rest
    return place, level, core, ending


def _work_phrase(core: str, ending: str, table: VoiceTable) -> str | None:
    if core in table.work:
        return table.work[core]
    if not core and ending in table.work:
        return table.work[ending]
    found = [(core.find(key), -len(key), key) for key in table.work if key and key in core]
    if found:
        return table.work[min(found)[2]]
    return f"{core}工作" if core else None


def _place_names(place: str, level: str) -> tuple[str, ...]:
    """泸西县 → (泸西县, 泸西); 宁波市鄞州区 → (宁波市鄞州区, 鄞州区, 鄞州, 宁波市, 宁波)."""
    if not place:
        return ()
    names = {place}
    pieces = re.findall(r"[\u4e00-\u9fff]+?(?:自治区|自治州|街道|[省市县区旗镇乡])", place)
    for piece in pieces:
        names.add(piece)
        bare = re.sub(r"(?:自治区|自治州|街道|[省市县区旗镇乡])$", "", piece)
        if len(bare) >= 2:
            names.add(bare)
    return tuple(sorted(names, key=len, reverse=True))


def derive_voice(unit: str | None, table: VoiceTable | None = None) -> Voice:
    """The voice of `unit` by the table; no name gives the table's `default` voice."""
    table = table or shipped_table()
    if not unit or not unit.strip():
        return Voice(
            level_ref=table.default.get("level_ref"),
            unit_ref=table.default.get("unit_ref"),
            work_phrase=table.default.get("work_phrase"),
        )
    place, level, core, ending = split_name(unit, table)
    level_ref = table.levels.get(level) if level else None
    unit_ref = table.units.get(ending) if ending else None
    if unit_ref and "{level}" in unit_ref:
        unit_ref = unit_ref.replace("{level}", level_ref) if level_ref else None
    return Voice(
        unit=unit.strip(),
        place=place or None,
        level=level or None,
        level_ref=level_ref,
        unit_ref=unit_ref,
        work_phrase=_work_phrase(core, ending, table),
        core=core,
        place_names=_place_names(place, level),
    )


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def resolve_voice(
    unit: str | None,
    *,
    level_ref: str | None = None,
    unit_ref: str | None = None,
    work_phrase: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> Voice:
    """`unit`'s derived voice with the values the officer set (form or config) taking precedence."""
    voice = derive_voice(unit, voice_table(overrides))
    return Voice(
        unit=voice.unit,
        place=voice.place,
        level=voice.level,
        level_ref=level_ref or voice.level_ref,
        unit_ref=unit_ref or voice.unit_ref,
        work_phrase=work_phrase or voice.work_phrase,
        core=voice.core,
        place_names=voice.place_names,
    )


def _bare(name: str, table: VoiceTable) -> tuple[str, str, str]:
    place, _level, core, ending = split_name(name, table)
    return place, core, ending


def _renamed(a: str, b: str, table: VoiceTable) -> bool:
    pa, core_a, end_a = _bare(a, table)
    pb, core_b, end_b = _bare(b, table)
    if not pa and not pb:
        return False
    if pa and pb and not (pa.endswith(pb) or pb.endswith(pa)):
        return False
    if end_a != end_b and not (end_a and end_b and table.units[end_a] == table.units[end_b]):
        return False
    if not core_a or not core_b:
        return core_a == core_b
    short, long = sorted((core_a, core_b), key=len)
    return len(short) >= 2 and _is_subsequence(short, long)


def same_unit(
    unit: str | None,
    other: str | None,
    *,
    former: tuple[str, ...] | list[str] = (),
    table: VoiceTable | None = None,
) -> bool:
    """True when `other` is the same unit as `unit`: equal, one of `unit`'s `former` names, or
    a renaming of either.

    A renaming keeps the place (or one name leaves it out: 省发展改革委) and the kind of unit,
    and one core is the other's abbreviation or extension (交通 ⊂ 交通运输, 科技 ⊂ 科学技术,
    农业和科学技术 ⊂ 农业农村和科学技术: the shorter core's characters in order in the longer).
    """
    if not unit or not other:
        return False
    table = table or shipped_table()
    names = {clean_name(unit), *(clean_name(n) for n in former if n)}
    target = clean_name(other)
    if target in names:
        return True
    return any(_renamed(name, target, table) for name in names)
