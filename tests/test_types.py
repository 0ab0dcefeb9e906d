"""`mypy src` finds no error ([tool.mypy] in pyproject.toml), so the README's test command and
.ci/run check the types too.

mypy runs as a subprocess from the repository root (it reads pyproject.toml there and keeps its
incremental cache in `.mypy_cache/`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_ERROR = re.compile(r"^src/replydraft/([A-Za-z_]+)[^:]*:\d+: error: .*$", re.M)


@pytest.fixture(scope="module")
def mypy_errors() -> list[tuple[str, str]]:
    """(package, error line) for every error `mypy src` reports; the package of a top-level
    module is its file name without `.py`."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = [(match.group(1), match.group(0)) for match in _ERROR.finditer(result.stdout)]
    # A crash or a bad config reports no error line but a non-zero status: never a silent pass.
    assert errors or result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return errors


def test_mypy_is_clean(mypy_errors: list[tuple[str, str]]) -> None:
    assert not mypy_errors, "\n".join(line for _, line in mypy_errors)
