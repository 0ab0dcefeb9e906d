"""Whether a reply answers the proposal's demands: both scorers, and the thresholds, measured.

Demands are written the way proposals phrase them; the answers are real paragraphs of the
seeds (shipped with the package). Eleven demands the seed replies answer, nine they do not.
Measured: bigram share separates the sets (answered 0.41–1.00, not answered 0.07–0.33, threshold
0.4); partial_ratio alone is weaker (answered 32–71, not answered 21–33), so it only decides the
clear cases (≥ 60). Either scorer at its threshold marks a demand answered. Known miss: a reply
that answers in abbreviations (企服 for 企业服务) scores low and is reported unanswered, which
errs on the side the officer can see and dismiss.
"""

from __future__ import annotations

import pytest

from replydraft.draft.checks import (
    DEMAND_BIGRAM_SHARE,
    DEMAND_PARTIAL_RATIO,
    demand_scores,
    is_answered,
)
from replydraft.files.resources import seeds_dir


def seed_paragraphs(prefix: str) -> list[str]:
    (path,) = sorted(seeds_dir().glob(f"{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    return [line.strip() for line in lines if len(line.strip()) > 40]


ANSWERED = [
    ("004", "一是加大财政对民营企业科技创新的资金投入，保持科技支出稳定增长"),
    ("004", "二是完善人才引进政策，对企业引进的高层次人才给予项目资助和安家补助"),
    ("000", "建议加快培育高新技术企业，推动科技型中小企业上规上市"),
    ("000", "建议发展科技金融，破解科技型中小企业融资难题"),
    ("000", "加强知识产权保护，提高企业知识产权意识"),
    ("000", "加大海外工程师等高层次人才引进力度"),
    ("000", "1.支持企业建设研发机构，鼓励龙头企业牵头建设技术创新中心"),
    ("003", "推动产学研合作，加速科技成果转化"),
    ("003", "深化科技体制改革，优化财政科技资金配置"),
    ("004", "建议落实惠企政策兑现，提高产业资金兑付效率"),
    ("004", "营造尊重人才的社会氛围，弘扬科学家精神"),
]
NOT_ANSWERED = [
    "建议降低企业用电用气成本，落实电价优惠",
    "加快农村公路硬化和危桥改造",
    "建立健全中小学课后托管服务机制",
    "加强老旧小区加装电梯的资金补助",
    "支持外贸企业开拓海外市场，办好境外展会",
    "完善企业用地保障，盘活低效工业用地",
    "加强对企业的安全生产检查和消防培训",
    "优化企业开办流程，压缩审批时限",
    "建议设立民营企业转贷应急资金池，缓解续贷压力",
]


def all_paragraphs() -> list[str]:
    return [p for prefix in ("000", "003", "004") for p in seed_paragraphs(prefix)]


def best(demand: str, paragraphs: list[str]) -> tuple[float, float]:
    scores = [demand_scores(demand, p) for p in paragraphs]
    return max(s[0] for s in scores), max(s[1] for s in scores)


@pytest.mark.parametrize(("seed", "demand"), ANSWERED)
def test_answered_demands_are_answered(seed: str, demand: str) -> None:
    assert is_answered(demand, seed_paragraphs(seed))


@pytest.mark.parametrize("demand", NOT_ANSWERED)
def test_unanswered_demands_stay_unanswered_against_all_replies(demand: str) -> None:
    assert not is_answered(demand, all_paragraphs())


def test_bigram_share_alone_separates_the_two_sets() -> None:
    answered = [best(d, seed_paragraphs(s))[1] for s, d in ANSWERED]
    unanswered = [best(d, all_paragraphs())[1] for d in NOT_ANSWERED]
    assert min(answered) >= DEMAND_BIGRAM_SHARE > max(unanswered)


def test_partial_ratio_alone_has_no_false_answers_but_misses_some() -> None:
    answered = [best(d, seed_paragraphs(s))[0] for s, d in ANSWERED]
    unanswered = [best(d, all_paragraphs())[0] for d in NOT_ANSWERED]
    assert max(unanswered) < DEMAND_PARTIAL_RATIO
    missed = [r for r in answered if r < DEMAND_PARTIAL_RATIO]
    assert 0 < len(missed) < len(answered)  # why bigrams are needed as well


def test_scores_ignore_the_demand_ordinal_and_width() -> None:
    paragraph = "推动科技贷款贴息、知识产权质押贷款等科技信贷产品落地，破解科技型中小企业融资难题。"
    plain = demand_scores("破解科技型中小企业融资难题", paragraph)
    numbered = demand_scores("（三）破解科技型中小企业融资难题", paragraph)
    assert plain == numbered and plain[0] == 100.0 and plain[1] == 1.0
    assert demand_scores("", paragraph) == (0.0, 0.0)


def test_known_miss_abbreviated_answer_is_reported() -> None:
    demand = "三是健全企业服务体系，及时帮助企业解决实际困难和诉求"
    ratio, share = best(demand, seed_paragraphs("004"))
    assert ratio < DEMAND_PARTIAL_RATIO and share < DEMAND_BIGRAM_SHARE
    assert not is_answered(demand, seed_paragraphs("004"))
