"""Ranking sanity on the bundled default library (built from the five seed replies)."""

from __future__ import annotations

import re

import pytest

from replydraft.library.seeds import default_library
from replydraft.library.store import Library
from replydraft.matching import search


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    mp = pytest.MonkeyPatch()
    mp.setenv("REPLYDRAFT_HOME", str(tmp_path_factory.mktemp("home")))
    lib = default_library()
    yield lib
    mp.undo()


def test_keyword_returns_on_topic_paragraphs_first(library: Library) -> None:
    matches = search(library, "科技金融", top=3)
    assert len(matches) == 3
    for match in matches:
        on_topic = "科技金融" in match.entry.text or any(
            "科技金融" in h for h in match.entry.headings
        )
        assert on_topic, match.entry.text[:40]
    assert matches[0].score >= matches[-1].score


def test_abbreviation_finds_full_form(library: Library) -> None:
    matches = search(library, "高企", top=5)
    assert matches
    assert all("高新技术企业" in m.entry.text or "高企" in m.entry.text for m in matches)
    assert any("高新技术企业" in m.entry.text and "高企" not in m.entry.text for m in matches)


def test_title_query_strips_frame(library: Library) -> None:
    matches = search(library, "关于加强高新技术企业培育的建议", top=5)
    assert matches and all(
        "高新技术企业" in m.entry.text or "高企" in m.entry.text for m in matches[:3]
    )


def test_pasted_edited_fragment_refinds_paragraph(library: Library) -> None:
    target = next(e for e in library.entries if e.kind == "measure" and "科技独角兽" in e.text)
    edited = re.sub(r"\d+", "7", target.text[10:120]).replace("慈溪", "余姚")
    edited = edited.replace("，", "。", 1)
    assert search(library, edited)[0].entry is target


def test_spans_are_inside_the_text(library: Library) -> None:
    for match in search(library, "知识产权 质押", top=5):
        assert match.spans
        for start, end in match.spans:
            assert 0 <= start < end <= len(match.entry.text)
        assert any(match.entry.text[s:e] in ("知识产权", "质押") for s, e in match.spans)


def test_section_preference_on_seeds(library: Library) -> None:
    status = search(library, "高新技术企业", section="status", top=3)
    steps = search(library, "高新技术企业", section="next_steps", top=3)
    assert status[0].entry.section == "status"
    assert steps[0].entry.section == "next_steps"
