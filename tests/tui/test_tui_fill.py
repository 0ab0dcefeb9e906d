"""Filling a draft fast: ctrl+n selects the next 【待填：…】/【待核】, ctrl+l finds and replaces, Enter
on a problem in 检查 selects its placeholder (the first Enter after F4 too), and a paragraph
inserted at a demand's placeholder stays tied to that demand (check no longer says 诉求N未见答复)."""

from __future__ import annotations

from pathlib import Path

from pilot import settle, wait_until
from textual import events

from replydraft.draft.checks import check_draft
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.tui import editing
from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.screens.find_replace import FindReplace

SIZE = (120, 36)
DEMAND = "在村道急弯处增设警示标志和护栏"
LINES = [
    "关于加强农村道路交通安全的建议的答复",
    "",
    "张三代表：",
    "",
    "您提出的《关于加强农村道路交通安全的建议》收悉。现答复如下：",
    "",
    "近年来，我局持续开展农村道路隐患排查，全年整治隐患点120处【待核】。",
    "",
    "下一步，我局将重点做好以下工作：",
    f"（一）【待填：对“{DEMAND}”的答复】",
    "（二）加强农村交通安全宣传，联系电话【待填：电话】。",
]


def draft_file(folder: Path) -> Path:
    meta = ProposalMeta(
        title="关于加强农村道路交通安全的建议",
        kind="suggestion",
        proposer="张三",
        unit="某县公安局",
        date="2026-05-20",
        demands=[f"一是{DEMAND}。"],
    )
    parts = [
        DraftPart("title", [Paragraph(LINES[0])]),
        DraftPart("salutation", [Paragraph(LINES[2])]),
        DraftPart("acknowledgement", [Paragraph(LINES[4])]),
        DraftPart("status", [Paragraph(LINES[6])]),
        DraftPart("next_steps", [Paragraph(line) for line in LINES[8:]]),
    ]
    path = folder / "交通.draft.yaml"
    Draft(meta=meta, parts=parts).save(path)
    return path


async def type_text(app: ReplydraftApp, text: str) -> None:
    assert app.focused is not None
    for char in text:
        app.focused.post_message(events.Key(char, char))


def selected(app: ReplydraftApp) -> str:
    return app.draft_screen.editor.selected_text


def test_next_mark_wraps_and_skips_the_one_under_the_cursor() -> None:
    lines = ["甲【待填：电话】乙【待核】", "", "丙【待填】"]
    assert editing.next_mark(lines, 0, 0) == editing.Span(0, 1, 8)
    assert editing.next_mark(lines, 0, 1) == editing.Span(0, 9, 13)
    assert editing.next_mark(lines, 0, 13) == editing.Span(2, 1, 5)
    assert editing.next_mark(lines, 2, 5) == editing.Span(0, 1, 8)
    assert editing.next_mark(["没有"], 0, 0) is None


def test_find_next_moves_on_and_wraps() -> None:
    lines = ["甲乙甲", "乙甲"]
    assert editing.find_next(lines, "甲", 0, 0) == editing.Span(0, 0, 1)
    assert editing.find_next(lines, "甲", 0, 1) == editing.Span(0, 2, 3)
    assert editing.find_next(lines, "甲", 0, 3) == editing.Span(1, 1, 2)
    assert editing.find_next(lines, "甲", 1, 2) == editing.Span(0, 0, 1)
    assert editing.find_next(lines, "丁", 0, 0) is None


