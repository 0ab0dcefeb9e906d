"""Benchmark (issue 9): does a skeleton speak with its unit's own voice?

Over the families of ../shared/corpus2 (families.yaml: replies by one unit), leave one out: the
library is the family's other members (plus files of other corpora its occurrences name) and the
seeds; the new proposal is the held member's title, its unit the held member's responding unit,
its year the held member's. Prints one JSON object with three figures:

- closing_own_pct: of held replies that have a complete closing, how many skeletons close with
  the unit's own closing (rapidfuzz ratio >= CLOSING_RATIO against the held reply's closing,
  names and placeholders left out);
- wording_errors: self-references of another level or kind of unit (我市 in a county unit's
  skeleton, 我局 in a township government's) and 科技工作 for a non-science unit, not marked 【待核】;
- recurring_offered_pct: of the unit's recurring measure paragraphs (a library paragraph from the
  unit's other replies that resembles a measure of the held reply), how many are in the skeleton
  or the top 5 of search for the new title.

Targets: >= 80, 0, >= 80. Reads the corpus only; exits 0 with a note when it is absent.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from rapidfuzz import fuzz

CORPUS = Path(
    os.environ.get("REPLYDRAFT_CORPUS2", Path(__file__).resolve().parents[1] / "../shared/corpus2")
)
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus2")
CLOSING_RATIO = 70.0
RECURRING_RATIO = 55.0
TOP = 5
LEVEL_REFS = ("我省", "我市", "我县", "我区", "我镇", "我乡")
UNIT_REFS = ("我局", "我委", "我办", "我厅", "我中心", "我镇", "我乡")


def squeeze(text: str) -> str:
    """Text without placeholders, marks, names' slots, spaces and punctuation."""
    from replydraft.text.normalize import fold

    text = re.sub(r"【[^】]*】", "", fold(text))
    return re.sub(r"[\s,，。.;；:：!！?？()（）《》“”\"、]", "", text)


def family_files(family: dict) -> list[Path]:
    files = [CORPUS / m for m in family["members"]]
    for paragraph in family.get("recurring_paragraphs") or []:
        for occurrence in paragraph.get("occurrences") or []:
            path = (CORPUS / occurrence["file"]).resolve()
            if path.exists() and path not in [f.resolve() for f in files]:
                files.append(path)
    return files


def parsed(path: Path):
    from replydraft.parsing import parse_reply_file

    try:
        return parse_reply_file(path)
    except Exception:  # a file the parser does not take is still a held-out proposal
        return None


def wording_errors(text: str, voice) -> list[str]:
    """Self-references and work phrases in `text` that are not the unit's and not marked."""
    errors = []
    for ref in (*LEVEL_REFS, *UNIT_REFS):
        for found in re.finditer(ref, text):
            if text.startswith("【待核】", found.end()):
                continue
            if ref in (voice.level_ref, voice.unit_ref):
                continue
            errors.append(ref)
    if voice.work_phrase and voice.work_phrase != "科技工作":
        errors += ["科技工作" for m in re.finditer("科技工作", text)]
    return errors


def main() -> int:
    if not (CORPUS / "families.yaml").exists():
        print(json.dumps({"note": f"no corpus at {CORPUS}"}))
        return 0
    home = tempfile.mkdtemp(prefix="replydraft-voice-")
    os.environ["REPLYDRAFT_HOME"] = home
    from replydraft.compose.skeleton import build_skeleton, meta_voice
    from replydraft.draft.model import ProposalMeta
    from replydraft.draft.text_form import render_text
    from replydraft.files import resources
    from replydraft.library.ingest import build_library
    from replydraft.library.model import Entry

    manifest = {d["file"]: d for d in yaml.safe_load((CORPUS / "manifest.yaml").read_text())}
    families = yaml.safe_load((CORPUS / "families.yaml").read_text())
    closings = closings_own = errors = recurring = recurring_hit = 0
    cases = []
    try:
        for family in families:
            files = family_files(family)
            for held in files:
                reply = parsed(held)
                facts = manifest.get(held.name, {})
                title = (reply.proposal_title if reply else None) or facts.get("proposal_title")
                unit = (reply.responding_unit if reply else None) or facts.get("responding_unit")
                date = (reply.date if reply else None) or facts.get("date")
                year = facts.get("year") or (int(date[:4]) if date else None)
                rest = [f for f in files if f != held]
                workdir = Path(home) / f"{family['family_id']}-{held.stem}"
                workdir.mkdir()
                for f in [*rest, *resources.seeds_dir().glob("*.txt")]:
                    shutil.copy(f, workdir / f.name)
                library = build_library([workdir])
                meta = ProposalMeta(
                    title=title or "",
                    unit=unit,
                    date=date or (f"{year}-06-30" if year else None),
                    proposer=reply.proposer if reply else None,
                    kind=reply.proposal_kind if reply else None,
                )
                draft = build_skeleton(meta, library)
                voice = meta_voice(draft.meta)
                text = render_text(draft)
                found = wording_errors(text, voice)
                errors += len(found)
                case = {"file": held.name, "unit": unit, "wording_errors": found}
                held_closing = (
                    next((p.text for p in reply.parts if p.kind == "closing"), None)
                    if reply
                    else None
                )
                if held_closing and held_closing.rstrip()[-1:] in "。！!？?”":
                    closings += 1
                    part = draft.part("closing")
                    mine = part.text if part else ""
                    ratio = fuzz.ratio(squeeze(mine), squeeze(held_closing))
                    own = ratio >= CLOSING_RATIO
                    closings_own += own
                    case["closing"] = {"skeleton": mine, "held": held_closing, "ratio": ratio}
                held_measures = [squeeze(m.text) for m in (reply.measures if reply else [])]
                own_entries: list[Entry] = [
                    e
                    for e in library.entries
                    if e.kind == "measure"
                    and e.source.file in {f.name for f in rest}
                    and any(
                        fuzz.partial_ratio(squeeze(e.text), m) >= RECURRING_RATIO
                        for m in held_measures
                    )
                ]
                in_skeleton = {p.source_id for part in draft.parts for p in part.paragraphs}
                top = {m.entry.id for m in library.search(title or "", top=TOP)}
                for entry in own_entries:
                    recurring += 1
                    recurring_hit += entry.id in in_skeleton or entry.id in top
                case["recurring"] = [e.text[:20] for e in own_entries]
                cases.append(case)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    def pct(part: int, whole: int) -> float | None:
        return round(100.0 * part / whole, 1) if whole else None

    result = {
        "closing_own_pct": pct(closings_own, closings),
        "closings": f"{closings_own}/{closings}",
        "wording_errors": errors,
        "recurring_offered_pct": pct(recurring_hit, recurring),
        "recurring": f"{recurring_hit}/{recurring}",
        "skeletons": len(cases),
    }
    if "--verbose" in sys.argv:
        result["cases"] = cases
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
