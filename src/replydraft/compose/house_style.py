"""A unit's house style: the set phrases of its own most recent replies, fitted to a new proposal.

Each unit keeps its phrases year after year: `你提出的《…》建议,已交我们研究办理,` / `现答复如下:` /
`感谢各位代表对我县水利事业的关心、支持和理解,欢迎你们对水利工作多提宝贵的建议和意见…` /
`(联系人:郭华;联系电话:0851-86811920)` / `泸交函〔2021〕43号` (DOMAIN.md, "Every kind of unit").
When the library holds replies by the officer's unit (matched by `voice.same_unit`, former names
included), `house_style` takes each phrase from the newest such reply that has it (a reply for
the same kind of proposal first), and `adapt` puts this proposal's title, number, session, proposers,
contacts and year in place of the old ones. A phrase the officer pinned (config `phrases`) wins.
Without the unit's replies there is no house style and the templates speak with the derived voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from replydraft.anatomy import ADDRESSEE_TITLES, KIND_NAMES, kind_from_title
from replydraft.compose.voice import same_unit
from replydraft.text.foreign import SURNAMES
from replydraft.text.normalize import to_fullwidth_punct
from replydraft.text.placeholders import placeholder
from replydraft.text.topic import Topic

if TYPE_CHECKING:  # pragma: no cover
    from replydraft.draft.model import ProposalMeta
    from replydraft.library.model import Entry, Source
    from replydraft.library.store import Library

HOUSE_KINDS = ("acknowledgement", "thanks", "handling", "closing", "contact", "header")
"""The set phrases a house style may supply (library entry kinds of the same names)."""

_END = "。！!？?”"
_VALID = {
    "acknowledgement": lambda t: ("提出" in t or "收悉" in t) and len(t) >= 10,
    "thanks": lambda t: "感谢" in t and len(t) >= 8,
    "handling": lambda t: any(w in t for w in ("答复", "如下", "办理", "研究")) and len(t) >= 4,
    "closing": lambda t: len(t) >= 8 and t.rstrip()[-1:] in _END,
    "contact": lambda t: "联系" in t or "承办人" in t or "经办人" in t,
    "header": lambda t: re.search(r"〔\d{4}〕\s*\d+\s*号", t) is not None,
}
"""What a usable phrase of each kind looks like: a cut-off closing (`尊敬的代表,我们的工作`) is not one."""


@dataclass
class HouseStyle:
    """The unit's set phrases for one proposal, ready for the template (None: not known)."""

    acknowledgement: str | None = None
    thanks: str | None = None
    """'' when the unit's newest reply thanks nobody separately (its style): the part is left out."""
    handling: str | None = None
    closing: str | None = None
    contact: str | None = None
    header: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    """The library entry each phrase came from, by kind (pinned phrases: 'pinned')."""

    def as_context(self) -> dict[str, str | None]:
        """The template's `house` mapping: every kind, None where the style says nothing."""
        return {kind: getattr(self, kind) for kind in HOUSE_KINDS}

    @property
    def empty(self) -> bool:
        return not self.sources


def _sources_of(entry: Entry) -> list[Source]:
    return [entry.source, *(version.source for version in entry.versions)]


def own_phrase_entries(
    library: Library, unit: str | None, former: tuple[str, ...] | list[str] = ()
) -> list[Entry]:
    """The library's set-phrase entries from replies by `unit` (or its former names)."""
    if not unit:
        return []
    seen: dict[str, bool] = {}
    found = []
    for entry in library.entries:
        if entry.kind not in HOUSE_KINDS or entry.retired:
            continue
        names = {s.unit for s in _sources_of(entry) if s.unit}
        if any(seen.setdefault(n, same_unit(unit, n, former=former)) for n in names):
            found.append(entry)
    return found


def _newest_key(source: Source, kind: str | None) -> tuple[bool, tuple[int, str, str]]:
    same_kind = kind is not None and kind_from_title(source.proposal_title or "") == kind
    return (same_kind, source.age_key())


def house_style(
    library: Library | None,
    meta: ProposalMeta,
    *,
    former: tuple[str, ...] | list[str] = (),
    pinned: dict[str, str] | None = None,
) -> HouseStyle:
    """The house style of `meta.unit` for `meta`, from its replies in `library` and `pinned`."""
    style = HouseStyle()
    entries = own_phrase_entries(library, meta.unit, former) if library is not None else []
    by_kind = _phrases_by_kind(entries, meta, former)
    for kind, found in by_kind.items():
        _key, entry = max(found, key=lambda pair: pair[0])
        setattr(style, kind, adapt(kind, entry.text, meta))
        style.sources[kind] = entry.id
    _drop_outdated_thanks(style, by_kind)
    for kind, text in (pinned or {}).items():
        if kind in HOUSE_KINDS and isinstance(text, str) and text.strip():
            setattr(style, kind, adapt(kind, text.strip(), meta))
            style.sources[kind] = "pinned"
    return style


