"""Issue 9: the voice table, the house-style pick, foreign-content marks and the relevance bar."""

from __future__ import annotations

import pytest

from replydraft.compose.house_style import adapt, house_style
from replydraft.compose.skeleton import build_skeleton, fill_items
from replydraft.compose.voice import derive_voice, resolve_voice, same_unit
from replydraft.config import Config
from replydraft.draft.checks import check_draft
from replydraft.draft.model import ProposalMeta
from replydraft.draft.text_form import render_text
from replydraft.library.model import Entry, Source
from replydraft.library.store import Library
from replydraft.text.foreign import mark_foreign


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("unit", "level_ref", "unit_ref", "work"),
    [
        ("泸西县交通运输局", "我县", "我局", "交通运输工作"),
        ("武定县水务局", "我县", "我局", "水务工作"),
        ("某县教育体育局", "我县", "我局", "教育体育工作"),
        ("某市公安局", "我市", "我局", "公安工作"),
        ("余姚市科学技术局", "我市", "我局", "科技工作"),
        ("贵州省发展和改革委员会", "我省", "我委", "发展改革工作"),
        ("某区人民政府办公室", "我区", "我办", None),
        ("某镇人民政府", "我镇", "我镇", None),
        ("宁波市鄞州区统计局", "我区", "我局", "统计工作"),
        ("余姚市市场监督管理局", "我市", "我局", "市场监管工作"),
        ("贵州省交通运输厅", "我省", "我厅", "交通运输工作"),
        ("某市大数据中心", "我市", "我中心", "大数据工作"),
    ],
)
def test_voice_follows_the_unit_name(unit, level_ref, unit_ref, work) -> None:
    voice = derive_voice(unit)
    assert (voice.level_ref, voice.unit_ref) == (level_ref, unit_ref)
    if work is not None:
        assert voice.work_phrase == work


def test_officer_overrides_a_table_row_and_a_value() -> None:
    voice = resolve_voice("武定县水务局", overrides={"work": {"水务": "水利工作"}})
    assert voice.work_phrase == "水利工作"
    assert resolve_voice("武定县水务局", level_ref="我州").level_ref == "我州"


def test_renamed_units_are_one_unit() -> None:
    assert same_unit("某县交通运输局", "某县交通局")
    assert same_unit("马关县农业农村和科学技术局", "马关县农业和科学技术局")
    assert same_unit("贵州省发展和改革委员会", "省发展改革委")
    assert not same_unit("泸西县交通运输局", "镇康县交通运输局")
    assert not same_unit("某县水务局", "某县教育体育局")
    assert same_unit("某县水务局", "某县水利局", former=["某县水利局"])


def _county(kind: str = "suggestion") -> ProposalMeta:
    return ProposalMeta(
        title="关于修建某村道路的建议", kind=kind, number=12, session="某县十七届人大二次会议",
        proposer="张明", unit="某县交通运输局", date="2026-05-20",
    )  # fmt: skip


def test_a_county_bureau_without_its_replies_speaks_with_its_derived_voice() -> None:
    text = render_text(build_skeleton(_county(), None))
    assert "我县交通运输工作" in text and "我局高度重视" in text
    assert "我市" not in text and "科技工作" not in text


def test_a_township_government_says_我镇_never_我局() -> None:
    meta = _county()
    meta.unit = "某镇人民政府"
    text = render_text(build_skeleton(meta, None))
    assert "我镇高度重视" in text and "我局" not in text and "我市" not in text


def _phrase(kind: str, text: str, unit: str, year: int, title: str = "关于X的提案") -> Entry:
    source = Source(file=f"{unit}-{year}.txt", unit=unit, year=year, proposal_title=title)
    return Entry(f"{kind}{year}{unit}", kind, kind, [], text, source)


def _water_library() -> Library:
    closing = "感谢李治萍、保俊涛委员对我县水利事业的关心、支持和理解,欢迎你们对水利工作多提宝贵的建议和意见。"
    return Library(
        [
            _phrase("closing", closing, "某县水利局", 2019),
            _phrase("closing", "尊敬的代表,我们的工作", "某县水务局", 2021),  # cut off
            _phrase("acknowledgement", "你提出的《关于旧事的提案》,已交我们研究办理,", "某县水务局", 2020),
            _phrase("handling", "现答复如下:", "某县水务局", 2020),
            _phrase("contact", "(联系人:郭华;联系电话:0878—6034678)", "某县水务局", 2020),
            _phrase("header", "某水函〔2020〕34号", "某县水务局", 2020),
            _phrase("closing", "最后，再次感谢您对我们科技工作的关心和支持！", "某市科学技术局", 2024),
        ]
    )  # fmt: skip


def test_house_style_comes_from_the_units_own_newest_complete_replies() -> None:
    meta = _county("proposal")
    meta.unit, meta.proposer, meta.handler = "某县水务局", "王芳", "赵强"
    style = house_style(_water_library(), meta, former=["某县水利局"])
    assert style.closing.startswith("感谢王芳委员对我县水利事业的关心、支持和理解，")
    assert style.acknowledgement == "你提出的《关于修建某村道路的建议》，已交我们研究办理，"
    assert style.handling == "现答复如下："
    assert style.contact == "（联系人：赵强；联系电话：0878—6034678）"
    assert style.header == "某水函〔2026〕【待填：文号】号"
    assert style.thanks == ""  # the unit's replies thank nobody separately
    text = render_text(
        build_skeleton(meta, _water_library(), config=Config(former_units=["某县水利局"]))
    )
    assert "感谢王芳委员对我县水利事业" in text and "科技工作" not in text
    assert "首先，感谢" not in text


