"""Benchmark the paragraph library: ingest speed, and open time of a 100,000-paragraph library.

Prints one JSON object. Everything is synthetic, recombined from the seed replies' sentences
(with changed figures, so near-duplicates occur), and written under a temporary folder with
REPLYDRAFT_HOME pointing there: the real user library and cache are never touched.

    .venv/bin/python scripts/bench_library.py [--replies 2000] [--paragraphs 100000]

Targets (issue 2): ingest >= 500 replies/s on one core; a 100,000-paragraph library opens in
< 1 s warm (from its cache) and < 15 s cold (YAML parse). Open times are measured in fresh
processes, imports included.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UNITS = [
    "慈溪市科学技术局",
    "余姚市科学技术局",
    "海宁市科学技术局",
    "宁海县科学技术局",
    "象山县科学技术局",
]
NAMES = ["杜国强", "施鹏聪", "沈斌", "刘红星", "胡国锋", "陈晓燕", "王建平"]
TOPICS = ["加强企业创新", "加快人才引育", "发展科技金融", "强化知识产权保护", "推进科创平台建设"]
CN = "一二三四五六七八九十"


def seed_lines() -> list[str]:
    """The seed replies' long lines (whole paragraphs), without their ordinals."""
    from replydraft.files.decoding import read_text
    from replydraft.files.resources import seeds_dir

    pool: list[str] = []
    for seed in sorted(seeds_dir().glob("*.txt")):
        for line in read_text(seed).splitlines():
            line = re.sub(
                r"^\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.]|[一二三四五六七八九十]+是)\s*",
                "",
                line,
            )
            if len(line) > 60:
                pool.append(line)
    return pool


def sentence_pool(lines: list[str]) -> list[str]:
    """Sentences of the seed paragraphs, recombined into paragraphs never seen before."""
    return [s + "。" for line in lines for s in line.split("。") if len(s) > 15]


def new_figures(text: str, rng: random.Random) -> str:
    """The same sentence with this year's figures: every number changed a little."""

    def bump(match: re.Match[str]) -> str:
        value = int(match.group())
        return str(
            value + rng.randint(1, 3)
            if 1990 < value < 2100
            else max(1, int(value * rng.uniform(0.8, 1.3)))
        )

    return re.sub(r"\d+", bump, text)


def paragraph(pool: list[str], rng: random.Random) -> str:
    """One to three seed sentences, not necessarily neighbours: tens of thousands of paragraphs."""
    return "".join(rng.sample(pool, rng.randint(1, 3)))


def measure(lines: list[str], pool: list[str], rng: random.Random) -> str:
    """Like an officer's reply: mostly reused paragraphs (half with new figures), some new."""
    text = rng.choice(lines) if rng.random() < 0.6 else paragraph(pool, rng)
    return new_figures(text, rng) if rng.random() < 0.5 else text


def synthetic_reply(lines: list[str], pool: list[str], rng: random.Random, number: int) -> str:
    """A reply in the seeds' layout: status and measures from seed paragraphs and sentences."""
    year = rng.randint(2019, 2025)
    name, topic, unit = rng.choice(NAMES), rng.choice(TOPICS), rng.choice(UNITS)
    out = [
        "对市十八届人大一次会议",
        f"第{number}号建议的答复",
        "",
        f"{name}代表：",
        f"您提出的《关于{topic}的建议》（第{number}号建议）已收悉。首先，感谢您对我们科技工作的关心和支持！"
        "我局高度重视该建议办理工作，现答复如下：",
        "一、工作现状",
        new_figures(paragraph(pool, rng), rng),
        "二、下步举措",
    ]
    for i in range(rng.randint(2, 3)):
        out.append(f"（{CN[i]}）{paragraph(pool, rng)[:12]}")
        for j in range(rng.randint(2, 4)):
            out.append(f"{j + 1}、{measure(lines, pool, rng)}")
    out += [
        "最后，再次感谢您对我们科技工作的关心和支持！",
        "",
        unit,
        f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
    ]
    return "\n".join(out) + "\n"


