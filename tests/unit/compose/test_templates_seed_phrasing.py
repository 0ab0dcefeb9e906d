"""Each template, rendered with a seed's own metadata, speaks as that seed does for its type.

The expected phrasing is read from the seed files themselves (not written into the test): the
rendered title, salutation, acknowledgement, thanks, closing and signature must occur in the
seed's text once both are NFKC-folded (web copies use half-width punctuation) and spaces and
line breaks are removed. Where a seed words a part differently from its type's house style
(002 quotes the title and thanks 政府工作; 004 closes with 衷心感谢), the rendered part and the
seed's own sentence must both have the phrase's shape instead.
"""

from __future__ import annotations

import re

import pytest

from replydraft.compose.skeleton import build_skeleton
from replydraft.draft.model import ProposalMeta
from replydraft.files import resources
from replydraft.text.normalize import fold

SEEDS = {
    "000": ProposalMeta(
        title="关于加强企业创新的建议", number=107, session="市十八届人大一次会议",
        proposer="杜国强", unit="慈溪市科学技术局",
    ),
    "001": ProposalMeta(
        title="关于加强高新技术企业高质量提升的建议", kind="proposal", number=176,
        session="余姚市政协十四届四次会议", proposer="施鹏聪", unit="余姚市科学技术局",
        date="2025-05-14", leader="杨蕾", handler="何智敏",
    ),
    "002": ProposalMeta(
        title="关于发挥中小微企业的科技创新作用 推动产业升级和高质量发展的建议", number=380,
        session="市第十六届人民代表大会第三次会议", proposer="沈斌", unit="海宁市科学技术局",
        date="2024-05-22",
    ),
    "003": ProposalMeta(
        title="关于加快发展制造业的建议", number=239, session="慈溪市人大十七届第一次会议",
        proposer="胡国锋", role="co_opinion", lead_unit="市经信局",
    ),
    "004": ProposalMeta(
        title="关于加大民营企业科技创新扶持力度的建议", number=190,
        session="市十八届人大一次会议", proposer="刘红星", co_proposers=["丁伯灿", "陆桂芳"],
        unit="慈溪市科学技术局", date="2022-06-22",
    ),
}  # fmt: skip

VERBATIM = {
    "000": ("title", "salutation", "acknowledgement", "thanks", "closing"),
    "001": ("title", "salutation", "acknowledgement", "closing", "signature"),
    "002": ("title", "salutation", "signature"),
    "003": ("title", "salutation", "acknowledgement", "closing"),
    "004": ("title", "salutation", "acknowledgement", "signature"),
}
"""Parts each seed words exactly in its type's house style."""

SHAPES = {
    "acknowledgement": re.compile(r"提出的[《“\"].+?[》”\"].*?已?收悉"),
    "thanks": re.compile(r"感谢您对.{2,12}工作的关心[和与]支持"),
    "closing": re.compile(r"(最后|再次).{0,6}感谢您对.{2,12}工作的关心[和与]支持"),
}
"""The shape of a part's phrase, for seeds that word it their own way."""


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", fold(text)).rstrip("。.")


def seed_text(prefix: str) -> str:
    (path,) = resources.seeds_dir().glob(f"{prefix}_*.txt")
    return squeeze(path.read_text(encoding="utf-8"))


def parts_of(meta: ProposalMeta) -> dict[str, list[str]]:
    draft = build_skeleton(meta, None)
    return {part.kind: [p.text for p in part.paragraphs] for part in draft.parts}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_house_style_parts_occur_in_the_seed(prefix: str) -> None:
    seed = seed_text(prefix)
    parts = parts_of(SEEDS[prefix])
    for kind in VERBATIM[prefix]:
        if kind == "signature":
            lines = parts[kind][:2]  # unit and date; the contacts line is a bracketed note
        else:
            lines = parts[kind]
        for line in lines:
            assert squeeze(line) in seed, (prefix, kind, line)


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_other_parts_have_the_seeds_shape(prefix: str) -> None:
    seed = seed_text(prefix)
    parts = parts_of(SEEDS[prefix])
    for kind, shape in SHAPES.items():
        if kind in VERBATIM[prefix] or not shape.search(seed):
            continue
        (rendered,) = parts[kind]
        assert shape.search(squeeze(rendered)), (prefix, kind, rendered)


def test_each_type_addresses_its_reader() -> None:
    assert parts_of(SEEDS["000"])["salutation"] == ["杜国强代表："]
    assert parts_of(SEEDS["001"])["salutation"] == ["施鹏聪委员："]
    assert parts_of(SEEDS["003"])["salutation"] == ["市经信局："]
    # A co-handling opinion thanks the deputy through the lead unit, not directly.
    assert "thanks" not in parts_of(SEEDS["003"])
    assert parts_of(SEEDS["003"])["closing"] == [
        "最后，请转达我们对胡国锋代表关心和支持科技工作的谢意！"
    ]


def test_joint_proposers_are_named_in_the_acknowledgement() -> None:
    (ack,) = parts_of(SEEDS["004"])["acknowledgement"]
    assert ack.startswith("您与丁伯灿、陆桂芳代表在市十八届人大一次会议大会期间提出的《")


@pytest.mark.parametrize("prefix", sorted(SEEDS))
@pytest.mark.parametrize(
    ("kind", "role", "title_end", "addressee"),
    [
        ("suggestion", "reply", "号建议的答复", "代表："),
        ("proposal", "reply", "号提案的答复", "委员："),
        ("suggestion", "co_opinion", "号建议的协办意见", "市经信局："),
    ],
)
def test_every_template_renders_every_seeds_metadata(
    prefix, kind, role, title_end, addressee
) -> None:
    meta = SEEDS[prefix]
    meta = ProposalMeta(**{**meta.__dict__, "kind": kind, "role": role, "lead_unit": "市经信局"})
    parts = parts_of(meta)
    assert parts["title"][0].endswith(title_end)
    assert parts["salutation"][0].endswith(addressee)
    assert meta.proposer in "".join(parts["acknowledgement"] + parts["salutation"])
    assert f"《{meta.title}》" in parts["acknowledgement"][0]
    assert parts["closing"][0].endswith("！")
