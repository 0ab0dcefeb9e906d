"""replydraft: draft replies to deputies' suggestions and members' proposals.

The public API is imported lazily so that `import replydraft` stays cheap and never loads the
terminal UI (only `replydraft.tui` imports Textual).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_text": "replydraft.files.decoding",
    "parse_reply": "replydraft.parsing",
    "Reply": "replydraft.parsing.reply",
    "Part": "replydraft.parsing.reply",
    "Measure": "replydraft.parsing.reply",
    "Contacts": "replydraft.parsing.reply",
    "Library": "replydraft.library.store",
    "Entry": "replydraft.library.model",
    "Match": "replydraft.matching",
    "ReplydraftError": "replydraft.errors",
}

__all__ = [
    "Contacts",
    "Entry",
    "Library",
    "Match",
    "Measure",
    "Part",
    "Reply",
    "ReplydraftError",
    "parse_reply",
    "read_text",
]

if TYPE_CHECKING:  # pragma: no cover
    from replydraft.errors import ReplydraftError
    from replydraft.files.decoding import read_text
    from replydraft.library.model import Entry
    from replydraft.library.store import Library
    from replydraft.matching import Match
    from replydraft.parsing import parse_reply
    from replydraft.parsing.reply import Contacts, Measure, Part, Reply


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'replydraft' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
