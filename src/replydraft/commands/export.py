"""`replydraft export DRAFT`: write a draft as txt, Markdown, platform body text or Word."""

from __future__ import annotations

import argparse

HELP = """Export a saved draft.

formats:
  txt   the draft's text as the editor shows it (parts separated by a blank line)
  md    Markdown: title #, 一、 headings ##, （一） headings ###
  body  the body alone, from the acknowledgement to the closing, one paragraph a line, no
        title, salutation or signature: for pasting into online handling platforms
  docx  the official Word format (GB/T 9704-2012): A4, 方正小标宋 title, 仿宋_GB2312 body,
        黑体/楷体 headings, unit and date at the right, contacts note, answer category

The format follows from the -o suffix (.txt .md .docx) unless --format is given. Without -o,
text formats print to stdout and docx is written next to the draft (draft.yaml → draft.docx).
Files are written atomically: an interrupted or failed export never leaves a partial file
and never touches the old one. An existing output file is not replaced unless --force is
given (its old content is then kept as a backup, see `replydraft restore`).

examples:
  replydraft export draft.yaml -o 答复.docx
  replydraft export draft.yaml --format body | pbcopy
  replydraft export draft.yaml --format md -o reply.md
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a draft as txt, md, body (for platforms) or docx (official format)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "draft", metavar="DRAFT", help="a draft saved by `replydraft skeleton --out`"
    )
    parser.add_argument(
        "-f", "--format", choices=("txt", "md", "docx", "body"), help="output format"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="output file ('-' for stdout)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output file (its old content is kept as a backup)",
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
            f"cannot tell the format from '{suffix or 'no suffix'}': add --format txt|md|docx|body",
            args.output,
        )
    return FORMAT_OF_SUFFIX[suffix]


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from replydraft.draft.checks import check_draft
    from replydraft.draft.model import Draft
    from replydraft.errors import ReplydraftError
    from replydraft.export import export_bytes, export_draft

    fmt = _format(args)
    draft = Draft.load(args.draft)
    output = args.output
    if fmt == "docx" and output == "-":
        raise ReplydraftError("a .docx cannot go to stdout: give -o FILE.docx", args.draft)
    if fmt == "docx" and output is None:
        output = str(Path(args.draft).with_suffix(".docx"))
    if output in (None, "-"):
        sys.stdout.write(export_bytes(draft, fmt).decode("utf-8"))
        sys.stdout.flush()
    else:
        if Path(output).resolve() == Path(args.draft).resolve():
            raise ReplydraftError(
                "refusing to overwrite the draft itself: choose another -o", output
            )
        from replydraft.files.saving import check_overwrite

        check_overwrite(output, force=args.force)
        export_draft(draft, fmt, output)
        print(f"replydraft: wrote {output} ({fmt})", file=sys.stderr)
    problems = check_draft(draft)
    if problems:
        print(
            f"replydraft: note: {len(problems)} problem(s) left; see `replydraft check {args.draft}`",
            file=sys.stderr,
        )
    return 0
