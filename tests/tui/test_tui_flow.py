"""The whole officer flow through the UI, with Pilot: title -> skeleton, search, insert,
undo, save, export docx, kill and recover. Chinese is typed as Key events (pilot.press drops
full-width punctuation)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pilot import settle as settle_quiet
from pilot import wait_until
from textual import events
from textual.widgets import Input, TextArea

from replydraft.draft.model import Draft
from replydraft.text.normalize import to_fullwidth_punct
from replydraft.text.ordinals import match_ordinal
from replydraft.text.staleness import strip_stale_marks
from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportDialog
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt

TITLE = "关于加快人工智能产业发展的建议"
SIZE = (120, 36)


@pytest.fixture(autouse=True)
def no_blink(monkeypatch):
    """A blinking cursor makes screens differ between frames."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


async def settle(app: ReplydraftApp, pilot, rounds: int = 3) -> None:
    """Let debounce timers fire and workers finish (waits on the app being quiet; `rounds` is
    kept for the call sites' intent and does not add sleeps)."""
    await settle_quiet(app, pilot)


async def type_text(app: ReplydraftApp, pilot, text: str) -> None:
    for char in text:
        app.focused.post_message(events.Key(char, char))
    await pilot.pause()


def next_steps_lines(app: ReplydraftApp) -> tuple[int, list[str]]:
    span = next(s for s in app.draft_screen.spans if s.kind == "next_steps")
    lines = app.draft_screen.editor.text.split("\n")
    return span.first, lines[span.first : span.last + 1]


async def test_whole_flow(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, 1)
        assert app.focused is not None and app.focused.id == "title"

        # 1. type a title: the skeleton appears with no extra key
        await type_text(app, pilot, TITLE)
        await settle(app, pilot)
        text = app.draft_screen.editor.text
        assert f"《{TITLE}》" in text
        assert "建议的答复" in text.split("\n")[0]
        kinds = [span.kind for span in app.draft_screen.spans]
        assert kinds[:3] == ["title", "salutation", "acknowledgement"]
        assert "next_steps" in kinds and kinds[-1] == "signature"

        # 2. type a query: results appear, highlighted spans point at the query's characters
        await pilot.press("ctrl+f")
        await type_text(app, pilot, "科技金融")
        await settle(app, pilot, 2)
        matches = app.draft_screen.search_panel.matches
        assert matches, "no results for 科技金融"
        best = matches[0]
        assert best.spans and all(0 <= a < b <= len(best.entry.text) for a, b in best.spans)
        assert any(best.entry.text[a:b] in "科技金融" for a, b in best.spans)

        # 3. insert one into the next steps, right under its heading: renumbered to （一）
        first, before_lines = next_steps_lines(app)
        app.draft_screen.editor.move_cursor((first, 0))
        before = app.draft_screen.editor.text
        await pilot.press("down")  # from the box into the results
        assert app.focused is not None and app.focused.id == "results"
        await pilot.press("enter")
        await settle(app, pilot, 1)
        first, after_lines = next_steps_lines(app)
        assert len(after_lines) == len(before_lines) + 1
        inserted = after_lines[1]
        ordinal = match_ordinal(inserted)
        assert ordinal is not None and ordinal.value == 1
        # The library text, made official: full-width punctuation (seed 001 is a web copy).
        assert strip_stale_marks(inserted[len(ordinal.raw) :]) == to_fullwidth_punct(
            best.entry.text
        )
        assert "," not in inserted and "，" in inserted
        values = [match_ordinal(line).value for line in after_lines[1:]]
        assert values == list(range(1, len(after_lines)))  # every ordinal after it follows
        assert after_lines[2].endswith(strip_ordinal_text(before_lines[1]))

        # 4. undo: one step restores the text before the insert
        app.draft_screen.editor.focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.draft_screen.editor.text == before
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert inserted in app.draft_screen.editor.text

        # 5. save: the first ctrl+s asks for a path, defaulting under the current directory
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        await pilot.press("enter")
        await settle(app, pilot, 1)
        saved = app.session.path
        assert saved is not None and saved.parent == tmp_path and saved.exists()
        draft = Draft.load(saved)
        assert draft.meta.title == TITLE
        reused = [p for part in draft.parts for p in part.paragraphs if p.text == inserted]
        assert reused and reused[0].source_id == best.entry.id
        assert not app.draft_screen.has_unsaved()

        # 6. export a docx through the dialog
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await settle(app, pilot, 1)
        docx = saved.with_name(saved.name.removesuffix(".draft.yaml") + ".docx")
        assert docx.exists()
        with zipfile.ZipFile(docx) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "加快人工智能产业发展" in body

        # quitting after saving does not ask, and removes the recovery file
        recovery = app.draft_screen.autosaver.path
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert not recovery.exists()


