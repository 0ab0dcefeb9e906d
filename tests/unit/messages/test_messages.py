"""The message catalogue: every key the code asks for exists, every text is Chinese, fields match."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from replydraft.draft.checks import CODES
from replydraft.messages import MESSAGES, argparse_error, code_name, msg, os_reason

SRC = Path(__file__).resolve().parents[3] / "src" / "replydraft"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _keys_used() -> dict[str, set[str]]:
    """Every `msg("key", field=…)` call in the package: its key and the fields it passes."""
    used: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                used.setdefault(node.args[0].value, set()).update(
                    k.arg for k in node.keywords if k.arg
                )
    return used


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_the_code_uses_exists_with_the_fields_it_passes() -> None:
    used = _keys_used()
    assert len(used) > 100
    for key, fields in used.items():
        assert key in MESSAGES, key
        assert _fields(MESSAGES[key]) == fields, key


def test_every_text_is_chinese() -> None:
    english = [key for key, text in MESSAGES.items() if not CJK.search(text)]
    # Formats made only of fields and punctuation, and the program name, are language-neutral.
    assert set(english) <= {"cli.error", "out.prefix", "error.date_option"}


def test_no_key_is_left_unused() -> None:
    used = set(_keys_used())
    dynamic = {
        k
        for k in MESSAGES
        if k.startswith(
            ("check.code.", "cli.error.", "cli.type.", "out.library_", "outline.", "ingest.status.")
        )
    }
    assert set(MESSAGES) - used - dynamic == set()


def test_every_check_code_has_a_chinese_name() -> None:
    for code in CODES:
        assert CJK.search(code_name(code)), code
    assert code_name("no_such_code") == "no_such_code"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("the following arguments are required: DRAFT", "缺少参数：DRAFT"),
        ("unrecognized arguments: --bogus", "无法识别的参数：--bogus"),
        (
            "argument -f/--format: invalid choice: 'pdf' (choose from 'txt', 'md')",
            "参数 -f/--format：不可用的取值 'pdf'（可选：'txt', 'md'）",
        ),
        ("argument --top: invalid int value: 'x'", "参数 --top：'x' 不是有效的整数"),
        ("argument -o/--output: expected one argument", "参数 -o/--output：需要一个值"),
        ("something new", "something new"),
    ],
)
def test_argparse_errors_in_chinese(english: str, chinese: str) -> None:
    assert argparse_error(english) == chinese


def test_os_reasons_in_chinese() -> None:
    assert os_reason(PermissionError(13, "Permission denied")) == "没有权限"
    assert os_reason(OSError(9999, "Strange")) == "Strange"


def test_msg_fills_fields() -> None:
    assert msg("out.saved", path="d.yaml") == "已保存 d.yaml"
    with pytest.raises(KeyError):
        msg("no.such.key")
