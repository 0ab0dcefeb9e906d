"""Reading past replies: noise removal, part segmentation, fields and measures.

`parse_reply(text) -> Reply` is the entry point; `segment_lines` and `clean_text` are reused by
the drafts helper and the library (see team/INTERFACES.md).
"""

from __future__ import annotations

from replydraft.parsing.cleaning import clean_text
from replydraft.parsing.parts import segment_lines
from replydraft.parsing.reply_parser import (
    looks_like_reply,
    parse_reply,
    parse_reply_file,
    read_reply,
)

__all__ = [
    "clean_text",
    "looks_like_reply",
    "parse_reply",
    "parse_reply_file",
    "read_reply",
    "segment_lines",
]
