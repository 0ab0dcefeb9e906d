"""Field accuracy on the invented test replies (tests/data/replies), measured by the committed
script, and every seed still parsed exactly.

The invented set covers forms the seeds and the dev corpus show little of: stamps after the
closing, `代表等：`, traditional characters, metadata-only titles, CRLF, full-width indents,
flattened pages, titles naming no session. It is not real text (see its README.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from samples import EXPECTED, seed

from replydraft.parsing import parse_reply

ROOT = Path(__file__).resolve().parents[3]
REPLIES = ROOT / "tests" / "data" / "replies"
REQUIRED_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report() -> dict:
    """The accuracy report of scripts/corpus_accuracy.py, called in-process."""
    spec = importlib.util.spec_from_file_location(
        "corpus_accuracy", ROOT / "scripts" / "corpus_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure(REPLIES)


def test_every_file_is_measured(report: dict) -> None:
    assert report["files"] == len(list(REPLIES.glob("gen-*.txt"))) == 20
    for name in report["required_fields"]:
        assert report["fields"][name]["total"] == report["files"], name


def test_required_fields_at_least_95_percent(report: dict) -> None:
    low = {
        name: [m for m in report["misses"] if m["field"] == name]
        for name in report["required_fields"]
        if report["fields"][name]["accuracy"] < REQUIRED_ACCURACY
    }
    assert not low


@pytest.mark.parametrize("name", ["proposer", "co_proposers", "disclosure", "contacts", "doc_type"])
def test_other_contract_fields_at_least_95_percent(report: dict, name: str) -> None:
    stats = report["fields"][name]
    assert stats["total"] >= 19
    assert stats["accuracy"] >= REQUIRED_ACCURACY, [
        m for m in report["misses"] if m["field"] == name
    ]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_still_exact(prefix: str) -> None:
    got = seed(prefix).to_dict()
    assert {name: got[name] for name in EXPECTED[prefix]} == EXPECTED[prefix]


_BODY = "近年来，我局持续推进相关工作。下一步，我局将继续加大工作力度。\n感谢您对我们工作的关心和支持！\n"
_TITLE = "关于市十七届人大三次会议第12号建议的答复\n"
_ACK = "您提出的《关于加强公交建设的建议》收悉，现答复如下：\n"
_SIGNED = "桐溪市交通运输局\n2023年10月16日\n"

FORMS = [
    (  # proposer named between the session and the number
        "对市人大十五届三次会议李明代表提出的第12号建议的答复\n李明代表：\n"
        + _ACK
        + _BODY
        + _SIGNED,
        {"session": "市人大十五届三次会议", "number": 12},
    ),
    (  # unquoted proposal title followed by its number in brackets
        _TITLE + "李明代表：\n您提出的关于加强公交建设的建议（第12号）收悉。\n" + _BODY + _SIGNED,
        {"proposal_title": "关于加强公交建设的建议"},
    ),
    (  # each name with its own title
        _TITLE + "尊敬的李明委员、王芳委员：\n" + _ACK + _BODY + _SIGNED,
        {"addressee": "李明", "co_proposers": ["王芳"], "addressee_title": "委员"},
    ),
    (  # two names separated by a space; a name padded with spaces stays one name
        _TITLE + "李明 王芳委员：\n" + _ACK + _BODY + _SIGNED,
        {"addressee": "李明", "co_proposers": ["王芳"]},
    ),
    (
        _TITLE + "王  刚代表：\n" + _ACK + _BODY + _SIGNED,
        {"addressee": "王刚", "co_proposers": []},
    ),
    (  # co-handling opinion: the proposer named after 由你局主办的
        "桐溪区交通运输局关于区政协五届一次会议第8号提案的协办意见\n区教育局：\n"
        "由你局主办的李明委员提出的《关于加强校车管理的提案》收悉。现将协办意见函复如下：\n"
        + _BODY
        + "2023年10月16日\n",
        {"doc_type": "co_opinion", "addressee": "区教育局", "proposer": "李明"},
    ),
    (  # signature block with a section line and a remark after the date
        _TITLE
        + "李明代表：\n"
        + _ACK
        + _BODY
        + _SIGNED
        + "（此件公开发布）\n签发人：张三\n承办科室：综合科\n联系人：李四\n联系电话：0571-12345678\n",
        {
            "responding_unit": "桐溪市交通运输局",
            "date": "2023-10-16",
            "contacts": {"leader": "张三", "handler": "李四", "phone": "0571-12345678"},
        },
    ),
    (  # number only on a labelled header line; unit with a seal remark
        "建议编号：第12号\n关于加强公交建设的建议的答复\n李明代表：\n"
        + _ACK
        + _BODY
        + "桐溪市交通运输局（印）\n2023年10月16日\n",
        {"number": 12, "responding_unit": "桐溪市交通运输局"},
    ),
    (  # category stamp after the closing, disclosure in a bracketed stamp line
        _TITLE
        + "李明代表：\n"
        + _ACK
        + _BODY
        + _SIGNED
        + "（答复类别：A类  公开属性：主动公开）\n",
        {"category": "A", "disclosure": "主动公开", "date": "2023-10-16"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[str(n) for n in range(len(FORMS))])
def test_less_common_forms(text: str, expected: dict) -> None:
    got = parse_reply(text).to_dict()
    assert {name: got[name] for name in expected} == expected
