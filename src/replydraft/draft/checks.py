"""Checks on a draft before it is sent: what an officer or a reviewer would send back.

`check_draft(draft)` lists every problem with where it is: the part, the paragraph's index in
that part, and the 0-based line in `text_form.render_text(draft)` (what the editor shows).
A clean draft yields an empty list. Offsets are characters.

Codes: placeholder, salutation, title_mismatch, numbering, stale, foreign, halfwidth, duplicate,
unanswered_demand. Codes are the machine contract; messages are Chinese, for the officer, short,
and quote the offending text (e.g. `未填写：【待填：编号】`, `标题为第107号，收悉句为第108号`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from replydraft.anatomy import ADDRESSEE_TITLES, KIND_NAMES, kind_from_title
from replydraft.draft.model import Draft, Paragraph
from replydraft.draft.numbering import draft_numbering_issues
from replydraft.draft.text_form import part_lines
from replydraft.messages import msg
from replydraft.text.foreign import foreign_token_before
from replydraft.text.normalize import fold, is_cjk, to_fullwidth_punct
from replydraft.text.ordinals import strip_ordinal
from replydraft.text.placeholders import find_placeholders
from replydraft.text.staleness import find_stale_marks, strip_stale_marks

CODES = (
    "placeholder",
    "salutation",
    "title_mismatch",
    "numbering",
    "stale",
    "foreign",
    "halfwidth",
    "duplicate",
    "unanswered_demand",
)

ANSWER_PARTS = ("status", "next_steps", "problems")
"""Parts whose paragraphs can answer a demand of the proposal."""

DEMAND_PARTIAL_RATIO = 60.0
"""A demand is answered when rapidfuzz `partial_ratio` of its folded core against a paragraph
reaches this (0..100)…"""
DEMAND_BIGRAM_SHARE = 0.4
"""…or when this share of the demand's Chinese bigrams (common words left out) occur in it."""

STALE_SHOWN = 6
"""How many stale figures a message names before it says 等."""

MIN_DUPLICATE_CHARS = 8
"""Paragraphs shorter than this (placeholders and ordinal left out) are never duplicates."""

_NUMBER = re.compile(r"第\s*([0-9]+)\s*号\s*(建议|提案|议案)?")
_QUOTED = re.compile(r"《([^》]+)》|“([^”]+)”|\"([^\"]+)\"")
_NOT_TEXT = re.compile(r"[\s\u3000【】《》“”\"'‘’（）()，,。.、；;：:！!？?]+")
_COMMON_BIGRAMS = frozenset(
    "企业 科技 创新 我们 我市 我局 加强 加大 加快 推进 推动 进一步 一步 建议 支持 工作 发展 "
    "提升 完善 建设 服务 实施 开展 相关 政策 部门 力度 积极 鼓励 关于 提高 机制 体系".split()
)


SourceLookup = Callable[[str], "tuple[str | None, int | None] | None"]
"""A library paragraph's (unit, year) from its id, None when the library does not have it."""


@dataclass(frozen=True)
class Problem:
    """One problem: a code from CODES, a message for people, and where it is."""

    code: str
    message: str
    part: str
    paragraph: int
    """Index of the paragraph within its part, 0-based."""
    line: int
    """Line in `text_form.render_text(draft)`, 0-based."""


@dataclass(frozen=True)
class _Where:
    part: str
    paragraph: int
    line: int
    text: str
    source: Paragraph | None = None
    part_index: int = -1
    """Index of the part in `draft.parts` (-1 for a stand-in that is no paragraph)."""


def _paragraphs(draft: Draft) -> list[_Where]:
    """Every non-blank paragraph with its part, index in the part and rendered line, in order.

    `render_text` leaves out blank paragraphs and parts with nothing in them, so lines count
    only what is shown, while `paragraph` stays the index in the part's own list.
    """
    shown = [
        (p, part)
        for p, part in enumerate(draft.parts)
        if any(paragraph.text.strip() for paragraph in part.paragraphs)
    ]
    found: list[_Where] = []
    for (p, part), (_kind, first, _last) in zip(shown, part_lines(draft), strict=True):
        line = first
        for index, paragraph in enumerate(part.paragraphs):
            if paragraph.text.strip():
                found.append(_Where(part.kind, index, line, paragraph.text, paragraph, p))
                line += 1
    return found


def _problem(code: str, message: str, where: _Where) -> Problem:
    return Problem(code, message, where.part, where.paragraph, where.line)


