"""Terminal UI speed: time to first paint, and search refresh latency. Prints JSON.

* first paint, bundled library: wall clock from launching a fresh Python process to the app's
  first refresh (interpreter start, imports, compose, layout), headless at 120x36;
* first paint, 100,000-paragraph library through its cache (built once, beforehand); the library
  loads in a worker after first paint, so `library_ready_s` is reported too;
* search refresh at 10,000 paragraphs: a query typed key by key into the search box;
  `key_to_painted` is from the key event to the screen refresh that shows the results for the
  box's new text (p50/p95/max over every keystroke of several rounds, after a warm-up round).

Usage: .venv/bin/python scripts/bench_tui.py [--work DIR] [--runs N]
The synthetic libraries are variations of the bundled (seed) paragraphs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
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
    from replydraft.library.seeds import default_library
    from replydraft.library.store import Library

    if path.exists():
        Library.load(path)  # warm the cache if needed
        return path
    base = default_library().entries
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


def _figures(values: list[float]) -> dict:
    values = sorted(values)
    return {
        "p50_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(values[max(0, math.ceil(len(values) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(values[-1] * 1000, 1),
    }


async def search_latency(library_path: Path, query: str, rounds: int) -> dict:
    """Type `query` key by key into the search box, `rounds` times (plus one warm-up round).

    `key_to_painted`: from posting the key event to the screen refresh that first shows the
    result list for the box's new text (what a person sees; headless, so no terminal I/O).
    `search_to_shown`: from the search starting to the list being filled (the old figure).
    """
    from textual import events

    from replydraft.library.store import Library
    from replydraft.tui.app import make_app
    from replydraft.tui.widgets.search_panel import SearchPanel

    library = Library.load(library_path)
    app = make_app(library=library, offer_recovery=False)
    painted: list[float] = []
    shown: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(SearchPanel)
        library.search("预热", top=5)  # build the index once (it is cached on disk too)
        app.action_focus_search()
        await pilot.pause(0.5)
        for round_no in range(rounds + 1):
            for index, char in enumerate(query):
                expected = query[: index + 1]
                started = time.perf_counter()
                app.focused.post_message(events.Key(char, char))
                deadline = started + 5
                while time.perf_counter() < deadline:
                    await asyncio.sleep(0.0005)
                    seen = panel.painted
                    if seen is not None and seen[0] == expected and seen[1] > started:
                        break
                else:
                    raise SystemExit(f"results for {expected!r} never painted")
                if round_no:
                    painted.append(seen[1] - started)
                    shown.append(panel.last_latency or 0.0)
                await asyncio.sleep(0.05)  # a person's next key comes later than this
            for _ in query:
                await pilot.press("backspace")
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
    return {
        "entries": len(library.entries),
        "query": query,
        "keystrokes": len(painted),
        "key_to_painted": _figures(painted),
        "search_to_shown": _figures(shown),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "replydraft-bench"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5, help="typing rounds for the search")
    parser.add_argument("--search-only", action="store_true", help="skip the first-paint runs")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ["REPLYDRAFT_HOME"] = str(args.work / "home")

    mid = synthetic_library(10_000, args.work / "library-10k.yaml")
    report: dict = {"terminal": "120x36 headless (App.run_test)"}
    if not args.search_only:
        big = synthetic_library(100_000, args.work / "library-100k.yaml")
        report["first_paint_bundled"] = first_paint(None, args.runs)
        report["first_paint_100k_cached"] = first_paint(big, args.runs)
    report["search_refresh_10k"] = asyncio.run(search_latency(mid, "科技金融人才引进", args.rounds))
    report["targets"] = {"first_paint_bundled_s": 1.0, "first_paint_100k_s": 2.0, "search_ms": 50}
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
