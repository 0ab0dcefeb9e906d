"""Regenerate docs/screenshot-main.svg (and .png when rsvg-convert is installed): the main
screen at 120x36 after a title, the form, a search for 科技金融 and one insert.

Usage: .venv/bin/python scripts/screenshot_tui.py [--size 100x30 --out DIR]
(other sizes are for checking the layout; only the default 120x36 goes into docs/)
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


async def main(size: tuple[int, int], out: Path) -> None:
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
        await pilot.press("ctrl+f")
        await pilot.pause(0.3)
        out.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename="screenshot-main.svg", path=str(out))
    svg = out / "screenshot-main.svg"
    if shutil.which("rsvg-convert"):
        subprocess.run(
            ["rsvg-convert", "-w", "1600", str(svg), "-o", str(out / "screenshot-main.png")],
            check=True,
        )
    print(svg)


if __name__ == "__main__":
    os.environ["REPLYDRAFT_HOME"] = tempfile.mkdtemp(prefix="replydraft-shot-")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36", help="COLUMNSxROWS")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    asyncio.run(main((columns, rows), args.out))
