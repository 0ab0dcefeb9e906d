"""`replydraft restore FILE`: list or put back a previous version of a draft, library or config."""

from __future__ import annotations

import argparse

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help=msg("help.restore.short"),
        description=msg("help.restore.long"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help=msg("help.restore.file"))
    parser.add_argument("--list", action="store_true", help=msg("help.restore.list"))
    parser.add_argument(
        "--generation",
        metavar="N",
        type=int,
        default=1,
        help=msg("help.restore.generation"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from replydraft.errors import ReplydraftError
    from replydraft.files import backups

    kept = backups.list_backups(args.file)
    if args.list:
        if not kept:
            raise ReplydraftError(msg("error.no_backups"), args.file)
        for backup in kept:
            saved = f"{backup.saved_at:%Y-%m-%d %H:%M:%S}"
            print(msg("out.backup", generation=backup.generation, saved=saved, size=backup.size))
        return 0
    chosen = backups.restore(args.file, args.generation)
    saved = f"{chosen.saved_at:%Y-%m-%d %H:%M:%S}"
    restored = msg("out.restored", saved=saved, generation=chosen.generation, path=args.file)
    print(msg("out.prefix", text=restored), file=sys.stderr)
    return 0
