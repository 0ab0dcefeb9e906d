"""`replydraft parse FILE [--json]`: read one past reply and show its structure.

The default is a readable outline (fields, then parts, then measures); `--json` prints
`Reply.to_dict()`, the contract other tools read.
"""

from __future__ import annotations

import argparse

HELP = "read one past reply and print its fields, parts and measures"
EPILOG = """examples:
  replydraft parse seeds/001_744ecaa8d89d5a2d.txt
  replydraft parse old_reply.docx --json > reply.json"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help=HELP,
        description=HELP.capitalize() + ". Accepts UTF-8 (with or without BOM), GB18030/GBK, "
        "UTF-16 and .docx files.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", metavar="FILE", help="a past reply: .txt (any common encoding) or .docx"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the JSON contract instead of an outline"
    )
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
