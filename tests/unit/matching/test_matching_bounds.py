"""The fuzzy-score bounds never fall below rapidfuzz's score (else pruning would drop results)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz

from replydraft.matching.bounds import CandidateTexts, partial_ratio_bounds

ALPHABET = "科技金融工作加强a0。"


def store_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    data = np.frombuffer("".join(texts).encode("utf-8"), dtype=np.uint8)
    offsets = np.concatenate(([0], np.cumsum([len(t.encode("utf-8")) for t in texts])))
    return data, offsets.astype(np.int64)


def test_candidate_texts_are_read_back_exactly() -> None:
    texts = ["科技金融", "", "a0。工作", "加强科技"]
    data, offsets = store_of(texts)
    found = CandidateTexts(data, offsets, np.array([3, 1, 0]))
    assert [found.text(i) for i in range(3)] == ["加强科技", "", "科技金融"]
    assert found.nonempty().tolist() == [True, False, True]
    found.read_all()
    assert [found.text(i) for i in range(3)] == ["加强科技", "", "科技金融"]
    assert found.lengths.tolist() == [4, 0, 4]
    assert found.owner.tolist() == [0] * 4 + [2] * 4
    assert CandidateTexts(data, offsets, np.zeros(0, dtype=np.int64)).read_all().lengths.size == 0


@pytest.mark.parametrize("seed", range(4))
def test_bound_is_never_below_partial_ratio(seed: int) -> None:
    rng = random.Random(seed)
    slack = []
    for _ in range(150):
        letters = ALPHABET[: rng.randint(2, len(ALPHABET))]
        texts = [
            "".join(rng.choice(letters) for _ in range(rng.choice([0, 1, 3, 8, 12, 40, 90])))
            for _ in range(5)
        ]
        needles = [
            "".join(rng.choice(ALPHABET) for _ in range(rng.choice([1, 2, 5, 9, 60, 70])))
            for _ in range(3)
        ]
        data, offsets = store_of(texts)
        positions = np.array(rng.sample(range(5), 4))
        bounds = partial_ratio_bounds(needles, CandidateTexts(data, offsets, positions))
        for row, needle in enumerate(needles):
            for column, position in enumerate(positions.tolist()):
                score = fuzz.partial_ratio(needle, texts[position])
                assert score <= bounds[row, column], (needle, texts[position])
                slack.append(bounds[row, column] - score)
    assert min(slack) < 1e-5  # reached: the bound is exact for some pairs


def test_bound_is_tight_for_a_contained_keyword_and_zero_without_shared_characters() -> None:
    data, offsets = store_of(["加强科技金融工作", "道路交通"])
    bounds = partial_ratio_bounds(["科技金融"], CandidateTexts(data, offsets, np.array([0, 1])))
    assert bounds[0, 0] == pytest.approx(100.0)
    assert bounds[0, 1] == pytest.approx(0.0, abs=1e-5)
