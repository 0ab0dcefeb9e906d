"""Search quality on the real library (seeds + ../shared/corpus): re-find and topic precision."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from make_refind import refind_queries
from topics import load_topics

HERE = Path(__file__).resolve().parent


def real_library(corpus: Path):
    from replydraft.files.resources import seeds_dir
    from replydraft.library.ingest import build_library

    paths = [seeds_dir()] + ([corpus] if corpus.is_dir() else [])
    return build_library(paths)


def _folded(text: str) -> str:
    from replydraft.matching.tokens import fold_aligned

    return fold_aligned(text)


def refind(library, queries: list[dict]) -> dict:
    """top-1 / top-5 hit rates, per edit and overall; a fragment may also hit a paragraph
    that contains it verbatim."""
    per_edit: dict[str, list[int]] = {}
    misses = []
    for q in queries:
        matches = library.search(q["query"], top=5)
        rank = None
        for i, m in enumerate(matches):
            verbatim = q["edit"] == "fragment20" and _folded(q["query"]) in _folded(m.entry.text)
            if m.entry.id == q["id"] or verbatim:
                rank = i
                break
        stats = per_edit.setdefault(q["edit"], [0, 0, 0])
        stats[0] += 1
        stats[1] += rank == 0
        stats[2] += rank is not None
        if rank != 0:
            misses.append({"edit": q["edit"], "query": q["query"][:40], "rank": rank})
    total = [sum(s[i] for s in per_edit.values()) for i in range(3)]
    rate = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "queries": total[0],
        "top1": rate(total[1], total[0]),
        "top5": rate(total[2], total[0]),
        "per_edit": {
            k: {"n": s[0], "top1": rate(s[1], s[0]), "top5": rate(s[2], s[0])}
            for k, s in per_edit.items()
        },
        "misses_sample": misses[:10],
    }


def topic_precision(library, topics: list[dict]) -> dict:
    """precision@5 against the hand judgements; also capped by how many relevant exist."""
    strict, capped, rows = [], [], []
    for topic in topics:
        ids = {r["id"] for r in topic["relevant"]}
        prefixes = [_folded(r["prefix"]) for r in topic["relevant"]]
        available = [
            e
            for e in library.entries
            if e.id in ids or any(_folded(e.text).startswith(p) for p in prefixes)
        ]
        matches = library.search(topic["query"], top=5)
        hits = sum(
            m.entry.id in ids or any(_folded(m.entry.text).startswith(p) for p in prefixes)
            for m in matches
        )
        strict.append(hits / 5)
        capped.append(hits / max(1, min(5, len(available))))
        rows.append(
            {
                "query": topic["query"],
                "hits_at_5": hits,
                "judged_relevant_in_library": len(available),
                "p_at_5_strict": strict[-1],
                "p_at_5_capped": round(capped[-1], 4),
            }
        )
    mean = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
    ceiling = mean([min(5, r["judged_relevant_in_library"]) / 5 for r in rows])
    return {
        "topics": len(topics),
        "precision_at_5": mean(strict),
        "precision_at_5_capped": mean(capped),
        "precision_at_5_strict_ceiling": ceiling,
        "definitions": {
            "precision_at_5": "STRICT: relevant results in the top 5 / 5 (the issue's target)",
            "precision_at_5_capped": "relevant in the top 5 / min(5, judged relevant that exist)",
            "precision_at_5_strict_ceiling": "best strict value possible: topics with fewer than"
            " 5 relevant entries in the library cannot reach 1",
        },
        "per_topic": rows,
    }


def evaluate(corpus: Path) -> dict:
    start = time.perf_counter()
    library = real_library(corpus)
    with open(HERE / "refind_seeds.yaml", encoding="utf-8") as handle:
        seed_queries = yaml.safe_load(handle)["queries"]
    known = {e.id for e in library.entries}
    stale = sum(q["id"] not in known for q in seed_queries)
    seed_files = {e.id for e in library.entries if not e.source.file.startswith("dev-")}
    corpus_queries = (
        refind_queries([e for e in library.entries if e.id not in seed_files])
        if corpus.is_dir()
        else []
    )
    result = {
        "library": {
            "entries": len(library.entries),
            "corpus_included": corpus.is_dir(),
            "build_s": round(time.perf_counter() - start, 2),
        },
        "refind_seeds": refind(library, seed_queries),
        "refind_seeds_stale_ids": stale,
    }
    if corpus.is_dir():
        result["refind_corpus"] = refind(library, corpus_queries)
        result["refind_all"] = refind(library, seed_queries + corpus_queries)
    else:
        result["refind_corpus"] = "skipped: ../shared/corpus absent"
    result["topics"] = topic_precision(library, load_topics())
    if not corpus.is_dir():
        result["topics"]["note"] = (
            "corpus absent: topics judged on corpus paragraphs cannot be found"
        )
    return result
