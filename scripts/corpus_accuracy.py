#!/usr/bin/env python3
"""Field accuracy of the reply parser on a corpus with a manifest of expected fields.

Usage: python scripts/corpus_accuracy.py ../shared/corpus [--speed] [--half dev|held]
       python scripts/corpus_accuracy.py tests/data/replies   (the invented test set)
       python scripts/corpus_accuracy.py tests/data/generalise   (invented held-out forms, labelled)
       python scripts/corpus_accuracy.py tests/data/blind   (and blind2: invented, written blind)

Reads `manifest.yaml` in the corpus folder (a list of {file, <field>: expected, …}), parses each
file with `replydraft.parsing.parse_reply`, and prints JSON: accuracy per field, the misses, and
(with --speed) parse throughput in replies per second on one core.
Manifest values are mapped to the JSON contract (答复 → reply, 建议 → suggestion, `B类` → B);
strings are compared after NFKC folding, so `:` and `：` compare equal.
`proposer`, `disclosure` and `contacts` are counted only where a manifest states them in the
contract's form (contacts as {leader, handler, phone}); the dev corpus records raw labels.
Strings are also compared after the parser's mirror cleaning (traditional → simplified, injected
pinyin removed), because a manifest records a mirror's text as found and the parser returns the
clean simplified text.

Where the corpus labels its paragraphs (`measures.yaml` beside the manifest, or
`measure_paragraphs`/`junk_lines` inside manifest entries: the first 20 characters, whitespace
removed, of each paragraph), the report's `library` key says what a library ingested from the
corpus would keep as measures, through the same path `replydraft ingest` uses
(`parsing.read_reply`, then `ingest.observations`, less the short lines repeated across the
measured files, `ingest.repeated_lines`): how many measure entries, the share that
are not labelled measure paragraphs (junk: furniture, signature, closing, …), and the share of
labelled measure paragraphs kept (recall). `refused` counts files ingest would skip as not a
reply (only files the manifest describes as replies count; a refused page that holds no
reply is listed under `not_replies_refused`). `--half dev|held` measures one half of the files, split by a stable hash of the file
name, so rules can be developed on one half and checked on the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

REQUIRED = (
    "addressee",
    "co_proposers",
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
    from replydraft.parsing.mirror import clean_mirror

    if isinstance(value, str):
        return unicodedata.normalize("NFKC", clean_mirror(value)).strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def is_reply(entry: dict) -> bool:
    """Whether a manifest entry is a reply at all (a page holding only a suggestion is not)."""
    keys = ("title", "salutation", "addressee", "responding_unit", "measure_paragraphs")
    return any(entry.get(key) for key in keys)


def half_of(file_name: str) -> str:
    """`dev` or `held`: a stable split of a corpus by a hash of each file's name."""
    return "dev" if hashlib.sha1(file_name.encode("utf-8")).digest()[0] % 2 == 0 else "held"


# -- library junk share and measure recall ------------------------------------------------------

_CUT_PINYIN = re.compile(r"[(（][a-zü\u00c0-\u024f]*$")
"""A label cut inside injected pinyin (`針對(duì`): the unclosed syllable is dropped."""
_SPACE = re.compile(r"\s+")
_LONG_LINE = 200
_PARAGRAPH_GAP = re.compile(r"(?:(?<=[。！!？?；;])|(?<=[。！!？?]”))[ \t\u3000\u00a0]+")
_SALUTED = re.compile(r"(?:代表|委员|委員)\s*[:：]")
_PLACE = 24
"""Characters of an entry's text used to find where in the file it came from."""


def _key(text: str) -> str:
    """Text as compared for placing: mirror-cleaned, NFKC-folded, whitespace removed."""
    from replydraft.parsing.mirror import clean_mirror

    return _SPACE.sub("", unicodedata.normalize("NFKC", clean_mirror(text)))


