"""Issue 10: saving never loses work (symlinks, folder fsync, stale temps, backups, write
errors) and reading never hangs or explodes (regular files, size and YAML alias limits)."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from replydraft.errors import ReplydraftError
from replydraft.files import atomic, backups, guard
from replydraft.files.atomic import TEMP_SUFFIX, atomic_write_text, clean_stale_temps
from replydraft.files.saving import check_overwrite, save_file
from replydraft.files.yaml import dump_yaml, load_yaml_file, load_yaml_text


def test_a_write_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "synced").mkdir()
    real = tmp_path / "synced" / "team.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "mylib.yaml"
    link.symlink_to(Path("synced") / "team.yaml")
    save_file(link, b"new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert backups.list_backups(link)[0].file.parent == real.parent / backups.FOLDER


def test_the_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        synced.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", recording)
    atomic_write_text(tmp_path / "a.txt", "x")
    assert synced == ["file", "dir"]


def test_a_temp_file_left_by_a_killed_write_is_cleaned_next_time(tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    target.write_text("format: 1\nmeta: {}\n", encoding="utf-8")
    # A writer that died: its pid (far beyond pid_max) no longer exists.
    dead = tmp_path / f".draft.yaml.99999999.abcd1234{TEMP_SUFFIX}"
    dead.write_text("half", encoding="utf-8")
    # A writer still running (this process): left alone.
    live = tmp_path / f".draft.yaml.{os.getpid()}.zzzz9999{TEMP_SUFFIX}"
    live.write_text("busy", encoding="utf-8")
    # Old enough to be stale whoever wrote it.
    old = tmp_path / f".draft.yaml.1.oldoldol{TEMP_SUFFIX}"
    old.write_text("old", encoding="utf-8")
    long_ago = time.time() - 2 * atomic.STALE_AFTER
    os.utime(old, (long_ago, long_ago))
    other = tmp_path / f".other.yaml.99999999.abcd1234{TEMP_SUFFIX}"
    other.write_text("not ours", encoding="utf-8")
    removed = clean_stale_temps(target)
    assert sorted(removed) == sorted([dead, old])
    assert live.exists() and other.exists() and target.exists()


def test_loading_a_draft_cleans_its_stale_temps(tmp_path: Path) -> None:
    from replydraft.draft.model import Draft, ProposalMeta

    path = tmp_path / "d.yaml"
    Draft(ProposalMeta(title="关于x的建议")).save(path)
    dead = tmp_path / f".d.yaml.99999999.abcd1234{TEMP_SUFFIX}"
    dead.write_text("half", encoding="utf-8")
    Draft.load(path)
    assert not dead.exists()


def test_every_save_keeps_three_generations_and_restore_puts_one_back(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    for number in range(1, 6):
        save_file(path, f"v{number}\n".encode())
    kept = backups.list(path)
    assert [b.generation for b in kept] == [1, 2, 3]
    assert [b.file.read_text(encoding="utf-8") for b in kept] == ["v4\n", "v3\n", "v2\n"]
    chosen = backups.restore(path, 2)
    assert chosen.file.name.startswith("d.yaml.")
    assert path.read_text(encoding="utf-8") == "v3\n"
    # the content the restore replaced is itself kept
    assert backups.list(path)[0].file.read_text(encoding="utf-8") == "v5\n"
    with pytest.raises(ReplydraftError, match="没有第 9 代备份"):
        backups.restore(path, 9)
    with pytest.raises(ReplydraftError, match="没有可恢复的备份"):
        backups.restore(tmp_path / "never.yaml")


def test_saving_the_same_bytes_twice_keeps_one_backup(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    save_file(path, b"a\n")
    save_file(path, b"b\n")
    save_file(path, b"b\n")
    save_file(path, b"b\n")
    assert [b.file.read_bytes() for b in backups.list(path)] == [b"b\n", b"a\n"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "磁盘已满"),
        (errno.EACCES, "没有写入权限"),
        (errno.EROFS, "只读"),
    ],
)
def test_write_errors_are_one_chinese_line_and_leave_the_old_file(
    tmp_path: Path, monkeypatch, code: int, words: str
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("old\n", encoding="utf-8")

    def failing(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "replace", failing)
    with pytest.raises(ReplydraftError) as caught:
        save_file(path, b"new\n", keep_backup=False)
    assert words in caught.value.one_line() and str(path) in caught.value.one_line()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]


def test_a_folder_is_never_a_target(tmp_path: Path) -> None:
    with pytest.raises(ReplydraftError, match="文件夹"):
        save_file(tmp_path, b"x")
    with pytest.raises(ReplydraftError, match="文件夹"):
        check_overwrite(tmp_path, force=True)


def test_check_overwrite_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / "答复.docx"
    check_overwrite(path, force=False)  # a new file is fine
    path.write_bytes(b"x")
    with pytest.raises(ReplydraftError, match="--force"):
        check_overwrite(path, force=False)
    check_overwrite(path, force=True)


# -- reading ---------------------------------------------------------------------------------


def test_dev_zero_and_a_fifo_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        started = time.monotonic()
        with pytest.raises(ReplydraftError, match="不是普通文件"):
            load_yaml_file(path)
        assert time.monotonic() - started < 2


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: b\n" * 1000)
    with pytest.raises(ReplydraftError, match="文件过大"):
        guard.read_regular(path, 100)


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        name, prev = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(ReplydraftError, match="别名炸弹"):
        load_yaml_text(_billion_laughs(), "bomb.yaml")
    assert time.monotonic() - started < 2


def test_too_many_aliases_fail_and_a_few_are_fine() -> None:
    many = "a: &x 1\nb: [" + ", ".join(["*x"] * 2000) + "]\n"
    with pytest.raises(ReplydraftError, match="别名"):
        load_yaml_text(many)
    assert load_yaml_text("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_an_alias_bomb_library_is_refused(tmp_path: Path) -> None:
    from replydraft.library.store import Library

    path = tmp_path / "lib.yaml"
    indented = "".join(f"  {line}\n" for line in _billion_laughs().splitlines())
    path.write_text(f"format: 1\nsources:\n{indented}", encoding="utf-8")
    with pytest.raises(ReplydraftError, match="别名炸弹"):
        Library.load(path)


@pytest.mark.parametrize(
    "value",
    [
        "行尾有空格  \n第二行",
        "第一行\n行尾有制表符\t\n",
        "下一行\x85字符\n第二行",
        "行分隔\u2028符\n第二行",
        "段分隔\u2029符\n",
        "回车\r\n换行",
        "\u3000\u3000首行缩进\n第二行",
        "  前导空格\n",
        "末尾空行\n\n\n",
    ],
)
def test_multi_line_text_round_trips_exactly(value: str) -> None:
    assert load_yaml_text(dump_yaml({"text": value}))["text"] == value


def test_ordinary_multi_line_text_stays_a_block_scalar() -> None:
    assert dump_yaml({"text": "第一段\n第二段"}).startswith("text: |")
