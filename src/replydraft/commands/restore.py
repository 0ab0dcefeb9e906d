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
            raise ReplydraftError("没有可恢复的备份", args.file)
        for backup in kept:
            print(f"{backup.generation}  {backup.saved_at:%Y-%m-%d %H:%M:%S}  {backup.size} 字节")
        return 0
    chosen = backups.restore(args.file, args.generation)
    print(
        f"replydraft: 已用 {chosen.saved_at:%Y-%m-%d %H:%M:%S} 的备份（第 {chosen.generation} 代）"
        f"恢复 {args.file}；恢复前的内容也已备份",
        file=sys.stderr,
    )
    return 0
