"""`replydraft ingest` on the real seeds, run through cli.main, and the default library."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import CliResult, run_cli

from replydraft.files import cachefiles
from replydraft.library import seeds
from replydraft.library.seeds import default_library
from replydraft.library.store import Library
from replydraft.library.user import library_for_user

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def replydraft(*args: str, home: Path) -> CliResult:
    return run_cli(*args, env={**os.environ, "REPLYDRAFT_HOME": str(home)})


def test_ingesting_the_seeds_twice_gives_a_byte_identical_library(
    tmp_path: Path, home: Path
) -> None:
    library = tmp_path / "library.yaml"
    first = replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    assert "读取 5 个文件，0 个失败" in first.stdout
    added = int(first.stdout.split("新增 ")[1].split(" 条")[0])
    assert added >= 60
    content = library.read_bytes()

    second = replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    assert second.returncode == 0, second.stderr
    assert f"新增 0 条，更新 0 条，未变 {added} 条" in second.stdout
    assert library.read_bytes() == content


def test_officer_fields_survive_reingest(tmp_path: Path, home: Path) -> None:
    library = tmp_path / "library.yaml"
    replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    loaded = Library.load(library)
    pinned, retired = loaded.entries[3], loaded.entries[7]
    pinned.notes, pinned.pinned = "每年都用，先核对数字", True
    retired.retired = True
    loaded.save(library)

    result = replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    assert result.returncode == 0, result.stderr
    again = Library.load(library)
    assert again.get(pinned.id).notes == "每年都用，先核对数字" and again.get(pinned.id).pinned
    assert again.get(retired.id).retired
    assert len(again.entries) == len(loaded.entries)


def test_a_seed_with_a_changed_year_becomes_a_version(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "replies"
    folder.mkdir()
    shutil.copy(SEEDS / "004_729fe20348568bf6.txt", folder / "2022.txt")
    text = (SEEDS / "004_729fe20348568bf6.txt").read_text(encoding="utf-8")
    newer = (
        text.replace("2022年6月22日", "2023年6月20日")
        .replace("2021年", "2022年")
        .replace("1.3亿元", "1.5亿元")
    )
    (folder / "2023.txt").write_text(newer, encoding="utf-8")
    library = tmp_path / "library.yaml"

    result = replydraft("ingest", str(folder), "--library", str(library), home=home)
    assert result.returncode == 0, result.stderr
    entries = Library.load(library).entries
    funds = [e for e in entries if e.text.startswith("产业资金保障")]
    assert len(funds) == 1, "the paragraph with a changed year must not be a second entry"
    assert "2022年科技支出资金" in funds[0].text and funds[0].source.file == "2023.txt"
    assert funds[0].source.date == "2023-06-20"
    assert [v.source.file for v in funds[0].versions] == ["2022.txt"]
    assert "2021年科技支出资金" in funds[0].versions[0].text
    # Every paragraph of the two replies is grouped: no entry comes from 2022.txt alone.
    assert all(e.source.file == "2023.txt" for e in entries)


def test_bad_files_among_good_ones_are_reported_and_skipped(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "replies"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "001_744ecaa8d89d5a2d.txt", folder / "sub" / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "shopping.md").write_text("鸡蛋\n牛奶\n面包\n", encoding="utf-8")
    (folder / ".hidden.txt").write_bytes(b"")
    (folder / "notes.yaml").write_text("not: a reply\n", encoding="utf-8")
    library = tmp_path / "library.yaml"

    result = replydraft(
        "ingest", str(folder), str(tmp_path / "missing.txt"), "--library", str(library), home=home
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4, result.stderr
    assert all(line.startswith("replydraft: ") for line in lines)
    assert any("empty.txt: 文件是空的" in line for line in lines)
    assert any("binary.docx:" in line for line in lines)
    assert any("注意" in line and "shopping.md: 已跳过：不是答复" in line for line in lines)
    assert any("missing.txt: 文件不存在" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert "读取 1 个文件，3 个失败，跳过 1 个（不是答复）" in result.stdout
    assert {e.source.file for e in Library.load(library).entries} == {"good.txt"}


def test_unreadable_library_is_reported_and_never_overwritten(tmp_path: Path, home: Path) -> None:
    library = tmp_path / "library.yaml"
    broken = "format: 1\nentries:\n- id: m-1\n  text: 一段文字\n  tags: [人才\n"
    library.write_text(broken, encoding="utf-8")
    result = replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    assert result.returncode == 2
    assert (
        result.stderr.count("\n") == 1
        and "第 6 行" in result.stderr
        and str(library) in result.stderr
    )
    assert library.read_text(encoding="utf-8") == broken

    wrong_shape = "format: 1\nentries:\n  text: 一段文字\n"
    library.write_text(wrong_shape, encoding="utf-8")
    result = replydraft("ingest", str(SEEDS), "--library", str(library), home=home)
    assert result.returncode == 2 and "第 2 行" in result.stderr and "应为列表" in result.stderr
    assert library.read_text(encoding="utf-8") == wrong_shape


def test_ingest_defaults_to_the_officers_own_library(home: Path) -> None:
    result = replydraft("ingest", str(SEEDS / SEED_FILES[2]), home=home)
    assert result.returncode == 0, result.stderr
    own = home / "data" / "library.yaml"
    assert own.is_file() and str(own) in result.stdout


def test_dry_run_writes_nothing(tmp_path: Path, home: Path) -> None:
    library = tmp_path / "library.yaml"
    result = replydraft("ingest", str(SEEDS), "--library", str(library), "--dry-run", home=home)
    assert result.returncode == 0 and "新增 91 条" in result.stdout
    assert not library.exists()


def test_default_library_has_every_seed_with_its_source(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seeds, "_default_memo", None)  # build it in this test's home
    library = default_library()
    assert library.path is None and library.cache_key
    by_file: dict[str, list] = {}
    for entry in library.entries:
        by_file.setdefault(entry.source.file, []).append(entry)
    assert sorted(by_file) == SEED_FILES
    for file, entries in by_file.items():
        assert any(e.kind == "measure" for e in entries), file
        assert all(e.source.year and e.source.proposal_title for e in entries), file
    assert by_file["001_744ecaa8d89d5a2d.txt"][0].source.unit == "余姚市科学技术局"
    assert by_file["001_744ecaa8d89d5a2d.txt"][0].source.date == "2025-05-14"
    assert (
        by_file["004_729fe20348568bf6.txt"][0].source.proposal_title
        == "关于加大民营企业科技创新扶持力度的建议"
    )
    assert {e.kind for e in library.entries} == {
        "measure",
        "thanks",
        "handling",
        "closing",
        "acknowledgement",
        "contact",
    }
    assert len({e.id for e in library.entries}) == len(library.entries)
    # Cached on disk under the default key, so the next process starts fast.
    assert cachefiles.cache_file(library.cache_key, "default-library").is_file()


def test_default_library_is_what_for_user_gives_without_a_library(home: Path) -> None:
    assert len(library_for_user()) == len(default_library())
