"""Who the reply is addressed to and who filed the proposal.

Salutations come as `杜国强代表：`, `尊敬的幸世高代表`, group forms `X、Y等5名代表` / `罗海坤等5位委员`
/ `余秀华9名代表`, or a lead unit `市经信局：` in a co-handling opinion. Joint proposals name their
co-proposers in the acknowledgement: `您与丁伯灿、陆桂芳代表在…提出的…`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replydraft.parsing.markers import SAL_PERSON, SAL_UNIT, close_spaces

_NAME_SPLIT = re.compile(r"[、，,/／\s]")
_GROUP = r"等\s*(?:\d+|[一二三四五六七八九十]+)?\s*(?:名|位|人)?"
"""A group marker after names: 等, 等5名, 等三位."""
_GROUP_TAIL = re.compile(rf"(?:{_GROUP}|(?:\d+|[一二三四五六七八九十]+)\s*(?:名|位|人))$")
_NAME = re.compile(r"^[\u3400-\u9fff·•]{2,5}$")
_ACK_PERSON = re.compile(
    r"^(?P<names>[^\s:：，,。；;“”《》的]{2,60}?)(?P<title>代表|委员|委員)(?:们|們)?(?:在|于|提出|所提|联名)"
)
_ACK_PERSON_INSIDE = re.compile(
    r"(?:的|由|将)(?P<names>(?:(?![的由将])[\u3400-\u9fff·、]){2,40}?)(?P<title>代表|委员|委員)"
    rf"(?:{_GROUP})?(?:们|們)?(?:在|于|提出|所提|联名)"
)
"""`你局转来的王芳代表提出的…`: the proposer named inside a co-handling opinion's opening."""
_WITH = re.compile(
    r"(?:您|你)(?:与|和|同)(?P<names>[^\s:：，,。；;“”《》]{2,60}?)(?P<title>代表|委员|委員)(?:们|們)?"
)
_DELEGATION = re.compile(
    r"^(?:尊敬的)?\s*(?P<group>[^\s:：，,。；;“”《》、]{1,20}?(?P<title>代表|委员|委員)(?:组|組|团|團|小组))"
    r"\s*[:：]?\s*$"
)
"""`甸沙代委员组`: a delegation is addressed as a whole; it is the addressee."""
_NOT_NAMES = ("各位", "诸位", "全体", "尊敬")
"""`各位代表：` addresses a group, not a person."""
_TITLES = {"代表": "代表", "委员": "委员", "委員": "委员"}
"""Titles the contract knows; 同志/先生/女士 address a person without one (None)."""


@dataclass
class People:
    """Addressee, its title (代表/委员, None for a unit), proposer and co-proposers."""

    addressee: str | None = None
    addressee_title: str | None = None
    proposer: str | None = None
    co_proposers: list[str] = field(default_factory=list)
    unit_addressee: bool = False


_TITLE_AFTER_NAME = re.compile(r"(?<=\S{2})(?:代表|委员|委員|同志)$")
"""`李明委员、王芳委员`: each name may carry its own title."""
_SPACED_NAMES = re.compile(
    r"(?<=[\u3400-\u9fff]{2})[ \t\u3000]+(?![ \t\u3000]|代表|委员|委員|同志|等)(?=[\u3400-\u9fff]{2})"
)


def separate_spaced_names(line: str) -> str:
    """`李明 王芳委员：` → `李明、王芳委员：`: two names of two or more characters separated by a
    space are two people; single characters padded with spaces (`王  刚`) are one name."""
    return close_spaces(_SPACED_NAMES.sub("、", line.replace("尊敬的 ", "尊敬的")))


_DELEGATION_PREFIX = re.compile(
    r"^[\u3400-\u9fff]{1,12}?(?:代表团|代表組|代表组|代表小组|代表團|界别|界別)(?=[\u3400-\u9fff·]{2,5}$)"
)
"""`乙镇代表团张三`: the delegation or sector a member sits in, before the name."""


def split_names(text: str) -> list[str]:
    """`任木兰、徐文良等` → [任木兰, 徐文良]; `余秀华9名` → [余秀华]; invalid names are dropped."""
    text = _GROUP_TAIL.sub("", text.strip())
    names = []
    for piece in _NAME_SPLIT.split(text):
        piece = _TITLE_AFTER_NAME.sub("", _GROUP_TAIL.sub("", piece.strip()))
        piece = _DELEGATION_PREFIX.sub("", piece)
        if _NAME.match(piece) and piece not in names and not piece.startswith(_NOT_NAMES):
            names.append(piece)
    return names


def people(salutation: str | None, acknowledgement: str) -> People:
    """Addressee and proposers from the salutation line and the acknowledgement text."""
    found = People()
    ack_person = _ACK_PERSON.match(acknowledgement.strip())
    ack_names = split_names(ack_person.group("names")) if ack_person else []
    if not ack_names and salutation and not SAL_PERSON.match(close_spaces(salutation)):
        ack_person = _ACK_PERSON_INSIDE.search(acknowledgement[:120])
        ack_names = split_names(ack_person.group("names")) if ack_person else []
    if salutation:
        line = separate_spaced_names(salutation.strip())
        person = SAL_PERSON.match(line)
        delegation = _DELEGATION.match(line)
        if delegation:
            found.addressee = delegation.group("group")
            found.addressee_title = _TITLES.get(delegation.group("title"))
        elif person:
            names = split_names(person.group("names"))
            if names:
                found.addressee = names[0]
                found.co_proposers = names[1:]
            found.addressee_title = _TITLES.get(person.group("title"))
        else:
            unit = SAL_UNIT.match(line)
            found.addressee = (unit.group("unit") if unit else line.rstrip(":：")).strip()
            found.unit_addressee = True
    if found.addressee is None and ack_names and ack_person is not None:
        found.addressee = ack_names[0]
        found.addressee_title = _TITLES.get(ack_person.group("title"))
        found.co_proposers = ack_names[1:]
    if found.unit_addressee:
        found.proposer = ack_names[0] if ack_names else None
        found.co_proposers = ack_names[1:]
    else:
        found.proposer = found.addressee
    together = _WITH.search(acknowledgement)
    if together:
        for name in split_names(together.group("names")):
            if name not in found.co_proposers and name != found.proposer:
                found.co_proposers.append(name)
    return found
