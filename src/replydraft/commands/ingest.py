"""`replydraft ingest`: add the paragraphs of past replies to the paragraph library."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="add the paragraphs of past replies to the paragraph library",
        description="Parse every past reply in PATH (files, or folders searched recursively "
        "for .txt, .docx and .md) and merge its measure paragraphs and set phrases (thanks, "
        "handling, closing) into the library. A paragraph seen again with new figures becomes "
        "a new version of its entry. Your notes, pinned and retired fields are kept. Running it "
        "twice on the same files changes nothing.",
        epilog="example: replydraft ingest ~/答复/2024 old-reply.docx --library team-library.yaml",
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", help="reply files or folders")
    parser.add_argument(
        "--library",
        metavar="FILE",
        help="library YAML to update, created if missing (default: your own library)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would change without writing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from replydraft.errors import ReplydraftError
    from replydraft.files import locations
    from replydraft.library.ingest import ingest
    from replydraft.library.store import Library

    target = args.library or locations.user_library()
    # Load first: a library that cannot be read is reported and never written over.
    library = Library.for_user(target, missing_ok=True)

    def report(file: str, reason: str) -> None:
        print(f"replydraft: {ReplydraftError(reason, file).one_line()}", file=sys.stderr)

    result = ingest(library, args.paths, on_failure=report)
    if result.changed and not args.dry_run:
        library.save(target)
    failed = len(result.failures)
    print(
        f"{result.files} files read, {failed} failed; {result.paragraphs} paragraphs: "
        f"{result.added} entries added, {result.updated} updated, {result.unchanged} unchanged"
    )
    verb = "would be" if args.dry_run and result.changed else "is"
    print(f"library {verb} {target} ({len(library.entries)} entries)")
    return 2 if failed else 0
