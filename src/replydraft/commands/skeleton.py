"""`replydraft skeleton`: a complete, correctly phrased reply skeleton from the assignment."""

from __future__ import annotations

import argparse
import sys

from replydraft.anatomy import PROPOSAL_KINDS, ROLES

HELP = """Print a reply skeleton for a suggestion or proposal, pre-filled from the library.

The title alone is enough: --kind follows from its ending (…的建议 / …的提案), your unit,
leader, handler and phone come from `replydraft config`, and anything still unknown is left
as a visible 【待填：…】 placeholder that `replydraft check` reports.

examples:
  replydraft skeleton --title 关于加快人工智能产业发展的建议 --number 12 \\
      --session 市十八届人大二次会议 --proposer 张三 --co-proposer 李四 --out draft.yaml
  replydraft skeleton --title 关于加快发展制造业的建议 --role co_opinion --lead-unit 市经信局 \\
      --number 239 --session 慈溪市人大十七届第一次会议 --proposer 胡国锋
  replydraft skeleton --title 关于加强科技金融的提案 --proposal-text 提案全文.docx --format md
  replydraft skeleton --draft draft.yaml --handler 何智敏 --out draft.yaml

--out never replaces an existing file other than the --draft being updated: it stops with
exit 2 unless --force is given (the replaced file is then kept as a backup, see `replydraft
restore`). Updating the --draft itself keeps its previous version the same way.
"""

META_OPTIONS = (
    "title", "kind", "number", "session", "proposer", "role", "lead_unit", "unit", "date",
    "leader", "handler", "phone", "category", "disclosure", "work_phrase",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "skeleton",
        help="print a reply skeleton for a suggestion or proposal (and save the draft)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--title", help="the proposal's title, e.g. 关于加快人工智能产业发展的建议")
    add("--kind", choices=PROPOSAL_KINDS, help="default: from the title")
    add("--number", type=int, help="its number (第N号)")
    add("--session", help="the session as the title line writes it, e.g. 市十八届人大二次会议")
    add("--proposer", help="the deputy or member who filed it (领衔人)")
    add("--co-proposer", dest="co_proposers", action="append", metavar="NAME",
        help="a co-proposer (附议人); repeat for each")  # fmt: skip
    add("--role", choices=ROLES, help="reply (default) or co_opinion")
    add("--lead-unit", help="the lead unit a co-handling opinion goes to, e.g. 市经信局")
    add("--unit", help="the responding unit (default: from config)")
    add("--date", help="the reply's date, e.g. 2026-05-20")
    add("--leader", help="the leader in charge (default: from config)")
    add("--handler", help="the handling officer (default: from config)")
    add("--phone", help="the handler's phone (default: from config)")
    add("--category", help="answer category: A, B, C or D")
    add("--disclosure", help="公开属性: 主动公开, 依申请公开 or 不予公开")
    add("--work-phrase", help="how your unit names its work, default 科技工作")
    add("--proposal-text", metavar="FILE", help="the proposal's full text (file or - for stdin)")
    add("--library", metavar="FILE", help="library YAML (default: yours, else built-in)")
    add("--no-library", action="store_true", help="leave status and next steps as placeholders")
    add("--draft", metavar="FILE", help="reopen a saved draft (options given update its metadata)")
    add("--out", metavar="FILE", help="save the draft as YAML here")
    add("--force", action="store_true",
        help="let --out replace an existing file (its old content is kept as a backup)")  # fmt: skip
    add("--format", choices=("txt", "md"), default="txt", help="what to print (default txt)")
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
    if args.proposal_text:
        meta.proposal_text = _proposal_text(args.proposal_text)
        meta.demands = []
    if args.date is not None and args.date.strip():
        from replydraft.errors import ReplydraftError
        from replydraft.files.validate import Invalid, parse_date

        try:
            meta.date = parse_date(args.date.strip())
        except Invalid as exc:
            raise ReplydraftError(f"--date：{exc.message}") from None
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
            raise ReplydraftError("give the proposal's title with --title (or reopen with --draft)")
        from replydraft.compose.skeleton import build_skeleton

        library = None
        if not args.no_library:
            from replydraft.library.store import Library

            library = Library.for_user(args.library)
        draft = build_skeleton(_meta_from_args(args), library, config=config)
    if args.format == "md":
        from replydraft.export.text import markdown_text

        text = markdown_text(draft)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(render_text(draft))
    if args.out:
        draft.save(args.out)
        print(f"saved {args.out}", file=sys.stderr)
    return 0
