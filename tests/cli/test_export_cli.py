"""`replydraft export`: formats, output paths, exit codes, and atomic writes."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from helpers import run_cli_in
from samples import clean_draft

import replydraft.export.docx as docx_export
from replydraft.export import export_draft
from replydraft.files import atomic


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    clean_draft().save(tmp_path / "draft.yaml")
    return tmp_path


def test_docx_from_suffix(saved: Path) -> None:
    result = run_cli_in(saved, "export", "draft.yaml", "-o", "答复.docx")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(saved / "答复.docx"))
    assert any("刘红星代表：" == p.text for p in document.paragraphs)
    assert "已导出 答复.docx（docx）" in result.stderr


def test_docx_without_output_goes_beside_the_draft(saved: Path) -> None:
    result = run_cli_in(saved, "export", "draft.yaml", "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert (saved / "draft.docx").stat().st_size > 5000


@pytest.mark.parametrize(
    ("fmt", "first"), [("txt", "对市十八届"), ("body", "您提出的"), ("md", "# 对市")]
)
def test_text_formats_to_stdout(saved: Path, fmt: str, first: str) -> None:
    result = run_cli_in(saved, "export", "draft.yaml", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(first)


def test_md_file_and_clean_draft_has_no_note(saved: Path) -> None:
    result = run_cli_in(saved, "export", "draft.yaml", "-o", "r.md")
    assert result.returncode == 0
    assert (saved / "r.md").read_text(encoding="utf-8").startswith("# 对市")
    assert "problem" not in result.stderr


def test_placeholders_left_exit_1_with_the_count_and_the_file_is_written(tmp_path: Path) -> None:
    draft = clean_draft()
    draft.parts[1].paragraphs[0].text = "【待填：称谓】"
    draft.parts[-2].paragraphs[0].text += "2021年【待核】"
    draft.save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "export", "d.yaml", "-o", "d.txt")
    assert result.returncode == 1
    assert "还有 2 处【待填】或【待核】未处理" in result.stderr
    assert "【待填：称谓】" in (tmp_path / "d.txt").read_text(encoding="utf-8")


def test_other_problems_are_noted_but_export_succeeds(tmp_path: Path) -> None:
    draft = clean_draft()
    draft.parts[1].paragraphs[0].text = "刘红星委员："
    draft.save(tmp_path / "d.yaml")
    result = run_cli_in(tmp_path, "export", "d.yaml", "-o", "d.txt")
    assert result.returncode == 0
    assert "还有 1 处问题" in result.stderr


def test_unknown_suffix_bad_yaml_and_self_overwrite_exit_2(saved: Path) -> None:
    (saved / "bad.yaml").write_text("meta: {title: [\n", encoding="utf-8")
    before = (saved / "draft.yaml").read_bytes()
    cases = [
        ("draft.yaml", "-o", "reply.pdf"),
        ("bad.yaml", "-o", "x.txt"),
        ("draft.yaml", "-f", "txt", "-o", "draft.yaml"),
        ("missing.yaml", "-o", "x.txt"),
        ("draft.yaml", "-f", "docx", "-o", "-"),
    ]
    for args in cases:
        result = run_cli_in(saved, "export", *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert (saved / "draft.yaml").read_bytes() == before
    assert not (saved / "x.txt").exists() and not (saved / "reply.pdf").exists()


def test_unwritable_target_exit_2(saved: Path) -> None:
    (saved / "out").mkdir()
    result = run_cli_in(saved, "export", "draft.yaml", "-f", "txt", "-o", "out")
    assert result.returncode == 2
    assert result.stderr.startswith("replydraft: out: 这是一个文件夹")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failure_while_building_leaves_earlier_export_untouched(
    tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "reply.docx"
    target.write_bytes(b"earlier export")

    def broken(draft):
        raise RuntimeError("disk full halfway")

    monkeypatch.setattr(docx_export, "build_document", broken)
    with pytest.raises(RuntimeError):
        export_draft(clean_draft(), "docx", target)
    assert target.read_bytes() == b"earlier export"
    assert leftovers(tmp_path) == []


def test_failure_while_writing_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "reply.txt"

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(Exception, match="磁盘已满"):
        export_draft(clean_draft(), "txt", target)
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_help_has_an_example(tmp_path: Path) -> None:
    result = run_cli_in(tmp_path, "export", "--help")
    assert result.returncode == 0 and "replydraft export draft.yaml -o" in result.stdout
