"""The text form of a draft: render, edit, parse back; kinds and library sources survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from replydraft.anatomy import PART_KINDS
from replydraft.compose.skeleton import build_skeleton
from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.draft.numbering import draft_numbering_issues, renumber_draft
from replydraft.draft.text_form import parse_text, part_lines, render_text

line_text = st.text(
    alphabet=st.sampled_from(list("一二三四、（）。，是科技工作人才金融 2021年【待核】ab")),
    min_size=1,
    max_size=20,
).filter(lambda t: t.strip() != "")
paragraphs = st.lists(
    st.builds(
        Paragraph, line_text, st.one_of(st.none(), st.sampled_from(["e1", "e2", "e3"])), st.none()
    ),
    min_size=1,
    max_size=4,
)
drafts = st.builds(
    lambda parts: Draft(ProposalMeta(title="关于加强企业创新的建议"), parts),
    st.lists(st.builds(DraftPart, st.sampled_from(PART_KINDS), paragraphs), max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(drafts)
def test_parse_of_render_gives_the_same_text_kinds_and_sources(draft: Draft) -> None:
    text = render_text(draft)
    again = parse_text(text, draft)
    assert render_text(again) == text
    assert [p.kind for p in again.parts] == [p.kind for p in draft.parts]
    assert [[q.source_id for q in p.paragraphs] for p in again.parts] == [
        [q.source_id for q in p.paragraphs] for p in draft.parts
    ]
    lines = text.split("\n")
    for (kind, first, last), part in zip(part_lines(draft), draft.parts, strict=True):
        assert kind == part.kind
        assert lines[first : last + 1] == [p.text for p in part.paragraphs]


def skeleton() -> Draft:
    meta = ProposalMeta(
        title="关于加强企业创新的建议",
        number=107,
        session="市十八届人大一次会议",
        proposer="杜国强",
    )
    draft = build_skeleton(meta, None)
    status = draft.part("status")
    status.paragraphs[1:] = [
        Paragraph("（一）推动科技企业“双倍增”。", "id-a", 2022),
        Paragraph(
            "（二）实施“科技独角兽”培育计划，至2021年【待核】培育30家【待核】。", "id-b", 2022
        ),
    ]
    return draft


def test_an_inserted_paragraph_keeps_the_part_and_renumbering_follows() -> None:
    draft = skeleton()
    text = render_text(draft)
    edited = text.replace("（一）推动科技企业", "（一）新写的一段。\n（一）推动科技企业")
    again = renumber_draft(parse_text(edited, draft))
    status = again.part("status").paragraphs
    assert [p.text[:3] for p in status] == ["一、工", "（一）", "（二）", "（三）"]
    assert [p.source_id for p in status] == [None, None, "id-a", "id-b"]
    assert draft_numbering_issues(again) == []
    assert [p.kind for p in again.parts] == [p.kind for p in draft.parts]


def test_a_source_survives_removing_its_stale_mark_and_moving() -> None:
    draft = skeleton()
    text = render_text(draft)
    second = "（二）实施“科技独角兽”培育计划，至2021年【待核】培育30家【待核】。"
    edited = text.replace(second + "\n", "").replace(
        "（一）推动科技企业",
        "（一）实施“科技独角兽”培育计划，至2021年培育30家。\n（二）推动科技企业",
    )
    again = parse_text(edited, draft)
    assert [p.source_id for p in again.part("status").paragraphs] == [None, "id-b", "id-a"]


def test_a_deleted_part_and_a_new_block_get_sensible_kinds() -> None:
    draft = skeleton()
    blocks = render_text(draft).rstrip("\n").split("\n\n")
    problems = next(i for i, b in enumerate(blocks) if b.startswith("虽然"))
    del blocks[problems]
    blocks.insert(1, "附：补充说明一段。")
    again = parse_text("\n\n".join(blocks) + "\n", draft)
    kinds = [p.kind for p in again.parts]
    assert "problems" not in kinds
    assert kinds[0] == "title" and kinds[-1] == "signature" and len(kinds) == len(blocks)


def test_empty_text_is_an_empty_draft() -> None:
    draft = skeleton()
    assert parse_text("", draft).parts == []
    assert render_text(Draft(draft.meta, [])) == ""


def test_an_edited_figure_keeps_its_source() -> None:
    draft = skeleton()
    text = render_text(draft).replace("至2021年【待核】培育30家【待核】", "至2025年培育52家")
    again = parse_text(text, draft)
    assert [p.source_id for p in again.part("status").paragraphs] == [None, "id-a", "id-b"]
