"""Regenerate docs/screenshot-main.svg (120x36) and docs/screenshot-80x24.svg, with .png copies
when rsvg-convert or ImageMagick's convert is installed: the main screen after a title, the
form, a search for 科技金融 and one insert (at 80x24 the panels are tabs: the draft is shown).

Usage: .venv/bin/python scripts/screenshot_tui.py [--size 100x30 --out DIR]
(without --size both docs sizes are made; another size is for checking the layout)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


async def main(size: tuple[int, int], out: Path, name: str) -> None:
    from textual import events
    from textual.widgets import Input, TextArea

    from replydraft.tui.app import make_app

    Input.cursor_blink = False
    TextArea.cursor_blink = False
    app = make_app(offer_recovery=False)

    async def type_text(text: str) -> None:
        for char in text:
            app.focused.post_message(events.Key(char, char))
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()

    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        await type_text("关于加快人工智能产业发展的建议")
        for field, value in (
            ("number", "12"),
            ("session", "市十八届人大二次会议"),
            ("proposer", "杜国强"),
        ):
            app.query_one(f"#{field}", Input).focus()
            await pilot.pause()
            await type_text(value)
        await pilot.pause(0.6)
        span = next(s for s in app.draft_screen.spans if s.kind == "next_steps")
        app.draft_screen.editor.move_cursor((span.first, 0))
        app.draft_screen.editor.scroll_cursor_visible(center=True)
        await pilot.press("ctrl+f")
        await type_text("科技金融")
        await pilot.press("down", "enter")
        await pilot.pause(0.8)
        await app.workers.wait_for_complete()
        # wide: back to the search box; in tabs (below 100 columns): the draft with the insert
        await pilot.press("ctrl+f" if size[0] >= 100 else "f3")
        await pilot.pause(0.3)
        out.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    svg = out / f"{name}.svg"
    png = out / f"{name}.png"
    width = str(round(1600 * size[0] / 120))
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-w", width, str(svg), "-o", str(png)], check=True)
    elif shutil.which("convert"):
        subprocess.run(["convert", "-density", "144", str(svg), str(png)], check=True)
    print(svg)


if __name__ == "__main__":
    os.environ["REPLYDRAFT_HOME"] = tempfile.mkdtemp(prefix="replydraft-shot-")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=None, help="COLUMNSxROWS")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    shots = {"screenshot-main": "120x36", "screenshot-80x24": "80x24"}
    if args.size:
        shots = {f"screenshot-{args.size}": args.size}
    for name, size in shots.items():
        columns, rows = (int(n) for n in size.lower().split("x"))
        asyncio.run(main((columns, rows), args.out, name))
