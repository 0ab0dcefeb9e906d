"""`replydraft search`: the JSON contract, readable output, and bad input (in-process through cli.main)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import CliResult, run_cli

from replydraft.library.model import Entry, Source
from replydraft.library.store import Library

FINANCE = "大力发展科技金融，推动科技贷款贴息、知识产权质押贷款等科技信贷产品落地，破解科技型中小企业融资难题。"
SCHOOL = "将都龙小学搬迁列入教育发展规划，待选址确定、项目批准后即可实施学校建设工作。"


def run(*args: str, home: Path) -> CliResult:
    return run_cli("search", *args, env=dict(os.environ, REPLYDRAFT_HOME=str(home)))


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    source = Source(
        file="000.txt",
        unit="慈溪市科学技术局",
        date="2022-06-22",
        year=2022,
        proposal_title="关于加强企业创新的建议",
    )
    entries = [
        Entry(
            id="m-finance",
            kind="measure",
            section="next_steps",
            headings=["三、完善创新生态环境"],
            text=FINANCE,
            source=source,
        ),
        Entry(
            id="m-school", kind="measure", section="status", headings=[], text=SCHOOL, source=source
        ),
    ]
    path = tmp_path / "library.yaml"
    Library(entries).save(path)
    return path


def test_json_contract(library_file: Path, tmp_path: Path) -> None:
    out = run("科技金融", "--library", str(library_file), "--json", home=tmp_path / "home")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert items and set(items[0]) == {
        "id",
        "score",
        "section",
        "headings",
        "source",
        "text",
        "spans",
    }
    first = items[0]
    assert first["id"] == "m-finance" and first["text"] == FINANCE
    assert first["section"] == "next_steps" and first["headings"] == ["三、完善创新生态环境"]
    assert first["source"]["unit"] == "慈溪市科学技术局" and first["source"]["year"] == 2022
    assert 0 < first["score"] <= 100
    assert [first["text"][s:e] for s, e in first["spans"]] == ["科技金融"]


def test_readable_output_marks_matches(library_file: Path, tmp_path: Path) -> None:
    out = run("知识产权质押", "--library", str(library_file), "--top", "1", home=tmp_path / "home")
    assert out.returncode == 0, out.stderr
    assert "[知识产权质押]" in out.stdout  # not a terminal: brackets, no ANSI codes
    assert "\x1b[" not in out.stdout
    assert "下步举措" in out.stdout and "慈溪市科学技术局 2022" in out.stdout
    assert "《关于加强企业创新的建议》" in out.stdout


def test_section_preference_and_top(library_file: Path, tmp_path: Path) -> None:
    out = run(
        "建设",
        "--library",
        str(library_file),
        "--section",
        "status",
        "--top",
        "1",
        "--json",
        home=tmp_path / "home",
    )
    items = json.loads(out.stdout)
    assert len(items) == 1 and items[0]["id"] == "m-school"


def test_unknown_section_exits_2(library_file: Path, tmp_path: Path) -> None:
    out = run(
        "科技金融", "--library", str(library_file), "--section", "problems", home=tmp_path / "home"
    )
    assert out.returncode == 2
    assert "不认识的部分 problems" in out.stderr and "status" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_not_an_error(library_file: Path, tmp_path: Path, query: str) -> None:
    out = run(query, "--library", str(library_file), "--json", home=tmp_path / "home")
    assert out.returncode == 0 and json.loads(out.stdout) == []
    plain = run(query, "--library", str(library_file), home=tmp_path / "home")
    assert plain.returncode == 0 and plain.stdout == "" and plain.stderr == ""


def test_missing_library_file_exits_2(tmp_path: Path) -> None:
    out = run("科技金融", "--library", str(tmp_path / "nope.yaml"), home=tmp_path / "home")
    assert out.returncode == 2 and "nope.yaml" in out.stderr and "Traceback" not in out.stderr
