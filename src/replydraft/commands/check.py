"""`replydraft check DRAFT`: list what must be fixed before a draft is sent."""

from __future__ import annotations

import argparse
from typing import Any

from replydraft.messages import code_name, msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help=msg("help.check.short"),
        description=msg("help.check.long"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("draft", metavar="DRAFT", help=msg("help.check.draft"))
    parser.add_argument("--json", action="store_true", help=msg("help.check.json"))
    parser.add_argument("--library", metavar="FILE", help=msg("help.check.library"))
    parser.set_defaults(run=run)


def library_sources(path: str | None):
    """A lookup of a library paragraph's (unit, year), opening the library on first use only
    (a draft with no paragraph used twice never reads it)."""
    opened: list[Any] = []

    def lookup(source_id: str) -> tuple[str | None, int | None] | None:
        from replydraft.errors import ReplydraftError
        from replydraft.library.user import library_for_user

        if not opened:
            try:
                opened.append(library_for_user(path))
            except ReplydraftError:
                opened.append(None)
        entry = opened[0].get(source_id) if opened[0] is not None else None
        if entry is None or entry.source is None:
            return None
        return entry.source.unit, entry.source.year

    return lookup


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from collections import Counter
    from dataclasses import asdict

    from replydraft.anatomy import PART_LABELS
    from replydraft.draft.checks import check_draft
    from replydraft.draft.model import Draft

    problems = check_draft(Draft.load(args.draft), sources=library_sources(args.library))
    if args.json:
        # Lines from 1, as the text output and the editor number them.
        rows = [{**asdict(p), "line": p.line + 1} for p in problems]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 1 if problems else 0
    for problem in problems:
        part = PART_LABELS.get(problem.part, problem.part)
        where = msg("check.where", part=part, paragraph=problem.paragraph + 1)
        print(f"{args.draft}:{problem.line + 1}: {where} [{problem.code}] {problem.message}")
    if problems:
        counts = Counter(p.code for p in problems)
        summary = "，".join(
            msg("check.count", name=code_name(code), count=n) for code, n in counts.items()
        )
        print(msg("check.summary", count=len(problems), counts=summary), file=sys.stderr)
    return 1 if problems else 0
