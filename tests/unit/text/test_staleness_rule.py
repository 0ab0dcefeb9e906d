"""The stale-figure rule: what a reused paragraph from an older reply gets marked `【待核】`."""

from __future__ import annotations

import re

import pytest

from replydraft.compose.skeleton import reuse_text
from replydraft.files.resources import seeds_dir
from replydraft.library.model import Entry, Source
from replydraft.text.normalize import to_fullwidth_punct
from replydraft.text.staleness import STALE_MARK, find_stale_marks, mark_stale, strip_stale_marks


def tokens(marked: str) -> list[str]:
    return [mark.token for mark in find_stale_marks(marked)]


def seed_line(prefix: str, containing: str) -> str:
    """The line of the seed named `prefix…` that contains `containing`, as a draft reuses it."""
    path = next(seeds_dir().glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not shipped")
    lines = [to_fullwidth_punct(x.strip()) for x in path.read_text(encoding="utf-8").splitlines()]
    return next(x for x in lines if containing in x)


def test_figures_without_a_year_in_their_sentence_are_marked_in_an_older_paragraph() -> None:
    text = "引育高技能人才7533人，招引大学生2.3万人。"
    marked = mark_stale(text, 2026, source_year=2024)
    assert marked == "引育高技能人才7533人【待核】，招引大学生2.3万人【待核】。"
    assert tokens(marked) == ["7533人", "2.3万人"]
    # without knowing the source, a sentence with no old year cannot be told from a current one
    assert mark_stale(text, 2026) == text


def test_same_year_or_newer_source_marks_nothing() -> None:
    text = "2021年资助15类项目。今年新增高企30家，引育人才7533人。"
    assert mark_stale(text, 2026, source_year=2026) == text
    assert mark_stale(text, 2026, source_year=2027) == text


def test_unknown_source_marks_old_years_and_their_sentences_only() -> None:
    text = "2021年资助15类项目，共计9785.06万元。今年新增高企30家。2026年目标120家。"
    marked = mark_stale(text, 2026)
    assert marked == (
        "2021年【待核】资助15类【待核】项目，共计9785.06万元【待核】。"
        "今年新增高企30家。2026年目标120家。"
    )


def test_seed_001_figures_and_rankings_marked_names_and_titles_not() -> None:
    status = seed_line("001", "新认定国家高新技术企业250家，总量达1032家")
    marked = mark_stale(status, 2026, source_year=2025)
    found = tokens(marked)
    assert "1032家" in found and "28.2%" in found and "2024年" in found
    assert "第2位" in found  # a ranking ages with the data behind it
    assert "2024年度" in found
    assert "500强企业" in strip_stale_marks(marked) and "500强【" not in marked
    assert strip_stale_marks(marked) == status

    patents = seed_line("001", "有效发明专利拥有量同比增长达24.8%")
    assert "24.8%【待核】" in mark_stale(patents, 2026, source_year=2025)

    target = seed_line("001", "“315”科技创新体系")
    marked = mark_stale(target, 2026, source_year=2025)
    assert "“315”科技创新体系" in marked and "“35”千百亿" in marked
    assert tokens(marked) == ["2025年", "3.8%", "65亿元", "4.2%", "30家"]

    plan = seed_line("001", "实施意见（2023年—2025年）》")
    assert mark_stale(plan, 2026, source_year=2025) == plan

    standard = seed_line("001", "GB/T29490")
    assert mark_stale(standard, 2026, source_year=2025) == standard


def test_names_with_digits_are_not_figures() -> None:
    text = (
        "形成“3+3”现代产业体系，承担了国家“863”项目，高效运营“8718”公共服务平台，"
        "参照GB/T29490贯标，承担863项目，发布人才新政3.0版，联系电话89553541，"
        "第176号提案，第2批试点，2家企业入选第3次会议名单。"
    )
    marked = mark_stale(text, 2026, source_year=2022)
    assert tokens(marked) == ["2家"]


def test_targets_durations_fractions_and_full_width_digits_are_figures() -> None:
    text = "力争新增高新技术企业100家以上，连续3年获评优秀，占全市近1/3，新增１２家，投资3-5亿元。"
    marked = mark_stale(text, 2026, source_year=2023)
    assert tokens(marked) == ["100家", "3年", "1/3", "１２家", "3-5亿元"]
    assert "100家【待核】以上" in marked


def test_relative_words_and_only_older_years_are_marked() -> None:
    text = "今年一季度兑现率超50%，截至目前累计2460万元，到2027年达到200家。"
    marked = mark_stale(text, 2026, source_year=2024)
    assert tokens(marked) == ["今年", "50%", "截至目前", "2460万元", "200家"]
    assert "2027年【" not in marked


def test_marking_is_idempotent_and_strip_restores_the_text() -> None:
    text = seed_line("002", "引育高技能人才7533人")
    for source_year in (2024, None):
        once = mark_stale(text, 2026, source_year=source_year)
        assert mark_stale(once, 2026, source_year=source_year) == once
        assert strip_stale_marks(once) == text
    once = mark_stale(text, 2026, source_year=2024)
    assert once.count(STALE_MARK) == len(find_stale_marks(once)) > 10
    assert not re.search(f"{STALE_MARK}{STALE_MARK}", once)


def test_each_mark_names_the_token_it_follows() -> None:
    marked = mark_stale("居宁波第2位，增长14%，截至目前贷款490亿元。", 2026, source_year=2025)
    for mark in find_stale_marks(marked):
        assert marked[: mark.start].endswith(mark.token)
    assert tokens(marked) == ["第2位", "14%", "截至目前", "490亿元"]


def test_a_reused_library_paragraph_carries_its_source_year_into_the_marks() -> None:
    source = Source(file="002.txt", unit="海宁市科学技术局", year=2024)
    entry = Entry(
        id="talent",
        kind="measure",
        section="status",
        headings=[],
        text="（四）引育高技能人才7533人,招引大学生2.3万人。",
        source=source,
    )
    assert reuse_text(entry, 2026) == "引育高技能人才7533人【待核】，招引大学生2.3万人【待核】。"
    assert reuse_text(entry, 2024) == "引育高技能人才7533人，招引大学生2.3万人。"
