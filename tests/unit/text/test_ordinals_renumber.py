"""Renumbering is a function of position: insert, move or delete, renumber, and it is sound."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from replydraft.text.ordinals import (
    LEVELS,
    format_ordinal,
    inline_ordinals,
    match_ordinal,
    numbering_issues,
    renumber,
)

# --- an independent oracle: parent = nearest earlier heading with a shallower level ---------


def heading_depths(texts: list[str]) -> list[int | None]:
    depths: list[int | None] = []
    for text in texts:
        ordinal = match_ordinal(text)
        depths.append(ordinal.depth if ordinal and ordinal.level in LEVELS else None)
    return depths


def expected_values(texts: list[str]) -> dict[int, int]:
    """Index -> the value its ordinal should have: 1 + earlier siblings (same parent, level)."""
    depths = heading_depths(texts)
    parents: dict[int, int] = {}
    values: dict[int, int] = {}
    for index, depth in enumerate(depths):
        if depth is None:
            continue
        parent = next(
            (j for j in range(index - 1, -1, -1) if depths[j] is not None and depths[j] < depth),
            -1,
        )
        parents[index] = parent
        values[index] = 1 + sum(1 for j in values if parents[j] == parent and depths[j] == depth)
    return values


def assert_counts_sound(texts: list[str]) -> None:
    for index, value in expected_values(texts).items():
        ordinal = match_ordinal(texts[index])
        assert ordinal is not None and ordinal.value == value, (index, texts)
    carried = 0
    for text in texts:
        found = [value for _s, _e, value in inline_ordinals(text)]
        first = match_ordinal(text)
        start = carried if first is not None and first.level == "inline" else 0
        assert found == list(range(start + 1, start + 1 + len(found))), texts
        carried = found[-1] if found else 0


# --- strategies ------------------------------------------------------------------------------

STYLES = {
    "cn_comma": ["、"],
    "cn_paren": ["（）", "()"],
    "arabic": [".", "、"],
    "arabic_paren": ["（）"],
}


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["heading", "heading", "body", "inline", "inline_lead"]))
    value = draw(st.integers(1, 12))
    if kind == "heading":
        level = draw(st.sampled_from(LEVELS))
        style = draw(st.sampled_from(STYLES[level]))
        ordinal = format_ordinal(level, value, style)
        if style == "()":
            ordinal = ordinal.replace("（", "(").replace("）", ")")
        return ordinal + draw(st.sampled_from(["加快科技企业主体培育", "推进人才引育", "完善生态"]))
    if kind == "body":
        return draw(
            st.sampled_from(["近年来，我市坚持创新强市。", "虽然取得一定成效，但仍有不足。"])
        )
    inline = "".join(
        f"{format_ordinal('inline', v, '')}推动企业创新。"
        for v in draw(st.lists(st.integers(1, 9), min_size=1, max_size=4))
    )
    return inline if kind == "inline_lead" else "主要体现在：" + inline


operation = st.tuples(
    st.sampled_from(["insert", "move", "delete"]),
    st.integers(0, 50),
    st.integers(0, 50),
    paragraph(),
)


def apply(texts: list[str], op: tuple[str, int, int, str]) -> list[str]:
    name, a, b, new = op
    texts = list(texts)
    if name == "insert":
        texts.insert(a % (len(texts) + 1), new)
    elif texts and name == "move":
        item = texts.pop(a % len(texts))
        texts.insert(b % (len(texts) + 1), item)
    elif texts and name == "delete":
        texts.pop(a % len(texts))
    return texts


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph(), max_size=12), st.lists(operation, max_size=6))
def test_any_edit_then_renumber_counts_each_level_from_one(texts, ops) -> None:
    for op in ops:
        texts = apply(texts, op)
    fixed = renumber(texts)
    assert len(fixed) == len(texts)
    assert_counts_sound(fixed)
    assert renumber(fixed) == fixed
    # Only a level mixed under one heading can remain; counting problems never do.
    assert all(message.startswith("序号层级混用：") for _i, message in numbering_issues(fixed))

    # Renumbering changes ordinals only: the words stay the same.
    def words(text: str) -> str:
        return re.sub("[一二三四五六七八九十0-9０-９]+", "#", text)

    assert [words(t) for t in fixed] == [words(t) for t in texts]


# --- documents that are trees: every heading's children share one level ------------------------


@st.composite
def tree(draw: st.DrawFn, depth: int = 0, max_depth: int = 3) -> list:
    """A list of nodes (heading text, body paragraphs, children) whose headings share a level."""
    count = draw(st.integers(0 if depth else 1, 4))
    level = LEVELS[min(depth + draw(st.integers(0, 1)), max_depth)]
    nodes = []
    for _ in range(count):
        heading = format_ordinal(level, draw(st.integers(1, 9)), "") + "工作"
        body = draw(
            st.lists(
                paragraph().filter(
                    lambda t: match_ordinal(t) is None or match_ordinal(t).level == "inline"
                ),
                max_size=2,
            )
        )
        deeper = LEVELS.index(level) + 1
        children = (
            draw(tree(deeper, max_depth)) if deeper <= max_depth and draw(st.booleans()) else []
        )
        nodes.append([heading, body, children])
    return nodes


def flatten(nodes: list) -> list[str]:
    out: list[str] = []
    for heading, body, children in nodes:
        out.append(heading)
        out.extend(body)
        out.extend(flatten(children))
    return out


def sibling_lists(nodes: list) -> list[list]:
    found = [nodes] if nodes else []
    for _h, _b, children in nodes:
        found.extend(sibling_lists(children))
    return found


@settings(max_examples=300, deadline=None)
@given(
    tree(),
    st.lists(
        st.tuples(
            st.sampled_from(["insert", "move", "delete"]),
            st.integers(0, 99),
            st.integers(0, 99),
            st.integers(0, 99),
        ),
        max_size=5,
    ),
)
def test_tree_edits_then_renumber_leave_no_numbering_issue(nodes, ops) -> None:
    for name, which, a, b in ops:
        groups = sibling_lists(nodes)
        if not groups:
            break
        siblings = groups[which % len(groups)]
        if name == "insert":
            template = siblings[a % len(siblings)]
            siblings.insert(b % (len(siblings) + 1), [template[0], [], []])
        elif name == "move":
            item = siblings.pop(a % len(siblings))
            siblings.insert(b % (len(siblings) + 1), item)
        elif len(siblings) > 1 or siblings is not nodes:
            siblings.pop(a % len(siblings))
    fixed = renumber(flatten(nodes))
    assert numbering_issues(fixed) == []
    assert_counts_sound(fixed)


def test_renumber_keeps_style_and_restarts_under_each_parent() -> None:
    texts = [
        "一、甲",
        "(二)子",
        "3、孙",
        "（5）曾孙",
        "三、乙",
        "（四）子",
        "一是甲。三是乙。",
        "五是丙。",
    ]
    assert renumber(texts) == [
        "一、甲",
        "(一)子",
        "1、孙",
        "（1）曾孙",
        "二、乙",
        "（一）子",
        "一是甲。二是乙。",
        "三是丙。",
    ]


def test_numbering_issues_name_gaps_duplicates_and_mixed_levels() -> None:
    issues = numbering_issues(
        ["一、甲", "（一）子", "（一）子", "三、乙", "1.子", "（一）子", "一是甲；一是乙"]
    )
    messages = [message for _i, message in issues]
    assert [i for i, _m in issues] == [2, 3, 5, 6]
    assert messages[0] == "编号重复：（一）之后又是（一），应为（二）"
    assert messages[1] == "编号不连续：“一、”之后是“三、”，应为“二、”"
    assert messages[2] == "序号层级混用：（一）与同一标题下前面各项不是同一级"
    assert messages[3] == "句中序号有误：“一是”应为“二是”"


def test_numbering_issues_quote_the_ordinal_before_and_the_right_one() -> None:
    assert numbering_issues(["（二）甲"]) == [(0, "编号应从（一）开始，此处是（二）")]
    assert numbering_issues(["（一）甲", "（三）乙", "（四）丙"]) == [
        (1, "编号不连续：（一）之后是（三），应为（二）"),
        (2, "前面编号有误，此处（四）应随之改为（三）"),
    ]
    assert numbering_issues(["1.甲", "2.乙", "1.丙"]) == [
        (2, "编号顺序有误：“2.”之后是“1.”，应为“3.”")
    ]


def test_leading_spaces_and_fullwidth_digits_are_kept() -> None:
    assert renumber(["    二、推进", "３．甲"]) == ["    一、推进", "１．甲"]