def _kind(draft: Draft) -> str | None:
    """The proposal's kind: as given, else from the title's ending (…建议 / …提案 / …议案)."""
    if draft.meta.kind in KIND_NAMES:
        return draft.meta.kind
    return kind_from_title(draft.meta.title or "")


def _part_where(draft: Draft, paragraphs: list[_Where], kinds: tuple[str, ...]) -> _Where:
    """The first paragraph of the first part of one of `kinds`, else the draft's first line."""
    for kind in kinds:
        for where in paragraphs:
            if where.part == kind:
                return where
    return _Where(kinds[0], 0, 0, "")


def check_placeholders(paragraphs: list[_Where]) -> Iterator[Problem]:
    for where in paragraphs:
        for found in find_placeholders(where.text):
            yield _problem(
                "placeholder",
                msg("check.placeholder", text=where.text[found.start : found.end]),
                where,
            )


def _missing_salutation(draft: Draft) -> str:
    """What to say when there is no salutation, with an example of the line it should be."""
    if draft.meta.role == "co_opinion":
        return msg("check.no_salutation_co", lead_unit=draft.meta.lead_unit or "×××")
    kind = _kind(draft)
    title = ADDRESSEE_TITLES[kind] if kind else msg("check.deputy_or_member")
    return msg("check.no_salutation", proposer=draft.meta.proposer or "×××", title=title)


def check_salutation(draft: Draft, paragraphs: list[_Where]) -> Iterator[Problem]:
    salutation = next((w for w in paragraphs if w.part == "salutation"), None)
    if salutation is None:
        yield _problem(
            "salutation", _missing_salutation(draft), _part_where(draft, paragraphs, ("title",))
        )
        return
    text = salutation.text.strip().rstrip(":：").strip()
    if find_placeholders(text):
        return  # reported as a placeholder already
    meta = draft.meta
    if meta.role == "co_opinion":
        if text.endswith(("代表", "委员")):
            yield _problem(
                "salutation",
                msg("check.co_to_lead_unit", lead_unit=meta.lead_unit or "", text=text),
                salutation,
            )
        elif (
            meta.lead_unit
            and fold(meta.lead_unit) not in fold(text)
            and fold(text) not in fold(meta.lead_unit)
        ):
            yield _problem(
                "salutation",
                msg("check.not_lead_unit", text=text, lead_unit=meta.lead_unit),
                salutation,
            )
        return
    kind = _kind(draft)
    if kind is None:
        return
    expected = ADDRESSEE_TITLES[kind]
    other = "委员" if expected == "代表" else "代表"
    if text.endswith(other):
        yield _problem(
            "salutation",
            msg("check.wrong_title", kind=KIND_NAMES[kind], expected=expected, other=other),
            salutation,
        )
    elif not text.endswith(expected):
        yield _problem(
            "salutation", msg("check.salutation_form", expected=expected, text=text), salutation
        )
    if meta.proposer and meta.proposer not in text:
        yield _problem(
            "salutation", msg("check.not_proposer", text=text, proposer=meta.proposer), salutation
        )


def _squeeze(text: str) -> str:
    return _NOT_TEXT.sub("", fold(text))


def _quoted_title(text: str) -> str | None:
    match = _QUOTED.search(text)
    return next((g for g in match.groups() if g), None) if match else None


def check_title_mismatch(draft: Draft, paragraphs: list[_Where]) -> Iterator[Problem]:
    titles = [w for w in paragraphs if w.part == "title"]
    acks = [w for w in paragraphs if w.part == "acknowledgement"]
    if not acks:
        return
    title_text = fold("".join(w.text for w in titles))
    ack = acks[0]
    ack_text = fold("".join(w.text for w in acks))
    in_title, in_ack = _NUMBER.search(title_text), _NUMBER.search(ack_text)
    if in_title and in_ack:
        if in_title.group(1) != in_ack.group(1):
            yield _problem(
                "title_mismatch",
                msg("check.number_mismatch", title=in_title.group(1), ack=in_ack.group(1)),
                ack,
            )
        kinds = (in_title.group(2), in_ack.group(2))
        if all(kinds) and kinds[0] != kinds[1]:
            yield _problem(
                "title_mismatch", msg("check.kind_mismatch", title=kinds[0], ack=kinds[1]), ack
            )
    quoted = _quoted_title(ack_text)
    if quoted is None:
        return
    title_quoted = _quoted_title(title_text)
    if title_quoted and _squeeze(title_quoted) != _squeeze(quoted):
        yield _problem(
            "title_mismatch", msg("check.title_mismatch", title=title_quoted, ack=quoted), ack
        )
    elif draft.meta.title and _squeeze(draft.meta.title) != _squeeze(quoted):
        yield _problem(
            "title_mismatch",
            msg("check.ack_vs_meta", ack=quoted, title=draft.meta.title.strip().strip("《》")),
            ack,
        )


