"""Years older than the draft, and figures beside them, are marked for the officer to check."""

from __future__ import annotations

from replydraft.text.placeholders import PLACEHOLDER, find_placeholders, placeholder
from replydraft.text.staleness import STALE_MARK, find_stale_marks, mark_stale, strip_stale_marks

SEED_000 = (
    "至2021年，我市有效高新技术企业数量达到484家，各级科技型中小企业数量超过2400家，"
    "规上工业企业研发费用达到62.4亿元，占规上工业企业营业收入比重的2.79%。"
)


def test_old_year_and_figures_in_its_sentence_are_marked() -> None:
    marked = mark_stale(SEED_000, 2026)
    assert marked.startswith("至2021年【待核】，")
    tokens = [mark.token for mark in find_stale_marks(marked)]
    assert tokens == ["2021年", "484家", "2400家", "62.4亿元", "2.79%"]
    assert strip_stale_marks(marked) == SEED_000


def test_current_year_and_other_sentences_are_left_alone() -> None:
    text = "2026年新增高企30家。2021年资助15类项目。全市共有研发机构354家。"
    marked = mark_stale(text, 2026)
    assert (
        marked == "2026年新增高企30家。2021年【待核】资助15类【待核】项目。全市共有研发机构354家。"
    )


def test_years_inside_document_titles_are_not_marked() -> None:
    text = "推动落实《实施意见(2023年—2025年)》，2024年质押登记金额59亿元。"
    marked = mark_stale(text, 2026)
    assert "(2023年—2025年)》" in marked
    assert "2024年【待核】" in marked and "59亿元【待核】" in marked


def test_relative_words_are_stale_only_in_an_older_paragraph() -> None:
    text = "今年一季度产业资金兑现率超50%。"
    assert mark_stale(text, 2026, source_year=2026) == text
    assert (
        mark_stale(text, 2026, source_year=2022)
        == "今年【待核】一季度产业资金兑现率超50%【待核】。"
    )


def test_marking_twice_changes_nothing() -> None:
    once = mark_stale(SEED_000, 2026)
    assert mark_stale(once, 2026) == once
    assert once.count(STALE_MARK) == 5


def test_placeholders_are_found_with_their_labels() -> None:
    text = f"承办人：{placeholder('承办人')}，联系电话：{PLACEHOLDER.format('联系电话')}"
    found = find_placeholders(text)
    assert [p.label for p in found] == ["承办人", "联系电话"]
    assert text[found[0].start : found[0].end] == "【待填：承办人】"
