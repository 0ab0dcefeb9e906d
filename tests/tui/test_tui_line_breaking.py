"""Chinese line breaking (避头尾) in the editor's soft wrap: no painted row starts with ，。！》）
and none ends with （《“, at any width, and every character is still on screen, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import settle
from textual import events

from replydraft.tui.app import make_app
from replydraft.tui.line_breaking import NO_LINE_END, NO_LINE_START, keep_rules


def plain_wrap(width: int):
    """One cell per character and two per CJK one, broken at the last character that fits."""

    def wrap(text: str) -> list[int]:
        offsets, used = [], 0
        for index, char in enumerate(text):
            cells = 2 if ord(char) > 0x2E7F else 1
            if used + cells > width and index:
                offsets.append(index)
                used = 0
            used += cells
        return offsets

    return wrap


def rows(text: str, offsets: list[int]) -> list[str]:
    bounds = [0, *offsets, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


@pytest.mark.parametrize("width", range(8, 30))
def test_rules_hold_and_rows_fit(width: int) -> None:
    text = "一是打造“设备之家”服务品牌，开通科技金融“绿色通道”。二是（试点）推行《办法》！共12.5亿元，等等。"
    wrap = plain_wrap(width)
    kept = rows(text, keep_rules(text, wrap(text), wrap))
    assert "".join(kept) == text
    for row in kept[1:]:
        assert row[0] not in NO_LINE_START, kept
    for row in kept[:-1]:
        assert row[-1] not in NO_LINE_END, kept
    for row in kept:
        assert not plain_wrap(width)(row), f"{row!r} is wider than {width}"


def test_a_row_of_nothing_but_marks_keeps_its_break() -> None:
    wrap = plain_wrap(4)
    text = "，，，，，，"
    assert keep_rules(text, wrap(text), wrap) == wrap(text)


SENTENCE = "您提出的《关于加强农村道路交通安全的建议》已收悉。现答复如下：我局高度重视，"


@pytest.mark.parametrize(
    "size",
    [
        (80, 24),
        pytest.param((100, 30), marks=pytest.mark.slow),
        pytest.param((120, 36), marks=pytest.mark.slow),
    ],
)
async def test_no_painted_row_starts_with_closing_punctuation(tmp_path: Path, size) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        editor = app.draft_screen.editor
        # Each paragraph one character longer than the last: every break position is tried.
        paragraphs = [SENTENCE[: n % len(SENTENCE)] + SENTENCE * 2 for n in range(0, 40)]
        editor.load_text("\n".join(paragraphs))
        await pilot.press("f3")
        await settle(app, pilot)
        strips = app.screen._compositor.render_strips()
        region = editor.scrollable_content_region
        painted = [
            strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
        ]
        starts = {p[:3] for p in paragraphs}
        seen = 0
        for row in painted:
            text = row.strip()
            if not text:
                continue
            seen += 1
            if not any(text.startswith(s) for s in starts):
                assert text[0] not in NO_LINE_START, "\n".join(painted)
        assert seen > 5
        # Every character of the rows shown is the document's, in order.
        shown = "".join("".join(row.split()) for row in painted[:-1])
        assert shown in "".join(editor.text.split())


@pytest.mark.parametrize("width", range(13, 30))
def test_figures_stay_whole(width: int) -> None:
    """A row as wide as the longest figure holds it whole (a narrower one must split it)."""
    text = "年均增长20.7%，联系电话0312-5551234，共180.8亿元"
    wrap = plain_wrap(width)
    kept = rows(text, keep_rules(text, wrap(text), wrap))
    assert "".join(kept) == text
    for figure in ("20.7%", "0312-5551234", "180.8"):
        assert any(figure in row for row in kept), kept


@pytest.mark.parametrize("size", [(80, 24), pytest.param((120, 36), marks=pytest.mark.slow)])
async def test_check_messages_keep_the_rules(tmp_path: Path, size) -> None:
    from replydraft.draft.checks import Problem
    from replydraft.tui.widgets.checks_panel import ChecksPanel

    message = (
        "数字待核：2016年、26亿、17%、180.8亿元、40%、2011年等（共7处【待核】）——核对后删去标记"
    )
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        panel = app.draft_screen.query_one(ChecksPanel)
        for shift in range(0, 12):
            problems = [Problem("stale", "一" * shift + message, "status", 0, 3)]
            panel.show(problems)
            await settle(app, pilot)
            strips = app.screen._compositor.render_strips()
            region = panel.scrollable_content_region
            painted = [
                strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
            ]
            texts = [row.strip() for row in painted if row.strip()]
            assert "".join(texts).replace(" ", "") == ("待核4行" + "一" * shift + message).replace(
                " ", ""
            )
            for row in texts[1:]:
                assert row[0] not in NO_LINE_START, "\n".join(painted)
            for figure in ("180.8", "2016", "17%"):
                assert any(figure in row for row in texts), "\n".join(painted)


async def test_search_preview_keeps_the_rules(tmp_path: Path) -> None:
    from textual.widgets import Static

    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        for char in "科技金融":
            app.focused.post_message(events.Key(char, char))  # type: ignore[union-attr]
        await settle(app, pilot)
        panel = app.draft_screen.search_panel
        assert panel.matches
        preview = panel.query_one("#preview-text", Static)
        checked = 0
        for index in range(min(8, len(panel.matches))):
            panel._preview(index, force=True)
            await settle(app, pilot)
            strips = app.screen._compositor.render_strips()
            region = preview.content_region.intersection(panel.region)
            rows = [
                strips[y].crop(region.x, region.right).text.strip()
                for y in range(region.y, region.bottom)
            ]
            body = [row for row in rows if row and not row.startswith("— ")]
            for row in body[1:]:
                assert row[0] not in NO_LINE_START, "\n".join(rows)
                checked += 1
        assert checked > 10
