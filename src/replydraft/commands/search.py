"""`replydraft search`: find past paragraphs worth reusing for a title, keywords or a fragment."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from replydraft.messages import msg

SECTION_LABELS = {"status": "现状", "next_steps": "下步举措", "other": "其他"}
SOURCE_FIELDS = ("file", "unit", "date", "year", "proposal_title")
CONTEXT_CHARS = 240
"""Readable output shows at most this many characters of a paragraph, around the first match."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help=msg("help.search.short"),
        description=msg("help.search.long"),
        epilog=msg("help.search.epilog"),
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help=msg("help.search.query"))
    parser.add_argument("--library", metavar="FILE", help=msg("help.search.library"))
    parser.add_argument(
        "--section",
        metavar="SECTION",
        help=msg("help.search.section"),
    )
    parser.add_argument("--unit", metavar="UNIT", help=msg("help.search.unit"))
    parser.add_argument("--since", metavar="YEAR", type=int, help=msg("help.search.since"))
    parser.add_argument("--top", metavar="N", type=int, default=10, help=msg("help.search.top"))
    parser.add_argument("--json", action="store_true", help=msg("help.search.json"))
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
    from replydraft.library.user import library_for_user
    from replydraft.matching import SECTIONS

    if args.section is not None and args.section not in SECTIONS:
        raise ReplydraftError(
            msg("error.unknown_section", section=args.section, choices=" | ".join(SECTIONS))
        )
    if args.top < 1:
        raise ReplydraftError(msg("error.top_too_small"))
    query = " ".join(args.query)
    library = library_for_user(args.library)
    matches = library.search(
        query, top=args.top, section=args.section, unit=args.unit, since_year=args.since
    )
    if args.json:
        print(json.dumps([match_dict(m) for m in matches], ensure_ascii=False, indent=2))
        return 0
    if not matches:
        if query.strip():
            print(msg("out.no_matches"))
        return 0
    colour = sys.stdout.isatty()
    print("\n\n".join(format_match(i, m, colour=colour) for i, m in enumerate(matches, 1)))
    return 0
