"""The `replydraft` command: a thin argparse layer over the library.

Each subcommand lives in `replydraft.commands.<name>` and exposes `register(subparsers)`, which
adds its parser with `set_defaults(run=...)`. Heavy imports stay inside the run functions so that
`replydraft parse` starts fast and never loads the terminal UI.

Every problem the user can fix is a `ReplydraftError`: printed as one line, exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from replydraft import __version__
from replydraft.errors import ReplydraftError

COMMANDS: list[str] = [
    "parse", "ingest", "config", "skeleton", "search", "check", "export", "restore", "tui",
]  # fmt: skip
"""Subcommand modules under `replydraft.commands`, in the order `--help` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="replydraft",
        description="Draft replies to deputies' suggestions and members' proposals. "
        "With no command, opens the terminal UI.",
    )
    parser.add_argument("--version", action="version", version=f"replydraft {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"replydraft.commands.{name}").register(subparsers)
    return parser


PATH_ARGUMENTS = frozenset(
    {"draft", "paths", "library", "out", "output", "file", "proposal_text", "report"}
)
"""Arguments naming files: a file name may legitimately hold bytes that are not UTF-8."""


def refuse_undecodable(args: argparse.Namespace) -> None:
    """Text from the command line with bytes the terminal could not decode (`$'\\xff局'`)
    would poison every file it is saved to: refuse it with one clear line."""
    from replydraft.files.validate import refuse_surrogates

    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS or name == "run":
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                refuse_surrogates(item, f"参数 {name} ")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 problems found, 2 bad input)."""
    args_list = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not args_list and "tui" in COMMANDS:
        args_list = ["tui"]
    args = parser.parse_args(args_list)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 0
    try:
        refuse_undecodable(args)
        return int(run(args) or 0)
    except ReplydraftError as exc:
        print(f"replydraft: {exc.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
