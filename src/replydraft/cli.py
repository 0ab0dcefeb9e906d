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
from typing import Any, NoReturn

from replydraft import __version__
from replydraft.errors import ReplydraftError
from replydraft.messages import argparse_error, msg

COMMANDS: list[str] = [
    "parse", "ingest", "config", "skeleton", "search", "check", "export", "restore", "tui",
]  # fmt: skip
"""Subcommand modules under `replydraft.commands`, in the order `--help` lists them."""


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse speaking the catalogue's Chinese: usage line, group titles, -h, its errors.

    Subcommand parsers are made by `add_parser`, which uses the parent's class, so every
    command's parser is one of these.
    """

    def __init__(self, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        super().__init__(**kwargs, add_help=False)
        self._positionals.title = msg("cli.positionals")
        self._optionals.title = msg("cli.options")
        if add_help:
            self.add_argument("-h", "--help", action="help", help=msg("cli.help"))

    def format_usage(self) -> str:
        return _chinese_usage(super().format_usage())

    def format_help(self) -> str:
        text = _chinese_usage(super().format_help())
        for group in self._action_groups:  # argparse ends a group's title with a half-width colon
            if group.title:
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        """One Chinese line after the usage, exit code 2 (as argparse does)."""
        self.print_usage(sys.stderr)
        self.exit(2, msg("cli.error", prog=self.prog, message=argparse_error(message)) + "\n")


def _chinese_usage(text: str) -> str:
    return text.replace("usage: ", msg("cli.usage"), 1)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand registered."""
    parser = ChineseArgumentParser(prog="replydraft", description=msg("help.main"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"replydraft {__version__}",
        help=msg("cli.version"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title=msg("cli.commands"))
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
                refuse_surrogates(item, msg("cli.argument", name=name))


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
        print(msg("out.prefix", text=exc.one_line()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
