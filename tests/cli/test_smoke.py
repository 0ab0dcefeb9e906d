"""One real `python -m replydraft` run per command: the entry point, argument parsing, output
encoding and exit codes as an officer's shell sees them. Everything else about the commands is
tested in-process through `cli.main` (tests/cli/, helpers.run_cli)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SEEDS, run_cli_subprocess

from replydraft import cli

SEED_001 = next(SEEDS.glob("001_*.txt"))
TITLE = "关于加快人工智能产业发展的建议"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A draft made by the real `skeleton` command (the smoke test of `skeleton` itself)."""
    path = tmp_path / "d.draft.yaml"
    result = run_cli_subprocess(
        "skeleton", "--title", TITLE, "--number", "12", "--out", str(path), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert path.exists() and TITLE in path.read_text(encoding="utf-8")
    return path


def test_every_command_has_a_smoke_test() -> None:
    smoked = {
        *("parse", "ingest", "config", "skeleton", "search", "check", "export", "tui"),
        "restore",
    }
    assert set(cli.COMMANDS) == smoked


def test_parse() -> None:
    result = run_cli_subprocess("parse", str(SEED_001), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["proposal_kind"] in {"suggestion", "proposal"}


def test_parse_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli_subprocess("parse", str(tmp_path / "无此文件.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("replydraft: ") and len(result.stderr.splitlines()) == 1


def test_ingest(tmp_path: Path) -> None:
    library = tmp_path / "library.yaml"
    result = run_cli_subprocess("ingest", str(SEEDS), "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "读取 5 个文件，0 个失败" in result.stdout and library.exists()


def test_config(home: Path) -> None:
    assert run_cli_subprocess("config", "set", "unit", "余姚市科学技术局").returncode == 0
    shown = run_cli_subprocess("config")
    assert shown.returncode == 0 and "余姚市科学技术局" in shown.stdout
    assert (home / "config" / "config.yaml").exists()


def test_skeleton(draft: Path) -> None:
    assert "kind: suggestion" in draft.read_text(encoding="utf-8")


def test_search() -> None:
    result = run_cli_subprocess("search", "科技金融", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout), "the bundled library has paragraphs on 科技金融"


def test_check(draft: Path) -> None:
    result = run_cli_subprocess("check", str(draft))
    assert result.returncode == 1  # a fresh skeleton still has 【待填】 placeholders
    assert "待填" in result.stdout


def test_export(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "答复.docx"
    result = run_cli_subprocess("export", str(draft), "-o", str(out))
    # A fresh skeleton still holds 【待填】: the file is written, and the exit code says so.
    assert result.returncode == 1, result.stderr
    assert "处【待填】或【待核】未处理" in result.stderr
    assert out.stat().st_size > 1000


def test_tui_help_and_a_bad_draft(tmp_path: Path) -> None:
    """The UI needs a terminal; its command line and its bad-input path do not."""
    shown = run_cli_subprocess("tui", "--help")
    assert shown.returncode == 0 and "用法：replydraft tui" in shown.stdout
    bad = tmp_path / "bad.draft.yaml"
    bad.write_text("meta: [unclosed\n", encoding="utf-8")
    result = run_cli_subprocess("tui", str(bad))
    assert result.returncode == 2 and str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_restore(draft: Path, tmp_path: Path) -> None:
    updated = run_cli_subprocess(
        "skeleton", "--draft", str(draft), "--handler", "何智敏", "--out", str(draft), cwd=tmp_path
    )
    assert updated.returncode == 0, updated.stderr
    listed = run_cli_subprocess("restore", str(draft), "--list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("1 ")
    restored = run_cli_subprocess("restore", str(draft))
    assert restored.returncode == 0, restored.stderr
    assert "何智敏" not in draft.read_text(encoding="utf-8")
