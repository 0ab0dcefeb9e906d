"""`replydraft export DRAFT`: write a draft as txt, Markdown, platform body text or Word."""

from __future__ import annotations

import argparse

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help=msg("help.export.short"),
        description=msg("help.export.long"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("draft", metavar="DRAFT", help=msg("help.export.draft"))
    parser.add_argument(
        "-f", "--format", choices=("txt", "md", "docx", "body"), help=msg("help.export.format")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=msg("help.export.output"))
    parser.add_argument(
        "--force",
        action="store_true",
        help=msg("help.export.force"),
    )
    parser.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    from pathlib import Path

    from replydraft.errors import ReplydraftError
    from replydraft.export.naming import FORMAT_OF_SUFFIX

    if args.format:
        return args.format
    if not args.output or args.output == "-":
        return "txt"
    suffix = Path(args.output).suffix.lower()
    if suffix not in FORMAT_OF_SUFFIX:
        raise ReplydraftError(
            msg("error.format_from_suffix", suffix=suffix or msg("error.no_suffix")), args.output
        )
    return FORMAT_OF_SUFFIX[suffix]


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from replydraft.draft.checks import check_draft
    from replydraft.draft.model import Draft
    from replydraft.errors import ReplydraftError
    from replydraft.export import export_bytes, export_draft
    from replydraft.export.marks import count_open_marks

    fmt = _format(args)
    draft = Draft.load(args.draft)
    output = args.output
    if fmt == "docx" and output == "-":
        raise ReplydraftError(msg("error.docx_to_stdout"), args.draft)
    if fmt == "docx" and output is None:
        output = str(Path(args.draft).with_suffix(".docx"))
    if output in (None, "-"):
        sys.stdout.write(export_bytes(draft, fmt).decode("utf-8"))
        sys.stdout.flush()
    else:
        if Path(output).resolve() == Path(args.draft).resolve():
            raise ReplydraftError(msg("error.overwrite_draft"), output)
        from replydraft.files.saving import check_overwrite

        check_overwrite(output, force=args.force)
        export_draft(draft, fmt, output)
        print(msg("out.prefix", text=msg("out.wrote", path=output, format=fmt)), file=sys.stderr)
    marks = count_open_marks(draft)
    if marks:
        # Still written (a reviewer may want the file), but not done: exit 1 with the count.
        left = msg("out.placeholders_left", count=marks, draft=args.draft)
        print(msg("out.prefix", text=left), file=sys.stderr)
        return 1
    problems = check_draft(draft)
    if problems:
        left = msg("out.problems_left", count=len(problems), draft=args.draft)
        print(msg("out.prefix", text=left), file=sys.stderr)
    return 0
