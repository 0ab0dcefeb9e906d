"""`parse_reply`: a past reply's text → `Reply` (fields, parts, measures).

Steps: clean the text (noise, run-on lines), lay out its regions (parts.layout), then read each
field from the region that states it. Fields that cannot be found stay None; nothing is guessed
from elsewhere (a reply with no signature has no responding unit unless its title, footer,
closing or page metadata names one).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from replydraft.errors import ReplydraftError
from replydraft.messages import msg
from replydraft.parsing import salutation as people_mod
from replydraft.parsing import signature as sig
from replydraft.parsing import title as title_mod
from replydraft.parsing.cleaning import CleanDocument, clean_document
from replydraft.parsing.markers import closing_tail_at, split_glued_salutation
from replydraft.parsing.measures import extract_measures
from replydraft.parsing.parts import (
    Layout,
    layout,
    split_courtesy,
    split_handover,
    split_opening,
    split_receipt,
)
from replydraft.parsing.records import Restructured, labelled_title, restructure
from replydraft.parsing.reply import Part, Reply

_CO_OPINION_WORDS = (
    "协办意见",
    "協辦意見",
    "协办情况",
    "协办",
    "会办意见",
    "會辦意見",
    "会办",
    "参办意见",
)
_UNIT_OPINION_WORDS = ("办理意见", "辦理意見", "意见的函", "意見的函")
"""`…第9号建议办理意见的函` addressed to a unit: a co-handler's opinion to the lead unit."""
_PREPARE_WINDOW = 40
_HANDED_OVER = re.compile(r"如下\s*[:：]?\s*$")


def _prepare(lines: list[str]) -> list[str]:
    """Split glued openings in the first lines: `张三代表：您提出的…`, `现答复如下:镇党委…`, and
    a receipt followed by its answer (`…收悉。经研究，该路段…`)."""
    out: list[str] = []
    receipt_seen = False
    for n, line in enumerate(lines):
        if n >= _PREPARE_WINDOW:
            out.append(line)
            continue
        for piece in split_glued_salutation(line):
            if not receipt_seen and ("收悉" in piece or "收到" in piece):
                receipt_seen = True
                pieces = split_receipt(piece)
            else:
                pieces = [piece]
            for part in (p for whole in pieces for p in split_handover(whole)):
                if out and _HANDED_OVER.search(out[-1]):
                    out.extend(split_courtesy(part))
                else:
                    out.append(part)
    return out


@dataclass
class _Regions:
    """A reply's text laid out: its clean lines, their regions, and the texts fields are read from."""

    document: CleanDocument
    record: Restructured
    lines: list[str]
    found: Layout
    title: str | None
    header: list[str]
    opening_text: str
    body: list[str]
    tail: list[str]
    signature: list[str]

    @property
    def ack_zone(self) -> str:
        """Where the acknowledgement is: the opening, else the first body paragraphs."""
        return self.opening_text or " ".join(self.body[:2])


def _lay_out(text: str) -> _Regions:
    """Clean the text, reorder a record page, split glued openings and find the regions."""
    document = clean_document(text)
    record = restructure(document.lines)
    lines = _prepare(record.lines)
    found = layout(lines, record.header_count)
    split = _split_closings(lines, found)
    if split is not None:
        lines = split
        found = layout(lines, record.header_count)
    return _Regions(
        document=document,
        record=record,
        lines=lines,
        found=found,
        title=_best_title(["".join(lines[i] for i in group) for group in found.titles]),
        header=[lines[i] for i in found.header + found.title_lines],
        opening_text="".join(lines[i] for i in found.opening),
        body=[lines[i] for i in found.body],
        tail=[lines[i] for i in found.closing + found.signature],
        signature=[lines[i] for i in found.signature],
    )


def parse_reply(text: str) -> Reply:
    """Parse the text of one past reply or co-handling opinion (see module doc)."""
    regions = _lay_out(text)
    reply = Reply(title=regions.title, proposal_text=regions.record.proposal_text)
    _read_session_number(reply, regions)
    after_quote = _read_proposal_title(reply, regions)
    who = _read_people(reply, regions)
    _read_kind(reply, regions, after_quote)
    _read_doc_type(reply, regions, who)
    _read_signature_and_stamps(reply, regions)
    reply.parts = _parts(regions.lines, regions.found)
    found = regions.found
    reply.measures = extract_measures([(found.kinds[i], regions.lines[i]) for i in found.body])
    return reply


