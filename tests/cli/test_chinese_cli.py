"""Everything the CLI prints for an officer is Chinese: help, usage, argparse's errors, outputs."""

from __future__ import annotations

import re

import pytest
from helpers import run_cli

from replydraft.cli import COMMANDS

ENGLISH_WORDS = re.compile(r"\b(?:usage|options|positional arguments|show this help|error|file)\b")


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_chinese(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as done:
        from replydraft.cli import main

        main(args)
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("用法：replydraft")
    assert "\n选项：\n" in shown and "显示本帮助并退出" in shown
    prose = re.sub(r"`[^`]*`|replydraft [^\n]*|--?[\w-]+|[A-Z_]{2,}|\{[^}]*\}", "", shown)
    assert not ENGLISH_WORDS.search(prose), prose


def test_argparse_errors_are_chinese_with_exit_2() -> None:
    result = run_cli("check")
    assert result.returncode == 2
    assert "用法：replydraft check" in result.stderr
    assert "replydraft check：错误：缺少参数：DRAFT" in result.stderr
    bad = run_cli("export", "d.yaml", "--format", "pdf")
    assert bad.returncode == 2 and "不可用的取值 'pdf'" in bad.stderr


def test_errors_are_one_chinese_line(tmp_path) -> None:
    missing = run_cli("export", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2
    assert missing.stderr == f"replydraft: {tmp_path / 'none.yaml'}: 文件不存在\n"
    suffix = run_cli("export", str(tmp_path / "none.yaml"), "-o", "x.pdf")
    assert (
        suffix.stderr == "replydraft: x.pdf: 无法从“.pdf”判断格式：请加 --format txt|md|docx|body\n"
    )
    library = run_cli("search", "科技", "--library", str(tmp_path / "lib.yaml"))
    assert library.stderr == f"replydraft: {tmp_path / 'lib.yaml'}: 段落库不存在\n"


def test_skeleton_says_saved_in_chinese(tmp_path) -> None:
    out = tmp_path / "d.yaml"
    result = run_cli("skeleton", "--title", "关于加快人工智能产业发展的建议", "--no-library",
                     "--out", str(out))  # fmt: skip
    assert result.returncode == 0 and result.stderr == f"已保存 {out}\n"
