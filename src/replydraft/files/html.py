"""Saved web pages (.html/.htm, and single-file .mht/.mhtml) as lines of text.

A real HTML parser (the standard library's) walks the page: block elements (paragraphs, divs,
list items, table rows, headings, `<br>`) end a line, table cells in a row are joined with a
space, and scripts, styles, comments, the `<head>` and hidden elements (`display:none`, where
spam sites put injected text) are dropped. The charset comes from a BOM, the page's `<meta>`
tag, or detection (GBK pages are common on government sites).
"""

from __future__ import annotations

import email
import email.policy
import os
import re
from html.parser import HTMLParser

from replydraft.errors import ReplydraftError
from replydraft.messages import msg

BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section "
    "summary table tbody tfoot thead title tr ul".split()
)
"""Elements that start and end a line of their own."""

DROPPED = frozenset("script style noscript template head iframe object svg select button".split())
"""Elements whose content is never text of the page."""

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
"""Elements that have no end tag."""

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_WIDE}])")
"""A source line break between two Chinese characters: no space (CSS segment-break rules)."""

CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
"""Declared charsets read with their supersets: pages labelled GB2312 often hold GBK characters."""


class _PageText(HTMLParser):
    """Collects the visible text of a page, one line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip: list[str] = []
        """Tags of the dropped or hidden elements we are inside (the innermost last)."""
        self.pre = 0
        self.cells: list[str] | None = None

    def _break(self) -> None:
        text = "".join(self.current)
        self.current = []
        if self.pre:
            pieces = text.split("\n")
        else:
            pieces = [_SPACES.sub(" ", _WIDE_BREAK.sub("", text))]
        for piece in pieces:
            piece = piece.strip(" \t\r\n\f")
            if piece.strip():
                self.lines.append(piece)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.skip:  # a page that never closes its <head>
            del self.skip[self.skip.index("head") :]
        if self.skip:
            if tag == self.skip[-1] and tag not in VOID:
                self.skip.append(tag)
            return
        attributes = dict(attrs)
        hidden = "hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style") or "")
        if tag in DROPPED or (hidden and tag not in VOID):
            self.skip.append(tag)
            return
        if tag == "br":
            self.current.append("\n" if self.pre else "")
            if not self.pre:
                self._break()
        elif tag in ("td", "th"):
            self.current.append(" ")
        elif tag in BLOCKS:
            self._break()
            if tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            elif tag in self.skip:  # an element left open inside the hidden one
                del self.skip[self.skip.index(tag) :]
            return
        if tag in BLOCKS:
            self._break()
            if tag == "pre" and self.pre:
                self.pre -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skip:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def markup_to_text(markup: str) -> str:
    """The visible text of an HTML document, one block per line."""
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    return parser.text().replace("\xa0", " ")


def declared_charset(data: bytes) -> str | None:
    """The charset a page's `<meta>` tag declares, as a Python codec name, if it is known."""
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def decode_page(data: bytes, path: str | os.PathLike[str] | None, charset: str | None) -> str:
    """The page's markup as text: BOM, then the declared charset, then detection."""
    from replydraft.files.decoding import decode_bytes

    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, path)
    charset = charset or declared_charset(data)
    if charset:
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: detect instead
    return decode_bytes(data, path)


def html_text(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """The text of a saved web page."""
    return markup_to_text(decode_page(data, path, None))


def mhtml_text(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """The text of a single-file web archive (.mht/.mhtml): its first HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        if charset:
            charset = CHARSET_ALIASES.get(charset.lower(), charset.lower())
            try:
                "".encode(charset)
            except LookupError:
                charset = None
        return markup_to_text(decode_page(payload, path, charset))
    raise ReplydraftError(msg("error.mht_empty"), path)