def _read_session_number(reply: Reply, regions: _Regions) -> None:
    """Session, number and kind: from the title, else the page metadata's title, else the
    acknowledgement, else a record's own heading or labelled number."""
    title, meta, ack_zone = regions.title, regions.document.meta, regions.ack_zone
    if title:
        reply.session, reply.number = title_mod.title_session_number(title)
        reply.proposal_kind = title_mod.title_kind(title)
    meta_title = meta.get("名称", "复文标题", "标题")
    if meta_title and reply.session is None:
        reply.session, reply.number = title_mod.title_session_number(meta_title)
        reply.proposal_kind = reply.proposal_kind or title_mod.title_kind(meta_title)
    if title is None and meta_title:
        reply.title = meta_title
    if reply.session is None:
        reply.session = title_mod.body_session(ack_zone)
    if reply.session is None:
        reply.session = meta.get("会议届次")
    if reply.session is None or title_mod.damaged_session(reply.session):
        # a record page's own heading (`…第四次会议第21号建议公示公告`) states it whole
        stated = _stated_session(regions.header)
        if stated[0] is not None and reply.number in (None, stated[1]):
            reply.session, reply.number = stated
    if reply.number is None and reply.title:
        reply.number = title_mod.title_number(reply.title)
    if reply.number is None:
        reply.number = title_mod.body_number(ack_zone)
    if reply.number is None:
        reply.number = title_mod.labelled_number(regions.header)


def _read_proposal_title(reply: Reply, regions: _Regions) -> str:
    """Proposal title: a record's label, else quoted in the acknowledgement, else quoted in the
    title, else unquoted; returns the text after the quotation (where a kind may be named)."""
    ack_zone = regions.ack_zone
    quoted = title_mod.quoted_title(ack_zone)
    after_quote = quoted[1] if quoted else ""
    if quoted is None and reply.title:
        quoted = title_mod.quoted_title(reply.title)
    labelled = labelled_title(regions.header)
    if labelled:
        reply.proposal_title = labelled
    elif quoted:
        reply.proposal_title = quoted[0].strip()
    else:
        reply.proposal_title = title_mod.unquoted_title(ack_zone)
    if reply.proposal_title is None:
        reply.proposal_title = regions.document.meta.get("建议提案标题")
    return after_quote


def _read_people(reply: Reply, regions: _Regions) -> people_mod.People:
    """Addressee and proposers, from the salutation and the opening."""
    found = regions.found
    salutation_line = regions.lines[found.salutation] if found.salutation is not None else None
    reply.salutation = salutation_line
    first = regions.opening_text or (regions.body[0] if regions.body else "")
    who = people_mod.people(salutation_line, first)
    reply.addressee = who.addressee
    reply.addressee_title = who.addressee_title
    reply.proposer = who.proposer
    reply.co_proposers = who.co_proposers
    return who


def _read_kind(reply: Reply, regions: _Regions, after_quote: str) -> None:
    """The proposal kind when the title did not name it: the proposal title's ending, the words
    after the quotation or around 收悉, else the addressee's title (代表 files suggestions)."""
    if reply.proposal_kind is None:
        reply.proposal_kind = (
            title_mod.kind_ending(reply.proposal_title)
            or title_mod.kind_of(after_quote)
            or title_mod.kind_of(_receipt_clause(regions.ack_zone))
            or {"代表": "suggestion", "委员": "proposal"}.get(reply.addressee_title or "")
        )


def _read_doc_type(reply: Reply, regions: _Regions, who: people_mod.People) -> None:
    """A co-handling opinion: named so in the title, or addressed to a unit as co-handler."""
    title = reply.title or ""
    co = any(w in title for w in _CO_OPINION_WORDS)
    unit_opinion = any(w in title for w in _UNIT_OPINION_WORDS)
    # addressed to a unit about a deputy's or member's proposal: a co-handler to the lead unit
    to_lead_unit = who.unit_addressee and who.proposer is not None
    if (
        co
        or (who.unit_addressee and ("协办" in regions.opening_text or unit_opinion))
        or to_lead_unit
    ):
        reply.doc_type = "co_opinion"


