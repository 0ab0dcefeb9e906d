"""`replydraft config`: show or set the officer's defaults (unit, leader, handler, phone, wording)."""

from __future__ import annotations

import argparse

HELP = """Show or change your settings, the defaults of every skeleton's signature and wording.

examples:
  replydraft config
  replydraft config set unit 余姚市科学技术局
  replydraft config set handler 何智敏
  replydraft config set phone 89553541
  replydraft config set work_phrase 科技工作
  replydraft config set keymap.app.export ctrl+e
  replydraft config unset leader
  replydraft config path
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help="show or set your defaults (unit, leader, handler, phone, wording)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("show", help="print the settings (the default action)")
    setter = actions.add_parser("set", help="set one setting: KEY VALUE")
    setter.add_argument("key", help="unit, leader, handler, phone, work_phrase or keymap.<id>")
    setter.add_argument("value", help="the new value")
    unsetter = actions.add_parser("unset", help="clear one setting")
    unsetter.add_argument("key")
    actions.add_parser("path", help="print where the config file is")
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
    print(f"# {path}{'' if path.exists() else ' (not written yet)'}")
    print(dump_yaml(shown), end="")
    return 0
