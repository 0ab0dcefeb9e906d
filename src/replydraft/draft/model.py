"""A draft reply on disk: the proposal's metadata, then the ordered parts and their paragraphs.

Each paragraph keeps its text as edited (ordinal included, as it will be printed) and, when it
was reused, the library entry it came from. Ordinals are re-derived from position by
`replydraft.text.ordinals`, so inserting, moving or deleting a paragraph renumbers what follows.
The YAML form is for people: block scalars, Chinese unescaped, stable key order. A file is
checked by `replydraft.draft.schema` before it becomes a `Draft`: wrong types, unknown kinds,
dates that do not exist and newer formats are one-line errors, and keys this version does not
know (a paragraph's `comment`, a top-level `attachments`) are kept and written back.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from replydraft.draft.schema import DRAFT_FORMAT, check_draft
from replydraft.errors import ReplydraftError
from replydraft.files import validate
from replydraft.files.atomic import clean_stale_temps
from replydraft.files.guard import MAX_DRAFT_BYTES, read_regular
from replydraft.files.saving import save_file
from replydraft.files.yaml import dump_yaml, load_yaml_text
from replydraft.messages import msg

__all__ = ["DRAFT_FORMAT", "Draft", "DraftPart", "Paragraph", "ProposalMeta"]


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
    cc: list[str] = field(default_factory=list)
    """抄送: the units a copy goes to (市督查局, 市政协提案委), printed above the last line."""
    work_phrase: str | None = None
    """How the unit names its own work in thanks and closing, e.g. 科技工作 (None: from `unit`)."""
    level_ref: str | None = None
    """How the unit names its place, e.g. 我县 (None: derived from `unit`)."""
    unit_ref: str | None = None
    """How the unit names itself, e.g. 我局, 我镇 (None: derived from `unit`)."""
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
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know (e.g. a reviewer's `comment`), written back unchanged."""


@dataclass
class DraftPart:
    """One part of the reply (DOMAIN.md's anatomy): its kind and its paragraphs in order."""

    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know, written back unchanged."""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Draft:
    """A reply being written: metadata plus ordered parts."""

    meta: ProposalMeta
    parts: list[DraftPart] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    """Top-level keys this version does not know (e.g. `attachments`), written back unchanged."""
    meta_extra: dict[str, Any] = field(default_factory=dict)
    """Keys of `meta` this version does not know, written back unchanged."""

    def part(self, kind: str) -> DraftPart | None:
        """The first part of `kind`, or None."""
        return next((p for p in self.parts if p.kind == kind), None)

    def to_dict(self) -> dict[str, Any]:
        meta = {k: v for k, v in asdict(self.meta).items() if v not in (None, [], "")}
        meta.update((k, v) for k, v in self.meta_extra.items() if k not in meta)
        parts = []
        for part in self.parts:
            paragraphs = []
            for paragraph in part.paragraphs:
                item: dict[str, Any] = {"text": paragraph.text}
                if paragraph.source_id:
                    item["source_id"] = paragraph.source_id
                if paragraph.source_year:
                    item["source_year"] = paragraph.source_year
                item.update((k, v) for k, v in paragraph.extra.items() if k not in item)
                paragraphs.append(item)
            data = {"kind": part.kind, "paragraphs": paragraphs}
            data.update((k, v) for k, v in part.extra.items() if k not in data)
            parts.append(data)
        out: dict[str, Any] = {"format": DRAFT_FORMAT, "meta": meta, "parts": parts}
        out.update((k, v) for k, v in self.extra.items() if k not in out)
        return out

    @classmethod
    def from_dict(
        cls, data: Any, path: str | os.PathLike[str] | None = None, text: str | None = None
    ) -> Draft:
        """Build a draft from its YAML mapping; a wrong shape raises a one-line error.

        `text`, the YAML source when known, lets the error name the line.
        """
        checked = validate.run(check_draft, data, text, path)
        known = {f.name for f in fields(ProposalMeta)}
        meta_data = checked["meta"]
        meta = ProposalMeta(**{k: v for k, v in meta_data.items() if k in known})
        parts = [
            DraftPart(
                part["kind"],
                [
                    Paragraph(
                        para["text"],
                        para.get("source_id"),
                        para.get("source_year"),
                        {
                            k: v
                            for k, v in para.items()
                            if k not in ("text", "source_id", "source_year")
                        },
                    )
                    for para in part["paragraphs"]
                ],
                {k: v for k, v in part.items() if k not in ("kind", "paragraphs")},
            )
            for part in checked["parts"]
        ]
        return cls(
            meta=meta,
            parts=parts,
            extra={k: v for k, v in checked.items() if k not in ("format", "meta", "parts")},
            meta_extra={k: v for k, v in meta_data.items() if k not in known},
        )

    def to_yaml(self) -> str:
        return dump_yaml(self.to_dict())

    def save(self, path: str | os.PathLike[str], *, keep_backup: bool = True) -> Path:
        """Write the draft atomically (through a symlink), keeping the previous version as a
        backup (`replydraft.files.backups`); returns the real file written.

        A text that no file can hold (lone surrogates) and every write error raise a one-line
        `ReplydraftError`, and the file on disk is left as it was.
        """
        document = self.to_dict()
        if validate.find_surrogates(document):
            raise ReplydraftError(msg("error.draft_garbled"), path)
        data = dump_yaml(document).encode("utf-8")
        return save_file(path, data, keep_backup=keep_backup)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Draft:
        """Read a draft saved by `save`; malformed files raise `ReplydraftError`.

        Only a regular file up to `MAX_DRAFT_BYTES` is read; temp files a killed save left
        beside it are removed first.
        """
        clean_stale_temps(path)
        raw = read_regular(Path(path), MAX_DRAFT_BYTES)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReplydraftError(msg("error.not_utf8", byte=exc.start), path) from None
        return cls.from_dict(load_yaml_text(text, path), path, text)
