"""`segment_lines`: the part kind of each line of a clean reply (the drafts helper relies on it)."""

from __future__ import annotations

from pathlib import Path

from replydraft.parsing import clean_text, segment_lines

SEEDS = Path(__file__).resolve().parents[3] / "seeds"

DRAFT = [
    ("title", "关于余姚市政协十四届四次会议第176号提案的答复"),
    ("salutation", "施鹏聪委员："),
    ("acknowledgement", "您提出的《关于加强高新技术企业高质量提升的建议》（第176号提案）已收悉。"),
    ("thanks", "首先，感谢您对我们科技工作的关心和支持！"),
    ("handling", "我局高度重视该提案办理工作，经认真研究，现答复如下："),
    ("status", "一、已开展工作"),
    ("status", "（一）部门协同发力。与市税务局联合开展政策培训。"),
    ("status", "（二）锚定人才新优势。2024年新引进人才120人。"),
    ("problems", "虽然近年来我市科技工作取得了一定成效，但正如您所提到的，【待填：存在的问题】。"),
    ("next_steps", "二、下步举措"),
    ("next_steps", "（一）科技指标加速赶超。新增高新技术企业200家。"),
    ("next_steps", "一是强化企业主体地位。二是强化核心技术攻关。"),
    ("closing", "最后，再次感谢您对科技工作的关心和支持！"),
    ("signature", "余姚市科学技术局"),
    ("signature", "2025年5月14日"),
    ("signature", "（分管领导：杨蕾，承办人：何智敏，联系电话：89553541）"),
]


def test_well_formed_draft_lines() -> None:
    kinds = segment_lines([line for _kind, line in DRAFT])
    assert kinds == [kind for kind, _line in DRAFT]


def test_blank_lines_take_the_kind_before_them() -> None:
    lines = [
        "关于市十届一次会议第1号建议的答复",
        "",
        "张三代表：",
        "",
        "您的建议收悉，现答复如下：",
        "",
        "近年来，我局持续推进。",
    ]
    assert segment_lines(lines) == [
        "title",
        "title",
        "salutation",
        "salutation",
        "acknowledgement",
        "acknowledgement",
        "status",
    ]


def test_placeholders_do_not_hide_markers() -> None:
    lines = [
        "关于【待填：会议】第【待填：编号】号建议的答复",
        "【待填：姓名】代表：",
        "您提出的《【待填：建议标题】》已收悉。",
        "现答复如下：",
        "下步，我们将重点做好以下几方面工作：",
        "（一）【待填：措施】",
        "最后，再次感谢您的关心和支持！",
        "【待填：单位】",
        "【待填：日期】",
    ]
    assert segment_lines(lines) == [
        "title",
        "salutation",
        "acknowledgement",
        "handling",
        "next_steps",
        "next_steps",
        "closing",
        "signature",
        "signature",
    ]


def test_co_opinion_lines() -> None:
    lines = [
        "关于慈溪市人大十七届第一次会议第239号建议的协办意见",
        "市经信局：",
        "胡国锋代表提出的《关于加快发展制造业的建议》收悉。",
        "我局及时组织相关科室进行了认真研究，现就涉及我局的有关工作内容反馈如下：",
        "近年来，我局全面落实创新驱动发展战略，主要开展了以下工作：",
        "（一）推动重点产业创新发展。",
        "虽然近年来我市科技创新取得了一定成效，但正如胡国锋代表所说，机制不健全。",
        "下步，我们将重点做好以下几方面工作：",
        "（一）建设多层次创新平台。",
        "最后，请转达我们对胡国锋代表关心和支持科技工作的谢意！",
    ]
    assert segment_lines(lines) == [
        "title",
        "salutation",
        "acknowledgement",
        "handling",
        "status",
        "status",
        "problems",
        "next_steps",
        "next_steps",
        "closing",
    ]


def test_seed_000_clean_text_segments() -> None:
    text = clean_text(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    lines = text.splitlines()
    kinds = segment_lines(lines)
    assert kinds[:3] == ["title", "title", "salutation"]
    assert kinds[3] == "acknowledgement"
    assert kinds[lines.index("三、完善创新生态环境")] == "next_steps"
    assert kinds[-1] == "closing"
    assert "problems" in kinds
