"""build_skeleton: template phrases, library paragraphs placed and renumbered, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.compose.skeleton import build_skeleton, kind_from_title, title_core
from replydraft.config import Config
from replydraft.draft.model import Draft, ProposalMeta
from replydraft.draft.numbering import draft_numbering_issues
from replydraft.library.model import Entry, Source
from replydraft.library.store import Library
from replydraft.text.ordinals import match_ordinal
from replydraft.text.placeholders import find_placeholders
from replydraft.text.staleness import find_stale_marks


def entry(id_: str, section: str, text: str, year: int = 2024) -> Entry:
    source = Source(file=f"{id_}.txt", unit="余姚市科学技术局", year=year)
    return Entry(id=id_, kind="measure", section=section, headings=[], text=text, source=source)


LIBRARY_ENTRIES = [
    entry(
        "ai-status",
        "status",
        "人工智能产业加快发展。2021年，全市人工智能企业达到45家，产值突破120亿元。",
        2022,
    ),
    entry("ai-talent", "status", "人工智能人才引育成效明显，引进人工智能领域博士30人。"),
    entry(
        "ai-next", "next_steps", "加快人工智能产业集聚。建设人工智能产业园，培育人工智能龙头企业。"
    ),
    entry(
        "ai-compute", "next_steps", "建设公共算力平台。统筹布局人工智能算力中心，降低企业算力成本。"
    ),
    entry("finance", "next_steps", "完善科技金融支持。设立人工智能产业基金，推广科技信贷产品。"),
    entry("farm", "status", "农业机械化水平稳步提高，粮食生产全程机械化率达到90%。"),
    entry("retired", "next_steps", "人工智能产业老举措。", 2019),
]
LIBRARY_ENTRIES[-1].retired = True

META = ProposalMeta(
    title="关于加快人工智能产业发展的建议", number=12, session="市十八届人大二次会议",
    proposer="张三", date="2026-05-20",
)  # fmt: skip


def library() -> Library:
    return Library(list(LIBRARY_ENTRIES))


def part(draft: Draft, kind: str) -> list[str]:
    found = draft.part(kind)
    return [p.text for p in found.paragraphs] if found else []


def test_kind_follows_the_titles_ending() -> None:
    assert kind_from_title("关于加快人工智能产业发展的建议") == "suggestion"
    assert kind_from_title("《关于加强科技金融的提案》") == "proposal"
    assert kind_from_title("关于修改条例的议案") == "motion"
    assert kind_from_title("关于人工智能") is None
    assert title_core("关于加快人工智能产业发展的建议") == "加快人工智能产业发展"
    assert (
        build_skeleton(ProposalMeta(title="关于加强科技金融的提案"), None).meta.kind == "proposal"
    )


def test_without_a_library_every_unknown_is_a_visible_placeholder() -> None:
    draft = build_skeleton(ProposalMeta(title="关于加快人工智能产业发展的建议"), None)
    labels = {
        p.label
        for part in draft.parts
        for para in part.paragraphs
        for p in find_placeholders(para.text)
    }
    assert {
        "会议届次",
        "编号",
        "领衔人",
        "答复单位",
        "日期",
        "承办人",
        "联系电话",
        "已开展工作及成效",
        "下步举措",
    } <= labels
    assert part(draft, "salutation") == ["【待填：领衔人】代表："]


def test_an_unknown_kind_asks_for_it() -> None:
    draft = build_skeleton(ProposalMeta(title="人工智能产业发展", proposer="张三"), None)
    assert draft.meta.kind is None
    assert "【待填：代表或委员】" in part(draft, "salutation")[0]


def test_config_supplies_the_signature() -> None:
    config = Config(unit="余姚市科学技术局", leader="杨蕾", handler="何智敏", phone="89553541")
    draft = build_skeleton(META, None, config=config)
    assert part(draft, "signature") == [
        "余姚市科学技术局", "2026年5月20日", "（分管领导：杨蕾，承办人：何智敏，联系电话：89553541）",
    ]  # fmt: skip
    assert draft.meta.unit == "余姚市科学技术局"
    explicit = build_skeleton(
        ProposalMeta(**{**META.__dict__, "handler": "王五"}), None, config=config
    )
    assert "承办人：王五" in part(explicit, "signature")[2]


def test_library_paragraphs_fill_each_section_with_their_sources() -> None:
    draft = build_skeleton(META, library())
    status = draft.part("status").paragraphs
    next_steps = draft.part("next_steps").paragraphs
    status_ids = [p.source_id for p in status if p.source_id]
    next_ids = [p.source_id for p in next_steps if p.source_id]
    assert "ai-status" in status_ids and "farm" not in status_ids
    assert "ai-next" in next_ids and "retired" not in next_ids
    assert not set(status_ids) & set(next_ids)
    reused = next(p for p in status if p.source_id == "ai-status")
    assert reused.source_year == 2022
    assert [m.token for m in find_stale_marks(reused.text)] == ["2021年", "45家", "120亿元"]
    assert draft_numbering_issues(draft) == []
    # 一、 heads status, 二、 next steps; items under each count （一）（二）… from one.
    assert [match_ordinal(t).raw for t in part(draft, "status")][:2] == ["一、", "（一）"]
    values = [match_ordinal(t).value for t in part(draft, "next_steps")[1:]]
    assert values == list(range(1, len(values) + 1))


def test_one_next_step_item_per_demand() -> None:
    text = "现状略。\n建议：\n1.建设公共算力平台，降低企业成本；\n2.完善科技金融支持；\n3.加强量子通信基础研究。"
    meta = ProposalMeta(**{**META.__dict__, "proposal_text": text})
    draft = build_skeleton(meta, library())
    assert draft.meta.demands == [
        "建设公共算力平台，降低企业成本",
        "完善科技金融支持",
        "加强量子通信基础研究",
    ]
    items = draft.part("next_steps").paragraphs[1:]
    assert len(items) == 3
    assert items[0].source_id == "ai-compute" and items[1].source_id == "finance"
    assert items[2].source_id is None and "加强量子通信基础研究" in items[2].text
    assert [match_ordinal(p.text).raw for p in items] == ["（一）", "（二）", "（三）"]


def test_a_draft_saves_and_loads_unchanged(tmp_path: Path) -> None:
    draft = build_skeleton(META, library())
    path = tmp_path / "draft.yaml"
    draft.save(path)
    assert Draft.load(path).to_dict() == draft.to_dict()
    assert "ai-status" in path.read_text(encoding="utf-8")


def test_a_bad_date_is_refused() -> None:
    from replydraft.errors import ReplydraftError

    with pytest.raises(ReplydraftError, match="不是日期"):
        build_skeleton(ProposalMeta(**{**META.__dict__, "date": "soon"}), None)


def test_refresh_follows_new_metadata_where_the_officer_did_not_edit() -> None:
    from replydraft.compose.skeleton import refresh_frame

    bare = ProposalMeta(title="关于加快人工智能产业发展的建议")
    draft = build_skeleton(bare, None)
    draft.part("problems").paragraphs[0].text = "这是我写的话。"
    # The stored meta need not be completed (kind inferred) for the frame to be recognised.
    refreshed = refresh_frame(draft, ProposalMeta(**{**bare.__dict__, "proposer": "杜国强"}))
    assert part(refreshed, "salutation") == ["杜国强代表："]
    assert part(refreshed, "problems") == ["这是我写的话。"]
    assert refreshed.meta.proposer == "杜国强"


def test_skeleton_modules_do_not_load_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import replydraft.compose.skeleton, replydraft.draft.text_form, replydraft.compose.templates\n"
        "import replydraft.commands.skeleton, replydraft.commands.config\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("关于加快发展的建议", "reply"),
        ("关于加快发展的提案", "reply"),
        ("关于加快发展的建议", "co_opinion"),
    ],
)
def test_every_template_writes_the_cc_line_last_in_the_signature(title: str, role: str) -> None:
    meta = ProposalMeta(title=title, role=role, cc=["市督查局", "市政协提案委"])
    draft = build_skeleton(meta, None)
    assert part(draft, "signature")[-1] == "抄送：市督查局，市政协提案委。"
    meta.cc = []
    assert not any("抄送" in line for line in part(build_skeleton(meta, None), "signature"))


def test_the_cc_line_follows_the_form() -> None:
    from replydraft.compose.skeleton import refresh_frame

    meta = ProposalMeta(title="关于加快发展的建议", cc=["市督查局"])
    draft = build_skeleton(meta, None)
    refreshed = refresh_frame(draft, ProposalMeta(title="关于加快发展的建议", cc=["市政府办公室"]))
    assert part(refreshed, "signature")[-1] == "抄送：市政府办公室。"
