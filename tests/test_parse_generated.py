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
from test_parse_seeds import EXPECTED, seed

ROOT = Path(__file__).resolve().parents[1]
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
