"""Field accuracy on the development corpus of real replies, measured by the committed script.

The corpus sits beside the repository, never in it (docs/architecture.md, "Measuring on real
replies"); skipped when it is absent (a fresh clone elsewhere).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REQUIRED_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report() -> dict:
    if not (CORPUS / "manifest.yaml").is_file():
        pytest.skip("../shared/corpus is not present")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "corpus_accuracy.py"), str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_required_field_accuracy(report: dict) -> None:
    assert set(report["required_fields"]) >= {
        "addressee",
        "addressee_title",
        "proposal_title",
        "number",
        "session",
        "proposal_kind",
        "responding_unit",
        "date",
        "category",
    }
    low = {
        name: (
            report["fields"][name]["accuracy"],
            [m for m in report["misses"] if m["field"] == name],
        )
        for name in report["required_fields"]
        if report["fields"][name]["accuracy"] < REQUIRED_ACCURACY
    }
    assert not low
    assert all(
        report["fields"][name]["total"] == report["files"] for name in report["required_fields"]
    )
