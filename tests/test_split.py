"""The split between core and UI: importing replydraft and running the non-UI commands never
loads Textual (harlequin's import-hygiene idea, extended to whole command runs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from replydraft import cli
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta

REPO = Path(__file__).resolve().parents[1]

RUNNER = """
import json, sys
from replydraft.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"code": code, "textual": loaded}), file=sys.stderr)
"""


def _draft(path: Path) -> Path:
    meta = ProposalMeta(
        title="关于加快人工智能产业发展的建议", kind="suggestion", number=12, proposer="张三"
    )
    draft = Draft(
        meta=meta,
        parts=[
            DraftPart("title", [Paragraph("对市十八届人大二次会议第12号建议的答复")]),
            DraftPart("salutation", [Paragraph("张三代表：")]),
            DraftPart("next_steps", [Paragraph("（一）加快人工智能产业布局。")]),
        ],
    )
    draft.save(path)
    return path


def _commands(tmp_path: Path) -> list[tuple[str, list[str]]]:
    draft = _draft(tmp_path / "d.draft.yaml")
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    return [
        ("parse", [str(seed), "--json"]),
        ("search", ["科技金融", "--top", "3"]),
        (
            "skeleton",
            ["--title", "关于加快人工智能产业发展的建议", "--out", str(tmp_path / "s.yaml")],
        ),
        ("check", [str(draft)]),
        ("export", [str(draft), "-f", "docx", "-o", str(tmp_path / "d.docx")]),
        ("export", [str(draft), "-f", "body", "-o", "-"]),
    ]


@pytest.mark.parametrize("index", range(6))
def test_non_ui_command_does_not_load_textual(tmp_path: Path, index: int) -> None:
    name, args = _commands(tmp_path)[index]
    if name not in cli.COMMANDS:
        pytest.skip(f"`replydraft {name}` is not there yet")
    env = dict(os.environ, REPLYDRAFT_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, name, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["textual"] == [], f"`replydraft {name}` loaded {report['textual'][:3]}"
    assert report["code"] in (0, 1), result.stderr  # 1 = problems found (check)


def test_the_tui_command_is_registered_and_importing_it_loads_no_textual() -> None:
    code = (
        "import sys, replydraft, replydraft.cli, replydraft.commands.tui\n"
        "replydraft.cli.build_parser()\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert "tui" in cli.COMMANDS
