"""Every string the UI shows is whole at 80x24 and above: toasts, dialogs (quit, recovery,
export, choice, path, find), the form's placeholders. Each is rendered and the painted rows are
read back, as tests/tui/test_tui_editor_wrap.py reads the editor's (a character lost at a panel
border or a dialog's edge once read `已插入到「下步举  」`, `…按 Esc 返回继`, `关于……的建议（必`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import settle, wait_until
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Input, Label
from textual.widgets._toast import Toast

from replydraft.tui.app import ReplydraftApp, make_app
from replydraft.tui.autosave import Recovered
from replydraft.tui.screens.choice_dialog import conflict_dialog, replace_dialog
from replydraft.tui.screens.confirm_quit import ConfirmQuit
from replydraft.tui.screens.export_dialog import ExportDialog
from replydraft.tui.screens.find_replace import FindReplace
from replydraft.tui.screens.path_prompt import PathPrompt
from replydraft.tui.screens.recovery_prompt import RecoveryPrompt
from replydraft.tui.widgets.proposal_form import ALL_TEXT_FIELDS

DIFF = "- （一）加强农村道路隐患排查。\n+ （一）加强农村道路隐患排查，全年整治隐患点120处。"
SIZES = [
    (80, 24),
    pytest.param((100, 30), marks=pytest.mark.slow),
    pytest.param((120, 36), marks=pytest.mark.slow),
]
"""80x24 (the tightest: panels as tabs) in every run; the wider layouts with the slow tests,
which .ci/run also runs."""
TOASTS = [
    "已插入到「下步举措」第 12 行",
    "已恢复自动保存的草稿，请尽快保存（ctrl+s）。",
    "正文已复制到剪贴板（共 1,234 字），可直接粘贴到 OA 系统。",
    "配置里的改键名称不存在，已忽略：app.exprot、editor.renumbr。按 F1 查看可用的名称。",
]


def painted(app: ReplydraftApp, region: Region) -> list[str]:
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_whole(app: ReplydraftApp, text: str, region: Region, what: str) -> None:
    rows = painted(app, region)
    assert squeeze(text) in squeeze("".join(rows)), f"{what}: {text!r} not whole in\n" + "\n".join(
        rows
    )


def assert_labels_whole(app: ReplydraftApp, screen: Screen, what: str) -> None:
    labels = list(screen.query(Label))
    assert labels, what
    for label in labels:
        if label.region.width == 0:
            continue
        assert_whole(app, str(label.render()), label.region, f"{what} label")


@pytest.mark.parametrize("size", SIZES)
async def test_toasts_are_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        for focus in ("f3", "ctrl+f", "f2"):
            await pilot.press(focus)
            app.clear_notifications()
            for message in TOASTS:
                app.notify(message, timeout=30)
            await wait_until(
                pilot,
                lambda: [t.region.width > 0 for t in app.screen.query(Toast)] == [True] * 4,
                "the toasts",
            )
            await pilot.pause()
            for toast, message in zip(app.screen.query(Toast), TOASTS, strict=True):
                assert_whole(app, message, toast.content_region, f"toast at {size} after {focus}")


@pytest.mark.parametrize("size", SIZES)
async def test_dialogs_are_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    recovered = Recovered(
        path=tmp_path / "r.json",
        text="关于加强农村道路交通安全的建议的答复\n\n张三代表：\n\n" + "您提出的建议收悉。" * 12,
        meta={"title": "关于加强农村道路交通安全的建议"},
        draft_path=str(tmp_path / "关于加强农村道路交通安全的建议.draft.yaml"),
        saved_at=0.0,
    )
    dialogs: list[tuple[str, Screen]] = [
        ("quit", ConfirmQuit()),
        ("recovery", RecoveryPrompt(recovered, others=2)),
        ("export", ExportDialog(tmp_path / "关于加强农村道路交通安全的建议")),
        ("replace", replace_dialog(tmp_path / "关于加强农村道路交通安全的建议.docx")),
        ("conflict", conflict_dialog(tmp_path / "关于加强农村道路交通安全的建议.draft.yaml", DIFF)),
        ("path", PathPrompt("另存为（回车确认）：", str(tmp_path / "草稿.draft.yaml"))),
        ("find", FindReplace()),
    ]
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for name, dialog in dialogs:
            app.push_screen(dialog)
            await wait_until(pilot, lambda dialog=dialog: app.screen is dialog, name)
            await settle(app, pilot)
            assert_labels_whole(app, dialog, f"{name} at {size}")
            dialog.dismiss(None)
            await wait_until(pilot, lambda: app.screen is app.draft_screen, f"{name} closed")


@pytest.mark.parametrize("size", SIZES)
async def test_form_placeholders_are_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        boxes = [app.query_one(f"#{name}", Input) for name, _label, _hint in ALL_TEXT_FIELDS]
        for box in boxes:  # every placeholder showing: each box empty, one re-render for all
            box.value = ""
        await settle(app, pilot)
        for box in boxes:
            box.scroll_visible(immediate=True)
            await settle(app, pilot)  # the scroll's layout and repaint
            if box.placeholder:
                assert_whole(app, box.placeholder, box.region, f"placeholder of {box.id} at {size}")
        for label in app.draft_screen.form.query(Label):
            label.scroll_visible(immediate=True)
            await settle(app, pilot)
            assert_whole(app, str(label.render()), label.region, f"form label at {size}")
