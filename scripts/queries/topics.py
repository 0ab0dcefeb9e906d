"""The topic query set with its hand judgements (topics.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml

TOPICS = Path(__file__).resolve().parent / "topics.yaml"


def load_topics() -> list[dict]:
    """[{query, relevant: [{id, prefix}]}] as committed."""
    with open(TOPICS, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["topics"]
