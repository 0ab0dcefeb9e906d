"""Limits on what a Word package may expand to, checked before python-docx parses it.

A .docx is a zip: 2 MB can expand to gigabytes (a zip bomb), or hold millions of tiny
paragraphs that take minutes to walk. A real reply is a few thousand characters in well under
a thousand paragraphs, so the limits below are far above any reply and far below harm.
"""

from __future__ import annotations

import os
import re
import zipfile

from replydraft.errors import ReplydraftError
from replydraft.messages import msg

MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
"""Total uncompressed size of a .docx package's parts (images included)."""

MAX_DOCUMENT_XML = 50 * 1024 * 1024
"""Uncompressed size of the document's main part (word/document.xml), the part that is parsed."""

MAX_PARAGRAPHS = 50_000
"""Paragraphs in the main part; a reply has tens to hundreds."""

_PARAGRAPH_START = re.compile(rb"<w:p[ >/]")
_CHUNK = 1024 * 1024


def check_docx_package(
    path: str | os.PathLike[str], shown_as: str | os.PathLike[str] | None = None
) -> None:
    """Raise `ReplydraftError` if the package at `path` exceeds the limits above."""
    shown = path if shown_as is None else shown_as
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            total = sum(info.file_size for info in infos)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise ReplydraftError(
                    msg(
                        "error.docx_unpacked_too_large",
                        size=total // (1024 * 1024),
                        limit=MAX_DOCX_UNCOMPRESSED // (1024 * 1024),
                    ),
                    shown,
                )
            main = next((i for i in infos if i.filename == "word/document.xml"), None)
            if main is None:
                return  # python-docx reports a package without a document itself
            if main.file_size > MAX_DOCUMENT_XML:
                raise ReplydraftError(
                    msg("error.docx_body_too_large_mb", size=main.file_size // (1024 * 1024)),
                    shown,
                )
            _count_paragraphs(package, main, shown)
    except ReplydraftError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ReplydraftError(msg("error.bad_docx", reason=type(exc).__name__), shown) from None


def _count_paragraphs(
    package: zipfile.ZipFile, main: zipfile.ZipInfo, shown: str | os.PathLike[str]
) -> None:
    """Stream the main part (never more than its declared size) and count its paragraphs."""
    count = 0
    read = 0
    tail = b""
    with package.open(main) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > MAX_DOCUMENT_XML:
                raise ReplydraftError(msg("error.docx_body_too_large"), shown)
            data = tail + chunk
            count += len(_PARAGRAPH_START.findall(data))
            tail = data[-5:]
            count -= len(_PARAGRAPH_START.findall(tail))  # counted again with the next chunk
            if count > MAX_PARAGRAPHS:
                raise ReplydraftError(
                    msg("error.docx_too_many_paragraphs", limit=MAX_PARAGRAPHS), shown
                )
