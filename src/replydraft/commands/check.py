"""`replydraft check DRAFT`: list what must be fixed before a draft is sent."""

from __future__ import annotations

import argparse

HELP = """List the problems of a saved draft, each with where it is, and exit 1 if there are any.

Checks: unfilled placeholders 【待填：…】, a salutation that does not fit the kind (代表 for a
suggestion, 委员 for a proposal, the lead unit for a co-handling opinion), the number or title
differing between the title line and the acknowledgement, numbering gaps, duplicates or a broken
hierarchy, stale figures marked 【待核】, half-width punctuation in Chinese text, the same
paragraph used twice, and demands of the proposal that no paragraph answers.

Each problem prints as  DRAFT:LINE: 部分第N段 [CODE] MESSAGE  (LINE as the editor and
`replydraft export --format txt` number it, from 1). CODE is a fixed English word for scripts
(`--json` gives every field); MESSAGE is Chinese and quotes the offending text, e.g.
  draft.yaml:13: 现状第3段 [stale] 数字待核：2021年、484家（共2处【待核】）——核对后删去标记
A clean draft prints nothing.
Exit codes: 0 clean, 1 problems found, 2 the draft could not be read.

examples:
  replydraft check draft.yaml
  replydraft check draft.yaml --json
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="list a draft's problems (placeholders, salutation, numbering, stale figures, …)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "draft", metavar="DRAFT", help="a draft saved by `replydraft skeleton --out`"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the problems as a JSON list (0-based lines)"
    )
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
        print(json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2))
        return 1 if problems else 0
    for problem in problems:
        part = PART_LABELS.get(problem.part, problem.part)
        print(
            f"{args.draft}:{problem.line + 1}: {part}第{problem.paragraph + 1}段 "
            f"[{problem.code}] {problem.message}"
        )
    if problems:
        counts = Counter(p.code for p in problems)
        summary = "，".join(f"{code} {n}" for code, n in counts.items())
        print(f"共{len(problems)}处问题（{summary}）", file=sys.stderr)
    return 1 if problems else 0
