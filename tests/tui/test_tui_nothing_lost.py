"""Nothing lost in the UI (issue 10): no file is replaced without asking, someone else's edits
are never silently overwritten, quitting keeps the recovery file unless the draft is really
saved, recovery keeps the draft model, and a failed export neither crashes nor replaces.

Chinese is typed as Key events (pilot.press drops full-width punctuation). The app runs with
no debounce (`make_app(debounce=0.0)`); waits are on conditions, never on fixed sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events

from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.screens.choice_dialog import ChoiceDialog
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportDialog
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt

TITLE = "关于加强农村道路安全管理的建议"
SIZE = (120, 36)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


async def until(app: ReplydraftApp, pilot, condition: Callable[[], bool], what: str) -> None:
    """Pause until `condition()` holds (workers finished each round); fail after 10 s."""
    deadline = time.monotonic() + 10
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)


async def type_text(app: ReplydraftApp, pilot, text: str) -> None:
    for char in text:
        app.focused.post_message(events.Key(char, char))
    await pilot.pause()


def finished_draft() -> Draft:
    """A finished reply: a problems part the parser alone would call something else, and a
    paragraph reused from the library (its source must survive every save and recovery)."""
    meta = ProposalMeta(title=TITLE, kind="suggestion", number=7, date="2026-05-20")
    return Draft(
        meta=meta,
        parts=[
            DraftPart("title", [Paragraph(f"对市十八届人大二次会议第7号建议《{TITLE}》的答复")]),
            DraftPart("salutation", [Paragraph("张三代表：")]),
            DraftPart(
                "problems",
                [Paragraph("我市农村道路里程长、分布广，近年来交通流量增长较快。")],
            ),
            DraftPart(
                "next_steps",
                [Paragraph("（一）完善农村道路安全设施。", "lib-0042", 2023)],
            ),
            DraftPart("signature", [Paragraph("余姚市交通运输局"), Paragraph("2026年5月20日")]),
        ],
    )


def model_of(draft: Draft) -> list[tuple[str, list[tuple[str, str | None]]]]:
    return [(p.kind, [(x.text, x.source_id) for x in p.paragraphs]) for p in draft.parts]


async def start_new_draft(app: ReplydraftApp, pilot) -> None:
    await until(app, pilot, lambda: app.focused is not None, "focus")
    await type_text(app, pilot, TITLE)
    await until(app, pilot, lambda: TITLE in app.draft_screen.editor.text, "skeleton")


async def test_first_save_asks_before_replacing_a_finished_draft(tmp_path: Path) -> None:
    existing = tmp_path / f"{TITLE}.draft.yaml"
    finished_draft().save(existing)
    before = existing.read_bytes()
    app = make_app(offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await start_new_draft(app, pilot)
        await pilot.press("ctrl+s")
        await until(app, pilot, lambda: isinstance(app.screen, PathPrompt), "path prompt")
        await pilot.press("enter")  # the default path: the finished draft's
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["另存为副本", "替换", "取消"]
        assert existing.read_bytes() == before  # nothing written while asking
        await pilot.press("enter")  # 另存为副本 has the focus
        copy = tmp_path / f"{TITLE}（副本）.draft.yaml"
        await until(app, pilot, copy.exists, "the copy")
        assert existing.read_bytes() == before
        assert app.session.path == copy
        assert Draft.load(copy).meta.title == TITLE


async def test_save_as_replaces_only_when_told(tmp_path: Path) -> None:
    other = tmp_path / "别的草稿.draft.yaml"
    finished_draft().save(other)
    before = other.read_bytes()
    app = make_app(offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await start_new_draft(app, pilot)
        await pilot.press("f12")  # save as
        await until(app, pilot, lambda: isinstance(app.screen, PathPrompt), "path prompt")
        box = app.screen.query_one("#path")
        box.value = str(other)
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        await pilot.press("escape")  # cancel
        await until(app, pilot, lambda: not isinstance(app.screen, ChoiceDialog), "closed")
        assert other.read_bytes() == before
        assert app.session.path is None
        # asked again, 替换 does replace
        await pilot.press("f12")
        await until(app, pilot, lambda: isinstance(app.screen, PathPrompt), "path prompt")
        app.screen.query_one("#path").value = str(other)
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        app.screen.query_one("#replace").press()
        await until(app, pilot, lambda: other.read_bytes() != before, "replaced")
        assert app.session.path == other
        assert not app.draft_screen.has_unsaved()


async def test_export_asks_before_writing_over_a_file(tmp_path: Path) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    finished_draft().save(draft_file)
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"the officer's earlier export")
    app = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await until(app, pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        await pilot.press("escape")
        await until(app, pilot, lambda: not isinstance(app.screen, ChoiceDialog), "closed")
        assert docx.read_bytes() == b"the officer's earlier export"
        # export to a copy: the earlier export stays, the copy is a Word file
        await pilot.press("ctrl+o")
        await until(app, pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        await pilot.press("enter")  # 另存为副本
        copy = tmp_path / "答复（副本）.docx"
        await until(app, pilot, copy.exists, "the copy")
        assert copy.read_bytes()[:2] == b"PK"
        assert docx.read_bytes() == b"the officer's earlier export"


async def test_a_draft_changed_by_someone_else_is_not_overwritten(tmp_path: Path) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    finished_draft().save(draft_file)
    app = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # another UI saves EDIT-TWO into the same file
        theirs = finished_draft()
        theirs.parts[2].paragraphs[0].text = "EDIT-TWO 另一个窗口写的现状。"
        theirs.save(draft_file)
        their_bytes = draft_file.read_bytes()
        # this UI writes EDIT-ONE and saves
        editor = app.draft_screen.editor
        editor.focus()
        editor.move_cursor((4, 0))
        await until(app, pilot, lambda: app.focused is editor, "editor focus")
        await type_text(app, pilot, "EDIT-ONE")
        await pilot.press("ctrl+s")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "conflict question")
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["另存为副本", "覆盖", "取消"]
        detail = str(app.screen.query_one("#detail").render())
        assert "EDIT-TWO" in detail and "EDIT-ONE" in detail  # the differences are shown
        assert draft_file.read_bytes() == their_bytes
        await pilot.press("enter")  # 另存为副本
        copy = tmp_path / "答复（副本）.draft.yaml"
        await until(app, pilot, copy.exists, "the copy")
        assert draft_file.read_bytes() == their_bytes
        assert "EDIT-ONE" in copy.read_text(encoding="utf-8")
        assert app.session.path == copy


async def test_overwrite_is_offered_and_does_overwrite(tmp_path: Path) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    finished_draft().save(draft_file)
    app = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        draft_file.write_text(draft_file.read_text(encoding="utf-8") + "\n# 别人的改动\n", "utf-8")
        await pilot.press("ctrl+s")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "conflict question")
        app.screen.query_one("#overwrite").press()
        await until(app, pilot, lambda: "别人的改动" not in draft_file.read_text("utf-8"), "saved")
        assert model_of(Draft.load(draft_file)) == model_of(finished_draft())


async def test_quit_after_someone_else_saved_asks_and_keeps_the_recovery_file(
    tmp_path: Path,
) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    finished_draft().save(draft_file)
    app = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0, autosave=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = app.draft_screen.editor
        editor.focus()
        editor.move_cursor((4, 0))
        await until(app, pilot, lambda: app.focused is editor, "editor focus")
        await type_text(app, pilot, "EDIT-ONE")
        await pilot.press("ctrl+s")
        await until(app, pilot, lambda: "EDIT-ONE" in draft_file.read_text("utf-8"), "saved")
        recovery = app.draft_screen.autosaver.path
        assert recovery.exists()
        # the second UI saves over it: this one's draft is no longer saved anywhere
        theirs = finished_draft()
        theirs.parts[2].paragraphs[0].text = "EDIT-TWO"
        theirs.save(draft_file)
        await pilot.press("ctrl+q")
        await until(app, pilot, lambda: isinstance(app.screen, ConfirmQuit), "quit question")
        assert recovery.exists()
        await pilot.press("escape")
    assert recovery.exists()  # not a clean exit: the next start offers it back


async def test_recovery_keeps_parts_kinds_and_sources(tmp_path: Path) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    original = finished_draft()
    original.save(draft_file)
    first = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0, autosave=0.0)
    async with first.run_test(size=SIZE) as pilot:
        await until(first, pilot, lambda: bool(first.draft_screen.spans), "analysis")
        editor = first.draft_screen.editor
        editor.focus()
        editor.move_cursor((4, len(editor.document.get_line(4))))
        await until(first, pilot, lambda: first.focused is editor, "editor focus")
        await type_text(first, pilot, "（待补充）")
        recovery = first.draft_screen.autosaver.path
        await until(
            first, pilot, lambda: "待补充" in recovery.read_text("utf-8"), "autosave of the edit"
        )
    assert recovery.exists()  # left without ctrl+q, as after kill -9

    second = make_app(cwd=tmp_path, debounce=0.0)
    async with second.run_test(size=SIZE) as pilot:
        await until(second, pilot, lambda: isinstance(second.screen, RecoveryPrompt), "offer")
        await pilot.press("enter")
        await until(second, pilot, lambda: "待补充" in second.draft_screen.editor.text, "recovered")
        assert second.session.path == draft_file
        await pilot.press("ctrl+s")  # the draft file is the recovered session's own
        await until(second, pilot, lambda: "待补充" in draft_file.read_text("utf-8"), "saved")
    saved = model_of(Draft.load(draft_file))
    expected = model_of(original)
    expected[2] = ("problems", [(expected[2][1][0][0] + "（待补充）", None)])
    assert saved == expected


async def test_a_failed_export_keeps_the_app_and_the_earlier_file(tmp_path: Path) -> None:
    draft_file = tmp_path / "答复.draft.yaml"
    broken = finished_draft()
    broken.parts[2].paragraphs[0].text = "现状\x01一句话。"  # Word cannot hold \x01
    broken.save(draft_file)
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"earlier export")
    app = make_app(draft_file, offer_recovery=False, cwd=tmp_path, debounce=0.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await until(app, pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog), "replace question")
        app.screen.query_one("#replace").press()
        await until(app, pilot, lambda: not isinstance(app.screen, ChoiceDialog), "closed")
        await pilot.pause()
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("导出" in m for m in messages)
        assert docx.read_bytes() == b"earlier export"
        assert not list(tmp_path.glob(".*.tmp"))
