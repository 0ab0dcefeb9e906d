"""`replydraft config`: show or set the officer's defaults (unit, leader, handler, phone, wording)."""

from __future__ import annotations

import argparse

from replydraft.messages import msg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help=msg("help.config.short"),
        description=msg("help.config.long"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", title=msg("help.config.actions")
    )
    actions.add_parser("show", help=msg("help.config.show"))
    setter = actions.add_parser("set", help=msg("help.config.set"))
    setter.add_argument("key", help=msg("help.config.key"))
    setter.add_argument("value", help=msg("help.config.value"))
    unsetter = actions.add_parser("unset", help=msg("help.config.unset"))
    unsetter.add_argument("key", help=msg("help.config.unset_key"))
    actions.add_parser("path", help=msg("help.config.path"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from replydraft.config import SETTABLE, config_to_dict, load_config, save_config, set_value
    from replydraft.files import locations
    from replydraft.files.yaml import dump_yaml

    path = locations.config_file()
    if args.action == "path":
        print(path)
        return 0
    config = load_config(path)
    if args.action in ("set", "unset"):
        set_value(config, args.key, args.value.strip() if args.action == "set" else None)
        save_config(config, path)
    shown = {key: getattr(config, key) for key in SETTABLE}
    shown.update({k: v for k, v in config_to_dict(config).items() if k not in shown})
    print(f"# {path}{'' if path.exists() else msg('out.config_not_written')}")
    print(dump_yaml(shown), end="")
    return 0
