"""`replydraft check`: the real command, its output and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli_in
from samples import clean_draft

from replydraft.draft.model import Paragraph


def test_clean_draft_exits_0_silently(tmp_path: Path) -> None:
    clean_draft().save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "check", "d.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


def test_problems_exit_1_with_file_line_part_and_code(tmp_path: Path) -> None:
    draft = clean_draft()
    draft.parts[-1].paragraphs.append(Paragraph("联系人：【待填：承办人】"))
    draft.parts[1].paragraphs[0].text = "刘红星委员："
    draft.save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "check", "d.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0] == "d.yaml:3: 称谓第1段 [salutation] 称谓与类型不符：建议应称“代表”，不是“委员”"
    assert lines[1].startswith("d.yaml:")
    assert lines[1].endswith(": 落款第3段 [placeholder] 未填写：【待填：承办人】")
    assert result.stderr.strip() == "共2处问题（称谓1处，待填1处）"


def test_json_output_numbers_lines_from_1_like_the_text(tmp_path: Path) -> None:
    draft = clean_draft()
    draft.parts[1].paragraphs[0].text = "刘红星代表:"
    draft.save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "check", "d.yaml", "--json")
    assert result.returncode == 1
    (item,) = json.loads(result.stdout)
    assert item["code"] == "halfwidth" and item["part"] == "salutation" and item["line"] == 3
    assert set(item) == {"code", "message", "part", "paragraph", "line"}
    assert item["message"] == "半角标点“:”（在“刘红星代表:”）：请改为“：”"
    text = run_cli_in(tmp_path, "check", "d.yaml")
    assert text.stdout.startswith(f"d.yaml:{item['line']}: ")


def test_bad_yaml_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("meta: [unclosed\nparts:\n", encoding="utf-8")
    result = run_cli_in(tmp_path, "check", "bad.yaml")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("replydraft: bad.yaml: ") and "Traceback" not in result.stderr


def test_not_a_draft_missing_and_binary_exit_2(tmp_path: Path) -> None:
    (tmp_path / "list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00\x81binary\x00")
    for name in ("list.yaml", "missing.yaml", "bin.yaml"):
        result = run_cli_in(tmp_path, "check", name)
        assert result.returncode == 2, name
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert name in result.stderr and "Traceback" not in result.stderr


def test_help_has_an_example(tmp_path: Path) -> None:
    result = run_cli_in(tmp_path, "check", "--help")
    assert result.returncode == 0 and "replydraft check draft.yaml" in result.stdout


def test_duplicate_names_first_words_and_source_from_the_library(tmp_path: Path) -> None:
    from replydraft.library.seeds import default_library

    entry = next(e for e in default_library().entries if e.source and e.source.unit)
    draft = clean_draft()
    steps = draft.part("next_steps")
    assert steps is not None
    steps.paragraphs[1].source_id = entry.id
    steps.paragraphs[2].source_id = entry.id
    draft.save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "check", "d.yaml")
    (line,) = [x for x in result.stdout.splitlines() if "[duplicate]" in x]
    assert entry.id not in line
    assert f"来源：{entry.source.unit} {entry.source.year}年；首次在第" in line
    assert "段落“" in line and "”重复使用" in line
