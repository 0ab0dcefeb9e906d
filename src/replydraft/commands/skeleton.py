"""`replydraft skeleton`: a complete, correctly phrased reply skeleton from the assignment."""

from __future__ import annotations

import argparse
import sys

from replydraft.anatomy import PROPOSAL_KINDS, ROLES
from replydraft.messages import msg

META_OPTIONS = (
    "title", "kind", "number", "session", "proposer", "role", "lead_unit", "unit", "date",
    "leader", "handler", "phone", "category", "disclosure", "work_phrase",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "skeleton",
        help=msg("help.skeleton.short"),
        description=msg("help.skeleton.long"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--title", help=msg("help.skeleton.title"))
    add("--kind", choices=PROPOSAL_KINDS, help=msg("help.skeleton.kind"))
    add("--number", type=int, help=msg("help.skeleton.number"))
    add("--session", help=msg("help.skeleton.session"))
    add("--proposer", help=msg("help.skeleton.proposer"))
    add("--co-proposer", dest="co_proposers", action="append", metavar="NAME",
        help=msg("help.skeleton.co_proposer"))  # fmt: skip
    add("--role", choices=ROLES, help=msg("help.skeleton.role"))
    add("--lead-unit", help=msg("help.skeleton.lead_unit"))
    add("--unit", help=msg("help.skeleton.unit"))
    add("--date", help=msg("help.skeleton.date"))
    add("--leader", help=msg("help.skeleton.leader"))
    add("--handler", help=msg("help.skeleton.handler"))
    add("--phone", help=msg("help.skeleton.phone"))
    add("--category", help=msg("help.skeleton.category"))
    add("--disclosure", help=msg("help.skeleton.disclosure"))
    add("--cc", dest="cc", action="append", metavar="UNIT", help=msg("help.skeleton.cc"))
    add("--work-phrase", help=msg("help.skeleton.work_phrase"))
    add("--proposal-text", metavar="FILE", help=msg("help.skeleton.proposal_text"))
    add("--library", metavar="FILE", help=msg("help.skeleton.library"))
    add("--no-library", action="store_true", help=msg("help.skeleton.no_library"))
    add("--draft", metavar="FILE", help=msg("help.skeleton.draft"))
    add("--out", metavar="FILE", help=msg("help.skeleton.out"))
    add("--force", action="store_true", help=msg("help.skeleton.force"))
    add("--format", choices=("txt", "md"), default="txt", help=msg("help.skeleton.format"))
    parser.set_defaults(run=run)


def _proposal_text(source: str) -> str:
    from replydraft.files.decoding import decode_bytes, read_text

    if source == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_text(source)


def _meta_from_args(args: argparse.Namespace, base=None):
    """`base` (or a blank assignment) with every option the officer gave applied."""
    import dataclasses

    from replydraft.draft.model import ProposalMeta

    meta = dataclasses.replace(base) if base is not None else ProposalMeta()
    for name in META_OPTIONS:
        value = getattr(args, name, None)
        if value is not None:
            setattr(meta, name, value.strip() if isinstance(value, str) else value)
    if args.co_proposers:
        meta.co_proposers = [n.strip() for n in args.co_proposers if n.strip()]
    if args.cc:
        meta.cc = [n.strip() for n in args.cc if n.strip()]
    if args.proposal_text:
        meta.proposal_text = _proposal_text(args.proposal_text)
        meta.demands = []
    if args.date is not None and args.date.strip():
        from replydraft.errors import ReplydraftError
        from replydraft.files.validate import Invalid, parse_date

        try:
            meta.date = parse_date(args.date.strip())
        except Invalid as exc:
            raise ReplydraftError(msg("error.date_option", problem=exc.message)) from None
    return meta


def _carry_extras(old, new) -> None:
    """Keep the keys of the reopened draft this version does not know (never drop them)."""
    new.extra = dict(old.extra)
    new.meta_extra = dict(old.meta_extra)
    for before, after in zip(old.parts, new.parts, strict=False):
        if before.kind == after.kind and before.extra and not after.extra:
            after.extra = dict(before.extra)


def _check_out(args: argparse.Namespace) -> None:
    """`--out` may replace the --draft being updated; any other existing file needs --force."""
    from pathlib import Path

    from replydraft.files.atomic import real_target
    from replydraft.files.saving import check_overwrite

    if (
        args.draft
        and real_target(Path(args.out)).resolve() == real_target(Path(args.draft)).resolve()
    ):
        return
    check_overwrite(args.out, force=args.force)


def run(args: argparse.Namespace) -> int:
    from replydraft.config import load_config
    from replydraft.draft.model import Draft
    from replydraft.draft.text_form import render_text
    from replydraft.errors import ReplydraftError

    config = load_config()
    if args.out:
        _check_out(args)
    if args.draft:
        from replydraft.compose.skeleton import refresh_frame

        loaded = Draft.load(args.draft)
        draft = refresh_frame(loaded, _meta_from_args(args, loaded.meta), config=config)
        _carry_extras(loaded, draft)
    else:
        if not args.title or not args.title.strip():
            raise ReplydraftError(msg("error.need_title"))
        from replydraft.compose.skeleton import build_skeleton

        library = None
        if not args.no_library:
            from replydraft.library.user import library_for_user

            library = library_for_user(args.library)
        draft = build_skeleton(_meta_from_args(args), library, config=config)
    if args.format == "md":
        from replydraft.export.text import markdown_text

        text = markdown_text(draft)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(render_text(draft))
    if args.out:
        draft.save(args.out)
        print(msg("out.saved", path=args.out), file=sys.stderr)
    return 0
