"""What a file is (by its first bytes, then its suffix) and which legacy encoding its text uses.

Content wins over the suffix: archives are full of `.doc` files that are really web pages or RTF,
and `.txt` files saved by a browser. The encoding checks here fill two gaps of plain detection:
Big5 text also decodes as GB18030 (as mojibake), and UTF-16 without a BOM looks binary because
its ASCII characters carry NUL bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PDF_SUFFIXES = {".pdf"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MHTML_SUFFIXES = {".mht", ".mhtml"}
LEGACY_WORD_SUFFIXES = {".doc", ".wps", ".rtf", ".dot", ".wpt", ".odt"}

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound-file header of Word 97-2003 .doc and WPS .wps files."""

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<meta|<body)",
    re.IGNORECASE | re.DOTALL,
)
_MHTML_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?mime-version:", re.I)


def detect_format(suffix: str, data: bytes) -> str:
    """One of `pdf`, `zip` (a .docx), `legacy_word`, `mhtml`, `html` or `text`."""
    suffix = suffix.lower()
    head = data[:4096]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and suffix in PDF_SUFFIXES):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK"):
        return "zip"
    if head.startswith(OLE2_MAGIC) or head.startswith(b"{\\rtf"):
        return "legacy_word"
    ascii_head = _ascii_view(head)
    if _MHTML_HEAD.match(ascii_head) and b"multipart/related" in ascii_head.lower():
        return "mhtml"
    if _HTML_START.match(ascii_head):
        return "html"
    if suffix in HTML_SUFFIXES and b"<" in ascii_head:
        return "html"
    if suffix in MHTML_SUFFIXES and b"mime-version" in ascii_head.lower():
        return "mhtml"
    return "text"


def _ascii_view(head: bytes) -> bytes:
    """The head without a BOM; UTF-16 text narrowed to its low bytes so markup can be seen."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head.startswith(b"\xff\xfe"):
        return head[2::2]
    if head.startswith(b"\xfe\xff"):
        return head[3::2]
    return head


# -- encodings -------------------------------------------------------------------------------------


def utf16_without_bom(data: bytes) -> str | None:
    """The text if `data` is UTF-16 (LE or BE) without a BOM, else None.

    Evidence: NUL bytes (the high byte of ASCII characters and line breaks; a legacy 8-bit
    encoding has none), and one byte order decoding to almost nothing but ordinary characters
    (ASCII, CJK ideographs and punctuation, full-width forms); the other order gives noise.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:65536]:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plain_share(text[:32768])
        if best is None or share > best[0]:
            best = (share, text)
    if best is None or best[0] < 0.95:
        return None
    return best[1]


def _plain_share(text: str) -> float:
    """Share of `text` that is printable ASCII, line breaks, CJK ideographs or punctuation."""
    plain = 0
    for ch in text:
        code = ord(ch)
        if (
            0x20 <= code < 0x7F
            or ch in "\n\r\t"
            or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF
            or 0x2010 <= code <= 0x2027
            or 0x3400 <= code <= 0x4DBF
        ):
            plain += 1
    return plain / len(text) if text else 0.0


def _common_share(text: str, encoding: str, common: Callable[[bytes], bool]) -> float:
    """Share of the multi-byte characters of `text` that `common(bytes)` finds common."""
    seen = total = 0
    for ch in text:
        if ord(ch) < 0x80:
            continue
        total += 1
        try:
            encoded = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if common(encoded):
            seen += 1
        if total >= 4000:
            break
    return seen / total if total else 1.0


def _gb_common(encoded: bytes) -> bool:
    """GB2312 symbols (A1-A9) and level-1 hanzi (B0-D7): the characters most GBK text uses."""
    return (
        len(encoded) == 2
        and encoded[1] >= 0xA1
        and (0xA1 <= encoded[0] <= 0xA9 or 0xB0 <= encoded[0] <= 0xD7)
    )


def _big5_common(encoded: bytes) -> bool:
    """Big5 symbols (A1-A3) and frequently used hanzi (A4-C6)."""
    return len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xC6


def prefer_big5(data: bytes, gb_text: str) -> str | None:
    """The Big5 reading of `data` when it is clearly better than its GB18030 reading `gb_text`.

    Big5 bytes are nearly all valid GB18030 too, but decode to rare characters; decoded as Big5
    they are common traditional characters. GBK text decoded as Big5 is the reverse.
    """
    gb_share = _common_share(gb_text, "gb18030", _gb_common)
    if gb_share >= 0.9:
        return None
    try:
        big5_text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    big5_share = _common_share(big5_text, "big5hkscs", _big5_common)
    return big5_text if big5_share > gb_share + 0.2 else None


# -- control characters ---------------------------------------------------------------------------

_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def remove_control_characters(text: str) -> str:
    """Text without the characters a Word document cannot hold (XML 1.0 forbids them).

    Form feeds (page breaks in PDF text and Word exports) become line breaks; tabs and line
    breaks stay.
    """
    return _CONTROLS.sub("", text.replace("\x0c", "\n"))