def _paragraph_ends(raw: str) -> tuple[str, list[int]]:
    """The file's text as one key string, and where each of its paragraphs ends in it.

    A paragraph is a line; a page flattened onto one line (a long line that holds the
    salutation) is cut where a space follows a sentence end, as the labeller read it.
    """
    text, ends = "", []
    for line in raw.splitlines():
        flattened = len(line) > _LONG_LINE and _SALUTED.search(line)
        pieces = _PARAGRAPH_GAP.split(line) if flattened else [line]
        for piece in pieces:
            key = _key(piece)
            if key:
                text += key
                ends.append(len(text))
    return text, ends


def _end_of_paragraph(ends: list[int], at: int) -> int:
    return next(end for end in ends if end > at)


def load_labels(corpus: Path, manifest: list[dict]) -> dict[str, dict] | None:
    """{file: {measure_paragraphs, junk_lines}} from measures.yaml or the manifest, if labelled."""
    from replydraft.files.yaml import load_yaml_file

    labels: dict[str, dict] = {}
    if (corpus / "measures.yaml").is_file():
        for entry in load_yaml_file(corpus / "measures.yaml") or []:
            labels[entry["file"]] = entry
    for entry in manifest:
        if "measure_paragraphs" in entry or "junk_lines" in entry:
            labels[entry["file"]] = entry
    return labels or None


def library_check(raw: str, kept: list[str], labels: dict) -> dict:
    """Place each kept measure text in the file and judge it against the labels.

    A labelled measure paragraph spans from its label to the end of its paragraph (or the next
    label); a kept measure that starts inside one is a measure, anything else is junk. A
    labelled paragraph is recalled when some kept measure starts inside it.
    """
    text, ends = _paragraph_ends(raw)
    starts: list[tuple[int, str, str]] = []
    unplaced: list[str] = []
    for kind in ("measure_paragraphs", "junk_lines"):
        for label in labels.get(kind) or []:
            key = _key(_CUT_PINYIN.sub("", str(label)))
            at = text.find(key) if key else -1
            if at < 0:
                unplaced.append(str(label))
            else:
                starts.append((at, kind, str(label)))
    starts.sort()
    regions: list[tuple[int, int, str, str]] = []
    for n, (at, kind, label) in enumerate(starts):
        end = _end_of_paragraph(ends, at)
        later = [s for s, _, _ in starts[n + 1 :] if s > at]
        if later:
            end = min(end, later[0])
        regions.append((at, end, kind, label))
    recalled: set[str] = set()
    junk: list[str] = []
    junk_lines_kept = 0
    for item in kept:
        key = _key(item)[:_PLACE]
        found = None
        at = text.find(key) if key else -1
        while at >= 0 and found is None:
            for start, end, kind, label in regions:
                if start <= at < end and kind == "measure_paragraphs":
                    found = label
            at = text.find(key, at + 1)
        if found is not None:
            recalled.add(found)
            continue
        junk.append(item)
        first = text.find(key) if key else -1
        if any(s <= first < e and k == "junk_lines" for s, e, k, _ in regions):
            junk_lines_kept += 1
    wanted = [str(p) for p in labels.get("measure_paragraphs") or []]
    return {
        "kept": len(kept),
        "junk": junk,
        "junk_lines_kept": junk_lines_kept,
        "labelled": len(wanted),
        "recalled": len([p for p in wanted if p in recalled]),
        "missed": [p for p in wanted if p not in recalled],
        "unplaced_labels": unplaced,
    }


def expected_value(entry: dict, field: str) -> tuple[bool, object]:
    """(counted?, expected value in contract form) for one manifest entry and field."""
    value = entry.get(field)
    if field == "doc_type":
        return (value in _DOC_TYPES, _DOC_TYPES.get(value))
    if field == "proposal_kind":
        return True, _KINDS.get(value, value)
    if field == "category":
        return True, value.replace("类", "").replace("類", "").strip() if isinstance(
            value, str
        ) else value
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


