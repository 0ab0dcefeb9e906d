"""Benchmark paragraph search: latency, index build, memory, the naive baseline, and quality.

Prints one JSON document. Libraries of 1k/10k/100k paragraphs are SYNTHETIC: sentences of the
real replies (the seeds, plus ../shared/corpus when present) recombined at random. Each size runs
in a fresh process so its peak RSS is its own. Quality (re-find and topic precision) is measured
on the real library built from the seeds (+ corpus) with the committed query sets in
scripts/queries/.

bm25s over character bigrams (the same folding, the same library and queries) is measured in the
same process as a peer, and the ratios ours/bm25s printed (`pip install -e '.[bench]'`).

    .venv/bin/python scripts/bench_search.py            # everything (a few minutes)
    .venv/bin/python scripts/bench_search.py --sizes 1000,10000 --quick
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
CORPUS = REPO.parent / "shared" / "corpus"
QUERIES = Path(__file__).resolve().parent / "queries"
sys.path.insert(0, str(QUERIES))

TITLE_FRAMES = ["关于{}的建议", "关于{}的提案", "《关于{}的建议》", "关于进一步{}的建议"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def source_texts() -> tuple[list[str], bool]:
    """Cleaned texts of the seeds and (if present) the corpus replies."""
    from replydraft.files.decoding import read_text
    from replydraft.files.resources import seeds_dir

    files = sorted(seeds_dir().glob("*.txt"))
    has_corpus = CORPUS.is_dir()
    if has_corpus:
        files += sorted(CORPUS.glob("dev-*.txt"))
    try:
        from replydraft.parsing import clean_text
    except ImportError:  # the parser is optional for the synthetic libraries

        def clean_text(text: str) -> str:
            return text

    return [clean_text(read_text(f)) for f in files], has_corpus


def sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if len(line) < 20:
                continue
            out += [s for s in re.split(r"(?<=[。；;！!])", line) if len(s) >= 12]
    return sorted(set(out))


def synthetic_texts(size: int, seed: int = 7) -> list[str]:
    """`size` paragraphs of 1-5 real sentences recombined; figures re-drawn so texts vary."""
    pool = sentences(source_texts()[0])
    rng = random.Random(seed)

    def refigure(sentence: str) -> str:
        return re.sub(r"\d+", lambda m: str(rng.randint(1, 3000)), sentence)

    return ["".join(refigure(s) for s in rng.sample(pool, rng.randint(1, 5))) for _ in range(size)]


def synthetic_library(size: int):
    from replydraft.library.model import Entry, Source
    from replydraft.library.store import Library

    texts = synthetic_texts(size)
    rng = random.Random(size)
    sources = [
        Source(file=f"synthetic-{i}.txt", unit=u, year=y)
        for i, (u, y) in enumerate(
            (u, y) for u in ("市科技局", "县教育局", "区交通运输局") for y in range(2015, 2026)
        )
    ]
    entries = [
        Entry(
            id=f"s-{i:06d}",
            kind="measure",
            section=rng.choice(("status", "next_steps", "other")),
            headings=[],
            text=text,
            source=rng.choice(sources),
        )
        for i, text in enumerate(texts)
    ]
    return Library(entries, None, f"synthetic-{size}-{len(texts)}")


def latency_queries(library, count: int) -> dict[str, list[str]]:
    """Titles, keyword queries and pasted (edited) paragraphs."""
    from make_refind import edit_figures
    from topics import load_topics

    rng = random.Random(11)
    topics = [t["query"] for t in load_topics()]
    heads = [t for t in topics if " " not in t]
    titles = [
        rng.choice(TITLE_FRAMES).format("加强" + rng.choice(heads) + "工作") for _ in range(count)
    ]
    keywords = [
        " ".join(rng.sample(heads, rng.randint(1, 3))) if i % 2 else rng.choice(topics)
        for i in range(count)
    ]
    texts = [e.text for e in library.entries if len(e.text) >= 150]
    pasted = [edit_figures(rng.choice(texts), rng) for _ in range(count)]
    return {"title": titles, "keywords": keywords, "long_fragment": pasted}


def time_queries(run, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {
        "n": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "max_ms": round(max(times), 2) if times else 0.0,
    }


def bigram_tokens(text: str) -> list[str]:
    """The bigrams replydraft indexes (folded word-character pairs), as strings for bm25s."""
    from replydraft.matching.tokens import KEY_BASE, bigram_keys, code_points, fold_points

    keys, _ = bigram_keys(fold_points(code_points(text)))
    return [chr(k // KEY_BASE) + chr(k % KEY_BASE) for k in keys.tolist()]


def bm25s_peer(texts: list[str]):
    """bm25s indexed on the same texts' character bigrams; returns (search function, build s)."""
    import bm25s

    start = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index([bigram_tokens(t) or [" "] for t in texts], show_progress=False)
    build_s = time.perf_counter() - start
    vocab = retriever.vocab_dict

    def run(query: str) -> None:
        tokens = [t for t in bigram_tokens(query) if t in vocab]
        if tokens:
            retriever.retrieve([tokens], k=10, show_progress=False, n_threads=0)

    return run, build_s


