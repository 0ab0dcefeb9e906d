"""`replydraft parse FILE [--json]` run through cli.main."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import CliResult, run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args: str) -> CliResult:
    return run_cli("parse", *args)


def test_json_of_seed_001() -> None:
    result = run(str(next(SEEDS.glob("001_*.txt"))), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["session"] == "余姚市政协十四届四次会议"
    assert data["number"] == 176
    assert data["date"] == "2025-05-14"
    assert data["contacts"] == {
        "leader": "杨蕾",
        "handler": "何智敏",
        "phone": "89553541,15355467028",
    }
    assert list(data)[:15] == [
        "doc_type",
        "proposal_kind",
        "session",
        "number",
        "addressee",
        "addressee_title",
        "proposer",
        "co_proposers",
        "proposal_title",
        "responding_unit",
        "date",
        "category",
        "contacts",
        "parts",
        "measures",
    ]
    assert {"kind", "text"} == set(data["parts"][0])
    assert {"section", "headings", "ordinal", "text"} == set(data["measures"][0])


def test_outline_lists_fields_parts_measures() -> None:
    result = run(str(next(SEEDS.glob("000_*.txt"))))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "会议届次" in out and "市十八届人大一次会议" in out
    assert "部分（" in out and "措施（" in out and "来件类型" in out
    assert "三、完善创新生态环境" in out


def test_not_a_reply_exits_2(tmp_path: Path) -> None:
    code = tmp_path / "script.py"
    code.write_text("import os\n\ndef main():\n    print(os.getcwd())\n", encoding="utf-8")
    result = run(str(code))
    assert result.returncode == 2
    assert result.stderr.startswith(f"replydraft: {code}: 不是一份答复")
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_lorem_is_not_a_reply(tmp_path: Path) -> None:
    lorem = tmp_path / "lorem.txt"
    lorem.write_text(
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n" * 20, encoding="utf-8"
    )
    result = run(str(lorem))
    assert result.returncode == 2 and "不是一份答复" in result.stderr
