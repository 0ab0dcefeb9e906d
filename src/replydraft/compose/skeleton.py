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
import datetime as _dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from replydraft.anatomy import ADDRESSEE_TITLES, KIND_NAMES, ROLES, kind_from_title
from replydraft.compose.templates import RenderedPart, render_parts, template_name
from replydraft.config import DEFAULT_WORK_PHRASE, Config
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.draft.numbering import renumber_draft
from replydraft.errors import ReplydraftError
from replydraft.text.dates import official_date
from replydraft.text.demands import demand_summary, extract_demands
from replydraft.text.normalize import to_fullwidth_punct
from replydraft.text.ordinals import strip_ordinal
from replydraft.text.placeholders import placeholder
from replydraft.text.staleness import mark_stale

if TYPE_CHECKING:  # pragma: no cover
    from replydraft.library.model import Entry
    from replydraft.library.store import Library

STATUS_ITEMS = 3
"""How many library paragraphs pre-fill the status part."""
NEXT_STEP_ITEMS = 4
"""How many pre-fill the next steps when the proposal's demands are not known."""

DEMAND_CANDIDATES = 5
"""How many matches for a demand are tried before it is left as a placeholder."""

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


def draft_year(meta: ProposalMeta) -> int:
    """The year the reply is written in: from its date, else this year."""
    if meta.date:
        found = re.match(r"\s*(\d{4})", meta.date)
        if found:
            return int(found.group(1))
    return _dt.date.today().year


def complete_meta(meta: ProposalMeta, config: Config | None) -> ProposalMeta:
    """A copy of `meta` with the config's defaults and the kind inferred from the title."""
    meta = dataclasses.replace(
        meta, co_proposers=list(meta.co_proposers), demands=list(meta.demands)
    )
    config = config or Config()
    for name in ("unit", "leader", "handler", "phone"):
        if not getattr(meta, name):
            setattr(meta, name, getattr(config, name))
    meta.work_phrase = meta.work_phrase or config.work_phrase or DEFAULT_WORK_PHRASE
    meta.title = meta.title.strip()
    if meta.kind is None:
        meta.kind = kind_from_title(meta.title)
    if meta.kind is not None and meta.kind not in KIND_NAMES:
        raise ReplydraftError(f"unknown kind '{meta.kind}' (use suggestion, proposal or motion)")
    if meta.role not in ROLES:
        raise ReplydraftError(f"unknown role '{meta.role}' (use reply or co_opinion)")
    if meta.date and official_date(meta.date) is None:
        raise ReplydraftError(f"not a date: '{meta.date}' (write it like 2026-05-20)")
    if meta.proposal_text and not meta.demands:
        meta.demands = extract_demands(meta.proposal_text)
    return meta


# --- filling status and next steps from the library ---------------------------------------


def reuse_text(entry: Entry, draft_year: int) -> str:
    """A library paragraph as it goes into a draft: one line, no ordinal of its own (it is
    renumbered where it lands), full-width punctuation, and `【待核】` after stale figures.

    The skeleton and the terminal UI's insert both use this, so a paragraph reads the same
    however it got into the draft.
    """
    _ordinal, text = strip_ordinal(" ".join(entry.text.split()))
    source_year = entry.source.year if entry.source else None
    return mark_stale(to_fullwidth_punct(text), draft_year, source_year)


def _item(entry: Entry, year: int, score: float, demand: str | None = None) -> Item:
    source_year = entry.source.year if entry.source else None
    return Item(reuse_text(entry, year), entry.id, source_year, demand, score)


def _best(
    library: Library, query: str, section: str, used: set[str], count: int
) -> list[tuple[Entry, float]]:
    """Up to `count` unused measure entries for `query`, the section's own ones first."""
    matches = library.search(query, top=count + len(used) + 8, section=section)
    usable = [
        m
        for m in matches
        if m.entry.id not in used
        and m.entry.kind == "measure"
        and not m.entry.retired
        and m.entry.section in (section, "other")
    ]
    usable.sort(key=lambda m: m.entry.section != section)  # stable
    chosen = [(m.entry, m.score) for m in usable[:count]]
    used.update(entry.id for entry, _score in chosen)
    return chosen


