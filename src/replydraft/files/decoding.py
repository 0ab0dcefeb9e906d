"""Turn a file an officer has into text: UTF-8 (with or without BOM), GB18030/GBK, UTF-16, or .docx.

Decoding lives here and nowhere else. The result always has LF line endings. Files that are
empty, binary, too large or not decodable raise `ReplydraftError` naming the file.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from replydraft.errors import ReplydraftError

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted; a reply is a few kB, so anything over 20 MB is not a reply."""

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
DOCX_SUFFIXES = {".docx"}


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a past reply from `path` and return its text with LF line endings."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise ReplydraftError("file not found", file) from None
    except OSError as exc:
        raise ReplydraftError(f"cannot read: {exc.strerror}", file) from None
    if file.is_dir():
        raise ReplydraftError("is a folder, not a file", file)
    if size == 0:
        raise ReplydraftError("file is empty", file)
    if size > MAX_BYTES:
        raise ReplydraftError(
            f"file is too large ({size // (1024 * 1024)} MB; the limit is 20 MB)", file
        )
    data = file.read_bytes()
    if data[:2] == b"PK":
        if zipfile.is_zipfile(file):
            text = _read_docx(file)
        else:
            raise ReplydraftError("binary file, not a text or .docx reply", file)
    else:
        text = decode_bytes(data, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReplydraftError("file has no text", file)
    return text


def decode_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode raw bytes of a text file: BOMs first, then strict UTF-8, then GB18030, then detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if _looks_binary(data):
        raise ReplydraftError("binary file, not a text or .docx reply", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReplydraftError("cannot decode: not UTF-8, GB18030 or any known encoding", path)
    return str(best)


def _strict(data: bytes, encoding: str, path: str | os.PathLike[str] | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReplydraftError(f"cannot decode as {encoding} at byte {exc.start}", path) from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB mean it is not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


def _read_docx(path: Path) -> str:
    """Paragraph texts of a Word document (tables' cells too, in document order), one per line."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ReplydraftError(f"not a readable .docx file ({type(exc).__name__})", path) from None
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
