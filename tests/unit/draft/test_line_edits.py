"""Insert, move and delete a paragraph in the draft text: ordinals follow their place."""

from __future__ import annotations

from replydraft.draft.line_edits import (
    blocks,
    delete_paragraph,
    insert_paragraph,
    move_paragraph,
    renumber_lines,
    window_edit,
)

DRAFT = [
    "对市十八届人大一次会议第107号建议的答复",
    "",
    "杜国强代表：",
    "",
    "一、工作现状",
    "近年来，我市持续推进企业创新。",
    "",
    "二、下步举措",
    "（一）加强人才引进培育，完善人才政策。",
    "（二）强化科技金融支持，扩大覆盖面。",
    "",
    "最后，再次感谢您对我们科技工作的关心和支持！",
]


def apply(old: list[str], new: list[str]) -> list[str]:
    """Apply window_edit's single replacement to `old` the way TextArea.replace would."""
    edit = window_edit(old, new)
    if edit is None:
        return old
    text, (r1, c1), (r2, c2) = edit
    joined = "\n".join(old)
    offsets = [0]
    for line in old:
        offsets.append(offsets[-1] + len(line) + 1)
    start = offsets[r1] + c1
    end = offsets[r2] + c2
    return (joined[:start] + text + joined[end:]).split("\n")


def test_blocks_are_blank_line_separated_runs() -> None:
    assert [(b.first, b.last) for b in blocks(DRAFT)] == [(0, 0), (2, 2), (4, 5), (7, 9), (11, 11)]


def test_insert_after_cursor_takes_sibling_level_and_renumbers_followers() -> None:
    result = insert_paragraph(DRAFT, 8, "推进重大创新平台建设。")
    assert result.row == 9
    assert result.lines[7:11] == [
        "二、下步举措",
        "（一）加强人才引进培育，完善人才政策。",
        "（二）推进重大创新平台建设。",
        "（三）强化科技金融支持，扩大覆盖面。",
    ]
    # Everything outside the part is untouched; headings keep their numbers.
    assert result.lines[:7] == DRAFT[:7]
    assert result.lines[-2:] == DRAFT[-2:]


def test_insert_on_heading_goes_first_under_it() -> None:
    result = insert_paragraph(DRAFT, 7, "（5）突出企业主体地位。")
    assert result.lines[8] == "（一）突出企业主体地位。"
    assert result.lines[9].startswith("（二）加强人才")
    assert result.lines[10].startswith("（三）强化科技金融")


def test_insert_under_bare_heading_uses_the_level_below_and_keeps_heading_number() -> None:
    lines = ["一、工作现状", "近年来……", "", "二、下步举措"]
    result = insert_paragraph(lines, 3, "加快人工智能产业布局。")
    assert result.lines[3:] == ["二、下步举措", "（一）加快人工智能产业布局。"]


def test_placeholder_item_is_replaced_not_kept() -> None:
    lines = ["下步，我们将重点做好以下工作：", "（一）【待填：下步举措】"]
    result = insert_paragraph(lines, 1, "强化科技金融支持。")
    assert result.lines == ["下步，我们将重点做好以下工作：", "（一）强化科技金融支持。"]
    again = insert_paragraph(result.lines, 1, "加快人工智能产业布局。")
    assert again.lines[1:] == ["（一）强化科技金融支持。", "（二）加快人工智能产业布局。"]


def test_unnumbered_parts_count_on_their_own() -> None:
    lines = ["（一）现状一。", "（二）现状二。", "", "下步，我们将：", "（一）举措一。"]
    result = insert_paragraph(lines, 4, "举措二。")
    assert result.lines[:2] == ["（一）现状一。", "（二）现状二。"]
    assert result.lines[3:] == ["下步，我们将：", "（一）举措一。", "（二）举措二。"]


def test_move_and_delete_renumber() -> None:
    moved = move_paragraph(DRAFT, 9, -1)
    assert moved is not None and moved.row == 8
    assert moved.lines[8:10] == [
        "（一）强化科技金融支持，扩大覆盖面。",
        "（二）加强人才引进培育，完善人才政策。",
    ]
    assert move_paragraph(DRAFT, 9, 1) is None  # the part ends there
    deleted = delete_paragraph(DRAFT, 8)
    assert deleted is not None
    assert deleted.lines[7:9] == ["二、下步举措", "（一）强化科技金融支持，扩大覆盖面。"]
    assert len(deleted.lines) == len(DRAFT) - 1


def test_deleting_a_one_line_part_drops_its_separator() -> None:
    deleted = delete_paragraph(DRAFT, 2)
    assert deleted is not None
    assert deleted.lines[:3] == [DRAFT[0], "", "一、工作现状"]
    assert delete_paragraph(DRAFT, 1) is None  # blank line: nothing to delete


def test_renumber_lines_continues_headings_across_parts() -> None:
    lines = [
        "一、工作现状",
        "正文。",
        "",
        "五、存在问题",
        "正文。",
        "",
        "二、下步举措",
        "（三）甲。",
        "（五）乙。",
    ]
    fixed = renumber_lines(lines)
    assert fixed[3] == "二、存在问题"
    assert fixed[6:] == ["三、下步举措", "（一）甲。", "（二）乙。"]


def test_window_edit_is_one_minimal_replacement() -> None:
    result = insert_paragraph(DRAFT, 8, "推进重大创新平台建设。")
    text, start, end = window_edit(DRAFT, result.lines)
    assert start == (9, 0)
    assert "推进重大创新平台建设" in text
    for old, new in [
        (DRAFT, result.lines),
        (result.lines, DRAFT),
        (DRAFT, DRAFT[:-2]),
        (DRAFT, DRAFT + ["", "附件"]),
        (["a"], []),
        ([], ["a", "b"]),
        (["a", "b", "c"], ["a", "c"]),
        (["a", "b"], ["x", "a", "b"]),
    ]:
        assert apply(old, new) == (new or [""]) or (not new and apply(old, new) == [""])