def _answer(library: Library | None, demand: str, year: int, used: set[str]) -> Item | None:
    """The best unused next-step paragraph that answers `demand` (as `check` judges answers)."""
    if library is None:
        return None
    from replydraft.draft.checks import is_answered

    for entry, score in _best(library, demand, "next_steps", set(used), DEMAND_CANDIDATES):
        if is_answered(demand, [entry.text]):
            used.add(entry.id)
            return _item(entry, year, score, demand)
    return None


def fill_items(meta: ProposalMeta, library: Library | None) -> tuple[list[Item], list[Item]]:
    """(status items, next-step items): library matches, or placeholders where there are none."""
    year = draft_year(meta)
    query = " ".join([title_core(meta.title), *(demand_summary(d) for d in meta.demands)]).strip()
    status: list[Item] = []
    next_steps: list[Item] = []
    used: set[str] = set()
    if library is not None and query:
        status = [_item(e, year, s) for e, s in _best(library, query, "status", used, STATUS_ITEMS)]
        if not meta.demands:
            found = _best(library, query, "next_steps", used, NEXT_STEP_ITEMS)
            next_steps = [_item(e, year, s) for e, s in found]
    for demand in meta.demands:
        answer = _answer(library, demand, year, used)
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
    meta: ProposalMeta, status: list[Item] | None = None, next_steps: list[Item] | None = None
) -> dict[str, Any]:
    """Every field a template may use; anything unknown is its `【待填：…】` placeholder."""

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
        "year": draft_year(meta),
        "leader": given(meta.leader, "分管领导"),
        "handler": given(meta.handler, "承办人"),
        "phone": given(meta.phone, "联系电话"),
        "category": given(meta.category, "答复类别"),
        "disclosure": given(meta.disclosure, "公开属性"),
        "work_phrase": meta.work_phrase or DEFAULT_WORK_PHRASE,
        "demands": list(meta.demands),
        "status_items": status or [],
        "next_step_items": next_steps or [],
    }


def render_template_parts(
    meta: ProposalMeta, status: list[Item] | None = None, next_steps: list[Item] | None = None
) -> list[RenderedPart]:
    """The document type's template rendered for `meta` (no library involved)."""
    name = template_name(meta.kind, meta.role)
    return render_parts(name, template_context(meta, status, next_steps))


def _paragraphs(texts: list[str], items: list[Item]) -> list[Paragraph]:
    """Paragraphs for rendered lines, with the library source of those that hold an item."""
    by_text: dict[str, list[Item]] = {}
    for item in items:
        by_text.setdefault(item.text, []).append(item)
    paragraphs = []
    for text in texts:
        _ordinal, rest = strip_ordinal(text)
        found = by_text.get(rest) or by_text.get(text)
        item = found.pop(0) if found else None
        paragraphs.append(
            Paragraph(text, item.source_id if item else None, item.source_year if item else None)
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
    status, next_steps = fill_items(meta, library)
    parts = [
        DraftPart(part.kind, _paragraphs(part.paragraphs, status + next_steps))
        for part in render_template_parts(meta, status, next_steps)
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
    old = {p.kind: p.paragraphs for p in render_template_parts(old_meta)}
    new = {p.kind: p.paragraphs for p in render_template_parts(new_meta)}
    parts = []
    for part in draft.parts:
        texts = [p.text for p in part.paragraphs]
        if part.kind in old and texts == old[part.kind] and part.kind in new:
            parts.append(DraftPart(part.kind, [Paragraph(t) for t in new[part.kind]]))
        else:
            parts.append(DraftPart(part.kind, [dataclasses.replace(p) for p in part.paragraphs]))
    return renumber_draft(Draft(meta=new_meta, parts=parts))
