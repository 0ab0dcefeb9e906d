"""Benchmark: a reply skeleton with a 10,000-paragraph library (target: under 300 ms).

Builds a synthetic library from the built-in one (each paragraph varied so every text and id is
distinct), saves it as YAML in a temporary REPLYDRAFT_HOME, then times `build_skeleton`:
- cold: the first skeleton of a freshly loaded library (builds the search index and its cache);
- cached: a freshly loaded library whose index comes from the disk cache (what the CLI sees);
- warm: further skeletons with the same library object (what the TUI sees), median of runs;
- demands: warm, with a proposal text of five demands (one search per demand).
Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = 10_000
RUNS = 7


def main() -> int:
    home = tempfile.mkdtemp(prefix="replydraft-bench-")
    os.environ["REPLYDRAFT_HOME"] = home

    from replydraft.compose.skeleton import build_skeleton
    from replydraft.draft.model import ProposalMeta
    from replydraft.library.model import Entry, Source
    from replydraft.library.seeds import default_library
    from replydraft.library.store import Library

    base = [e for e in default_library().entries if e.kind == "measure"]
    if not base:
        print(json.dumps({"error": "the built-in library has no measure paragraphs"}))
        return 1
    places = ["余姚", "慈溪", "海宁", "宁波", "嘉兴", "绍兴", "台州", "温州"]
    entries = []
    for n in range(PARAGRAPHS):
        seed = base[n % len(base)]
        year = 2015 + n % 11
        text = f"{seed.text}（{places[n % len(places)]}第{n}号经验，{year}年）"
        source = Source(
            file=f"bench-{n // 40}.txt", unit=f"{places[n % len(places)]}市科学技术局", year=year
        )
        entries.append(
            Entry(id=f"b{n:05d}", kind="measure", section=seed.section, headings=list(seed.headings),
                  text=text, source=source)
        )  # fmt: skip
    path = Path(home) / "library.yaml"
    Library(entries).save(path)

    meta = ProposalMeta(
        title="关于加快科技金融与人才引育推动企业创新的建议", number=12,
        session="市十八届人大二次会议", proposer="张三", co_proposers=["李四"], date="2026-05-20",
    )  # fmt: skip
    demands_text = (
        "建议：\n1.加大企业研发投入补助；\n2.完善知识产权质押融资；\n3.引育高层次科技人才；\n"
        "4.建设公共技术服务平台；\n5.推进高新技术企业培育。"
    )

    def timed(fn) -> tuple[float, object]:
        start = time.perf_counter()
        result = fn()
        return (time.perf_counter() - start) * 1000, result

    load_ms, library = timed(lambda: Library.load(path))
    cold_ms, draft = timed(lambda: build_skeleton(meta, library))
    cached_load_ms, fresh = timed(lambda: Library.load(path))
    cached_ms, _ = timed(lambda: build_skeleton(meta, fresh))
    warm = [timed(lambda: build_skeleton(meta, library))[0] for _ in range(RUNS)]
    with_demands = ProposalMeta(**{**meta.__dict__, "proposal_text": demands_text})
    demand_runs = [timed(lambda: build_skeleton(with_demands, library))[0] for _ in range(RUNS)]
    reused = sum(1 for part in draft.parts for p in part.paragraphs if p.source_id)
    print(
        json.dumps(
            {
                "paragraphs": len(library.entries),
                "library_load_ms": round(load_ms, 1),
                "skeleton_cold_ms": round(cold_ms, 1),
                "library_load_cached_ms": round(cached_load_ms, 1),
                "skeleton_cached_index_ms": round(cached_ms, 1),
                "skeleton_warm_median_ms": round(statistics.median(warm), 1),
                "skeleton_warm_max_ms": round(max(warm), 1),
                "skeleton_5_demands_median_ms": round(statistics.median(demand_runs), 1),
                "reused_paragraphs": reused,
                "target_ms": 300,
                "python": sys.version.split()[0],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
