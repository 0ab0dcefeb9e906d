"""`replydraft ingest`: add the paragraphs of past replies to the paragraph library."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="add the paragraphs of past replies to the paragraph library",
        description="Parse every past reply in PATH (files, or folders searched recursively "
        "for .txt, .md, .docx, .pdf, .html, .htm, .mht, .mhtml, .doc, .wps and .rtf; .doc, .wps "
        "and .rtf need LibreOffice) and merge its measure paragraphs and set phrases (thanks, "
        "handling, closing) into the library. A paragraph seen again with new figures becomes "
        "a new version of its entry. Your notes, pinned and retired fields are kept. Running it "
        "twice on the same files changes nothing. A file that is not a reply (a README, a news "
        "article) is skipped with a warning; a file that cannot be read makes the exit code 2, "
        "and the other files are still ingested.",
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
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print a line per file: measures kept, lines skipped (furniture, signature, "
        "contacts), or why the file was skipped",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="write that line for every file to FILE (TSV for .tsv/.csv/.txt, else YAML)",
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

    def skip(file: str, reason: str) -> None:
        warning = ReplydraftError(f"已跳过：{reason}", file).one_line()
        print(f"replydraft: 注意：{warning}", file=sys.stderr)

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
    skipped = f", {len(result.skipped)} skipped (not replies)" if result.skipped else ""
    print(
        f"{result.files} files read, {failed} failed{skipped}; {result.paragraphs} paragraphs: "
        f"{result.added} entries added, {result.updated} updated, {result.unchanged} unchanged"
    )
    verb = "would be" if args.dry_run and result.changed else "is"
    print(f"library {verb} {target} ({len(library.entries)} entries)")
    return 2 if failed else 0