def measure(corpus: Path, half: str | None = None) -> dict:
    """Compare parse_reply with the manifest; returns the report as a dict."""
    from replydraft.errors import ReplydraftError
    from replydraft.files.decoding import read_text
    from replydraft.files.yaml import load_yaml_file
    from replydraft.library.ingest import line_key, observations, repeated_lines, source_of
    from replydraft.parsing import parse_reply, read_reply

    manifest = load_yaml_file(corpus / "manifest.yaml")
    if half is not None:
        manifest = [e for e in manifest if half_of(e["file"]) == half]
    labels = load_labels(corpus, manifest)
    fields = {name: {"correct": 0, "total": 0} for name in REQUIRED + EXTRA}
    misses: list[dict] = []
    refused: list[dict] = []
    rightly_refused: list[str] = []
    library = {"kept": 0, "junk": 0, "junk_lines_kept": 0, "labelled": 0, "recalled": 0}
    library_misses: list[dict] = []
    parsed: dict[str, object] = {}
    for entry in manifest:
        try:
            parsed[entry["file"]] = read_reply(corpus / entry["file"])[0]
        except ReplydraftError as exc:
            parsed[entry["file"]] = exc
    # ingest's evidence from the batch: short lines repeated across its files are furniture
    repeated = repeated_lines(
        ["\n".join(p.text for p in r.parts) for r in parsed.values() if hasattr(r, "parts")]
    )
    for entry in manifest:
        path = corpus / entry["file"]
        raw = read_text(path)
        reply = parsed[entry["file"]]
        if isinstance(reply, ReplydraftError):
            if is_reply(entry):
                refused.append({"file": entry["file"], "reason": reply.message})
            else:
                rightly_refused.append(entry["file"])
            reply = None
        if labels is not None and entry["file"] in labels:
            kept = []
            if reply is not None:
                kept = [
                    o.text
                    for o in observations(reply, source_of(reply, entry["file"]))
                    if o.kind == "measure" and line_key(o.text) not in repeated
                ]
            check = library_check(raw, kept, labels[entry["file"]])
            for key in ("kept", "junk_lines_kept", "labelled", "recalled"):
                library[key] += check[key]
            library["junk"] += len(check["junk"])
            for text in check["junk"]:
                library_misses.append({"file": entry["file"], "junk": text[:60]})
            for label in check["missed"]:
                library_misses.append({"file": entry["file"], "missed": label})
            for label in check["unplaced_labels"]:
                library_misses.append({"file": entry["file"], "unplaced_label": label})
        reply = reply if reply is not None else parse_reply(raw)
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
    report = {
        "corpus": str(corpus),
        "half": half or "all",
        "files": len(manifest),
        "required_fields": list(REQUIRED),
        "required_min_accuracy": required_min,
        "fields": fields,
        "misses": misses,
        "refused": len(refused),
        "refused_files": refused,
        "not_replies_refused": rightly_refused,
    }
    if labels is not None:
        library["junk_share"] = (
            round(library["junk"] / library["kept"], 4) if library["kept"] else 0.0
        )
        library["recall"] = (
            round(library["recalled"] / library["labelled"], 4) if library["labelled"] else None
        )
        report["library"] = library
        report["library_misses"] = library_misses
    return report


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


def summary(report: dict) -> str:
    """One line: each field's accuracy, then junk share, recall and refused count."""
    fields = " ".join(
        f"{name}={report['fields'][name]['accuracy']}"
        for name in (*report["required_fields"], "doc_type")
    )
    library = report.get("library", {})
    return (
        f"{Path(report['corpus']).name}[{report['half']}] files={report['files']} {fields} "
        f"junk_share={library.get('junk_share')} ({library.get('junk')}/{library.get('kept')}) "
        f"recall={library.get('recall')} ({library.get('recalled')}/{library.get('labelled')}) "
        f"refused={report['refused']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with manifest.yaml and the reply files")
    parser.add_argument("--speed", action="store_true", help="also measure parse throughput")
    parser.add_argument(
        "--half", choices=("dev", "held"), help="only one half of the files (stable hash split)"
    )
    parser.add_argument(
        "--summary", action="store_true", help="print one line of figures instead of JSON"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "manifest.yaml").is_file():
        print(f"corpus_accuracy: {args.corpus}: no manifest.yaml", file=sys.stderr)
        return 2
    report = measure(args.corpus, args.half)
    if args.summary:
        print(summary(report))
        return 0
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
