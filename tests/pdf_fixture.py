"""Build small text PDFs in code, the way Word and WPS write Chinese text (for the PDF tests).

The font is a Type0 font with Identity-H encoding (each character drawn as its 2-byte code) and a
ToUnicode map, which is what a text extractor reads; no font program is embedded, so the files
stay a few kB. `per_char` places every character with its own text matrix, as WPS and justified
Word lines do; `shuffle` draws the lines of a page in another order than they are read.

Lines are laid out like a Word page: a line starting with two ideographic spaces is a paragraph
indented by position (the spaces are not drawn), a line starting with `>` is right-aligned (a
signature), and a paragraph longer than the text width wraps onto the next rows and pages.
"""

from __future__ import annotations

import random
import zlib

PAGE_W, PAGE_H = 595, 842
SIZE = 14
LEADING = 28


def _tounicode(chars: set[str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    codes = sorted(ord(c) for c in chars)
    for start in range(0, len(codes), 100):
        chunk = codes[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{c:04X}> <{c:04X}>" for c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


def layout_rows(lines: list[str], width: int) -> list[tuple[int, str]]:
    """(x, text) rows of a page's worth of lines: indents, right alignment and wrapping."""
    rows: list[tuple[int, str]] = []
    for line in lines:
        if line.startswith(">"):
            text = line[1:]
            rows.append((72 + (width - len(text)) * SIZE, text))
            continue
        indent = 2 if line.startswith("\u3000\u3000") else 0
        text = line[indent:]
        first = True
        while True:
            room = width - (indent if first else 0)
            rows.append((72 + (indent * SIZE if first else 0), text[:room]))
            text = text[room:]
            first = False
            if not text:
                break
    return rows


def _page_stream(rows: list[tuple[int, str]], *, per_char: bool, shuffle: bool, seed: int) -> bytes:
    placed = list(enumerate(rows))
    if shuffle:
        random.Random(seed).shuffle(placed)
    ops: list[str] = []
    for n, (x, line) in placed:
        y = PAGE_H - 72 - n * LEADING
        if per_char:
            for k, char in enumerate(line):
                ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x + k * SIZE} {y} Tm <{_hex(char)}> Tj ET")
        else:
            ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y} Tm <{_hex(line)}> Tj ET")
    return "\n".join(ops).encode("ascii")


def build_pdf(
    lines: list[str],
    *,
    per_char: bool = False,
    shuffle: bool = False,
    compress: bool = True,
    seed: int = 0,
    width: int = 30,
    rows_per_page: int = 24,
    page_numbers: bool = False,
) -> bytes:
    """A PDF of `lines` laid out on pages (no lines: one page with no text at all, like a scan).

    `page_numbers` adds a centred `- N -` at the foot of every page, as Word footers do.
    """
    rows = layout_rows(lines, width)
    pages = [rows[i : i + rows_per_page] for i in range(0, len(rows), rows_per_page)] or [[]]
    if page_numbers:
        for number, page in enumerate(pages, start=1):
            mark = f"- {number} -"
            page += [(72, "")] * (rows_per_page - len(page))
            page.append((72 + (width * SIZE) // 2 - 20, mark))
    chars = {c for page in pages for _, line in page for c in line} or {" "}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        if compress:
            data = zlib.compress(data)
            head = f"<< /Length {len(data)} /Filter /FlateDecode >>"
        else:
            head = f"<< /Length {len(data)} >>"
        return head.encode() + b"\nstream\n" + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    tounicode = add(stream(_tounicode(chars)))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cidfont = add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo"
        f" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor"
        f" {descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>".encode()
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
        f" /DescendantFonts [{cidfont} 0 R] /ToUnicode {tounicode} 0 R >>".encode()
    )
    kids: list[int] = []
    for number, page in enumerate(pages):
        content = add(
            stream(_page_stream(page, per_char=per_char, shuffle=shuffle, seed=seed + number))
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]"
                f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
