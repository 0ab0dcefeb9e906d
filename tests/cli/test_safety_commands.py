"""Issue 10 through the commands: overwrite policy, restore, symlinked and non-library
`--library` files, undecodable command-line text, write errors, templates and synonyms that
misbehave: always one line on stderr and exit 2, never a traceback, nothing lost."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from replydraft import cli
from replydraft.files import atomic, locations

REPLIES = Path(__file__).resolve().parents[1] / "data" / "replies"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def skeleton(capsys, out: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "skeleton", "--title", "关于加强农村道路安全管理的建议", "--no-library",
               "--out", out, *extra)  # fmt: skip


def test_skeleton_out_refuses_to_replace_another_draft_without_force(capsys, home: Path) -> None:
    finished = home / "关于加强农村道路安全管理的建议.draft.yaml"
    finished.write_text("format: 1\nmeta:\n  title: 已完成的答复\nparts: []\n", encoding="utf-8")
    code, _out, err = skeleton(capsys, str(finished))
    assert "--force" in one_line_error(code, err)
    assert "已完成的答复" in finished.read_text(encoding="utf-8")
    code, _out, err = skeleton(capsys, str(finished), "--force")
    assert code == 0 and "已完成的答复" not in finished.read_text(encoding="utf-8")
    code, out, _err = run(capsys, "restore", str(finished), "--list")
    assert code == 0 and out.startswith("1  ")
    assert run(capsys, "restore", str(finished))[0] == 0
    assert "已完成的答复" in finished.read_text(encoding="utf-8")


def test_skeleton_may_update_its_own_draft_and_keeps_a_backup(capsys, home: Path) -> None:
    draft = home / "d.yaml"
    assert skeleton(capsys, str(draft))[0] == 0
    before = draft.read_text(encoding="utf-8")
    code, _o, err = run(
        capsys, "skeleton", "--draft", "d.yaml", "--handler", "何智敏", "--out", "d.yaml"
    )
    assert code == 0, err
    assert "何智敏" in draft.read_text(encoding="utf-8")
    from replydraft.files import backups

    assert backups.list(draft)[0].file.read_text(encoding="utf-8") == before


def test_a_newer_draft_is_not_downgraded_by_skeleton(capsys, home: Path) -> None:
    text = "format: 99\nmeta:\n  title: 关于x的建议\nparts: []\nattachments: [a.pdf]\n"
    (home / "d.yaml").write_text(text, encoding="utf-8")
    code, _o, err = run(capsys, "skeleton", "--draft", "d.yaml", "--out", "d.yaml")
    assert "更新版本" in one_line_error(code, err)
    assert (home / "d.yaml").read_text(encoding="utf-8") == text


def test_unknown_keys_survive_skeleton_draft_out(capsys, home: Path) -> None:
    assert skeleton(capsys, "d.yaml")[0] == 0
    path = home / "d.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "attachments:\n- 附件1.pdf\n", encoding="utf-8"
    )
    assert run(capsys, "skeleton", "--draft", "d.yaml", "--out", "d.yaml")[0] == 0
    assert "附件1.pdf" in path.read_text(encoding="utf-8")


def test_export_refuses_an_existing_file_and_a_failed_export_keeps_the_old(
    capsys, home: Path, monkeypatch
) -> None:
    assert skeleton(capsys, "d.yaml")[0] == 0
    target = home / "答复.txt"
    target.write_text("旧的导出\n", encoding="utf-8")
    code, _o, err = run(capsys, "export", "d.yaml", "-o", "答复.txt")
    assert "--force" in one_line_error(code, err)
    assert target.read_text(encoding="utf-8") == "旧的导出\n"

    import replydraft.export as export

    def broken(_draft, _fmt):
        raise export.ReplydraftError("导出失败")

    working = export.export_bytes
    monkeypatch.setattr(export, "export_bytes", broken)
    code, _o, err = run(capsys, "export", "d.yaml", "-o", "答复.txt", "--force")
    one_line_error(code, err)
    assert target.read_text(encoding="utf-8") == "旧的导出\n"
    monkeypatch.setattr(export, "export_bytes", working)
    assert run(capsys, "export", "d.yaml", "-o", "答复.txt", "--force")[0] == 1  # 【待填】 left
    assert target.read_text(encoding="utf-8") != "旧的导出\n"


@pytest.mark.parametrize(
    "args",
    [
        ("config", "set", "unit", "\udcff局"),
        ("search", "\udcff科技"),
        ("skeleton", "--title", "关于\udcff的建议"),
    ],
)
def test_undecodable_command_line_text_is_refused(capsys, args: tuple[str, ...]) -> None:
    code, _o, err = run(capsys, *args)
    assert "无法识别的字节" in one_line_error(code, err) and "UTF-8" in err
    assert not locations.config_file().exists()


@pytest.mark.parametrize(
    ("code_", "words"), [(errno.ENOSPC, "磁盘已满"), (errno.EACCES, "没有写入权限")]
)
def test_write_errors_in_skeleton_out_and_config_set(
    capsys, monkeypatch, code_: int, words: str
) -> None:
    def failing(*_args):
        raise OSError(code_, os.strerror(code_))

    monkeypatch.setattr(atomic.os, "replace", failing)
    code, _o, err = skeleton(capsys, "d.yaml")
    assert words in one_line_error(code, err)
    code, _o, err = run(capsys, "config", "set", "unit", "余姚市科学技术局")
    assert words in one_line_error(code, err)


def test_a_folder_as_out_is_one_line(capsys, home: Path) -> None:
    (home / "out").mkdir()
    code, _o, err = skeleton(capsys, "out")
    assert "文件夹" in one_line_error(code, err)


def test_a_poisoned_config_is_one_line(capsys) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text('unit: "\\uDCFF局"\n', encoding="utf-8")
    code, _o, err = run(capsys, "config")
    assert str(path) in one_line_error(code, err)
    path.write_text("unit: [a, b]\n", encoding="utf-8")
    code, _o, err = run(capsys, "config")
    assert "第 1 行 unit：" in one_line_error(code, err)


@pytest.mark.parametrize(
    "text",
    ["groups: [[高企, {a: b}]]\n", "groups: 5\n", "groups: [高企]\n", "groups: [[a, b]\n"],
)
def test_a_malformed_synonyms_file_is_one_line(capsys, text: str) -> None:
    path = locations.user_synonyms()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    code, _o, err = run(capsys, "search", "高企")
    assert "synonyms" in one_line_error(code, err)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "range"),
        ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", "循环"),
        ("{{ 1/0 }}", "ZeroDivisionError"),
        ("{{ 'x' * 10**11 }}", "过长"),
        ("{{ 'x'.ljust(10**11) }}", "过长"),
    ],
)
def test_misbehaving_templates_are_one_line(capsys, body: str, words: str) -> None:
    folder = locations.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "suggestion_reply.txt.j2").write_text(
        "{% block title %}" + body + "{% endblock %}", encoding="utf-8"
    )
    code, _o, err = run(capsys, "skeleton", "--title", "关于x的建议", "--no-library")
    assert words in one_line_error(code, err)


def test_a_gbk_template_is_one_line(capsys) -> None:
    folder = locations.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "suggestion_reply.txt.j2").write_bytes(
        "{% block title %}答复{% endblock %}".encode("gbk")
    )
    code, _o, err = run(capsys, "skeleton", "--title", "关于x的建议", "--no-library")
    assert "UTF-8" in one_line_error(code, err)


@pytest.mark.parametrize("text", ["", "\n# nothing\n", "name: 张三\nage: 3\n", "{}\n"])
def test_library_refuses_a_file_that_is_not_a_library(capsys, home: Path, text: str) -> None:
    path = home / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    code, _o, err = run(capsys, "ingest", str(REPLIES / "gen-01.txt"), "--library", str(path))
    one_line_error(code, err)
    assert path.read_text(encoding="utf-8") == text


def test_ingest_through_a_symlinked_library_keeps_the_link(capsys, home: Path) -> None:
    (home / "synced").mkdir()
    link = home / "mylib.yaml"
    link.symlink_to(Path("synced") / "team.yaml")
    assert run(capsys, "ingest", str(REPLIES / "gen-01.txt"), "--library", str(link))[0] == 0
    assert run(capsys, "ingest", str(REPLIES / "gen-02.txt"), "--library", str(link))[0] == 0
    assert link.is_symlink() and (home / "synced" / "team.yaml").is_file()
    assert "gen-02.txt" in (home / "synced" / "team.yaml").read_text(encoding="utf-8")


def test_a_draft_date_that_does_not_exist(capsys) -> None:
    code, _o, err = run(
        capsys, "skeleton", "--title", "关于x的建议", "--no-library", "--date", "2026-02-30"
    )
    assert "日期不存在" in one_line_error(code, err)


def test_a_fifo_as_draft_or_library_does_not_block(capsys, home: Path) -> None:
    fifo = home / "pipe.yaml"
    os.mkfifo(fifo)
    for args in (("check", str(fifo)), ("search", "科技", "--library", str(fifo))):
        code, _o, err = run(capsys, *args)
        assert "不是普通文件" in one_line_error(code, err)
