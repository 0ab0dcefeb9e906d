"""`replydraft restore FILE`: list or put back a previous version of a draft, library or config."""

from __future__ import annotations

import argparse

HELP = """Every save of a draft, a library or the config keeps the version it replaces (the
newest 3, in a .replydraft-backups folder beside the file); so does an export or skeleton
--out forced over an existing file. This lists them, or puts one back. The version that
restoring replaces is itself kept, so a restore can be undone the same way.

examples:
  replydraft restore 第107号.draft.yaml --list
  replydraft restore 第107号.draft.yaml            (the most recent backup)
  replydraft restore team-library.yaml --generation 2
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help="list or restore the previous versions of a draft, library or config",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the draft, library or config file")
    parser.add_argument("--list", action="store_true", help="list the kept versions, newest first")
    parser.add_argument(
        "--generation",
        metavar="N",
        type=int,
        default=1,
        help="which version to restore: 1 the most recent (default), 2 the one before, …",
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
