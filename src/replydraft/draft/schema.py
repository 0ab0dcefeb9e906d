"""The shape of a draft file, checked before a `Draft` is built (see `replydraft.files.validate`).

`check_draft(data)` returns the same document normalised (dates as `YYYY-MM-DD`, numbers as
ints, a paragraph given as bare text as `{text: ...}`) or raises `Invalid` naming the field.
Keys this version does not know are left in place, for `Draft` to keep and write back.
"""

from __future__ import annotations

from typing import Any

from replydraft.anatomy import PART_KINDS, PROPOSAL_KINDS, ROLES
from replydraft.files.validate import (
    Invalid,
    Where,
    format_version,
    iso_date,
    mapping,
    one_of,
    text,
    text_list,
    whole_number,
)
from replydraft.messages import msg

DRAFT_FORMAT = 1

META_TEXT = (
    "title", "session", "proposer", "lead_unit", "unit", "leader", "handler", "category",
    "disclosure", "work_phrase", "level_ref", "unit_ref", "proposal_text",
)  # fmt: skip
"""Meta fields holding text; `phone` also takes an unquoted number."""
META_KNOWN = (
    *META_TEXT, "kind", "number", "co_proposers", "cc", "role", "date", "phone", "demands",
)  # fmt: skip
TOP_KNOWN = ("format", "meta", "parts")
PART_KNOWN = ("kind", "paragraphs")
PARAGRAPH_KNOWN = ("text", "source_id", "source_year")


def check_meta(meta: dict[Any, Any]) -> dict[str, Any]:
    """The meta mapping with every known field checked and normalised; unknown keys kept."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        where: Where = ("meta", key)
        if key in META_TEXT:
            out[key] = text(value, where)
        elif key == "phone":
            out[key] = text(value, where, numbers=True)
        elif key == "kind":
            out[key] = one_of(value, PROPOSAL_KINDS, where, None)
        elif key == "role":
            out[key] = one_of(value, ROLES, where, "reply")
        elif key == "number":
            out[key] = whole_number(value, where)
        elif key == "date":
            out[key] = iso_date(value, where)
        elif key in ("co_proposers", "cc", "demands"):
            out[key] = text_list(value, where)
        else:
            out[key] = value
    if out.get("title") is None:
        out["title"] = ""
    return out


def check_paragraph(value: Any, where: Where) -> dict[str, Any]:
    if isinstance(value, str):
        value = {"text": value}
    paragraph = dict(mapping(value, where, "段落"))
    if "text" not in paragraph:
        raise Invalid(msg("draft.paragraph_text"), where)
    paragraph["text"] = text(paragraph["text"], (*where, "text"), optional=False)
    paragraph["source_id"] = text(paragraph.get("source_id"), (*where, "source_id"), numbers=True)
    year = paragraph.get("source_year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise Invalid(msg("draft.year", value=repr(year)), (*where, "source_year"))
    return paragraph


def check_part(value: Any, where: Where) -> dict[str, Any]:
    part = dict(mapping(value, where, "部分"))
    if "kind" not in part:
        raise Invalid(msg("draft.part_kind"), where)
    part["kind"] = one_of(part["kind"], PART_KINDS, (*where, "kind"), None)
    paragraphs = part.get("paragraphs")
    if paragraphs is None:
        paragraphs = []
    if not isinstance(paragraphs, list):
        raise Invalid(msg("draft.paragraphs"), (*where, "paragraphs"))
    part["paragraphs"] = [
        check_paragraph(item, (*where, "paragraphs", index))
        for index, item in enumerate(paragraphs)
    ]
    return part


def check_draft(data: Any) -> dict[str, Any]:
    """The whole draft document, checked and normalised; raises `Invalid`."""
    if not isinstance(data, dict) or "meta" not in data:
        raise Invalid(msg("draft.not_a_draft"), ())
    out = dict(data)
    out["format"] = format_version(data, DRAFT_FORMAT, msg("draft.what"))
    out["meta"] = check_meta(mapping(data["meta"], ("meta",), "meta "))
    parts = data.get("parts")
    if parts is None:
        parts = []
    if not isinstance(parts, list):
        raise Invalid(msg("draft.parts"), ("parts",))
    out["parts"] = [check_part(item, ("parts", index)) for index, item in enumerate(parts)]
    return out
