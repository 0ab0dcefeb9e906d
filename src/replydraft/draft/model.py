"""A draft reply on disk: the proposal's metadata, then the ordered parts and their paragraphs.

Each paragraph keeps its text as edited (ordinal included, as it will be printed) and, when it
was reused, the library entry it came from. Ordinals are re-derived from position by
`replydraft.text.ordinals`, so inserting, moving or deleting a paragraph renumbers what follows.
The YAML form is for people: block scalars, Chinese unescaped, stable key order.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from replydraft.errors import ReplydraftError
from replydraft.files.atomic import atomic_write_text
from replydraft.files.yaml import dump_yaml, load_yaml_file

DRAFT_FORMAT = 1


@dataclass
class ProposalMeta:
    """What the officer was assigned, plus who signs: everything a skeleton is rendered from."""

    title: str = ""
    """The proposal's title, e.g. 关于加快人工智能产业发展的建议."""
    kind: str | None = None
    """suggestion (建议, a deputy's), proposal (提案, a member's) or motion (议案)."""
    number: int | None = None
    session: str | None = None
    """As the title line writes it, e.g. 市十八届人大二次会议."""
    proposer: str | None = None
    co_proposers: list[str] = field(default_factory=list)
    role: str = "reply"
    """reply (答复) or co_opinion (协办意见 to the lead unit)."""
    lead_unit: str | None = None
    unit: str | None = None
    """The responding unit, e.g. 余姚市科学技术局."""
    date: str | None = None
    """ISO date of the reply, e.g. 2026-05-20."""
    leader: str | None = None
    handler: str | None = None
    phone: str | None = None
    category: str | None = None
    """Answer category: A, B, C or D."""
    disclosure: str | None = None
    """公开属性: 主动公开, 依申请公开 or 不予公开."""
    work_phrase: str | None = None
    """How the unit names its own work in thanks and closing, e.g. 科技工作."""
    proposal_text: str | None = None
    demands: list[str] = field(default_factory=list)
    """The proposal's numbered demands, each answered by a next-step item."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProposalMeta:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Paragraph:
    """One paragraph of the draft: a line of the reply as the officer will see it."""

    text: str
    source_id: str | None = None
    """The library entry this paragraph was reused from, if any."""
    source_year: int | None = None
    """The year of that entry's source, for flagging stale figures."""


@dataclass
class DraftPart:
    """One part of the reply (DOMAIN.md's anatomy): its kind and its paragraphs in order."""

    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Draft:
    """A reply being written: metadata plus ordered parts."""

    meta: ProposalMeta
    parts: list[DraftPart] = field(default_factory=list)

    def part(self, kind: str) -> DraftPart | None:
        """The first part of `kind`, or None."""
        return next((p for p in self.parts if p.kind == kind), None)

    def to_dict(self) -> dict[str, Any]:
        meta = {k: v for k, v in asdict(self.meta).items() if v not in (None, [], "")}
        parts = []
        for part in self.parts:
            paragraphs = []
            for paragraph in part.paragraphs:
                item: dict[str, Any] = {"text": paragraph.text}
                if paragraph.source_id:
                    item["source_id"] = paragraph.source_id
                if paragraph.source_year:
                    item["source_year"] = paragraph.source_year
                paragraphs.append(item)
            parts.append({"kind": part.kind, "paragraphs": paragraphs})
        return {"format": DRAFT_FORMAT, "meta": meta, "parts": parts}

    @classmethod
    def from_dict(cls, data: Any, path: str | os.PathLike[str] | None = None) -> Draft:
        """Build a draft from its YAML mapping; a wrong shape raises a one-line error."""
        if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
            raise ReplydraftError("not a replydraft draft (expected 'meta' and 'parts')", path)
        parts_data = data.get("parts") or []
        if not isinstance(parts_data, list):
            raise ReplydraftError("'parts' must be a list", path)
        parts: list[DraftPart] = []
        for index, item in enumerate(parts_data, 1):
            if not isinstance(item, dict) or not isinstance(item.get("kind"), str):
                raise ReplydraftError(f"part {index} needs a 'kind'", path)
            paragraphs = []
            for para in item.get("paragraphs") or []:
                if isinstance(para, str):
                    para = {"text": para}
                if not isinstance(para, dict) or not isinstance(para.get("text"), str):
                    raise ReplydraftError(
                        f"part {index} ({item['kind']}): a paragraph needs 'text'", path
                    )
                paragraphs.append(
                    Paragraph(para["text"], para.get("source_id"), para.get("source_year"))
                )
            parts.append(DraftPart(item["kind"], paragraphs))
        try:
            meta = ProposalMeta.from_dict(data["meta"])
        except TypeError as exc:
            raise ReplydraftError(f"bad 'meta': {exc}", path) from None
        return cls(meta=meta, parts=parts)

    def to_yaml(self) -> str:
        return dump_yaml(self.to_dict())

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the draft atomically (temp file, then rename)."""
        atomic_write_text(path, self.to_yaml())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Draft:
        """Read a draft saved by `save`; malformed files raise `ReplydraftError`."""
        return cls.from_dict(load_yaml_file(Path(path)), path)