def check_numbering(draft: Draft, paragraphs: list[_Where]) -> Iterator[Problem]:
    """Gaps, duplicates and broken hierarchy over the body, in the scopes that
    `draft.numbering.renumber_draft` counts (so a renumbered draft always passes).
    """
    at = {(w.part_index, w.paragraph): w for w in paragraphs}
    for p, i, message in draft_numbering_issues(draft):
        yield _problem("numbering", message, at[(p, i)])


def check_stale(paragraphs: list[_Where]) -> Iterator[Problem]:
    """One problem per paragraph still carrying `【待核】` marks, naming the figures."""
    for where in paragraphs:
        marks = [m for m in find_stale_marks(where.text) if not _is_foreign_mark(where.text, m)]
        if not marks:
            continue
        named = list(dict.fromkeys(m.token for m in marks if m.token))
        tokens = "、".join(named[:STALE_SHOWN]) + (
            msg("check.etc") if len(named) > STALE_SHOWN else ""
        )
        named_part = f"：{tokens}" if tokens else ""
        yield _problem("stale", msg("check.stale", named=named_part, count=len(marks)), where)


def _is_foreign_mark(text: str, mark) -> bool:
    """A mark after another unit's place, self-reference, person or date (`text.foreign`)."""
    return foreign_token_before(text, mark.start) is not None


def check_foreign(paragraphs: list[_Where]) -> Iterator[Problem]:
    """One problem per paragraph still carrying marks on another unit's or place's content."""
    for where in paragraphs:
        tokens = [
            token
            for mark in find_stale_marks(where.text)
            if (token := foreign_token_before(where.text, mark.start)) is not None
        ]
        if not tokens:
            continue
        named = list(dict.fromkeys(t.token for t in tokens))
        shown = "、".join(named[:STALE_SHOWN]) + (
            msg("check.etc") if len(named) > STALE_SHOWN else ""
        )
        yield _problem(
            "foreign",
            msg("check.foreign", shown=shown, count=len(tokens)),
            where,
        )


def check_halfwidth(paragraphs: list[_Where]) -> Iterator[Problem]:
    for where in paragraphs:
        fixed = to_fullwidth_punct(where.text)
        if fixed == where.text or not any(is_cjk(c) for c in where.text):
            continue
        spots = [i for i, (a, b) in enumerate(zip(where.text, fixed, strict=True)) if a != b]
        shown = "、".join(f"“{c}”" for c in dict.fromkeys(where.text[i] for i in spots))
        context = where.text[max(0, spots[0] - 6) : spots[0] + 7]
        spot = (
            msg("check.halfwidth_at", context=context)
            if len(spots) == 1
            else msg("check.halfwidth_spots", count=len(spots), context=context)
        )
        wanted = "、".join(f"“{c}”" for c in dict.fromkeys(fixed[i] for i in spots))
        yield _problem(
            "halfwidth", msg("check.halfwidth", shown=shown, spot=spot, wanted=wanted), where
        )


def _duplicate_key(text: str) -> str:
    _ordinal, rest = strip_ordinal(strip_stale_marks(text))
    for found in reversed(find_placeholders(rest)):
        rest = rest[: found.start] + rest[found.end :]
    return _squeeze(rest)


DUPLICATE_WORDS = 12
"""How many characters of a reused paragraph the duplicate warning quotes."""


def _first_words(text: str) -> str:
    """The start of a paragraph as the officer knows it: no ordinal, no 【待核】 marks."""
    _ordinal, rest = strip_ordinal(strip_stale_marks(text).strip())
    rest = rest.strip()
    return rest if len(rest) <= DUPLICATE_WORDS else rest[:DUPLICATE_WORDS] + "…"


def _source_label(where: _Where, sources: SourceLookup | None) -> str:
    """`余姚市科学技术局 2023年` for a library paragraph: unit and year, as far as known."""
    paragraph = where.source
    if paragraph is None or not paragraph.source_id:
        return ""
    found = sources(paragraph.source_id) if sources else None
    unit, year = found if found else (None, None)
    year = year or paragraph.source_year
    return " ".join(x for x in (unit, msg("check.year", year=year) if year else None) if x)


