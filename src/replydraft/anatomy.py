"""The vocabulary of a reply: the kinds of proposal it answers, and the parts it is made of.

A suggestion (建议) or motion (议案) comes from People's Congress deputies (代表), a proposal
(提案) from CPPCC members (委员). The parts follow DOMAIN.md's "Anatomy of a reply". Shared by
the parser, the library, the skeleton, the checks and the UI.
"""

from __future__ import annotations

import re
from typing import Literal

ProposalKind = Literal["suggestion", "proposal", "motion"]
"""What a reply answers: a deputy's suggestion (建议) or motion (议案), a member's proposal (提案)."""

PROPOSAL_KINDS: tuple[ProposalKind, ...] = ("suggestion", "proposal", "motion")
"""Every proposal kind, in the order the CLI and the form offer them."""

Role = Literal["reply", "co_opinion"]
"""What a draft is: the lead unit's reply (答复), or a co-handling unit's opinion (协办意见)."""

ROLES: tuple[Role, ...] = ("reply", "co_opinion")

KIND_NAMES: dict[str, str] = {"suggestion": "建议", "proposal": "提案", "motion": "议案"}
"""Chinese name of each proposal kind (keys: PROPOSAL_KINDS)."""

Filer = Literal["deputy", "member"]
"""Who files a proposal kind: a People's Congress deputy (代表) or a CPPCC member (委员)."""

FILER_OF: dict[str, Filer] = {"suggestion": "deputy", "proposal": "member", "motion": "deputy"}
"""The filer of each proposal kind (keys: PROPOSAL_KINDS); it decides the addressee's title
and which reply template the skeleton starts from (`compose.templates.TEMPLATE_FOR`)."""

FILER_TITLES: dict[Filer, str] = {"deputy": "代表", "member": "委员"}
ADDRESSEE_TITLES = {kind: FILER_TITLES[filer] for kind, filer in FILER_OF.items()}
"""How a reply to each proposal kind addresses its filer (`…代表：`, `…委员：`)."""

_TITLE_TAIL = re.compile(r"(建议|提案|议案)[”\"》」』\s。.]*$")


def kind_from_title(title: str) -> str | None:
    """`…的建议` → suggestion, `…的提案` → proposal, `…议案` → motion; None otherwise."""
    match = _TITLE_TAIL.search(title.strip())
    if not match:
        return None
    return {name: kind for kind, name in KIND_NAMES.items()}[match.group(1)]


PART_KINDS = (
    "title",
    "salutation",
    "acknowledgement",
    "thanks",
    "handling",
    "status",
    "problems",
    "next_steps",
    "closing",
    "signature",
    "other",
)
"""The parts of a reply in their usual order (DOMAIN.md, "Anatomy of a reply")."""

MEASURE_SECTIONS = ("status", "next_steps", "other")

FRAME_PARTS = ("title", "salutation", "signature")
"""The frame around the body: never numbered, and left out of the body text a platform wants
pasted (`export.layout.body_paragraphs`)."""

FORM_PARTS = (*FRAME_PARTS, "acknowledgement")
"""Parts the skeleton writes from the form alone (the frame, and the 收悉 sentence that names the
proposal): a paragraph inserted from the library never lands in them. Not the same set as the
frame: the acknowledgement is body text, pasted and counted with it."""

PART_LABELS = {
    "title": "标题",
    "salutation": "称谓",
    "acknowledgement": "收悉",
    "thanks": "致谢",
    "handling": "办理过程",
    "status": "现状",
    "problems": "存在问题",
    "next_steps": "下步举措",
    "closing": "结束语",
    "signature": "落款",
    "other": "其他",
}
"""Chinese names of the parts (DOMAIN.md's anatomy), as officers call them."""
