"""Reading reply files: encodings, line endings, Word documents, and bad input through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CliResult, run_cli

from replydraft.errors import ReplydraftError
from replydraft.files.decoding import read_text
from replydraft.parsing import parse_reply, parse_reply_file

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED_001 = next(SEEDS.glob("001_*.txt"))
SEED_004 = next(SEEDS.glob("004_*.txt"))


def run_parse(*args: str) -> CliResult:
    return run_cli("parse", *args)


def fields(reply) -> dict:
    data = reply.to_dict()
    data.pop("parts")
    return data


def test_gb18030_copy_parses_like_the_utf8_seed(tmp_path: Path) -> None:
    text = SEED_001.read_text(encoding="utf-8")
    copy = tmp_path / "reply-gbk.txt"
    copy.write_bytes(text.encode("gb18030"))
    assert read_text(copy) == text
    assert fields(parse_reply_file(copy)) == fields(parse_reply(text))
    assert parse_reply_file(copy).responding_unit == "余姚市科学技术局"


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    text = SEED_004.read_text(encoding="utf-8")
    copy = tmp_path / "reply-bom-crlf.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    decoded = read_text(copy)
    assert "\r" not in decoded and not decoded.startswith("\ufeff")
    reply = parse_reply_file(copy)
    assert reply.title == "对市十八届人大一次会议第190号建议的答复"
    assert reply.date == "2022-06-22"
    assert reply.co_proposers == ["丁伯灿", "陆桂芳"]


def test_docx_built_in_the_test(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in SEED_004.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "reply.docx"
    document.save(str(path))
    reply = parse_reply_file(path)
    assert reply.session == "市十八届人大一次会议"
    assert reply.number == 190
    assert reply.addressee == "刘红星"
    assert reply.responding_unit == "慈溪市科学技术局"
    assert [m.ordinal for m in reply.measures if m.ordinal][:1] == ["1、"]
    result = run_parse(str(path), "--json")
    assert result.returncode == 0 and '"number": 190' in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \n", "没有文字"),
        ("binary.bin", bytes(range(256)) * 8, "binary"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "二进制"),
        ("lorem.txt", b"Lorem ipsum dolor sit amet.\n" * 30, "不是一份答复"),
        ("script.py", b"import sys\n\nprint(sys.argv)\n", "不是一份答复"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReplydraftError):
        parse_reply_file(path)
    result = run_parse(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"replydraft: {path}: ")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.seek(21 * 1024 * 1024)
        handle.write(b"x")
    result = run_parse(str(path))
    assert result.returncode == 2 and "文件过大" in result.stderr and str(path) in result.stderr


def test_directory_and_missing_file(tmp_path: Path) -> None:
    result = run_parse(str(tmp_path))
    assert result.returncode == 2 and str(tmp_path) in result.stderr and "文件夹" in result.stderr
    missing = tmp_path / "nope.txt"
    result = run_parse(str(missing))
    assert result.returncode == 2 and "不存在" in result.stderr
