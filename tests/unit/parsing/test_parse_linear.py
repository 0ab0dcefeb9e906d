"""Parsing stays linear in the page's size: a huge one-line page is no slower per character."""

from __future__ import annotations

import time

from replydraft.parsing import parse_reply

HEAD = (
    "关于对周德海代表提出的第143号建议的答复 周德海代表: "
    "您提出的《关于改善公交接驳的建议》收悉,现答复如下: "
)
SENTENCE = "目前高铁站至县城开通公交线路2条,发车间隔20分钟。 "


def _seconds(size: int) -> float:
    page = (HEAD + SENTENCE * (size // len(SENTENCE) + 1))[:size]
    start = time.perf_counter()
    reply = parse_reply(page)
    elapsed = time.perf_counter() - start
    assert reply.number == 143 and len(reply.measures) > size // len(SENTENCE) // 2
    return elapsed


def test_one_line_page_parses_in_linear_time() -> None:
    small = min(_seconds(500_000) for _ in range(2))
    large = min(_seconds(2_000_000) for _ in range(2))
    # 4x the text: linear work takes ~4x; quadratic work (a string grown by `+=`) takes ~16x
    assert large < 8 * small + 0.2, (small, large)
