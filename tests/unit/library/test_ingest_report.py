"""`replydraft ingest` on a mixed folder: replies in several formats, a README, a binary file;
the per-file lines (--verbose, --report) and the line numbers entries keep."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import CliResult, run_cli
from pdf_fixture import build_pdf

from replydraft.library.ingest_report import TextIndex
from replydraft.library.store import Library
from replydraft.library.yaml_format import dump_library

REPO = Path(__file__).resolve().parents[3]
SEED = next((REPO / "seeds").glob("001_*.txt"))
SEED_004 = next((REPO / "seeds").glob("004_*.txt"))


def replydraft(*args: str, home: Path) -> CliResult:
    return run_cli(*args, env={**os.environ, "REPLYDRAFT_HOME": str(home)})


def mixed_folder(root: Path, *, binary: bool) -> Path:
    folder = root / "archive"
    folder.mkdir()
    shutil.copy(SEED, folder / "reply.txt")
    (folder / "README.md").write_text(
        "# 本文件夹说明\n\n这里存放历年答复的扫描件和电子版，请勿删除。\n", encoding="utf-8"
    )
    (folder / "gbk.txt").write_bytes(SEED_004.read_text(encoding="utf-8").encode("gbk"))
    lines = SEED_004.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = (
        f'<html><head><meta charset="utf-8"><script>x()</script></head><body>{body}</body></html>'
    )
    (folder / "page.html").write_text(page.replace("1.3亿元", "1.4亿元"), encoding="utf-8")
    if binary:
        (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02 not a pdf at all")
    return folder


def test_mixed_folder_skips_the_readme_with_a_warning_and_exits_0(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path, binary=False)
    library = tmp_path / "lib.yaml"
    result = replydraft("ingest", str(folder), "--library", str(library), home=tmp_path / "h")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1 and "README.md" in warnings[0] and "不是答复" in warnings[0]
    assert "读取 3 个文件，0 个失败，跳过 1 个（不是答复）" in result.stdout
    entries = Library.load(library).entries
    files = {s.file for e in entries for s in (e.source, *(v.source for v in e.versions))}
    assert files >= {"reply.txt", "gbk.txt", "page.html"}


def test_unreadable_file_exits_2_and_the_others_are_still_ingested(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path, binary=True)
    library = tmp_path / "lib.yaml"
    report = tmp_path / "report.tsv"
    result = replydraft(
        "ingest", str(folder), "--library", str(library), "--verbose", "--report", str(report),
        home=tmp_path / "h",
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "broken.pdf" in line]
    assert len(errors) == 1 and "注意" not in errors[0]
    assert "读取 3 个文件，1 个失败，跳过 1 个（不是答复）" in result.stdout
    verbose = [line for line in result.stdout.splitlines() if "收录措施" in line]
    assert len(verbose) == 3 and all("跳过" in line for line in verbose)
    # the skipped README is said once, on its own --verbose line, not again as a warning
    readme = [line for line in (result.stdout + result.stderr).splitlines() if "README" in line]
    assert len(readme) == 1 and "已跳过" in readme[0]
    rows = [line.split("\t") for line in report.read_text(encoding="utf-8").splitlines()]
    header, rows = rows[0], rows[1:]
    assert header[:3] == ["文件", "结果", "原因"]
    status = {Path(row[0]).name: row[1] for row in rows}
    assert status == {
        "README.md": "已跳过",
        "broken.pdf": "无法读取",
        "gbk.txt": "已收录",
        "page.html": "已收录",
        "reply.txt": "已收录",
    }
    kept = {Path(row[0]).name: int(row[header.index("收录措施段")]) for row in rows}
    assert kept["reply.txt"] > 5 and kept["README.md"] == 0
    assert {e.source.file for e in Library.load(library).entries} >= {"reply.txt", "page.html"}


def test_yaml_report_and_furniture_counts(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(SEED, folder / "reply.txt")  # a page copy: breadcrumbs, print/close links
    report = tmp_path / "report.yaml"
    result = replydraft(
        "ingest", str(folder), "--library", str(tmp_path / "lib.yaml"), "--report", str(report),
        home=tmp_path / "h",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "收录措施" not in result.stdout, "per-file lines only with --verbose"
    rows = yaml.safe_load(report.read_text(encoding="utf-8"))["文件"]
    (row,) = rows
    assert row["结果"] == "已收录"
    assert row["跳过页面杂项行"] >= 2  # 当前位置…, 【打印本页】【关闭窗口】
    assert row["跳过联系方式行"] >= 1 and row["跳过落款行"] >= 1


def test_entries_record_the_lines_they_came_from(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(SEED, folder / "reply.txt")
    library = tmp_path / "lib.yaml"
    replydraft("ingest", str(folder), "--library", str(library), home=tmp_path / "h")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    entries = Library.load(library).entries
    measures = [e for e in entries if e.kind == "measure"]
    assert measures and all(e.lines is not None for e in measures)
    for entry in measures:
        first, last = entry.lines
        found = "".join(lines[first - 1 : last]).replace(" ", "")
        assert entry.text.replace(" ", "")[:10] in found
    assert "lines:" in library.read_text(encoding="utf-8")


def test_library_without_lines_still_loads_and_lines_round_trip(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        "format: 1\nsources:\n  a.txt:\n    unit: 某局\nentries:\n"
        "- id: m-1\n  kind: measure\n  section: status\n  headings: []\n  text: 一段措施文字\n"
        "  source: a.txt\n  tags: []\n",
        encoding="utf-8",
    )
    (entry,) = Library.load(old).entries
    assert entry.lines is None
    entry.lines = (12, 15)
    text = dump_library([entry])
    assert "lines: 12-15" in text
    again = tmp_path / "again.yaml"
    again.write_text(text, encoding="utf-8")
    assert Library.load(again).entries[0].lines == (12, 15)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("lines: 12-15", "lines: twelve"), encoding="utf-8")
    with pytest.raises(Exception, match="lines"):
        Library.load(bad)


def test_pdf_reply_in_a_folder_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    lines = [line.strip() for line in SEED_004.read_text(encoding="utf-8").splitlines()]
    (folder / "reply.pdf").write_bytes(build_pdf(["　　" + line for line in lines if line]))
    library = tmp_path / "lib.yaml"
    result = replydraft("ingest", str(folder), "--library", str(library), home=tmp_path / "h")
    assert result.returncode == 0, result.stderr
    entries = Library.load(library).entries
    assert any("产业资金保障" in e.text and e.source.file == "reply.pdf" for e in entries)


def test_text_index_finds_paragraphs_despite_spacing_punctuation_and_folding() -> None:
    index = TextIndex("标题\n\n一、加强 道路巡查,全年\n排查隐患123处。\n\n關於農村道路\n")
    assert index.locate("加强道路巡查，全年排查隐患123处")[:2] == (3, 4)
    assert index.locate("关于农村道路")[:2] == (6, 6)  # simplified text, traditional file
    assert index.locate("完全不在文中的一段很长很长的文字内容") is None
