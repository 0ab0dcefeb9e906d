#!/usr/bin/env python3
"""Field accuracy of the reply parser on a corpus with a manifest of expected fields.

Usage: python scripts/corpus_accuracy.py ../shared/corpus [--speed]
       python scripts/corpus_accuracy.py tests/data/replies   (the invented test set)

Reads `manifest.yaml` in the corpus folder (a list of {file, <field>: expected, …}), parses each
file with `replydraft.parsing.parse_reply`, and prints JSON: accuracy per field, the misses, and
(with --speed) parse throughput in replies per second on one core.
Manifest values are mapped to the JSON contract (答复 → reply, 建议 → suggestion, `B类` → B);
strings are compared after NFKC folding, so `:` and `：` compare equal.
`proposer`, `disclosure` and `contacts` are counted only where a manifest states them in the
contract's form (contacts as {leader, handler, phone}); the dev corpus records raw labels.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path

REQUIRED = (
    "addressee",
    "addressee_title",
    "proposal_title",
    "number",
    "session",
    "proposal_kind",
    "responding_unit",
    "date",
    "category",
)
EXTRA = (
    "doc_type",
    "co_proposers",
    "doc_number",
    "measure_count",
    "proposer",
    "disclosure",
    "contacts",
)
_CONTACT_KEYS = {"leader", "handler", "phone"}
_DOC_TYPES = {"答复": "reply", "协办意见": "co_opinion"}
_KINDS = {"建议": "suggestion", "提案": "proposal", "议案": "motion"}


def _norm(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value).strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def expected_value(entry: dict, field: str) -> tuple[bool, object]:
    """(counted?, expected value in contract form) for one manifest entry and field."""
    value = entry.get(field)
    if field == "doc_type":
        return (value in _DOC_TYPES, _DOC_TYPES.get(value))
    if field == "proposal_kind":
        return True, _KINDS.get(value, value)
    if field == "category":
        return True, value.replace("类", "").strip() if isinstance(value, str) else value
    if field == "number":
        return True, int(value) if value is not None else None
    if field == "measure_count":
        return (bool(value), value)
    if field in ("proposer", "disclosure"):
        return (field in entry, value)
    if field == "contacts":
        return (isinstance(value, dict) and set(value) == _CONTACT_KEYS, value)
    if field == "doc_number":
        return (field in entry, value)
    return True, value


def actual_value(reply, field: str) -> object:
    if field == "measure_count":
        return sum(1 for m in reply.measures if m.ordinal)
    if field == "contacts":
        return reply.to_dict()["contacts"]
    return getattr(reply, field)


def measure(corpus: Path) -> dict:
    """Compare parse_reply with the manifest; returns the report as a dict."""
    from replydraft.files.decoding import read_text
    from replydraft.files.yaml import load_yaml_file
    from replydraft.parsing import parse_reply

    manifest = load_yaml_file(corpus / "manifest.yaml")
    fields = {name: {"correct": 0, "total": 0} for name in REQUIRED + EXTRA}
    misses: list[dict] = []
    for entry in manifest:
        reply = parse_reply(read_text(corpus / entry["file"]))
        for name in REQUIRED + EXTRA:
            counted, expected = expected_value(entry, name)
            if not counted:
                continue
            got = actual_value(reply, name)
            fields[name]["total"] += 1
            if _norm(got) == _norm(expected):
                fields[name]["correct"] += 1
            else:
                misses.append(
                    {"file": entry["file"], "field": name, "expected": expected, "got": got}
                )
    for stats in fields.values():
        stats["accuracy"] = round(stats["correct"] / stats["total"], 4) if stats["total"] else None
    required_min = min(fields[name]["accuracy"] or 0.0 for name in REQUIRED)
    return {
        "corpus": str(corpus),
        "files": len(manifest),
        "required_fields": list(REQUIRED),
        "required_min_accuracy": required_min,
        "fields": fields,
        "misses": misses,
    }


def speed(paths: list[Path], seconds: float = 2.0) -> dict:
    """Replies parsed per second (one core), over the given files repeated for `seconds`."""
    from replydraft.files.decoding import read_text
    from replydraft.parsing import parse_reply
    from replydraft.parsing.markers import leading_ordinal

    texts = [read_text(p) for p in paths]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            leading_ordinal.cache_clear()  # each reply parsed cold, as in a real ingest
            parse_reply(text)
        count += len(texts)
    elapsed = time.perf_counter() - start
    return {
        "replies": count,
        "seconds": round(elapsed, 3),
        "replies_per_second": round(count / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with manifest.yaml and the reply files")
    parser.add_argument("--speed", action="store_true", help="also measure parse throughput")
    args = parser.parse_args(argv)
    if not (args.corpus / "manifest.yaml").is_file():
        print(f"corpus_accuracy: {args.corpus}: no manifest.yaml", file=sys.stderr)
        return 2
    report = measure(args.corpus)
    if args.speed:
        files = [
            args.corpus / e["file"]
            for e in __import__("yaml").safe_load(
                (args.corpus / "manifest.yaml").read_text("utf-8")
            )
        ]
        seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
        report["speed_corpus"] = speed(files)
        if seeds:
            report["speed_seeds"] = speed(seeds)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
