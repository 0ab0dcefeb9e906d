"""Shared test helpers: running the real `replydraft` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m replydraft ARGS` as an officer runs it; the environment is the test's own
    (set REPLYDRAFT_HOME with monkeypatch) unless `env` is given."""
    return subprocess.run(
        [sys.executable, "-m", "replydraft", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        env=os.environ if env is None else env,
    )


def run_cli_in(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`run_cli` sealed off in `home`: it is the working directory and REPLYDRAFT_HOME, and
    nothing else of the test's environment gets through (UTF-8 output forced)."""
    env = {"REPLYDRAFT_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return run_cli(*args, cwd=home, env=env)