if TYPE_CHECKING:
    _Ranked = dict[str, list[tuple[tuple[bool, tuple[int, str, str]], Entry]]]
    """Set phrases by kind, each with its newness key (`_newest_key`)."""


def _phrases_by_kind(
    entries: list[Entry], meta: ProposalMeta, former: tuple[str, ...] | list[str]
) -> _Ranked:
    """The unit's usable set phrases of each kind, each with its newness key (same kind of
    proposal first, then the newest source)."""
    by_kind: _Ranked = {}
    for entry in entries:
        if not _VALID[entry.kind](" ".join(entry.text.split())):
            continue
        for source in _sources_of(entry):
            if _about_its_proposal(entry, source):
                continue
            if source.unit and same_unit(meta.unit, source.unit, former=former):
                by_kind.setdefault(entry.kind, []).append((_newest_key(source, meta.kind), entry))
    return by_kind


def _drop_outdated_thanks(style: HouseStyle, by_kind: _Ranked) -> None:
    """When the unit's newest reply (its newest acknowledgement or closing) has no separate
    thanks, the skeleton has none either."""
    anchor = None
    for kind in ("acknowledgement", "closing"):
        if by_kind.get(kind):
            key = max(by_kind[kind], key=lambda pair: pair[0])[0]
            anchor = key if anchor is None or key > anchor else anchor
    if anchor is not None and style.thanks is not None and by_kind.get("thanks"):
        newest_thanks = max(by_kind["thanks"], key=lambda pair: pair[0])[0]
        if newest_thanks[1] < anchor[1]:
            style.thanks = ""
    elif anchor is not None and "thanks" not in by_kind:
        style.thanks = ""
        style.sources.setdefault("thanks", "")


def _about_its_proposal(entry: Entry, source: Source) -> bool:
    """A thanks, handling or closing phrase that speaks of its own proposal's topic
    (`感谢您对推动高新技术企业高质量提升工作的支持`, from a reply on 高新技术企业): not a set
    phrase of the unit's, so another proposal must not inherit it."""
    if entry.kind not in ("thanks", "handling", "closing") or not source.proposal_title:
        return False
    topic = Topic.of(source.proposal_title)
    return bool(topic.terms) and topic.shared(entry.text) >= max(2, topic.needed())


# --- fitting a phrase to this proposal -------------------------------------------------------

_QUOTED_TITLE = re.compile(r"《[^》]*》|“[^”]*”|\"[^\"]*\"")
_BARE_TITLE = re.compile(r"(?<=提出的)关于[^，,。；;]*?(?:建议|提案|议案|问题)")
_NUMBER = re.compile(r"第\s*[0-9０-９]+\s*号")
_SESSION = re.compile(
    r"(?<![\u4e00-\u9fff])(?:(?<=在)|(?<=于))?"
    r"[^\s，,。:：；;“”《》()（）在于]{1,20}?届[^\s，,。:：；;“”《》()（）]{0,12}?(?:会议|會議)"
    r"|(?<=在)[^，,。；;在]{4,40}?会议(?=期间|上|大会期间)"
)
"""A session, wherever the phrase names it: `在市十八届人大一次会议大会期间`, or in brackets
after the title `（市政协十四届四次会议第176号提案）`; a session has a 届 or is said before 期间."""
_NAMES = re.compile(
    r"(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})*)(?P<deng>等)?(?P<title>代表|委员)"
)
_ALL_OF_YOU = re.compile(r"各位(?:代表|委员)")
_KIND_AFTER = re.compile(r"(?<=[》”\"号])(?:建议|提案|议案)")
_PERSON_FIELD = re.compile(
    r"(?P<label>联系人|承办人|经办人|分管领导|签发人)(?P<sep>\s*[:：]\s*)(?P<name>[\u4e00-\u9fff]{2,4})"
)
_PHONE_FIELD = re.compile(
    r"(?P<label>联系电话|电话|手机)(?P<sep>\s*[:：]\s*)(?P<phone>[0-9０-９\-—－ ]{5,})"
)
_DOC_NUMBER = re.compile(r"〔\s*\d{4}\s*〕\s*\d+\s*号")


