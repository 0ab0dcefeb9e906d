"""Text PDFs as lines of text, with pdfminer.six.

pdfminer.six was chosen over pypdf because it lays characters out by their position on the
page: PDFs written by WPS place every character separately and draw lines in any order, and
pypdf returns them in drawing order, pdfminer in reading order.

A paragraph that wraps onto the next line of the page (or the next page) is joined back into
one line, as it was in the Word file: a line that reaches the right margin followed by a line
that starts at the left margin (Chinese paragraphs start indented) continues it. Lines that are
only a page number (`- 2 -`, `第2页 共5页`) are dropped. A PDF with no text layer (a scan) is
an error that says so.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass

from replydraft.errors import ReplydraftError
from replydraft.messages import msg

MAX_PAGES = 300
"""Pages read at most; a reply is a few pages, an archive of hundreds is not one reply."""

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3}|"
    r"[-—–－]\s*\d{1,3}\s*[-—–－])[\s\-—–－·•]*$"
)
_SENTENCE_END = ("。", "！", "？", "!", "?", "：", ":")


@dataclass
class _Line:
    text: str
    indented: bool
    """The line starts with spaces (an indent typed as spaces rather than set by position)."""
    x0: float
    x1: float
    height: float
    left: float
    """Left margin of the line's page (smallest x0 of its text lines)."""
    right: float
    """Right margin of the line's page (largest x1 of its text lines)."""


def pdf_text(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """The text of a PDF, one paragraph or short line per line."""
    lines = _page_lines(data, path)
    if not any(line.text.strip() for line in lines):
        raise ReplydraftError(
            msg("error.pdf_no_text"),
            path,
        )
    return "\n".join(_join_wrapped(lines))


def _page_lines(data: bytes, path: str | os.PathLike[str] | None) -> list[_Line]:
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFTextExtractionNotAllowed

    try:
        from pdfminer.high_level import extract_pages

        pages = extract_pages(
            io.BytesIO(data), maxpages=MAX_PAGES, laparams=LAParams(word_margin=0.5)
        )
        out: list[_Line] = []
        for page in pages:
            found: list[tuple[str, bool, float, float, float]] = []
            for box in page:
                if not isinstance(box, LTTextBox):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine):
                        raw = line.get_text().rstrip()
                        text = raw.strip()
                        if text and not _PAGE_NUMBER.match(text):
                            indented = raw.startswith(("\u3000", "  ", "\t"))
                            found.append((text, indented, line.x0, line.x1, line.height))
            if not found:
                continue
            left = min(item[2] for item in found)
            right = max(item[3] for item in found)
            out += [_Line(*item, left, right) for item in found]
        return out
    except (PDFPasswordIncorrect, PDFTextExtractionNotAllowed):
        raise ReplydraftError(msg("error.pdf_password"), path) from None
    except ReplydraftError:
        raise
    except Exception as exc:  # pdfminer raises many types for a damaged file
        raise ReplydraftError(msg("error.bad_pdf", reason=type(exc).__name__), path) from None


def _join_wrapped(lines: list[_Line]) -> list[str]:
    """Lines with each wrapped paragraph joined back into one."""
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and out and _continues(previous, line):
            out[-1] += line.text
        else:
            out.append(line.text)
        previous = line
    return out


def _continues(previous: _Line, line: _Line) -> bool:
    """`line` carries on `previous`'s paragraph: it filled its line and `line` is not indented."""
    size = max(previous.height, line.height, 1.0)
    # A line of a paragraph starts at the left margin or a first-line indent (two characters);
    # a right-aligned signature or date reaching the margin is not one.
    starts_left = previous.x0 <= previous.left + 2.5 * size
    full = previous.x1 >= previous.right - 1.5 * size
    unindented = line.x0 <= line.left + 0.5 * size and not line.indented
    return starts_left and full and unindented and not previous.text.endswith(_SENTENCE_END)
