"""Shared test helpers: running the `replydraft` command in-process, or as a real subprocess.

`run_cli` calls `replydraft.cli.main([...])` in this process with stdin, stdout, stderr, the
working directory and the environment swapped for the call, and gives back what a subprocess
would (`returncode`, `stdout`, `stderr`), so `commands/` counts in coverage and a CLI test costs
milliseconds, not an interpreter start. `run_cli_subprocess` keeps the real thing for the one
smoke test per command (tests/cli/test_smoke.py) and for what only a fresh process shows (which
modules a command imports).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@dataclass
class CliResult:
    """What `subprocess.run(..., capture_output=True, text=True)` gives, for an in-process run."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


class _Stdin(io.TextIOWrapper):
    """A text stdin over bytes, as the real one is (commands read `sys.stdin.buffer`)."""


@contextlib.contextmanager
def _environment(env: dict[str, str] | None, cwd: Path | None):
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> CliResult:
    """`replydraft ARGS` run in this process as an officer runs it; the environment is the test's
    own (the autouse `home` fixture) unless `env` is given. argparse's exits become return codes."""
    from replydraft.cli import main

    out, err = io.StringIO(), io.StringIO()
    stdin_bytes = io.BytesIO((stdin or "").encode("utf-8"))
    fake_stdin = _Stdin(stdin_bytes, encoding="utf-8")
    saved_stdin = sys.stdin
    with _environment(env, cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        sys.stdin = fake_stdin
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
        finally:
            sys.stdin = saved_stdin
    return CliResult(list(args), code, out.getvalue(), err.getvalue())


def run_cli_in(home: Path, *args: str) -> CliResult:
    """`run_cli` sealed off in `home`: it is the working directory and REPLYDRAFT_HOME, and
    nothing else of the test's environment gets through."""
    env = {"REPLYDRAFT_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return run_cli(*args, cwd=home, env=env)


def run_cli_subprocess(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m replydraft ARGS` in a fresh interpreter; the environment is the test's own
    (the autouse `home` fixture) unless `env` is given."""
    return subprocess.run(
        [sys.executable, "-m", "replydraft", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        env=os.environ if env is None else env,
    )
