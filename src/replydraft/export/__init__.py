"""Exporting a draft: txt, Markdown, the bare body for platforms, and the official Word format.

Every export is built wholly in memory and then written atomically, so a failure never leaves a
partial file and never touches an earlier export of the same name.
"""

from __future__ import annotations

import os

from replydraft.draft.model import Draft
from replydraft.errors import ReplydraftError
from replydraft.export.text import body_text, markdown_text, plain_text
from replydraft.files.saving import save_file
from replydraft.messages import msg

FORMATS = ("txt", "md", "docx", "body")

__all__ = ["FORMATS", "body_text", "export_bytes", "export_draft"]


def export_bytes(draft: Draft, fmt: str) -> bytes:
    """The exported file's bytes for `fmt` (txt, md, docx or body)."""
    if fmt == "txt":
        return plain_text(draft).encode("utf-8")
    if fmt == "md":
        return markdown_text(draft).encode("utf-8")
    if fmt == "body":
        return body_text(draft).encode("utf-8")
    if fmt == "docx":
        from replydraft.export.docx import docx_bytes

        return docx_bytes(draft)
    raise ReplydraftError(msg("error.unknown_format", format=fmt, choices="、".join(FORMATS)))


def export_draft(draft: Draft, fmt: str, out_path: str | os.PathLike[str]) -> None:
    """Write `draft` as `fmt` to `out_path` atomically (temp file beside it, then rename).

    The bytes are built first: a failed export raises before the old file is touched. An
    existing file is kept as a backup (`replydraft.files.backups`) before it is replaced.
    """
    data = export_bytes(draft, fmt)
    save_file(out_path, data)
