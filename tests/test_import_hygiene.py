"""The core never loads Textual: only `replydraft.tui` may import it."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "replydraft",
    "replydraft.cli",
    "replydraft.files.decoding",
    "replydraft.text.ordinals",
    "replydraft.text.normalize",
    "replydraft.files.yaml",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
