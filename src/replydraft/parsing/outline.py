"""A readable outline of a parsed reply: fields, parts, measures (what `replydraft parse` prints).

Columns are aligned in terminal cells (CJK characters take two), not characters.
"""

from __future__ import annotations

from replydraft.parsing.reply import Reply
from replydraft.text.normalize import cell_width

_FIELD_LABELS = (
    ("doc_type", "document type"),
    ("proposal_kind", "proposal kind"),
    ("session", "session"),
    ("number", "number"),
    ("addressee", "addressee"),
    ("addressee_title", "addressee title"),
    ("proposer", "proposer"),
    ("co_proposers", "co-proposers"),
    ("proposal_title", "proposal title"),
    ("responding_unit", "responding unit"),
    ("date", "date"),
    ("category", "category"),
    ("doc_number", "document number"),
    ("disclosure", "disclosure"),
)
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
    rows = [(label, _value(data.get(key))) for key, label in _FIELD_LABELS]
    contacts = reply.contacts
    rows += [
        ("leader", _value(contacts.leader)),
        ("handler", _value(contacts.handler)),
        ("phone", _value(contacts.phone)),
    ]
    width = max(cell_width(label) for label, _ in rows) + 2
    lines = [_pad(label, width) + value for label, value in rows]

    lines.append("")
    lines.append(f"parts ({len(reply.parts)})")
    kind_width = max((cell_width(p.kind) for p in reply.parts), default=0) + 2
    for part in reply.parts:
        lines.append("  " + _pad(part.kind, kind_width) + _preview(part.text))

    lines.append("")
    lines.append(f"measures ({len(reply.measures)})")
    heading_seen: list[str] = []
    for measure in reply.measures:
        if measure.headings != heading_seen:
            for depth, heading in enumerate(measure.headings):
                if depth >= len(heading_seen) or heading_seen[depth] != heading:
                    lines.append("  " + "  " * depth + "▸ " + _preview(heading, 50))
            heading_seen = list(measure.headings)
        indent = "  " + "  " * len(measure.headings)
        ordinal = measure.ordinal or "·"
        lines.append(f"{indent}{_pad(ordinal, 6)}[{measure.section}] {_preview(measure.text, 50)}")
    return "\n".join(lines)
