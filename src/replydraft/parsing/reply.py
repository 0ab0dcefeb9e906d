"""The parsed structure of one reply (答复) or co-handling opinion (协办意见).

`Reply.to_dict()` is the JSON contract of `replydraft parse --json`: keep its names, add freely.
Offsets into reply text are characters, never bytes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Part:
    """A run of the reply's text that plays one role (title, salutation, …)."""

    kind: str
    text: str


@dataclass
class Measure:
    """The finest numbered unit (一是…, 1、…, （一）…), or a body paragraph of a prose reply."""

    section: str
    headings: list[str]
    ordinal: str | None
    text: str


@dataclass
class Contacts:
    """Who signed off and who to call: 分管领导, 承办人, 联系电话."""

    leader: str | None = None
    handler: str | None = None
    phone: str | None = None


@dataclass
class Reply:
    """Every field a person would read off a past reply; unknown ones stay None."""

    doc_type: str = "reply"
    proposal_kind: str | None = None
    session: str | None = None
    number: int | None = None
    addressee: str | None = None
    addressee_title: str | None = None
    proposer: str | None = None
    co_proposers: list[str] = field(default_factory=list)
    proposal_title: str | None = None
    responding_unit: str | None = None
    date: str | None = None
    category: str | None = None
    contacts: Contacts = field(default_factory=Contacts)
    parts: list[Part] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    title: str | None = None
    salutation: str | None = None
    disclosure: str | None = None
    doc_number: str | None = None
    proposal_text: str | None = None
    """The suggestion's own text, when the page held it above its reply (a public record)."""

    def to_dict(self) -> dict:
        """The JSON contract, with its fields in the documented order."""
        data = asdict(self)
        head = [
            "doc_type",
            "proposal_kind",
            "session",
            "number",
            "addressee",
            "addressee_title",
            "proposer",
            "co_proposers",
            "proposal_title",
            "responding_unit",
            "date",
            "category",
            "contacts",
            "parts",
            "measures",
        ]
        ordered = {key: data.pop(key) for key in head}
        ordered.update(data)
        return ordered
