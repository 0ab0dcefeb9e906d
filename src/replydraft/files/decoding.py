"""Turn a file an officer has into text: plain text in any common Chinese encoding (UTF-8 with
or without BOM, GB18030/GBK, Big5, UTF-16 with or without BOM), .docx, text PDFs, saved web pages
(.html/.htm/.mht) and, through LibreOffice, old Word .doc, WPS .wps and RTF.

Decoding lives here and nowhere else: `read_text` looks at the file's first bytes (then its
suffix) and dispatches to the readers in `replydraft.files`. The result always has LF line
endings and none of the control characters a Word document cannot hold. Files that are empty,
binary, too large, not regular files or not decodable raise `ReplydraftError` naming the file.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files.guard import read_regular
from replydraft.files.limits import check_docx_package
from replydraft.files.sniff import (
    detect_format,
    prefer_big5,
    remove_control_characters,
    utf16_without_bom,
)
from replydraft.messages import msg

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted; a reply is a few kB, so anything over 20 MB is not a reply."""

READABLE_SUFFIXES = (
    ".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".mht", ".mhtml", ".doc", ".wps", ".rtf",
)  # fmt: skip
"""Suffixes of the files taken from a folder (a file named explicitly is read whatever its suffix)."""


_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
"""Zero-width spaces and joiners: our Word export joins names and phone numbers with WORD
JOINER, and web pages scatter zero-width spaces; neither is part of the words."""


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a past reply from `path` and return its text with LF line endings, without
    zero-width characters (so `何⁠智⁠敏` from an exported reply reads as 何智敏)."""
    return _INVISIBLE.sub("", _read_text(path))


def _read_text(path: str | os.PathLike[str]) -> str:
    file = Path(path)
    data = read_regular(file, MAX_BYTES)  # missing, a folder, a device, too large: one line each
    if not data:
        raise ReplydraftError(msg("error.file_empty"), file)
    kind = detect_format(file.suffix, data)
    if kind == "zip":
        if zipfile.is_zipfile(file):
            text = read_docx(file)
        else:
            raise ReplydraftError(msg("error.binary_file"), file)
    elif kind == "pdf":
        from replydraft.files.pdf import pdf_text

        text = pdf_text(data, file)
    elif kind == "html":
        from replydraft.files.html import html_text

        text = html_text(data, file)
    elif kind == "mhtml":
        from replydraft.files.html import mhtml_text

        text = mhtml_text(data, file)
    elif kind == "legacy_word":
        from replydraft.files.legacy_word import legacy_word_text

        text = legacy_word_text(file)
    else:
        text = decode_bytes(data, file)
    text = remove_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ReplydraftError(msg("error.no_text"), file)
    return text


def decode_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode raw bytes of a text file: BOMs first, then UTF-16 without BOM, strict UTF-8,
    GB18030 (or Big5 when that reads as common characters and GB18030 as rare ones), detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise ReplydraftError(msg("error.binary_file"), path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        return prefer_big5(data, text) or text
    try:
        return data.decode("big5hkscs")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReplydraftError(msg("error.cannot_decode"), path)
    return str(best)


def _strict(data: bytes, encoding: str, path: str | os.PathLike[str] | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReplydraftError(
            msg("error.cannot_decode_as", encoding=encoding, byte=exc.start), path
        ) from None


_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
"""Every byte but the control bytes a text file never holds (deleted to count those)."""


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB mean it is not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))  # bytes left: the control bytes
    return controls > max(8, len(head) // 100)


def read_docx(path: Path, shown_as: str | os.PathLike[str] | None = None) -> str:
    """Paragraph texts of a Word document (tables' cells too, in document order), one per line.

    `shown_as` names the file in errors (the officer's .doc when this is its converted copy).
    The package is checked against the size limits first (`replydraft.files.limits`).
    """
    shown = path if shown_as is None else shown_as
    check_docx_package(path, shown)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ReplydraftError(msg("error.bad_docx", reason=type(exc).__name__), shown) from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if cell.text not in cells:
                        cells.append(cell.text)
                lines.append(" ".join(cells))
    return "\n".join(lines)