def bench_ingest(folder: Path, count: int, lines: list[str], pool: list[str]) -> dict:
    from replydraft.library.ingest import ingest, read_reply
    from replydraft.library.store import Library

    rng = random.Random(1)
    replies = folder / "replies"
    replies.mkdir()
    for n in range(count):
        (replies / f"{n:05d}.txt").write_text(
            synthetic_reply(lines, pool, rng, n + 1), encoding="utf-8"
        )
    files = sorted(replies.glob("*.txt"))

    start = time.perf_counter()
    parsed = [read_reply(f) for f in files]  # read and parse only, for comparison
    parse_s = time.perf_counter() - start

    library = Library()
    start = time.perf_counter()
    result = ingest(library, [replies])
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    library.save(folder / "ingested.yaml")
    save_s = time.perf_counter() - start

    again = Library.load(folder / "ingested.yaml")
    start = time.perf_counter()
    second = ingest(again, [replies])
    reingest_s = time.perf_counter() - start
    assert not second.changed, "re-ingest changed the library"
    return {
        "replies": count,
        "synthetic": True,
        "failed": len(result.failures),
        "paragraphs": result.paragraphs,
        "entries": len(library.entries),
        "entries_with_versions": sum(1 for e in library.entries if e.versions),
        "read_and_parse_only_replies_per_s": round(len(parsed) / parse_s, 1),
        "ingest_replies_per_s": round(count / ingest_s, 1),
        "ingest_and_save_replies_per_s": round(count / (ingest_s + save_s), 1),
        "save_s": round(save_s, 3),
        "reingest_replies_per_s": round(count / reingest_s, 1),
    }


def big_library(path: Path, count: int, pool: list[str]) -> dict:
    from replydraft.library.model import Entry, Source, Version
    from replydraft.library.store import Library

    rng = random.Random(2)
    sources = [
        Source(
            f"{n:05d}.txt",
            rng.choice(UNITS),
            f"{y}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            y,
            f"关于{rng.choice(TOPICS)}的建议",
        )
        for n, y in ((n, rng.randint(2015, 2025)) for n in range(count // 15 + 1))
    ]
    entries = []
    for n in range(count):
        text = paragraph(pool, rng) + f"（编号{n}）"
        versions = (
            [Version(new_figures(text, rng), rng.choice(sources))] if rng.random() < 0.1 else []
        )
        entries.append(
            Entry(
                f"m-{n:012x}",
                "measure",
                rng.choice(["status", "next_steps"]),
                [f"（{CN[n % 10]}）强化科技创新"],
                text,
                sources[n // 15],
                versions,
                ["人才", "科技金融"][: rng.randint(0, 2)],
            )
        )
    start = time.perf_counter()
    Library(entries).save(path)
    return {
        "paragraphs": count,
        "yaml_mb": round(path.stat().st_size / 1e6, 1),
        "save_s": round(time.perf_counter() - start, 2),
    }


OPEN = """
import sys, time
start = time.perf_counter()
from replydraft.library.store import Library
library = Library.load(sys.argv[1])
seconds = time.perf_counter() - start
# VmHWM is this process's own peak (ru_maxrss would include the parent's, inherited by fork).
peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(seconds, len(library.entries), peak)
"""


def open_in_fresh_process(path: Path) -> tuple[float, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", OPEN, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    seconds, entries, rss_kb = out.stdout.split()
    return float(seconds), int(entries), int(rss_kb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=2000)
    parser.add_argument("--paragraphs", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="replydraft-bench-") as tmp:
        folder = Path(tmp)
        os.environ["REPLYDRAFT_HOME"] = str(folder / "home")
        lines = seed_lines()
        pool = sentence_pool(lines)
        figures: dict = {
            "python": sys.version.split()[0],
            "seed_paragraphs": len(lines),
            "seed_sentences": len(pool),
        }
        figures["ingest"] = bench_ingest(folder, args.replies, lines, pool)
        figures["ingest"]["process_peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )

        path = folder / "big.yaml"
        figures["library"] = big_library(path, args.paragraphs, pool)
        for file in (folder / "home" / "cache").glob("library-*.cache"):
            file.unlink()
        cold_s, entries, cold_rss = open_in_fresh_process(path)
        warm_s, _, warm_rss = open_in_fresh_process(path)
        figures["library"].update(
            {
                "entries_loaded": entries,
                "open_cold_s": round(cold_s, 2),
                "open_warm_s": round(warm_s, 3),
                "open_cold_peak_rss_mb": round(cold_rss / 1024, 1),
                "open_warm_peak_rss_mb": round(warm_rss / 1024, 1),
            }
        )
        figures["bench_peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )
        figures["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        figures["targets_met"] = {
            "ingest_500_per_s": figures["ingest"]["ingest_and_save_replies_per_s"] >= 500,
            "open_warm_under_1s": warm_s < 1,
            "open_cold_under_15s": cold_s < 15,
        }
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