def strip_ordinal_text(line: str) -> str:
    ordinal = match_ordinal(line)
    return line[len(ordinal.raw) :] if ordinal else line


async def test_undo_then_redo_keeps_the_library_source(tmp_path: Path) -> None:
    """An analysis between undo and redo (an officer pausing) used to forget the inserted
    paragraph's source, so the redone insert was saved without its source_id."""
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.draft_screen
        await settle(app, pilot)
        await type_text(app, pilot, TITLE)
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        await type_text(app, pilot, "科技金融")
        await settle(app, pilot)
        best = screen.search_panel.matches[0]
        first, _ = next_steps_lines(app)
        screen.editor.move_cursor((first, 0))
        await pilot.press("down", "enter")
        await settle(app, pilot)
        inserted = next_steps_lines(app)[1][1]
        screen.editor.focus()
        await pilot.press("ctrl+z")
        await settle(app, pilot)  # an officer pausing between undo and redo
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PathPrompt), "path prompt")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.session.path is not None
        draft = Draft.load(app.session.path)
        reused = [p for part in draft.parts for p in part.paragraphs if p.text == inserted]
        assert reused and reused[0].source_id == best.entry.id


async def test_kill_mid_edit_then_recover(tmp_path: Path) -> None:
    # 7. first run: type, autosave, then vanish without a clean exit (as after kill -9)
    # autosave=0: the recovery file is written after every analysis, not every 2 s
    first = make_app(offer_recovery=False, cwd=tmp_path, autosave=0.0)
    async with first.run_test(size=SIZE) as pilot:
        await type_text(first, pilot, TITLE)
        await settle(first, pilot)
        first.draft_screen.editor.focus()
        first.draft_screen.editor.move_cursor(first.draft_screen.editor.document.end)
        await pilot.pause()
        await type_text(first, pilot, "半句话，还没写完")
        recovery = first.draft_screen.autosaver.path
        await wait_until(
            pilot,
            lambda: recovery.exists() and "还没写完" in recovery.read_text(encoding="utf-8"),
            "the autosave of the half-written sentence",
        )
        typed = first.draft_screen.editor.text
    # leaving run_test is not ctrl+q: the recovery file stays, as after a crash
    assert recovery.exists()

    second = make_app(cwd=tmp_path)
    async with second.run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: isinstance(second.screen, RecoveryPrompt), "recovery prompt"
        )
        await pilot.press("enter")  # "Recover" has the focus
        await settle(second, pilot, 1)
        assert second.draft_screen.editor.text == typed
        assert second.session.meta.title == TITLE
        assert not recovery.exists()  # taken over by the new session's own file
        assert second.draft_screen.autosaver.path.exists()
        # recovered text is not saved anywhere yet: quitting asks
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(second.screen, ConfirmQuit)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(second.screen, ConfirmQuit)