def _read_signature_and_stamps(reply: Reply, regions: _Regions) -> None:
    """Signature: unit, date, contacts; header and stamps: category, doc number, disclosure."""
    signature, tail, header = regions.signature, regions.tail, regions.header
    meta = regions.document.meta
    reply.responding_unit = (
        sig.signature_unit(signature)
        or sig.printed_by_unit(signature)
        or (title_mod.title_unit(reply.title) if reply.title else None)
        or sig.contact_unit(tail)
        or sig.meta_unit(meta)
    )
    reply.date = sig.signature_date(signature) or sig.meta_date(meta)
    reply.contacts = sig.contacts(tail + header)
    stamps = sig.stamp_lines(regions.lines)
    after = [regions.lines[i] for i in regions.found.furniture]
    reply.category = (
        sig.category(header + signature)
        or sig.category(stamps)
        or sig.lone_category(header + signature)
        or sig.lone_category(after, named=True)
    )
    reply.disclosure = sig.disclosure(header + stamps, meta)
    reply.doc_number = sig.doc_number(header, meta)


def _split_closings(lines: list[str], found: Layout) -> list[str] | None:
    """The lines with each closing paragraph that opens with content (`下步，我局将…。希望你能
    理解…`) cut in two, so the content is read as body; None when there is none."""
    cuts = {}
    for i in found.closing:
        at = closing_tail_at(lines[i])
        if at:
            cuts[i] = at
    if not cuts:
        return None
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in cuts:
            out.extend((line[: cuts[i]].strip(), line[cuts[i] :].strip()))
        else:
            out.append(line)
    return out


def _stated_session(header: list[str]) -> tuple[str | None, int | None]:
    """Session and number from a header line that states both whole (a record's heading)."""
    for line in header:
        session, number = title_mod.title_session_number(line)
        if session and not title_mod.damaged_session(session):
            return session, number
    return None, None


def _best_title(titles: list[str]) -> str | None:
    """The first title that names a session and number, else the first title (pages repeat
    the title, and a copy may be damaged or cut)."""
    for title in titles:
        if title_mod.title_session_number(title)[0]:
            return title
    return titles[0] if titles else None


def _receipt_clause(text: str) -> str:
    """The words around 收悉 (`您的建议收悉`), where the kind is named when no title is quoted."""
    at = text.find("收悉")
    return text[max(0, at - 8) : at] if at >= 0 else ""


def _parts(lines: list[str], found: Layout) -> list[Part]:
    """Parts in document order; runs of one kind are merged, the opening split into clauses.

    Pieces are collected and joined once per part, so a page of many paragraphs of one kind
    stays linear (no string grown by repeated concatenation)."""
    runs: list[tuple[str, list[str]]] = []

    def add(kind: str, text: str, joiner: str = "\n") -> None:
        if runs and runs[-1][0] == kind:
            runs[-1][1].extend((joiner, text))
        else:
            runs.append((kind, [text]))

    opening = set(found.opening)
    continued = {group[-1] for group in found.titles if len(group) > 1}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        kind = found.kinds[i]
        if i in opening:
            for clause_kind, clause in split_opening(line):
                add(clause_kind, clause, "")
        elif i in continued:
            runs[-1][1].append(line)
        else:
            runs.append((kind, [line])) if kind == "title" else add(kind, line)
    return [Part(kind, "".join(pieces)) for kind, pieces in runs]


def read_reply(path: str | os.PathLike[str]) -> tuple[Reply, str]:
    """Read and parse a reply file, returning the reply and its decoded text.

    Raises ReplydraftError naming the file if it is unreadable (empty, binary, huge, a folder)
    or is not a reply at all (a script, Lorem text).
    """
    from replydraft.files.decoding import read_text

    text = read_text(path)
    reply = parse_reply(text)
    if not looks_like_reply(reply):
        raise ReplydraftError(msg("error.not_a_reply"), path)
    return reply, text


def parse_reply_file(path: str | os.PathLike[str]) -> Reply:
    """Read and parse a reply file (see `read_reply`)."""
    return read_reply(path)[0]


def looks_like_reply(reply: Reply) -> bool:
    """A reply has a title, a salutation, an acknowledgement naming the proposal, or is a
    record page holding the suggestion's text and the reply's measures."""
    if reply.title or reply.salutation:
        return True
    if reply.proposal_text is not None and reply.measures:
        return True  # a record page: the suggestion's text, then the reply's
    return any(part.kind == "acknowledgement" for part in reply.parts) and (
        reply.proposal_title is not None or reply.proposal_kind is not None
    )
