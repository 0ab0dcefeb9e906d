"""Issue 10: a draft of the wrong shape is one line naming file, line and field; a newer
format is refused; keys this version does not know survive a save."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.draft.model import Draft, Paragraph
from replydraft.errors import ReplydraftError

GOOD_PARTS = "parts:\n- kind: status\n  paragraphs:\n  - text: 一、现状。\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "d.draft.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("meta_line", "field", "line"),
    [
        ("  title: 12345", "meta.title", 3),
        ("  title: [a, b]", "meta.title", 3),
        ("  title: {a: b}", "meta.title", 3),
        ("  co_proposers: [1, null]", "meta.co_proposers[1]", 4),
        ("  number: abc", "meta.number", 3),
        ("  unit: [a]", "meta.unit", 3),
        ("  date: 2026-02-30", "meta.date", 3),
        ("  date: 明天", "meta.date", 3),
        ("  kind: letter", "meta.kind", 3),
        ("  role: boss", "meta.role", 3),
    ],
)
def test_wrong_meta_types_name_file_line_and_field(
    tmp_path: Path, meta_line: str, field: str, line: int
) -> None:
    path = write(tmp_path, f"format: 1\nmeta:\n{meta_line}\n{GOOD_PARTS}")
    with pytest.raises(ReplydraftError) as caught:
        Draft.load(path)
    message = caught.value.one_line()
    assert message.startswith(f"{path}: 第 {line} 行 {field}：") or (
        field == "meta.co_proposers[1]" and f"{path}: 第 3 行" in message and field in message
    ), message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("parts", "field"),
    [
        ("parts:\n- kind: status\n  paragraphs: 5\n", "parts[1].paragraphs"),
        ('parts:\n- kind: status\n  paragraphs: "a string"\n', "parts[1].paragraphs"),
        ("parts: 5\n", "parts"),
        ("parts:\n- kind: nonsense\n", "parts[1].kind"),
        ("parts:\n- paragraphs: []\n", "parts[1]"),
        ("parts:\n- kind: status\n  paragraphs:\n  - text: 12\n", "parts[1].paragraphs[1].text"),
        ("parts:\n- kind: status\n  paragraphs:\n  - {}\n", "parts[1].paragraphs[1]"),
    ],
)
def test_wrong_parts_are_one_line_errors(tmp_path: Path, parts: str, field: str) -> None:
    path = write(tmp_path, f"format: 1\nmeta:\n  title: 关于x的建议\n{parts}")
    with pytest.raises(ReplydraftError) as caught:
        Draft.load(path)
    assert field in caught.value.one_line()


def test_an_unquoted_date_is_that_date(tmp_path: Path) -> None:
    path = write(tmp_path, f"meta:\n  title: 关于x的建议\n  date: 2026-05-20\n{GOOD_PARTS}")
    assert Draft.load(path).meta.date == "2026-05-20"


def test_an_unquoted_phone_is_its_digits(tmp_path: Path) -> None:
    path = write(tmp_path, f"meta:\n  title: 关于x的建议\n  phone: 89553541\n{GOOD_PARTS}")
    assert Draft.load(path).meta.phone == "89553541"


def test_a_newer_format_is_refused_and_never_rewritten(tmp_path: Path) -> None:
    text = f"format: 99\nmeta:\n  title: 关于x的建议\n{GOOD_PARTS}attachments: [a.pdf]\n"
    path = write(tmp_path, text)
    with pytest.raises(ReplydraftError, match="更新版本"):
        Draft.load(path)
    assert path.read_text(encoding="utf-8") == text


def test_unknown_keys_are_kept_through_a_save(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "format: 1\nmeta:\n  title: 关于x的建议\n  reviewer: 王科长\nparts:\n- kind: status\n"
        "  folded: true\n  paragraphs:\n  - text: 一、现状。\n    comment: 领导批注：数字再核\n"
        "attachments:\n- 附件1.pdf\n",
    )
    draft = Draft.load(path)
    draft.parts[0].paragraphs.append(Paragraph("二、又一段。"))
    draft.save(path)
    again = Draft.load(path)
    assert again.extra == {"attachments": ["附件1.pdf"]}
    assert again.meta_extra == {"reviewer": "王科长"}
    assert again.parts[0].extra == {"folded": True}
    assert again.parts[0].paragraphs[0].extra == {"comment": "领导批注：数字再核"}


def test_a_draft_with_undecodable_text_is_not_saved(tmp_path: Path) -> None:
    from replydraft.draft.model import ProposalMeta

    path = tmp_path / "d.yaml"
    with pytest.raises(ReplydraftError, match="无法识别"):
        Draft(ProposalMeta(title="\udcff局")).save(path)
    assert not path.exists()


def test_a_surrogate_escape_in_the_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, f'meta:\n  title: "\\uDCFF局"\n{GOOD_PARTS}')
    with pytest.raises(ReplydraftError) as caught:
        Draft.load(path)
    assert caught.value.one_line().startswith(f"{path}: ")


def test_multi_line_fields_round_trip_exactly(tmp_path: Path) -> None:
    from replydraft.draft.model import DraftPart, ProposalMeta

    tricky = "行尾空格  \n下一行\x85NEL\n行\u2028分隔\n末尾空格 "
    draft = Draft(
        ProposalMeta(title="关于x的建议", proposal_text=tricky),
        [DraftPart("status", [Paragraph(tricky)])],
    )
    path = tmp_path / "d.yaml"
    draft.save(path)
    again = Draft.load(path)
    assert again.meta.proposal_text == tricky and again.parts[0].paragraphs[0].text == tricky


def test_numbering_past_999_items_does_not_crash() -> None:
    from replydraft.text.ordinals import int_to_cn

    assert int_to_cn(1000) == "一千"
    assert int_to_cn(1010) == "一千零一十"
    assert int_to_cn(1234) == "一千二百三十四"
    assert int_to_cn(10001) == "一万零一"
