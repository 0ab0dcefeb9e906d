"""`replydraft skeleton` end to end: printed text, saved draft, reopening, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from replydraft.draft.model import Draft
from replydraft.text.ordinals import match_ordinal

SEED_003 = [
    "skeleton", "--title", "关于加快发展制造业的建议", "--number", "239",
    "--session", "慈溪市人大十七届第一次会议", "--proposer", "胡国锋",
    "--role", "co_opinion", "--lead-unit", "市经信局", "--date", "2026-05-20",
]  # fmt: skip


def test_a_co_handling_opinion_from_the_seeds_metadata(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = run_cli(*SEED_003, "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "关于慈溪市人大十七届第一次会议第239号建议的协办意见"
    assert "市经信局：" in lines and "胡国锋代表提出的《关于加快发展制造业的建议》收悉。" in lines
    assert "最后，请转达我们对胡国锋代表关心和支持科技工作的谢意！" in lines
    assert "2026年5月20日" in lines
    draft = Draft.load(out)
    assert draft.meta.role == "co_opinion" and draft.meta.kind == "suggestion"
    # The built-in library pre-fills both sections with reused, renumbered paragraphs.
    for kind in ("status", "next_steps"):
        reused = [p for p in draft.part(kind).paragraphs if p.source_id]
        assert reused, kind
        values = [match_ordinal(p.text).value for p in draft.part(kind).paragraphs[1:]]
        assert values == list(range(1, len(values) + 1))


def test_config_defaults_and_reopening_with_a_new_handler(tmp_path: Path) -> None:
    assert run_cli("config", "set", "unit", "余姚市科学技术局").returncode == 0
    out = tmp_path / "d.yaml"
    first = run_cli(
        "skeleton",
        "--title",
        "关于加强科技金融的提案",
        "--number",
        "5",
        "--no-library",
        "--out",
        str(out),
    )
    assert first.returncode == 0, first.stderr
    assert "余姚市科学技术局" in first.stdout and "号提案的答复" in first.stdout
    assert "承办人：【待填：承办人】" in first.stdout
    # The officer edits the closing; reopening with a handler keeps that edit.
    draft = Draft.load(out)
    draft.part("closing").paragraphs[0].text = "再次感谢您的关心！"
    draft.save(out)
    again = run_cli("skeleton", "--draft", str(out), "--handler", "何智敏", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "承办人：何智敏" in again.stdout and "再次感谢您的关心！" in again.stdout
    assert Draft.load(out).meta.handler == "何智敏"


def test_proposal_text_from_stdin_answers_each_demand() -> None:
    text = "建议：\n一是加大研发投入补助；\n二是完善知识产权质押融资；\n三是引育高层次科技人才。"
    result = run_cli(
        "skeleton", "--title", "关于加强企业创新的建议", "--proposal-text", "-", stdin=text
    )
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    next_steps = next(b for b in blocks if b.startswith("二、下步举措")).splitlines()
    assert [line[:3] for line in next_steps[1:]] == ["（一）", "（二）", "（三）"]


def test_markdown_output() -> None:
    result = run_cli(
        "skeleton", "--title", "关于加强企业创新的建议", "--no-library", "--format", "md"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "## 一、工作开展情况" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["skeleton"], "--title"),
        (["skeleton", "--title", "关于x的建议", "--date", "明天"], "不是日期"),
        (["skeleton", "--title", "关于x的建议", "--library", "nope.yaml"], "nope.yaml"),
        (["skeleton", "--title", "关于x的建议", "--proposal-text", "missing.txt"], "missing.txt"),
        (["skeleton", "--draft", "missing.yaml"], "missing.yaml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_malformed_draft_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta: [\n", encoding="utf-8")
    result = run_cli("skeleton", "--draft", str(path), "--out", str(path))
    assert result.returncode == 2 and str(path) in result.stderr
    assert path.read_text(encoding="utf-8") == "meta: [\n"
