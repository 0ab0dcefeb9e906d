"""Issue 10: four `ingest` processes writing one library at once, round after round, with
searches running meanwhile: every entry is kept, the YAML loads, the cache agrees with it."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = (
    "人工智能 集成电路 生物医药 新材料 海洋经济 数字贸易 智能制造 绿色能源 科技金融 知识产权 "
    "孵化载体 人才引进 产学研 创新券 高新技术企业 研发投入 成果转化 技术市场 科普宣传 乡村振兴 "
    "农业科技 专利导航 标准化 质量提升 企业研究院 工程中心 重点实验室 科技特派员 创业导师 "
    "众创空间 首台套 数字化改造 检验检测 工业互联网 智慧城市 低碳技术 氢能 储能 光伏 电子信息"
).split()

PROCESSES = 4
ROUNDS = int(os.environ.get("REPLYDRAFT_STRESS_ROUNDS", "4"))


def reply_text(round_: int, process: int) -> tuple[str, list[str]]:
    """A reply whose three measures are unique to (round, process), and those measures."""
    rng = random.Random(round_ * 100 + process)
    measures = []
    for index in range(3):
        words = "、".join(rng.sample(WORDS, 6))
        measures.append(f"第{round_}轮第{process}组第{index}项围绕{words}等方向持续推进相关工作")
    body = "\n".join(f"（{'一二三'[i]}）{m}。" for i, m in enumerate(measures))
    text = (
        f"关于对市十八届人大二次会议第{round_ * 10 + process}号建议的答复\n"
        "张三代表：\n"
        "您提出的《关于加快科技创新的建议》收悉。感谢您对我市科技工作的关心和支持。现答复如下：\n"
        "一、下一步工作\n"
        f"{body}\n"
        "再次感谢您对科技工作的关心和支持！\n"
        "余姚市科学技术局\n"
        "2024年6月1日\n"
    )
    return text, measures


def start(*args: str, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "REPLYDRAFT_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "replydraft", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
def test_four_concurrent_ingests_keep_every_entry(tmp_path: Path) -> None:
    from replydraft.library.store import Library
    from replydraft.library.yaml_format import entries_from_data, parse_library_text

    home = tmp_path / "home"
    library = tmp_path / "shared" / "team.yaml"
    expected: list[str] = []
    searches = 0
    started = time.monotonic()
    for round_ in range(ROUNDS):
        folders = []
        for process in range(PROCESSES):
            folder = tmp_path / f"r{round_}p{process}"
            folder.mkdir()
            text, measures = reply_text(round_, process)
            (folder / f"答复{round_}-{process}.txt").write_text(text, encoding="utf-8")
            expected += measures
            folders.append(folder)
        ingests = [
            start("ingest", str(folder), "--library", str(library), home=home) for folder in folders
        ]
        while any(p.poll() is None for p in ingests):
            if library.exists():
                search = start("search", "科技", "--library", str(library), home=home)
                _out, err = search.communicate(timeout=120)
                assert search.returncode == 0, err
                searches += 1
            else:
                ingests[0].wait(timeout=120)  # nothing to search yet: wait on the first writer
        for process in ingests:
            _out, err = process.communicate()
            assert process.returncode == 0, err
    elapsed = time.monotonic() - started
    text = library.read_text(encoding="utf-8")
    from_yaml = entries_from_data(parse_library_text(text, library), text, library)
    loaded = Library.load(library)  # from the cache written by the last save
    assert [(e.id, e.text) for e in loaded.entries] == [(e.id, e.text) for e in from_yaml]
    texts = [e.text for e in from_yaml] + [v.text for e in from_yaml for v in e.versions]
    missing = [m for m in expected if not any(m in t for t in texts)]
    assert not missing, f"{len(missing)} of {len(expected)} measures lost"
    print(
        f"\nstress: {ROUNDS} rounds x {PROCESSES} ingests, {len(from_yaml)} entries, "
        f"{searches} searches meanwhile, {elapsed:.1f} s"
    )
