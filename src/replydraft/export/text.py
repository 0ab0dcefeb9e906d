"""Plain-text exports of a draft: txt (the editor's text form), Markdown, and the bare body.

`body` is what officers paste into the online handling platforms: those forms already carry the
title, the addressee and the signing unit in their own fields, so the body starts at the
acknowledgement (收悉) and ends with the closing; one paragraph per line, no blank lines.
"""

from __future__ import annotations

import re

from replydraft.draft.model import Draft
from replydraft.draft.text_form import render_text
from replydraft.export.layout import (
    Signature,
    body_paragraphs,
    cc_line,
    draft_cc,
    read_signature,
    salutation_line,
    split_heading,
    stamp_lines,
)

_MD_HEADING = {"cn_comma": "##", "cn_paren": "###"}
_MD_BLOCK_START = re.compile(r"^(\d+)\.|^([#>+\-*])")


def _md_escape(text: str) -> str:
    """Keep `1.强化…` from turning into a Markdown list (and `#`, `>`, `-` into markup)."""
    return _MD_BLOCK_START.sub(
        lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}", text
    )


def plain_text(draft: Draft) -> str:
    """The txt export: the editor's text, and the cc line when only the form holds it."""
    text = render_text(draft)
    signature = read_signature(
        [p.text for part in draft.parts if part.kind == "signature" for p in part.paragraphs]
    )
    line = None if signature.cc else cc_line(draft_cc(draft, signature))
    if line is None:
        return text
    return text.rstrip("\n") + "\n\n" + line + ("\n" if text.endswith("\n") else "")


def body_text(draft: Draft) -> str:
    """The body alone, for pasting into a platform: no title, salutation or signature."""
    paragraphs = body_paragraphs(draft)
    return "\n".join(p.strip() for p in paragraphs) + ("\n" if paragraphs else "")


def _md_paragraph(text: str) -> str:
    """A body paragraph: a whole heading as `##`/`###`, a heading sentence in bold."""
    headed = split_heading(text)
    if headed.level and not headed.rest:
        return f"{_MD_HEADING[headed.level]} {headed.heading}"
    if headed.level:
        return f"**{headed.heading}**{headed.rest}"
    return _md_escape(text)


def markdown_text(draft: Draft) -> str:
    """Markdown: title as `#`, `一、` headings as `##`, `（一）` headings as `###`.

    A `（一）` item that goes on after its heading sentence stays one paragraph, its heading in
    bold, so no words move out of their paragraph.
    """
    out: list[str] = []
    stamps = stamp_lines(draft)
    if stamps:
        out += [stamp + "  " for stamp in stamps[:-1]] + [stamps[-1], ""]
    signature = Signature()
    for part in draft.parts:
        texts = [p.text.strip() for p in part.paragraphs if p.text.strip()]
        if not texts:
            continue
        if part.kind == "title":
            out += ["# " + "".join(texts), ""]
        elif part.kind == "salutation":
            out += [salutation_line(texts[0]), ""]
        elif part.kind == "signature":
            signature = read_signature(texts)
            for line in [*signature.units, signature.date, signature.note()]:
                if line:
                    out += [line + "  "]
            out.append("")
        else:
            for text in texts:
                out += [_md_paragraph(text), ""]
    cc = cc_line(draft_cc(draft, signature))
    if cc:
        out += ["---", "", cc, ""]
    return "\n".join(out).rstrip("\n") + "\n"
