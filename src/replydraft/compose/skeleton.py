"""A reply skeleton from what the officer was assigned: metadata in, a complete `Draft` out.

The template of the document type (`replydraft.compose.templates`) writes the set phrases; the status
and next-steps parts are pre-filled with the best-matching library paragraphs, each section
searched separately, one next-step item per demand when the proposal's text was given.
Reused paragraphs carry their library id and year, their stale years and figures are marked
(`replydraft.text.staleness`), and the body is renumbered where the paragraphs land. Whatever is not
known becomes a visible `【待填：…】` placeholder.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from replydraft.anatomy import ADDRESSEE_TITLES, KIND_NAMES, ROLES, kind_from_title
from replydraft.compose.house_style import HouseStyle, house_style
from replydraft.compose.templates import RenderedPart, render_parts, template_name
from replydraft.compose.voice import Voice, resolve_voice, same_unit
from replydraft.config import Config
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.draft.numbering import renumber_draft
from replydraft.errors import ReplydraftError
from replydraft.messages import msg
from replydraft.text.dates import official_date, year_of
from replydraft.text.demands import demand_summary, extract_demands
from replydraft.text.foreign import mark_foreign
from replydraft.text.normalize import to_fullwidth_punct
from replydraft.text.ordinals import strip_ordinal
from replydraft.text.placeholders import placeholder
from replydraft.text.staleness import mark_stale
from replydraft.text.topic import Topic

if TYPE_CHECKING:  # pragma: no cover
    from replydraft.library.model import Entry
    from replydraft.library.store import Library

STATUS_ITEMS = 3
"""How many library paragraphs pre-fill the status part."""
NEXT_STEP_ITEMS = 4
"""How many pre-fill the next steps when the proposal's demands are not known."""

DEMAND_CANDIDATES = 5
"""How many matches for a demand are tried before it is left as a placeholder."""

PREFILL_MIN_SCORE = 40.0
"""The relevance bar (search score 0..100) a match must clear to pre-fill status or next steps;
below it the part keeps its placeholder and the search panel offers the candidates."""
OWN_UNIT_BONUS = 6.0
"""Score added to paragraphs from the unit's own replies when choosing: at equal relevance the
unit's own wording wins over another unit's."""

_TITLE_CORE = re.compile(r"^[《“\"]?(关于)?(?P<core>.*?)(的)?(建议|提案|议案)?[》”\"]?$")


@dataclass
class Item:
    """A paragraph the skeleton places in status or next steps (a library match or a placeholder)."""

    text: str
    """Without a leading ordinal; stale figures already marked."""
    source_id: str | None = None
    source_year: int | None = None
    demand: str | None = None
    """The proposal demand this item answers, if any."""
    score: float | None = None


def title_core(title: str) -> str:
    """The subject of a title: `关于加快人工智能产业发展的建议` → `加快人工智能产业发展`."""
    match = _TITLE_CORE.match(title.strip())
    return (match.group("core") if match else title).strip() or title.strip()


def complete_meta(meta: ProposalMeta, config: Config | None) -> ProposalMeta:
    """A copy of `meta` with the config's defaults and the kind inferred from the title."""
    meta = dataclasses.replace(
        meta, co_proposers=list(meta.co_proposers), demands=list(meta.demands)
    )
    config = config or Config()
    for name in ("unit", "leader", "handler", "phone", "work_phrase", "level_ref", "unit_ref"):
        if not getattr(meta, name):
            setattr(meta, name, getattr(config, name))
    meta.title = meta.title.strip()
    if meta.kind is None:
        meta.kind = kind_from_title(meta.title)
    if meta.kind is not None and meta.kind not in KIND_NAMES:
        raise ReplydraftError(msg("error.unknown_kind", kind=meta.kind))
    if meta.role not in ROLES:
        raise ReplydraftError(msg("error.unknown_role", role=meta.role))
    if meta.date and official_date(meta.date) is None:
        raise ReplydraftError(msg("error.not_a_date", date=meta.date))
    if meta.proposal_text and not meta.demands:
        meta.demands = extract_demands(meta.proposal_text)
    return meta


# --- filling status and next steps from the library ---------------------------------------


def meta_voice(meta: ProposalMeta, config: Config | None = None) -> Voice:
    """The voice of the unit in `meta`: derived from its name, with the officer's values first."""
    return resolve_voice(
        meta.unit,
        level_ref=meta.level_ref,
        unit_ref=meta.unit_ref,
        work_phrase=meta.work_phrase,
        overrides=(config.voice if config else None) or None,
    )


def is_own(entry: Entry, voice: Voice | None, former: tuple[str, ...] | list[str] = ()) -> bool:
    """True when `entry` comes from a reply of the voice's unit (or one of its former names)."""
    if voice is None or not voice.unit or entry.source is None:
        return False
    return same_unit(voice.unit, entry.source.unit, former=former)


