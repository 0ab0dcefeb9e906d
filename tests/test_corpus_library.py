"""Field accuracy, library junk share, measure recall and refusals on both corpora of real
replies (docs/architecture.md, "Measuring on real replies"), measured by scripts/corpus_accuracy.py.

The floors are what the parser reaches on the whole of each corpus (the corpora were split by
`--half` into a half developed on and a half only checked); a change that loses ground fails.
Skipped when a corpus is not beside the repository.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"

FLOORS = {
    # corpus: (lowest field accuracy, highest junk share, lowest recall, most replies refused)
    "corpus": (0.95, 0.0, 1.0, 0),
    "corpus2": (0.97, 0.0, 0.95, 0),
}


def _script():
    spec = importlib.util.spec_from_file_location(
        "corpus_accuracy", ROOT / "scripts" / "corpus_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request) -> tuple[str, dict]:
    corpus = SHARED / request.param
    if not (corpus / "manifest.yaml").is_file():
        pytest.skip(f"../shared/{request.param} is not present")
    return request.param, _script().measure(corpus)


def test_field_accuracy_holds(report: tuple[str, dict]) -> None:
    name, found = report
    assert "co_proposers" in found["required_fields"]
    low = {
        field: found["fields"][field]["accuracy"]
        for field in found["required_fields"]
        if found["fields"][field]["accuracy"] < FLOORS[name][0]
    }
    assert not low, [m for m in found["misses"] if m["field"] in low]


def test_library_junk_and_recall_hold(report: tuple[str, dict]) -> None:
    name, found = report
    library = found["library"]
    assert library["kept"] > 0
    assert library["junk_share"] <= FLOORS[name][1], found["library_misses"]
    assert library["recall"] >= FLOORS[name][2], found["library_misses"]


def test_real_replies_not_refused(report: tuple[str, dict]) -> None:
    name, found = report
    assert found["refused"] <= FLOORS[name][3], found["refused_files"]


def test_halves_split_the_corpus(report: tuple[str, dict]) -> None:
    name, found = report
    module = _script()
    dev = module.measure(SHARED / name, "dev")
    held = module.measure(SHARED / name, "held")
    assert dev["files"] + held["files"] == found["files"]
    assert dev["files"] and held["files"]


def test_library_check_judges_placement() -> None:
    module = _script()
    raw = "张三代表:\n甲方案已经实施完毕。\n乙方案正在推进。\n某县水务局\n"
    labels = {"measure_paragraphs": ["甲方案已经实施", "乙方案正在"], "junk_lines": ["某县水务局"]}
    check = module.library_check(raw, ["甲方案已经实施完毕。", "某县水务局"], labels)
    assert check["junk"] == ["某县水务局"] and check["junk_lines_kept"] == 1
    assert (check["recalled"], check["missed"]) == (1, ["乙方案正在"])
