"""`replydraft tui [DRAFT]`: open the terminal UI (also what `replydraft` with no command does)."""

from __future__ import annotations

import argparse

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tui",
        help=msg("help.tui.short"),
        description=msg("help.tui.long"),
    )
    parser.add_argument("draft", nargs="?", help=msg("help.tui.draft"))
    parser.add_argument("--library", help=msg("help.tui.library"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from replydraft.tui.app import make_app

    app = make_app(args.draft, library_path=args.library)
    app.run()
    return int(app.return_code or 0)