def _is_name(word: str) -> bool:
    return word[:1] in SURNAMES and not any(c in "的对们你您我各位感谢" for c in word)


def _names(meta: ProposalMeta) -> str:
    proposer = meta.proposer or placeholder("领衔人")
    return "、".join([proposer, *meta.co_proposers])


def adapt(kind: str, text: str, meta: ProposalMeta) -> str:
    """A past reply's set phrase with this proposal's facts in place of that reply's.

    Title (quoted or bare), number, session, kind of proposal, proposers' names and their
    title (代表/委员), contact names and phone (this proposal's, else a placeholder for names),
    and the year of a document number (its serial becomes a placeholder).
    """
    text = " ".join(text.split())
    if kind == "acknowledgement":
        text = _fit_acknowledgement(text, meta)
    if kind in ("acknowledgement", "thanks", "closing"):
        text = _fit_names(kind, text, meta)
    if kind == "contact":
        text = _fit_contact(text, meta)
    if kind == "header":
        year = (meta.date or "")[:4]
        year = year if year.isdigit() else placeholder("年份")
        text = _DOC_NUMBER.sub(f"〔{year}〕{placeholder('文号')}号", text)
    return to_fullwidth_punct(text)


def _fit_acknowledgement(text: str, meta: ProposalMeta) -> str:
    """This proposal's title, number, session and kind; 你/您 or 你们 by the proposers."""
    title = (meta.title or "").strip().strip('《》“”"') or placeholder("建议标题")
    text = _QUOTED_TITLE.sub(lambda m: m.group(0)[0] + title + m.group(0)[-1], text, count=1)
    if not _QUOTED_TITLE.search(text):
        text = _BARE_TITLE.sub(title, text, count=1)
    number = f"第{meta.number}号" if meta.number else placeholder("编号")
    text = _NUMBER.sub(number, text)
    text = _SESSION.sub(meta.session or placeholder("会议届次"), text)
    kind_name = KIND_NAMES.get(meta.kind or "", "")
    if kind_name:
        text = _KIND_AFTER.sub(kind_name, text)
    many = bool(meta.co_proposers)
    text = re.sub(r"(?<![们])(你|您)(?=提出|在)", lambda m: "你们" if many else m.group(1), text)
    if not many:
        text = re.sub(r"(你|您)们(?=提出|在)", r"\1", text)
    return text


def _fit_names(kind: str, text: str, meta: ProposalMeta) -> str:
    """This proposal's proposers (and 代表/委员) in place of the old reply's."""
    addressee = ADDRESSEE_TITLES.get(meta.kind or "", "")

    def names(match: re.Match[str]) -> str:
        found = match.group("names").split("、")
        if not all(_is_name(n[-3:]) or _is_name(n[-2:]) for n in found):
            return match.group(0)
        head = ""
        first = found[0]
        for size in (3, 2):  # keep words glued before the first name: 感谢李治萍 → 感谢
            if _is_name(first[-size:]):
                head = first[:-size]
                break
        return head + _names(meta) + (addressee or match.group("title"))

    text = _NAMES.sub(names, text)
    if kind == "acknowledgement":
        # `您与丁伯灿、陆桂芳代表在…提出的`: the others are this proposal's co-proposers.
        joint = re.compile(rf"(你|您)们?与{re.escape(_names(meta))}(?P<title>代表|委员)")
        others = "、".join(meta.co_proposers)
        text = joint.sub(
            lambda m: m.group(1) + (f"与{others}{m.group('title')}" if others else ""), text
        )
    if addressee:
        text = _ALL_OF_YOU.sub("各位" + addressee, text)
    return text


def _fit_contact(text: str, meta: ProposalMeta) -> str:
    """This draft's handler, leader and phone in the unit's contact line; the phone is added
    when the unit's line names none (the deputy still needs a number to call)."""
    people = {
        "联系人": meta.handler,
        "承办人": meta.handler,
        "经办人": meta.handler,
        "分管领导": meta.leader,
        "签发人": meta.leader,
    }

    def person(match: re.Match[str]) -> str:
        label = match.group("label")
        return f"{label}：{people.get(label) or placeholder(label)}"

    text = _PERSON_FIELD.sub(person, text)
    phone = meta.phone
    if phone and _PHONE_FIELD.search(text):
        return _PHONE_FIELD.sub(lambda m: f"{m.group('label')}：{phone}", text)
    if phone:
        line = text.rstrip()
        closing = line[-1:] if line[-1:] in "）)" else ""
        return f"{line[: len(line) - len(closing)]}，联系电话：{phone}{closing}"
    return text
