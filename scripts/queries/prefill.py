"""How often a skeleton's pre-filled paragraphs are on topic (issue 9: pre-fill only what fits).

For each judged topic query of topics.yaml, a skeleton is built for the title `关于{query}的建议`
on the real library (seeds + ../shared/corpus, as quality.py builds it), and each paragraph
pre-filled into status and next steps is checked against the query's judged relevant entries.
Prints one JSON object: pre-filled paragraphs, how many are judged relevant (precision), how
many topics got no pre-fill at all (their parts keep a placeholder), and the same figures with
the relevance bar and the topic gate turned off, for comparison.

    .venv/bin/python scripts/queries/prefill.py [../shared/corpus]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from quality import _folded, real_library
from topics import load_topics


def judge(library, topics: list[dict], gate: bool) -> dict:
    from replydraft.compose import skeleton
    from replydraft.draft.model import ProposalMeta
    from replydraft.text.topic import Topic

    filled = relevant = empty = 0
    misses: list[dict] = []
    original = Topic.covers
    if not gate:
        Topic.covers = lambda self, text: True  # type: ignore[method-assign]
    try:
        for topic in topics:
            ids = {r["id"] for r in topic["relevant"]}
            prefixes = [_folded(r["prefix"]) for r in topic["relevant"]]
            meta = ProposalMeta(title=f"关于{topic['query']}的建议", unit="某市科学技术局")
            status, next_steps = skeleton.fill_items(
                meta, library, min_score=skeleton.PREFILL_MIN_SCORE if gate else 0.0
            )
            items = [i for i in status + next_steps if i.source_id is not None]
            if not items:
                empty += 1
            for item in items:
                entry = library.get(item.source_id)
                text = _folded(entry.text) if entry else ""
                hit = item.source_id in ids or any(text.startswith(p) for p in prefixes)
                filled += 1
                relevant += hit
                if not hit:
                    misses.append(
                        {"query": topic["query"], "text": entry.text[:30] if entry else ""}
                    )
    finally:
        Topic.covers = original  # type: ignore[method-assign]
    return {
        "prefilled": filled,
        "judged_relevant": relevant,
        "precision": round(relevant / filled, 3) if filled else None,
        "topics_without_prefill": empty,
        "topics": len(topics),
        "off_topic_examples": misses[:8],
    }


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpus")
    library = real_library(corpus)
    topics = load_topics()
    print(
        json.dumps(
            {
                "library_entries": len(library),
                "with_bar_and_topic_gate": judge(library, topics, gate=True),
                "without_them": judge(library, topics, gate=False),
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
