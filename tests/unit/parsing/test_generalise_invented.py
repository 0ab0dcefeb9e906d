"""Field accuracy, library junk and measure recall on tests/data/generalise: replies invented to
check that the parser's rules carry to units and page forms nobody tuned them to.

The set was written before the rules it checks (see its README.md): transport, water, education,
police, health, housing and agriculture bureaus, a provincial commission, a district office, a
development-zone committee, a township's 办理意见的函, a 会办意见 without colon, record pages,
one-line, cut-off and mirror pages. Measured by scripts/corpus_accuracy.py, in-process.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
INVENTED = ROOT / "tests" / "data" / "generalise"
REQUIRED_ACCURACY = 0.95
JUNK_SHARE_MAX = 0.03
RECALL_MIN = 0.95


@pytest.fixture(scope="module")
def report() -> dict:
    spec = importlib.util.spec_from_file_location(
        "corpus_accuracy_invented", ROOT / "scripts" / "corpus_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure(INVENTED)


def test_every_invented_file_is_measured(report: dict) -> None:
    assert report["files"] == len(list(INVENTED.glob("inv-*.txt"))) >= 15
    for name in report["required_fields"]:
        assert report["fields"][name]["total"] == report["files"], name


def test_required_fields_hold(report: dict) -> None:
    low = {
        name: [m for m in report["misses"] if m["field"] == name]
        for name in report["required_fields"]
        if report["fields"][name]["accuracy"] < REQUIRED_ACCURACY
    }
    assert not low


@pytest.mark.parametrize("name", ["doc_type", "doc_number", "contacts"])
def test_document_fields_hold(report: dict, name: str) -> None:
    assert report["fields"][name]["accuracy"] >= REQUIRED_ACCURACY, [
        m for m in report["misses"] if m["field"] == name
    ]


def test_no_invented_reply_refused(report: dict) -> None:
    assert report["refused"] == 0, report["refused_files"]


def test_library_keeps_measures_and_no_junk(report: dict) -> None:
    library = report["library"]
    assert library["labelled"] >= 30
    assert library["junk_share"] <= JUNK_SHARE_MAX, report["library_misses"]
    assert library["recall"] >= RECALL_MIN, report["library_misses"]
