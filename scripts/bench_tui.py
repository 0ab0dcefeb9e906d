"""Terminal UI speed: time to first paint, and search refresh latency. Prints JSON.

* first paint, bundled library: wall clock from launching a fresh Python process to the app's
  first refresh (interpreter start, imports, compose, layout), headless at 120x36;
* first paint, 100,000-paragraph library through its cache (built once, beforehand); the library
  loads in a worker after first paint, so `library_ready_s` is reported too;
* search refresh at 10,000 paragraphs: a query typed key by key into the search box; latency
  is from the keystroke's search starting to its results being on screen.

Usage: .venv/bin/python scripts/bench_tui.py [--work DIR] [--runs N]
The synthetic libraries are variations of the bundled (seed) paragraphs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

CHILD = r"""
import asyncio, json, os, sys, time
started = float(sys.argv[1])
library_path = sys.argv[2] or None
from replydraft.tui.app import make_app

async def main():
    app = make_app(library_path=library_path, offer_recovery=False)
    async with app.run_test(size=(120, 36)) as pilot:
        while app.first_paint is None:
            await pilot.pause(0.005)
        painted = time.time() - started
        while app.library_ready is None:
            await pilot.pause(0.01)
        ready = time.time() - started
    print(json.dumps({"first_paint_s": painted, "library_ready_s": ready,
                      "entries": len(app.library.entries)}))

asyncio.run(main())
"""


def synthetic_library(size: int, path: Path) -> Path:
    """A library of `size` paragraphs at `path` (and its cache), varied from the seeds."""
    from replydraft.library import Library

    if path.exists():
        Library.load(path)  # warm the cache if needed
        return path
    base = Library.default().entries
    places = ["余姚", "慈溪", "海宁", "宁波", "杭州", "温州", "绍兴", "嘉兴", "湖州", "金华"]
    entries = []
    for index in range(size):
        entry = base[index % len(base)]
        tag = f"（{places[index % len(places)]}第{index}项）"
        entries.append(replace(entry, id=f"bench{index:06d}", text=entry.text + tag, versions=[]))
    Library(entries).save(path)
    Library.load(path)  # build the derived cache once, as a real officer's second start would
    return path


def first_paint(library_path: Path | None, runs: int) -> dict:
    results = []
    env = dict(os.environ)
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, repr(started), str(library_path or "")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    paints = [r["first_paint_s"] for r in results]
    readies = [r["library_ready_s"] for r in results]
    return {
        "entries": results[0]["entries"],
        "first_paint_s": round(statistics.median(paints), 3),
        "first_paint_max_s": round(max(paints), 3),
        "library_ready_s": round(statistics.median(readies), 3),
    }


async def search_latency(library_path: Path, query: str) -> dict:
    from textual import events

    from replydraft.library import Library
    from replydraft.tui.app import make_app
    from replydraft.tui.widgets.search_panel import SearchPanel

    library = Library.load(library_path)
    app = make_app(library=library, offer_recovery=False)
    latencies: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(SearchPanel)
        library.search("预热", top=5)  # build the index once (it is cached on disk too)
        app.action_focus_search()
        await pilot.pause()
        for rounds in range(3):
            for char in query:
                shown = panel._seq
                app.focused.post_message(events.Key(char, char))
                deadline = time.perf_counter() + 5
                while (panel._seq == shown or panel._started) and time.perf_counter() < deadline:
                    await pilot.pause(0.001)
                if panel.last_latency is not None:
                    latencies.append(panel.last_latency)
            for _ in query:
                await pilot.press("backspace")
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if rounds == 0:
                latencies.clear()  # the first round warms caches
    latencies.sort()
    return {
        "entries": len(library.entries),
        "query": query,
        "keystrokes": len(latencies),
        "median_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "replydraft-bench"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ["REPLYDRAFT_HOME"] = str(args.work / "home")

    big = synthetic_library(100_000, args.work / "library-100k.yaml")
    mid = synthetic_library(10_000, args.work / "library-10k.yaml")
    report = {
        "terminal": "120x36 headless (App.run_test)",
        "first_paint_bundled": first_paint(None, args.runs),
        "first_paint_100k_cached": first_paint(big, args.runs),
        "search_refresh_10k": asyncio.run(search_latency(mid, "科技金融人才引进")),
        "targets": {"first_paint_bundled_s": 1.0, "first_paint_100k_s": 2.0, "search_ms": 50},
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
