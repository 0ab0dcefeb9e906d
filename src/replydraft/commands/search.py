"""`replydraft search`: find past paragraphs worth reusing for a title, keywords or a fragment."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

SECTION_LABELS = {"status": "现状", "next_steps": "下步举措", "other": "其他"}
SOURCE_FIELDS = ("file", "unit", "date", "year", "proposal_title")
CONTEXT_CHARS = 240
"""Readable output shows at most this many characters of a paragraph, around the first match."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="find past paragraphs for a proposal title, keywords or a pasted fragment",
        description="Search the paragraph library. QUERY is a proposal title (the 关于…的建议 "
        "frame is ignored), keywords separated by spaces, or text pasted from an old paragraph. "
        "Abbreviations such as 高企 also find 高新技术企业 (see synonyms.yaml).",
        epilog="example: replydraft search '科技金融 知识产权质押' --section next_steps --top 5",
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    parser.add_argument(
        "--library", metavar="FILE", help="library YAML (default: yours, else built-in)"
    )
    parser.add_argument(
        "--section",
        metavar="SECTION",
        help="prefer paragraphs of this section: status | next_steps",
    )
    parser.add_argument("--unit", metavar="UNIT", help="only paragraphs from this responding unit")
    parser.add_argument(
        "--since", metavar="YEAR", type=int, help="only paragraphs from YEAR or later"
    )
    parser.add_argument(
        "--top", metavar="N", type=int, default=10, help="how many results (default 10)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list (a stable contract)")
    parser.set_defaults(run=run)


def source_dict(source: Any) -> dict[str, Any]:
    """The JSON form of an entry's source."""
    return {name: getattr(source, name, None) for name in SOURCE_FIELDS}


def match_dict(match: Any) -> dict[str, Any]:
    """The JSON contract of one result: id, score, section, headings, source, text, spans."""
    entry = match.entry
    return {
        "id": entry.id,
        "score": match.score,
        "section": entry.section,
        "headings": list(entry.headings),
        "source": source_dict(entry.source),
        "text": entry.text,
        "spans": [[start, end] for start, end in match.spans],
    }


def highlight(text: str, spans: list[tuple[int, int]], *, colour: bool) -> str:
    """`text` with the spans marked: bold yellow on a terminal, [brackets] otherwise."""
    start_mark, end_mark = ("\x1b[1;33m", "\x1b[0m") if colour else ("[", "]")
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], start_mark, text[start:end], end_mark]
        last = end
    out.append(text[last:])
    return "".join(out)


def excerpt(
    text: str, spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]], bool, bool]:
    """At most CONTEXT_CHARS of text around the first span, with spans shifted to match."""
    if len(text) <= CONTEXT_CHARS:
        return text, spans, False, False
    first = spans[0][0] if spans else 0
    start = max(0, min(first - CONTEXT_CHARS // 4, len(text) - CONTEXT_CHARS))
    end = start + CONTEXT_CHARS
    shifted = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end
    ]
    return text[start:end], shifted, start > 0, end < len(text)


def format_match(rank: int, match: Any, *, colour: bool) -> str:
    entry, source = match.entry, match.entry.source
    section = SECTION_LABELS.get(entry.section, entry.section)
    where = " ".join(str(x) for x in (source.unit, source.year) if x)
    title = f"《{source.proposal_title}》" if source.proposal_title else ""
    header = f"{rank}. [{match.score:5.1f}] {section}  {where} {title}  ({entry.id})".rstrip()
    if entry.headings:
        header += "\n   " + " > ".join(entry.headings)
    text, spans, cut_head, cut_tail = excerpt(entry.text, match.spans)
    body = (
        ("…" if cut_head else "")
        + highlight(text, spans, colour=colour)
        + ("…" if cut_tail else "")
    )
    return f"{header}\n   {body}"


def run(args: argparse.Namespace) -> int:
    from replydraft.errors import ReplydraftError
    from replydraft.library.store import Library
    from replydraft.matching import SECTIONS

    if args.section is not None and args.section not in SECTIONS:
        raise ReplydraftError(
            f"unknown --section {args.section!r}: use one of {' | '.join(SECTIONS)}"
        )
    if args.top < 1:
        raise ReplydraftError("--top must be at least 1")
    query = " ".join(args.query)
    library = Library.for_user(args.library)
    matches = library.search(
        query, top=args.top, section=args.section, unit=args.unit, since_year=args.since
    )
    if args.json:
        print(json.dumps([match_dict(m) for m in matches], ensure_ascii=False, indent=2))
        return 0
    if not matches:
        if query.strip():
            print("no matching paragraphs")
        return 0
    colour = sys.stdout.isatty()
    print("\n\n".join(format_match(i, m, colour=colour) for i, m in enumerate(matches, 1)))
    return 0
