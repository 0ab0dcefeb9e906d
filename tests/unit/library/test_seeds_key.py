"""The default library's cache key covers the code that builds it, found from the imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from replydraft.library import seeds


def test_the_key_covers_every_module_that_building_the_seeds_loads() -> None:
    """Build the default library in a fresh interpreter: every replydraft module it loaded
    (module-level and function-level imports alike) is in the key."""
    code = (
        "import sys\n"
        "from replydraft.files import resources\n"
        "from replydraft.library.ingest import build_library\n"
        "build_library([resources.seeds_dir()])\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('replydraft.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split()) - {"replydraft.files.resources"}
    covered = seeds.code_modules(seeds.BUILDER)
    assert loaded - covered == set()
    assert {"replydraft.parsing.reply_parser", "replydraft.library.tags"} <= covered
    assert not any(name.startswith(("replydraft.tui", "replydraft.commands")) for name in covered)


def test_a_function_level_import_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "replydraft"
    (package / "sub").mkdir(parents=True)
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text(
        "def f():\n    from replydraft.sub import b\n    from .c import x\n", encoding="utf-8"
    )
    (package / "sub" / "b.py").write_text("", encoding="utf-8")
    (package / "c.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(seeds, "_ROOT", package)
    assert seeds.code_modules("replydraft.a") == {
        "replydraft.a",
        "replydraft.sub",
        "replydraft.sub.b",
        "replydraft.c",
    }


def test_a_renamed_module_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "replydraft"
    package.mkdir()
    (package / "a.py").write_text("import replydraft.gone\n", encoding="utf-8")
    monkeypatch.setattr(seeds, "_ROOT", package)
    with pytest.raises(ModuleNotFoundError, match="replydraft.gone"):
        seeds.code_modules("replydraft.a")