def test_without_former_names_a_differently_named_unit_is_not_its_own() -> None:
    meta = _county("proposal")
    meta.unit = "某县水务局"
    style = house_style(_water_library(), meta)
    assert style.closing is None  # 2021's closing is cut off, 2019's is 某县水利局's


def test_a_pinned_phrase_wins() -> None:
    meta = _county()
    style = house_style(None, meta, pinned={"closing": "感谢您对我县交通运输工作的支持！"})
    assert style.closing == "感谢您对我县交通运输工作的支持！"
    assert style.sources["closing"] == "pinned"


def test_adapt_puts_this_proposals_facts_in() -> None:
    meta = _county()
    meta.co_proposers = ["李四"]
    text = adapt(
        "acknowledgement",
        "你在某县十六届人大一次会议期间提出的“关于旧路的建议”(第8号)已收悉。",
        meta,
    )
    assert "某县十七届人大二次会议" in text and "“关于修建某村道路的建议”" in text
    assert "第12号" in text and text.startswith("你们")


def test_foreign_paragraphs_are_marked_and_checked() -> None:
    text = "因为金星镇的交通管理不归我局管辖，是我镇坚持抓的重点工作，预计年底完工。"
    marked = mark_foreign(text, own_refs={"我县", "我局"}, own_places=("某县",))
    assert marked == (
        "因为金星镇【待核】的交通管理不归我局管辖，是我镇【待核】坚持抓的重点工作，"
        "预计年底【待核】完工。"
    )
    assert mark_foreign(marked, own_refs={"我县", "我局"}) == marked
    own = "由于我县通村公路项目资金有限，所以我局积极协调资金进行建设。"
    assert mark_foreign(own, own_refs={"我县", "我局"}) == own


def _measure(text: str, unit: str, year: int = 2025) -> Entry:
    source = Source(file=f"{unit}.txt", unit=unit, year=year)
    return Entry(f"m{abs(hash((text, unit)))}", "measure", "status", [], text, source)


def test_skeleton_marks_other_units_paragraphs_prefers_its_own_and_check_reports_them() -> None:
    foreign = _measure("白水镇道路硬化工程已完工，是我镇坚持抓的重点工作。", "某镇人民政府")
    own = _measure("我局已将该村道路硬化工程纳入改造计划，争取资金实施。", "某县交通运输局")
    draft = build_skeleton(_county(), Library([foreign, own]))
    status = [p.text for p in draft.part("status").paragraphs]
    assert status.index(next(t for t in status if "我局已将" in t)) < status.index(
        next(t for t in status if "白水镇" in t)
    )
    assert any("白水镇【待核】" in t and "我镇【待核】" in t for t in status)
    codes = {p.code for p in check_draft(draft)}
    assert "foreign" in codes


def test_prefill_only_above_the_relevance_bar() -> None:
    library = Library(
        [_measure("知识产权质押融资工作稳步推进，专利申请量持续增长。", "某市科学技术局")]
    )
    status, _next = fill_items(_county(), library, min_score=40.0)
    assert [item.source_id for item in status] == [None]  # a placeholder, not 知识产权
    status, _next = fill_items(_county(), library, min_score=0.0)
    assert status[0].source_id is not None or status[0].text.startswith("【待填")


def test_house_acknowledgement_takes_this_proposals_session_and_co_proposers() -> None:
    from replydraft.compose.house_style import adapt

    meta = ProposalMeta(
        title="关于加快人工智能产业发展的建议", kind="suggestion", number=12,
        session="市十八届人大二次会议", proposer="张三",
    )  # fmt: skip
    bracketed = adapt(
        "acknowledgement",
        "您提出的《关于加强高新技术企业的建议》(市政协十四届四次会议第176号提案)已收悉,",
        meta,
    )
    assert "市十八届人大二次会议第12号建议" in bracketed and "政协" not in bracketed
    joint = "您与丁伯灿、陆桂芳代表在市十八届人大一次会议大会期间提出的《关于X的建议》（第190号建议）已收悉，"
    alone = adapt("acknowledgement", joint, meta)
    assert alone.startswith(
        "您在市十八届人大二次会议大会期间提出的《关于加快人工智能产业发展的建议》"
    )
    together = adapt(
        "acknowledgement", joint, ProposalMeta(**{**meta.__dict__, "co_proposers": ["李四"]})
    )
    assert together.startswith("你们与李四代表在市十八届人大二次会议") or together.startswith(
        "您与李四代表在市十八届人大二次会议"
    )


def test_house_contact_line_gets_the_phone_and_topical_thanks_are_not_inherited() -> None:
    from replydraft.compose.house_style import adapt, house_style

    meta = ProposalMeta(
        title="关于加快科技金融发展的建议", kind="suggestion", unit="某市科学技术局",
        handler="欧阳晓明", phone="0574-62345678",
    )  # fmt: skip
    assert adapt("contact", "承办人:  何智敏", meta) == "承办人：欧阳晓明，联系电话：0574-62345678"
    assert (
        adapt("contact", "（承办人：何智敏）", meta)
        == "（承办人：欧阳晓明，联系电话：0574-62345678）"
    )
    source = Source(
        "a.txt", unit="某市科学技术局", year=2024, proposal_title="关于加强高新技术企业培育的建议"
    )
    topical = Entry(
        "t-1", "thanks", "thanks", [], "感谢您对推动高新技术企业培育工作的支持，", source
    )
    plain = Entry("t-2", "closing", "closing", [], "再次感谢您对科技工作的关心和支持！", source)
    style = house_style(Library([topical, plain]), meta)
    assert style.thanks != topical.text and "高新技术企业" not in (style.thanks or "")
    assert style.closing == "再次感谢您对科技工作的关心和支持！"
