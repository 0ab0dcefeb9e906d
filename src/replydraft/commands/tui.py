"""`replydraft tui [DRAFT]`: open the terminal UI (also what `replydraft` with no command does)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tui",
        help="open the terminal UI (the default with no command)",
        description="Open the terminal UI on a new draft, or on DRAFT (a .draft.yaml file; "
        "created on first save if it does not exist). Example: replydraft tui 第107号.draft.yaml",
    )
    parser.add_argument("draft", nargs="?", help="draft file to open or create")
    parser.add_argument(
        "--library", help="paragraph library YAML (default: yours, else the bundled one)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from replydraft.tui.app import make_app

    app = make_app(args.draft, library_path=args.library)
    app.run()
    return int(app.return_code or 0)
