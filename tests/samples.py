"""Shared test material: a clean draft, the bundled seeds and their fields read off by hand."""

from __future__ import annotations

from pathlib import Path

from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.parsing import parse_reply

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_reply(path.read_text(encoding="utf-8"))


EXPECTED = {
    "000": {
        "doc_type": "reply",
        "proposal_kind": "suggestion",
        "session": "市十八届人大一次会议",
        "number": 107,
        "addressee": "杜国强",
        "addressee_title": "代表",
        "proposer": "杜国强",
        "co_proposers": [],
        "proposal_title": "关于加强企业创新的建议",
        "responding_unit": None,
        "date": None,
        "category": None,
        "contacts": {"leader": None, "handler": None, "phone": None},
    },
    "001": {
        "doc_type": "reply",
        "proposal_kind": "proposal",
        "session": "余姚市政协十四届四次会议",
        "number": 176,
        "addressee": "施鹏聪",
        "addressee_title": "委员",
        "proposer": "施鹏聪",
        "co_proposers": [],
        "proposal_title": "关于加强高新技术企业高质量提升的建议",
        "responding_unit": "余姚市科学技术局",
        "date": "2025-05-14",
        "category": None,
        "contacts": {"leader": "杨蕾", "handler": "何智敏", "phone": "89553541,15355467028"},
    },
    "002": {
        "doc_type": "reply",
        "proposal_kind": "suggestion",
        "session": "市第十六届人民代表大会第三次会议",
        "number": 380,
        "addressee": "沈斌",
        "addressee_title": "代表",
        "proposer": "沈斌",
        "co_proposers": [],
        "proposal_title": "关于发挥中小微企业的科技创新作用 推动产业升级和高质量发展的建议",
        "responding_unit": "海宁市科学技术局",
        "date": "2024-05-22",
        "category": None,
        "contacts": {"leader": None, "handler": None, "phone": None},
    },
    "003": {
        "doc_type": "co_opinion",
        "proposal_kind": "suggestion",
        "session": "慈溪市人大十七届第一次会议",
        "number": 239,
        "addressee": "市经信局",
        "addressee_title": None,
        "proposer": "胡国锋",
        "co_proposers": [],
        "proposal_title": "关于加快发展制造业的建议",
        "responding_unit": None,
        "date": None,
        "category": None,
        "contacts": {"leader": None, "handler": None, "phone": None},
    },
    "004": {
        "doc_type": "reply",
        "proposal_kind": "suggestion",
        "session": "市十八届人大一次会议",
        "number": 190,
        "addressee": "刘红星",
        "addressee_title": "代表",
        "proposer": "刘红星",
        "co_proposers": ["丁伯灿", "陆桂芳"],
        "proposal_title": "关于加大民营企业科技创新扶持力度的建议",
        "responding_unit": "慈溪市科学技术局",
        "date": "2022-06-22",
        "category": None,
        "contacts": {"leader": None, "handler": None, "phone": None},
    },
}


def clean_draft() -> Draft:
    meta = ProposalMeta(
        title="关于加大民营企业科技创新扶持力度的建议",
        kind="suggestion",
        number=190,
        session="市十八届人大一次会议",
        proposer="刘红星",
        unit="慈溪市科学技术局",
        date="2022-06-22",
    )

    def part(kind: str, *texts: str) -> DraftPart:
        return DraftPart(kind, [Paragraph(t) for t in texts])

    return Draft(
        meta,
        [
            part("title", "对市十八届人大一次会议第190号建议的答复"),
            part("salutation", "刘红星代表："),
            part(
                "acknowledgement",
                "您提出的《关于加大民营企业科技创新扶持力度的建议》（第190号建议）已收悉，现答复如下：",
            ),
            part("status", "近年来，我市深入实施人才引领创新驱动战略，加快建设高水平创新型城市。"),
            part(
                "next_steps",
                "一、加大产业资金保障",
                "（一）强化财政投入。市级财政将科技人才发展资金作为财政保障重点。",
                "（二）完善引才政策。深入实施“上林英才”计划，更大力度引育领军人才。",
                "二、优化企业服务平台",
                "（一）抓企服体系建设。充分发挥全市企服办牵头协调作用。",
            ),
            part("closing", "最后，衷心感谢您对我市科技创新工作的关心和支持！"),
            part("signature", "慈溪市科学技术局", "2022年6月22日"),
        ],
    )
