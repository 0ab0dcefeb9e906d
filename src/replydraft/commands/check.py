"""`replydraft check DRAFT`: list what must be fixed before a draft is sent."""

from __future__ import annotations

import argparse

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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from collections import Counter
    from dataclasses import asdict

    from replydraft.anatomy import PART_LABELS
    from replydraft.draft.checks import check_draft
    from replydraft.draft.model import Draft

    problems = check_draft(Draft.load(args.draft))
    if args.json:
        # Lines from 1, as the text output and the editor number them.
        rows = [{**asdict(p), "line": p.line + 1} for p in problems]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 1 if problems else 0
    for problem in problems:
        part = PART_LABELS.get(problem.part, problem.part)
        print(
            f"{args.draft}:{problem.line + 1}: {part}第{problem.paragraph + 1}段 "
            f"[{problem.code}] {problem.message}"
        )
    if problems:
        counts = Counter(p.code for p in problems)
        summary = "，".join(
            msg("check.count", name=code_name(code), count=n) for code, n in counts.items()
        )
        print(msg("check.summary", count=len(problems), counts=summary), file=sys.stderr)
    return 1 if problems else 0