def check_duplicates(
    paragraphs: list[_Where], sources: SourceLookup | None = None
) -> Iterator[Problem]:
    by_source: dict[str, _Where] = {}
    by_text: dict[str, _Where] = {}
    for where in paragraphs:
        source_id = where.source.source_id if where.source else None
        if source_id:
            first = by_source.setdefault(source_id, where)
            if first is not where:
                label = _source_label(where, sources)
                origin = msg("check.source", label=label) if label else ""
                yield _problem(
                    "duplicate",
                    msg(
                        "check.reused",
                        words=_first_words(where.text),
                        origin=origin,
                        line=first.line + 1,
                    ),
                    where,
                )
                continue
        key = _duplicate_key(where.text)
        if len(key) < MIN_DUPLICATE_CHARS:
            continue
        first = by_text.setdefault(key, where)
        if first is not where:
            yield _problem("duplicate", msg("check.same_text", line=first.line + 1), where)


def _bigrams(squeezed: str) -> frozenset[str]:
    """The Chinese bigrams of an already `_squeeze`d text, common words left out."""
    return frozenset(
        squeezed[i : i + 2]
        for i in range(len(squeezed) - 1)
        if is_cjk(squeezed[i])
        and is_cjk(squeezed[i + 1])
        and squeezed[i : i + 2] not in _COMMON_BIGRAMS
    )


@dataclass(frozen=True)
class _Scored:
    """A demand's core or an answer's text as the scorers compare it, prepared once."""

    text: str
    bigrams: frozenset[str]

    @classmethod
    def of(cls, squeezed: str) -> _Scored:
        return cls(squeezed, _bigrams(squeezed))


def _demand(demand: str) -> _Scored:
    _ordinal, core = strip_ordinal(demand.strip())
    return _Scored.of(_squeeze(core))


def _answer(paragraph: str) -> _Scored:
    return _Scored.of(_squeeze(strip_stale_marks(paragraph)))


def _scores(demand: _Scored, answer: _Scored) -> tuple[float, float]:
    if not demand.text or not answer.text:
        return 0.0, 0.0
    ratio = fuzz.partial_ratio(demand.text, answer.text)
    wanted = demand.bigrams
    share = len(wanted & answer.bigrams) / len(wanted) if wanted else 0.0
    return ratio, share


def _answered(demand: _Scored, answers: list[_Scored]) -> bool:
    for answer in answers:
        ratio, share = _scores(demand, answer)
        if ratio >= DEMAND_PARTIAL_RATIO or share >= DEMAND_BIGRAM_SHARE:
            return True
    return False


def demand_scores(demand: str, paragraph: str) -> tuple[float, float]:
    """How well `paragraph` answers `demand`: (partial_ratio 0..100, bigram share 0..1)."""
    return _scores(_demand(demand), _answer(paragraph))


def is_answered(demand: str, paragraphs: list[str]) -> bool:
    """True when some paragraph answers `demand` (either score at its threshold)."""
    return _answered(_demand(demand), [_answer(text) for text in paragraphs])


def check_demands(draft: Draft, paragraphs: list[_Where]) -> Iterator[Problem]:
    demands = [d for d in draft.meta.demands if d and d.strip()]
    if not demands:
        return
    answers = [_answer(w.text) for w in paragraphs if w.part in ANSWER_PARTS]
    where = _part_where(draft, paragraphs, ("next_steps", "status"))
    for number, demand in enumerate(demands, 1):
        if not _answered(_demand(demand), answers):
            short = demand.strip() if len(demand.strip()) <= 40 else demand.strip()[:40] + "…"
            yield _problem(
                "unanswered_demand",
                msg("check.unanswered", number=number, demand=short),
                where,
            )


def check_draft(draft: Draft, sources: SourceLookup | None = None) -> list[Problem]:
    """Every problem in `draft`, in line order (stable within a line); [] when it is clean.

    `sources` names a library paragraph's unit and year from its id, for the duplicate warning
    (without it the year the draft recorded is all it shows).
    """
    paragraphs = _paragraphs(draft)
    problems = [
        *check_placeholders(paragraphs),
        *check_salutation(draft, paragraphs),
        *check_title_mismatch(draft, paragraphs),
        *check_numbering(draft, paragraphs),
        *check_stale(paragraphs),
        *check_foreign(paragraphs),
        *check_halfwidth(paragraphs),
        *check_duplicates(paragraphs, sources),
        *check_demands(draft, paragraphs),
    ]
    return sorted(problems, key=lambda p: p.line)


__all__ = ["CODES", "Problem", "check_draft", "demand_scores", "is_answered"]