async def test_form_edits_after_body_edits_keep_the_officer_text(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(app, pilot, TITLE)
        await settle(app, pilot)
        # the officer writes into the problems part
        problems = next(s for s in app.draft_screen.spans if s.kind == "problems")
        app.draft_screen.editor.focus()
        app.draft_screen.editor.move_cursor((problems.first, 0))
        app.draft_screen.editor.action_cursor_line_end()
        await pilot.pause()
        await type_text(app, pilot, "这是我写的话。")
        await settle(app, pilot, 1)
        # then fills the proposer in the form: the salutation follows, the typed text stays
        app.query_one("#proposer", Input).focus()
        await pilot.pause()
        await type_text(app, pilot, "杜国强")
        await settle(app, pilot)
        text = app.draft_screen.editor.text
        assert "杜国强代表：" in text
        assert "这是我写的话。" in text


async def test_move_and_delete_paragraph_renumber(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(app, pilot, TITLE)
        await settle(app, pilot)
        first, lines = next_steps_lines(app)
        if len(lines) < 3:
            pytest.skip("the skeleton has fewer than two next-step items")
        second_item = strip_ordinal_text(lines[2])
        app.draft_screen.editor.focus()
        app.draft_screen.editor.move_cursor((first + 2, 0))
        await pilot.pause()
        await pilot.press("ctrl+up")
        # Full settle: the part spans come from the analysis debounced by 0.4 s, and one
        # 0.3 s round could read them from before the edit.
        await settle(app, pilot)
        _, moved = next_steps_lines(app)
        assert strip_ordinal_text(moved[1]) == second_item
        assert [match_ordinal(x).value for x in moved[1:]] == list(range(1, len(moved)))
        await pilot.press("f8")
        await settle(app, pilot)
        _, deleted = next_steps_lines(app)
        assert second_item not in "\n".join(deleted)
        assert [match_ordinal(x).value for x in deleted[1:]] == list(range(1, len(deleted)))


async def test_checks_panel_jumps_to_the_problem(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(app, pilot, TITLE)
        await settle(app, pilot)
        assert app.draft_screen.problems, "a fresh skeleton has placeholders to fill"
        target = app.draft_screen.problems[-1].line
        await pilot.press("f4")
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.focused is app.draft_screen.editor
        assert app.draft_screen.editor.cursor_location[0] == target


async def test_keymap_from_config_and_palette_and_help(home: Path, tmp_path: Path) -> None:
    config = home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("unit: 余姚市科学技术局\nkeymap:\n  app.export: ctrl+e\n", encoding="utf-8")
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.meta.unit == "余姚市科学技术局"
        assert app.query_one("#unit", Input).value == "余姚市科学技术局"
        app.draft_screen.editor.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        names = [name for name, _help, _cb in app.palette_commands()]
        for wanted in (
            "文件：保存草稿",
            "导出：公文格式（.docx）",
            "导出：复制正文到剪贴板",
            "编辑：重排正文序号",
        ):
            assert wanted in names
        rows = app.key_rows()
        assert ("ctrl+e", "导出", "app.export") in rows
        assert all(binding_id for _keys, _desc, binding_id in rows)


async def test_narrow_terminal_layout(tmp_path: Path) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("narrow")
        assert app.draft_screen.editor.size.width >= 36
        await pilot.press("f10")
        await pilot.pause()
        wide = app.draft_screen.editor.size.width
        assert wide > 60  # the search panel folded away, the editor took its room
        await pilot.press("ctrl+f")  # searching brings it back
        await pilot.pause()
        assert app.query_one("#right").display


async def test_unknown_keymap_ids_are_named_once(home: Path, tmp_path: Path) -> None:
    config = home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(
        "keymap:\n  app.export: ctrl+e\n  save: ctrl+e\n  editor.renumbr: f7\n  help.close: f12\n",
        encoding="utf-8",
    )
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, 1)
        warnings = [n.message for n in app._notifications if "改键名称" in n.message]
        assert len(warnings) == 1
        assert "editor.renumbr" in warnings[0] and "save" in warnings[0]
        assert "app.export" not in warnings[0] and "help.close" not in warnings[0]
        await pilot.press("ctrl+e")  # the known ones still work
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