async def test_next_mark_selects_and_typing_replaces(tmp_path: Path) -> None:
    app = make_app(draft_file(tmp_path), offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        editor = app.draft_screen.editor
        editor.focus()
        editor.move_cursor((0, 0))
        await pilot.press("ctrl+n")
        assert selected(app) == "【待核】"
        assert editor.cursor_location[0] == 6
        await pilot.press("ctrl+n")
        assert selected(app) == f"【待填：对“{DEMAND}”的答复】"
        await pilot.press("ctrl+n")
        assert selected(app) == "【待填：电话】"
        await type_text(app, "0312-5551234")
        await pilot.pause()
        assert editor.document.get_line(10) == "（二）加强农村交通安全宣传，联系电话0312-5551234。"
        await pilot.press("ctrl+n")  # wraps to the top
        assert selected(app) == "【待核】"
        await pilot.press("backspace")
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        assert selected(app).startswith("【待填：对")
        await pilot.press("ctrl+n")  # the only mark left: it stays selected
        assert selected(app).startswith("【待填：对")


async def test_find_and_replace_all(tmp_path: Path) -> None:
    app = make_app(draft_file(tmp_path), offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        editor = app.draft_screen.editor
        editor.focus()
        editor.move_cursor((0, 0))
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, FindReplace), "the dialog")
        await type_text(app, "农村")
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FindReplace), "dialog closed")
        assert selected(app) == "农村" and editor.cursor_location[0] == 0
        await pilot.press("f11")
        assert selected(app) == "农村" and editor.cursor_location[0] == 4
        before = editor.text
        count = before.count("农村")
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, FindReplace), "the dialog")
        await pilot.press("tab")
        await type_text(app, "乡村")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "农村" not in editor.text, "every 农村 replaced")
        assert editor.text == before.replace("农村", "乡村") and count >= 3
        await pilot.press("ctrl+z")  # one undo step brings them all back
        await pilot.pause()
        assert editor.text == before


async def test_enter_on_a_problem_selects_its_placeholder_first_time(tmp_path: Path) -> None:
    app = make_app(draft_file(tmp_path), offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        problems = app.draft_screen.problems
        assert problems and problems[0].code == "stale"
        await pilot.press("f4")
        await pilot.press("enter")  # the first Enter after F4 does its job
        await pilot.pause()
        assert app.focused is app.draft_screen.editor
        assert selected(app) == "【待核】"
        placeholder = next(i for i, p in enumerate(problems) if p.code == "placeholder")
        await pilot.press("f4")
        checks = app.draft_screen.query_one("#checks")
        checks.highlighted = placeholder  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app).startswith("【待填")


async def test_insert_at_a_demands_placeholder_answers_that_demand(tmp_path: Path) -> None:
    app = make_app(draft_file(tmp_path), offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.draft_screen
        screen.editor.move_cursor((9, 3))  # on （一）【待填：对“…”的答复】
        await pilot.press("ctrl+f")
        await type_text(app, "交通安全")
        await settle(app, pilot)
        assert screen.search_panel.matches, "no results for 交通安全"
        screen.editor.move_cursor((9, 3))
        await pilot.press("down", "enter")
        await settle(app, pilot)
        line = screen.editor.document.get_line(9)
        assert line.startswith(f"（一）关于“{DEMAND}”的建议，")
        assert "【待填" not in line
        assert not any(p.code == "unanswered_demand" for p in screen.problems)
        # Without its lead the same paragraph would leave the demand unanswered (the bug).
        bare = screen.current_draft()
        part = bare.part("next_steps")
        assert part is not None
        part.paragraphs[1].text = "（一）" + line.split("的建议，", 1)[1]
        assert any(p.code == "unanswered_demand" for p in check_draft(bare))
        # The saved draft says so too (what `replydraft check` reads).
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = Draft.load(app.session.path)  # type: ignore[arg-type]
        assert not any(p.code == "unanswered_demand" for p in check_draft(saved))


def test_answer_lead_is_not_doubled() -> None:
    demand = f"一是{DEMAND}。"
    text = editing.answer_to(demand, "（一）我局将开展排查。")
    assert text == f"关于“{DEMAND}”的建议，我局将开展排查。"
    assert editing.answer_to(demand, text) == text
    assert editing.demand_of_placeholder(LINES[9], [demand]) == demand
    assert editing.demand_of_placeholder(LINES[10], [demand]) is None


async def test_export_dialog_formats_are_reached_with_arrows(tmp_path: Path) -> None:
    from textual.widgets import Input, RadioSet

    from replydraft.tui.screens.export_dialog import ExportDialog

    app = make_app(draft_file(tmp_path), offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
        dialog = app.screen
        formats = dialog.query_one("#formats", RadioSet)
        assert app.focused is formats
        assert formats.pressed_button is not None and formats.pressed_button.id == "fmt-docx"
        await pilot.press("down")  # the choice follows the arrow, and so does the path
        assert formats.pressed_button.id == "fmt-txt"
        assert dialog.query_one("#path", Input).value.endswith("交通.txt")
        await pilot.press("enter")
        txt = tmp_path / "交通.txt"
        await wait_until(pilot, txt.exists, "the txt export")
        assert "村道" in txt.read_text(encoding="utf-8")
