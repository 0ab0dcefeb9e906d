"""A real terminal: scripts/tmux_demo.sh runs `replydraft` in tmux at 120x36, sends keys, reads
the screen back with capture-pane and asserts every step of the README walkthrough;
scripts/tmux_demo_small.sh completes a whole draft at 80x24 and reads every screen it saw for
characters lost at an edge."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "tmux_demo.sh"


@pytest.mark.slow  # ~25 s of real terminal: .ci/run runs it in its `-m slow` pass
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_walkthrough_in_tmux(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON=sys.executable, TMPDIR=str(tmp_path))
    env.pop("TMUX", None)  # run our own server even when the suite runs inside tmux
    result = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=240
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "== 7. export a .docx" in result.stdout
    docx = Path(result.stdout.strip().splitlines()[-1].removeprefix("OK: "))
    assert docx.suffix == ".docx" and docx.stat().st_size > 1000
    final = (docx.parent / "final-screen.txt").read_text(encoding="utf-8")
    assert "检查：无问题" in final
    assert "（一）" in final and "（二）" in final


@pytest.mark.slow  # ~60 s of real terminal
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_whole_draft_at_80x24_in_tmux(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON=sys.executable, TMPDIR=str(tmp_path))
    env.pop("TMUX", None)
    script = REPO / "scripts" / "tmux_demo_small.sh"
    result = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, env=env, timeout=400
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "CUT:" not in result.stdout
    docx = Path(result.stdout.strip().splitlines()[-1].removeprefix("OK: "))
    assert docx.suffix == ".docx" and docx.stat().st_size > 1000
    screens = (docx.parent / "screens.txt").read_text(encoding="utf-8")
    assert screens.count("-----") > 20  # every wait read (and checked) the screen
    final = (docx.parent / "final-screen.txt").read_text(encoding="utf-8")
    assert "检查：无问题" in final
    assert "^q 退出 ^s 保存 f1 帮助" in final