def bench_size(size: int, count: int, baseline_count: int) -> dict:
    """One library size, in this (fresh) process."""
    from rapidfuzz import fuzz, process

    from replydraft.matching import search
    from replydraft.matching.index_store import STORE
    from replydraft.matching.tokens import fold_aligned

    start = time.perf_counter()
    library = synthetic_library(size)
    generate_s = time.perf_counter() - start
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    index = STORE.for_entries(library.entries, library.path, library.cache_key).bm25  # built
    build_s = time.perf_counter() - start
    index_mb = sum(a.nbytes for a in (index.vocab, index.indptr, index.docs, index.weights)) / 2**20
    queries = latency_queries(library, count)
    search(library, "预热")
    peer, peer_build_s = bm25s_peer([e.text for e in library.entries])
    peer("预热")
    ours: dict = {}
    bm25s_times: dict = {}
    all_ours: list[float] = []
    all_peer: list[float] = []
    for kind, qs in queries.items():  # interleaved, so both see the same machine load
        mine, theirs = [], []
        for q in qs:
            mine += time_queries(lambda q: search(library, q, top=10), [q])
            theirs += time_queries(peer, [q])
        ours[kind], bm25s_times[kind] = summary(mine), summary(theirs)
        all_ours += mine
        all_peer += theirs
    ours["all"], bm25s_times["all"] = summary(all_ours), summary(all_peer)
    ratios = {
        kind: {
            "p50": round(ours[kind]["p50_ms"] / max(bm25s_times[kind]["p50_ms"], 1e-3), 2),
            "p95": round(ours[kind]["p95_ms"] / max(bm25s_times[kind]["p95_ms"], 1e-3), 2),
        }
        for kind in ours
    }
    folded = [fold_aligned(e.text) for e in library.entries]

    def naive(query: str) -> None:
        process.extract(fold_aligned(query), folded, scorer=fuzz.partial_ratio, limit=10)

    baseline = {}
    for kind, qs in queries.items():
        limit = baseline_count if kind != "long_fragment" else max(1, baseline_count // 3)
        baseline[kind] = summary(time_queries(naive, qs[:limit]))
        baseline[kind]["speed_ratio_p50"] = round(
            baseline[kind]["p50_ms"] / max(ours[kind]["p50_ms"], 1e-3), 1
        )
    return {
        "paragraphs": size,
        "synthetic": True,
        "documents_indexed": index.n_docs,
        "generate_s": round(generate_s, 2),
        "index_build_s": round(build_s, 3),
        "index_mb": round(index_mb, 1),
        "vocabulary_bigrams": int(index.vocab.size),
        "postings": int(index.docs.size),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_index_mb": round(rss_before, 1),
        "latency": ours,
        "bm25s_bigrams": {"build_s": round(peer_build_s, 3), "latency": bm25s_times},
        "ratio_ours_over_bm25s": ratios,
        "baseline_partial_ratio_full_scan": baseline,
    }


def saved_library_path(size: int) -> Path:
    from replydraft.files.locations import cache_dir

    return Path(cache_dir()) / f"bench-library-{size}.yaml"


def cold_start(size: int) -> dict:
    """A fresh process: import, load the library YAML (from its cache) and the saved index, answer
    the first query. The phases are timed apart: opening the library maps its entry cache without
    reading it; the index is mapped; only the entries shown are read."""
    path = saved_library_path(size)
    if not path.is_file():
        synthetic_library(size).save(path)  # a first run: save it, then measure a second process
        return {"prepared": str(path)}
    start = time.perf_counter()
    from replydraft import Library

    imported = time.perf_counter()
    library = Library.load(path)
    loaded = time.perf_counter()
    from replydraft.matching import search
    from replydraft.matching.index_store import STORE

    matching_imported = time.perf_counter()
    index = STORE.for_file(library.path, library.cache_key, library.read_entries)
    indexed = time.perf_counter()
    results = search(library, "科技金融 知识产权质押")
    done = time.perf_counter()
    return {
        "loaded_from_disk": index.loaded_from_disk,
        "entries_in_memory": library.held_entries() is not None,
        "first_query_after_start_s": round(done - start, 3),
        "phases_s": {
            "import_replydraft": round(imported - start, 3),
            "library_open (cache mapped, entries not read)": round(loaded - imported, 3),
            "import_matching": round(matching_imported - loaded, 3),
            "index_check_and_map": round(indexed - matching_imported, 3),
            "first_query": round(done - indexed, 3),
        },
        "matching_share_s": round(done - loaded, 3),
        "results": len(results),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def in_fresh_process(args: list[str], home: str) -> dict:
    env = dict(os.environ, REPLYDRAFT_HOME=home)
    out = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def quality() -> dict:
    from quality import evaluate

    return evaluate(CORPUS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=60, help="queries per kind and size")
    parser.add_argument("--baseline-queries", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="fewer queries")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cold", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(bench_size(args.one, args.queries, args.baseline_queries)))
        return 0
    if args.cold:
        print(json.dumps(cold_start(args.cold)))
        return 0
    if args.quick:
        args.queries, args.baseline_queries = 20, 6
    has_corpus = CORPUS.is_dir()
    report: dict = {
        "note": "libraries are SYNTHETIC: sentences of real replies (seeds"
        + (" + ../shared/corpus" if has_corpus else "; ../shared/corpus absent, skipped")
        + ") recombined at random; quality is measured on the real library",
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "sizes": [],
    }
    with tempfile.TemporaryDirectory() as home:
        for size in (int(s) for s in args.sizes.split(",")):
            baseline = (
                args.baseline_queries if size < 100_000 else max(2, args.baseline_queries // 5)
            )
            one = in_fresh_process(
                [
                    "--one",
                    str(size),
                    "--queries",
                    str(args.queries),
                    "--baseline-queries",
                    str(baseline),
                ],
                home,
            )
            in_fresh_process(["--cold", str(size)], home)  # saves the YAML, warms its cache
            in_fresh_process(["--cold", str(size)], home)  # builds and saves the index
            one["cold_start"] = in_fresh_process(["--cold", str(size)], home)
            report["sizes"].append(one)
            print(f"size {size} done", file=sys.stderr)
        if not args.no_quality:
            os.environ["REPLYDRAFT_HOME"] = home  # never the officer's own synonyms or cache
            report["quality"] = quality()
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
