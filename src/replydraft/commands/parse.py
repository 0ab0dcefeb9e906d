"""`replydraft parse FILE [--json]`: read one past reply and show its structure.

The default is a readable outline (fields, then parts, then measures); `--json` prints
`Reply.to_dict()`, the contract other tools read.
"""

from __future__ import annotations

import argparse

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help=msg("help.parse.short"),
        description=msg("help.parse.long"),
        epilog=msg("help.parse.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help=msg("help.parse.file"))
    parser.add_argument("--json", action="store_true", help=msg("help.parse.json"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from replydraft.parsing import parse_reply_file

    reply = parse_reply_file(args.file)
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False, indent=2))
    else:
        from replydraft.parsing.outline import outline

        print(outline(reply))
    return 0
