"""A readable outline of a parsed reply: fields, parts, measures (what `replydraft parse` prints).

Columns are aligned in terminal cells (CJK characters take two), not characters.
"""

from __future__ import annotations

from replydraft.anatomy import KIND_NAMES, PART_LABELS
from replydraft.messages import msg
from replydraft.parsing.reply import Reply
from replydraft.text.normalize import cell_width

_FIELDS = (
    "doc_type", "proposal_kind", "session", "number", "addressee", "addressee_title", "proposer",
    "co_proposers", "proposal_title", "responding_unit", "date", "category", "doc_number",
    "disclosure",
)  # fmt: skip
"""The reply's fields in print order; each is labelled `outline.<field>` in the catalogue."""
_PREVIEW_CELLS = 60


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_width(text))


def _preview(text: str, cells: int = _PREVIEW_CELLS) -> str:
    """The first `cells` terminal cells of `text` on one line, with `…` if cut."""
    flat = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    out: list[str] = []
    used = 0
    for char in flat:
        width = cell_width(char)
        if used + width > cells - 1:
            return "".join(out) + "…"
        out.append(char)
        used += width
    return "".join(out)


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) if value else "—"
    return str(value)


def outline(reply: Reply) -> str:
    """The outline text (no trailing newline)."""
    data = reply.to_dict()
    data["doc_type"] = msg(f"outline.doc_type.{reply.doc_type}")
    data["proposal_kind"] = KIND_NAMES.get(reply.proposal_kind or "", reply.proposal_kind)
    contacts = reply.contacts
    data.update(leader=contacts.leader, handler=contacts.handler, phone=contacts.phone)
    keys = (*_FIELDS, "leader", "handler", "phone")
    rows = [(msg(f"outline.{key}"), _value(data.get(key))) for key in keys]
    width = max(cell_width(label) for label, _ in rows) + 2
    lines = [_pad(label, width) + value for label, value in rows]

    lines.append("")
    lines.append(msg("outline.parts", count=len(reply.parts)))
    names = [PART_LABELS.get(p.kind, p.kind) for p in reply.parts]
    kind_width = max((cell_width(name) for name in names), default=0) + 2
    for name, part in zip(names, reply.parts, strict=True):
        lines.append("  " + _pad(name, kind_width) + _preview(part.text))

    lines.append("")
    lines.append(msg("outline.measures", count=len(reply.measures)))
    heading_seen: list[str] = []
    for measure in reply.measures:
        if measure.headings != heading_seen:
            for depth, heading in enumerate(measure.headings):
                if depth >= len(heading_seen) or heading_seen[depth] != heading:
                    lines.append("  " + "  " * depth + "▸ " + _preview(heading, 50))
            heading_seen = list(measure.headings)
        indent = "  " + "  " * len(measure.headings)
        ordinal = measure.ordinal or "·"
        section = PART_LABELS.get(measure.section, measure.section)
        lines.append(f"{indent}{_pad(ordinal, 6)}[{section}] {_preview(measure.text, 50)}")
    return "\n".join(lines)
