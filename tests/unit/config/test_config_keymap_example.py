"""The keymap examples officers copy (config help, README) name binding ids the UI really has."""

from __future__ import annotations

import re
from pathlib import Path

from replydraft.messages import msg

HELP = msg("help.config.long")


def _binding_ids() -> set[str]:
    from replydraft.tui.app import ReplydraftApp
    from replydraft.tui.widgets.draft_editor import DraftEditor

    return {b.id for cls in (ReplydraftApp, DraftEditor) for b in cls.BINDINGS if b.id}


def test_keymap_examples_name_real_binding_ids():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"config set keymap\.(\S+)", HELP + readme)
    assert examples, "no keymap example found"
    assert set(examples) <= _binding_ids()
