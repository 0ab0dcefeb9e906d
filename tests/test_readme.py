"""The README's commands are the ones CI runs, and every command it tours exists."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fenced_lines() -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", README, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command() -> None:
    test_commands = [line for line in _fenced_lines() if "pytest" in line]
    assert len(test_commands) == 1, test_commands
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert test_commands[0] in ci
    # The slow tests the default run deselects: CI runs them next, and the README says how.
    slow = "python -m pytest -m slow -n 0"
    assert ci.index(slow) == ci.index(test_commands[0]) + 1
    assert f"`{slow}`" in README


def test_readme_install_command_starts_replydraft() -> None:
    start = [line for line in _fenced_lines() if line.endswith("&& replydraft")]
    assert start and "pip install ." in start[0]


def test_every_toured_command_has_help() -> None:
    toured = sorted(set(re.findall(r"^\| `replydraft (\w+)", README, flags=re.M)))
    assert {"parse", "ingest", "search", "skeleton", "check", "export", "config"} <= set(toured)
    for command in toured:
        out = run_cli(command, "--help")
        assert out.returncode == 0, (command, out.stderr)
        assert "用法：replydraft" in out.stdout
