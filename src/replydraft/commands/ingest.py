"""`replydraft ingest`: add the paragraphs of past replies to the paragraph library."""

from __future__ import annotations

import argparse
import sys

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help=msg("help.ingest.short"),
        description=msg("help.ingest.long"),
        epilog=msg("help.ingest.epilog"),
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", help=msg("help.ingest.paths"))
    parser.add_argument(
        "--library",
        metavar="FILE",
        help=msg("help.ingest.library"),
    )
    parser.add_argument("--dry-run", action="store_true", help=msg("help.ingest.dry_run"))
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=msg("help.ingest.verbose"),
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help=msg("help.ingest.report"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from replydraft.errors import ReplydraftError
    from replydraft.files import locations
    from replydraft.library.ingest import ingest
    from replydraft.library.user import library_for_user

    target = args.library or locations.user_library()
    # Load first: a library that cannot be read is reported and never written over.
    library = library_for_user(target, missing_ok=True)

    def report(file: str, reason: str) -> None:
        print(msg("out.prefix", text=ReplydraftError(reason, file).one_line()), file=sys.stderr)

    def skip(file: str, reason: str) -> None:
        if args.verbose:
            return  # --verbose prints the same reason on the file's own line
        warning = ReplydraftError(msg("out.skipped", reason=reason), file).one_line()
        print(msg("out.prefix", text=msg("out.note", text=warning)), file=sys.stderr)

    def each(file_report) -> None:
        if args.verbose:
            print(file_report.one_line(), flush=True)

    result = ingest(library, args.paths, on_failure=report, on_skip=skip, on_file=each)
    if result.changed and not args.dry_run:
        library.save(target)
    if args.report:
        from replydraft.library.ingest_report import write_report

        write_report(args.report, result.reports)
    failed = len(result.failures)
    skipped = msg("out.ingest_skipped", count=len(result.skipped)) if result.skipped else ""
    print(
        msg(
            "out.ingest_summary",
            files=result.files,
            failed=failed,
            skipped=skipped,
            paragraphs=result.paragraphs,
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
        )
    )
    key = "out.library_would_be" if args.dry_run and result.changed else "out.library_is"
    print(msg(key, path=target, count=len(library.entries)))
    return 2 if failed else 0