def reuse_text(
    entry: Entry,
    draft_year: int,
    voice: Voice | None = None,
    former: tuple[str, ...] | list[str] = (),
) -> str:
    """A library paragraph as it goes into a draft: one line, no ordinal of its own (it is
    renumbered where it lands), full-width punctuation, and `【待核】` after stale figures,
    and, when `voice` names a unit the paragraph is not from, after its places, other
    self-references, people and dates (`replydraft.text.foreign`).

    The skeleton and the terminal UI's insert both use this, so a paragraph reads the same
    however it got into the draft.
    """
    _ordinal, text = strip_ordinal(" ".join(entry.text.split()))
    source_year = entry.source.year if entry.source else None
    text = mark_stale(to_fullwidth_punct(text), draft_year, source_year)
    if voice is not None and voice.unit and not is_own(entry, voice, former):
        text = mark_foreign(text, own_refs=voice.self_refs, own_places=voice.place_names)
    return text


@dataclass
class _Fill:
    """What choosing paragraphs needs besides the library: year, voice, former names."""

    year: int
    voice: Voice | None = None
    former: tuple[str, ...] = ()


def _item(entry: Entry, fill: _Fill, score: float, demand: str | None = None) -> Item:
    source_year = entry.source.year if entry.source else None
    text = reuse_text(entry, fill.year, fill.voice, fill.former)
    return Item(text, entry.id, source_year, demand, score)


def _best(
    library: Library,
    query: str,
    section: str,
    used: set[str],
    count: int,
    fill: _Fill | None = None,
    min_score: float = 0.0,
    topic: Topic | None = None,
) -> list[tuple[Entry, float]]:
    """Up to `count` unused measure entries for `query` that clear `min_score` (and, with
    `topic`, are on it), the section's own ones first, then the unit's own paragraphs
    (`OWN_UNIT_BONUS`) by score."""
    matches = library.search(query, top=count + len(used) + 12, section=section)
    voice = fill.voice if fill else None
    former = fill.former if fill else ()
    usable = [
        (m, m.score + (OWN_UNIT_BONUS if is_own(m.entry, voice, former) else 0.0))
        for m in matches
        if m.entry.id not in used
        and m.entry.kind == "measure"
        and not m.entry.retired
        and m.entry.section in (section, "other")
        and m.score >= min_score
        and (topic is None or topic.covers(m.entry.text))
    ]
    usable.sort(key=lambda pair: (pair[0].entry.section != section, -pair[1]))
    chosen = [(m.entry, m.score) for m, _rank in usable[:count]]
    used.update(entry.id for entry, _score in chosen)
    return chosen


def _answer(library: Library | None, demand: str, fill: _Fill, used: set[str]) -> Item | None:
    """The best unused next-step paragraph that answers `demand` (as `check` judges answers)."""
    if library is None:
        return None
    from replydraft.draft.checks import is_answered

    for entry, score in _best(library, demand, "next_steps", set(used), DEMAND_CANDIDATES, fill):
        if is_answered(demand, [entry.text]):
            used.add(entry.id)
            return _item(entry, fill, score, demand)
    return None


def fill_items(
    meta: ProposalMeta,
    library: Library | None,
    *,
    voice: Voice | None = None,
    former: tuple[str, ...] | list[str] = (),
    min_score: float = PREFILL_MIN_SCORE,
) -> tuple[list[Item], list[Item]]:
    """(status items, next-step items): library matches that clear `min_score` and share the
    title's topic (`text.topic`), or placeholders where there are none. With `voice`, the unit's own paragraphs are preferred
    and other units' are marked (`reuse_text`)."""
    fill = _Fill(year_of(meta.date), voice, tuple(former))
    query = " ".join([title_core(meta.title), *(demand_summary(d) for d in meta.demands)]).strip()
    status: list[Item] = []
    next_steps: list[Item] = []
    used: set[str] = set()
    if library is not None and query:
        topic = Topic.of(title_core(meta.title))
        found = _best(library, query, "status", used, STATUS_ITEMS, fill, min_score, topic)
        status = [_item(e, fill, s) for e, s in found]
        if not meta.demands:
            found = _best(
                library, query, "next_steps", used, NEXT_STEP_ITEMS, fill, min_score, topic
            )
            next_steps = [_item(e, fill, s) for e, s in found]
    for demand in meta.demands:
        answer = _answer(library, demand, fill, used)
        next_steps.append(
            answer or Item(placeholder(f"对“{demand_summary(demand)}”的答复"), demand=demand)
        )
    if not status:
        status = [Item(placeholder("已开展工作及成效"))]
    if not next_steps:
        next_steps = [Item(placeholder("下步举措"))]
    return status, next_steps


# --- rendering ------------------------------------------------------------------------------


