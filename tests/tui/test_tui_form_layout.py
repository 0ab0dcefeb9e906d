"""The form's labels have room: every label shows whole with a gap before its input (主办单位
used to run into its hint: 主办单位协办时填), at 120x36 and at the smallest size, 100x30."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Label

from replydraft.tui.app import make_app
from replydraft.tui.widgets.proposal_form import FormRow


@pytest.mark.parametrize("size", [(120, 36), (100, 30)])
async def test_labels_show_whole_with_a_gap(tmp_path: Path, monkeypatch, size) -> None:
    app = make_app(offer_recovery=False, cwd=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = list(app.draft_screen.form.query(FormRow))
        assert len(rows) >= 14
        for row in rows:
            label, field = row.children
            text = str(label.render())
            assert label.region.width >= cell_len(text) + 2, text
            assert field.region.x >= label.region.x + cell_len(text) + 2, text
            assert field.region.width >= 10, text
        hint = app.draft_screen.form.query_one(".hint", Label)
        text = str(hint.render())
        assert hint.region.width >= cell_len(text), text
        # what the screen shows on the hint's row is the whole hint
        strips = app.screen._compositor.render_strips()
        painted = strips[hint.region.y].crop(hint.region.x, hint.region.right).text
        assert painted.strip() == text