def template_context(
    meta: ProposalMeta,
    status: list[Item] | None = None,
    next_steps: list[Item] | None = None,
    *,
    voice: Voice | None = None,
    house: HouseStyle | None = None,
) -> dict[str, Any]:
    """Every field a template may use; anything unknown is its `【待填：…】` placeholder.

    `level_ref`, `unit_ref` and `work_phrase` are the unit's voice (`meta_voice`); `house` maps
    each set phrase of the unit's house style (acknowledgement, thanks, handling, closing,
    contact, header) to its text, None where there is none.
    """
    voice = voice or meta_voice(meta)

    def given(value: Any, label: str) -> Any:
        return placeholder(label) if value in (None, "") else value

    kind = meta.kind
    addressee_title = ADDRESSEE_TITLES.get(kind or "", placeholder("代表或委员"))
    proposer = given(meta.proposer, "领衔人")
    title = meta.title.strip().strip('《》“”"') if meta.title else ""
    return {
        "title": given(title, "建议标题"),
        "kind": kind or "",
        "kind_name": KIND_NAMES.get(kind or "", placeholder("建议或提案")),
        "addressee_title": addressee_title,
        "role": meta.role,
        "session": given(meta.session, "会议届次"),
        "number": given(meta.number, "编号"),
        "proposer": proposer,
        "co_proposers": list(meta.co_proposers),
        "proposers_named": "、".join([proposer, *meta.co_proposers]) + addressee_title,
        "lead_unit": given(meta.lead_unit, "主办单位"),
        "unit": given(meta.unit, "答复单位"),
        "date": official_date(meta.date) if meta.date else placeholder("日期"),
        "year": year_of(meta.date),
        "leader": given(meta.leader, "分管领导"),
        "handler": given(meta.handler, "承办人"),
        "phone": given(meta.phone, "联系电话"),
        "category": given(meta.category, "答复类别"),
        "disclosure": given(meta.disclosure, "公开属性"),
        "cc": [unit for unit in meta.cc if unit.strip()],
        "work_phrase": given(voice.work_phrase, "工作名称"),
        "level_ref": given(voice.level_ref, "地方自称"),
        "unit_ref": given(voice.unit_ref, "单位自称"),
        "house": (house or HouseStyle()).as_context(),
        "demands": list(meta.demands),
        "status_items": status or [],
        "next_step_items": next_steps or [],
    }


def render_template_parts(
    meta: ProposalMeta,
    status: list[Item] | None = None,
    next_steps: list[Item] | None = None,
    *,
    voice: Voice | None = None,
    house: HouseStyle | None = None,
) -> list[RenderedPart]:
    """The document type's template rendered for `meta` (no library involved)."""
    name = template_name(meta.kind, meta.role)
    context = template_context(meta, status, next_steps, voice=voice, house=house)
    return render_parts(name, context)


def meta_house_style(
    meta: ProposalMeta, library: Library | None, config: Config | None
) -> HouseStyle:
    """The unit's house style for a reply (a co-handling opinion keeps the template's)."""
    config = config or Config()
    if meta.role != "reply":
        return HouseStyle()
    return house_style(library, meta, former=config.former_units, pinned=config.phrases)


def _paragraphs(texts: list[str], items: list[Item]) -> list[Paragraph]:
    """Paragraphs for rendered lines, with the library source of those that hold an item."""
    by_text: dict[str, list[Item]] = {}
    for item in items:
        by_text.setdefault(item.text, []).append(item)
    paragraphs = []
    for text in texts:
        _ordinal, rest = strip_ordinal(text)
        found = by_text.get(rest) or by_text.get(text)
        used = found.pop(0) if found else None
        paragraphs.append(
            Paragraph(text, used.source_id if used else None, used.source_year if used else None)
        )
    return paragraphs


def build_skeleton(
    meta: ProposalMeta, library: Library | None, *, config: Config | None = None
) -> Draft:
    """The complete skeleton for `meta`: template phrases, library paragraphs, placeholders.

    `library=None` leaves status and next steps as placeholders. The returned draft's meta has
    the config's defaults, the inferred kind and the extracted demands filled in.
    """
    meta = complete_meta(meta, config)
    voice = meta_voice(meta, config)
    former = config.former_units if config else []
    status, next_steps = fill_items(meta, library, voice=voice, former=former)
    house = meta_house_style(meta, library, config)
    parts = [
        DraftPart(part.kind, _paragraphs(part.paragraphs, status + next_steps))
        for part in render_template_parts(meta, status, next_steps, voice=voice, house=house)
        if part.paragraphs
    ]
    return renumber_draft(Draft(meta=meta, parts=parts))


def refresh_frame(draft: Draft, new_meta: ProposalMeta, *, config: Config | None = None) -> Draft:
    """Re-render `draft` for changed metadata without losing the officer's edits.

    A part still exactly as the template wrote it for the old metadata is rewritten for the new;
    a part the officer edited is kept as it is. Returns a new draft with the new metadata.
    """
    new_meta = complete_meta(new_meta, config)
    old_meta = complete_meta(draft.meta, config)
    old_voice, new_voice = meta_voice(old_meta, config), meta_voice(new_meta, config)
    old = {p.kind: p.paragraphs for p in render_template_parts(old_meta, voice=old_voice)}
    new = {p.kind: p.paragraphs for p in render_template_parts(new_meta, voice=new_voice)}
    parts = []
    for part in draft.parts:
        texts = [p.text for p in part.paragraphs]
        if part.kind in old and texts == old[part.kind] and part.kind in new:
            parts.append(DraftPart(part.kind, [Paragraph(t) for t in new[part.kind]]))
        else:
            parts.append(DraftPart(part.kind, [dataclasses.replace(p) for p in part.paragraphs]))
    return renumber_draft(Draft(meta=new_meta, parts=parts))
