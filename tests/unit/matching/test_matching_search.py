"""Matching on small hand-built libraries: ranking rules, spans, filters, odd queries, the cache."""

from __future__ import annotations

import time

import numpy as np
import pytest

from replydraft.errors import ReplydraftError
from replydraft.library.model import Entry, Source, Version
from replydraft.library.store import Library
from replydraft.matching import Match, search
from replydraft.matching.index_store import IndexStore, cache_path

FINANCE = "大力发展科技金融，推动科技贷款贴息、知识产权质押贷款等科技信贷产品落地，破解科技型中小企业融资难题。"
TALENT = (
    "依托高层次人才引进计划，鼓励企业加大高层次人才引进，吸引青年创新人才来我市开展科技创新工作。"
)
HIGHTECH = (
    "完善高新技术企业培育路径方式，落实税收优惠及奖补政策，推动科技型中小企业认定为高新技术企业。"
)
ROADS = "我局已将该段道路上报为破损路改造项目，对乡村道路进行硬化和维护，保障群众安全出行。"
SCHOOL = "将都龙小学搬迁列入教育发展规划，待选址确定、项目批准后即可实施学校建设工作。"


def entry(
    text: str,
    *,
    section: str = "next_steps",
    year: int | None = 2022,
    unit: str | None = "慈溪市科学技术局",
    pinned: bool = False,
    retired: bool = False,
    versions: list[Version] | None = None,
    ident: str | None = None,
) -> Entry:
    source = Source(
        file="x.txt", unit=unit, date=None, year=year, proposal_title="关于加强企业创新的建议"
    )
    return Entry(
        id=ident or f"m-{abs(hash(text)) % 10**12:012d}",
        kind="measure",
        section=section,
        headings=["一、加快科技企业主体培育"],
        text=text,
        source=source,
        versions=versions or [],
        tags=[],
        pinned=pinned,
        retired=retired,
    )


@pytest.fixture
def library() -> Library:
    texts = [FINANCE, TALENT, HIGHTECH, ROADS, SCHOOL]
    return Library([entry(t) for t in texts], None, "")


def texts_of(matches: list[Match]) -> list[str]:
    return [m.entry.text for m in matches]


def test_keyword_finds_its_paragraph_first(library: Library) -> None:
    matches = search(library, "科技金融")
    assert matches[0].entry.text == FINANCE
    assert 0 <= matches[0].score <= 100
    assert all(0 <= m.score <= 100 for m in matches)


def test_spans_point_at_the_matched_characters(library: Library) -> None:
    match = search(library, "知识产权质押")[0]
    assert match.entry.text == FINANCE
    assert [FINANCE[s:e] for s, e in match.spans] == ["知识产权质押"]


def test_full_width_and_case_fold_before_matching() -> None:
    lib = Library([entry("推进ＡＩ赋能制造业，全年新增研发机构１２家。"), entry(SCHOOL)], None, "")
    match = search(lib, "ai赋能")[0]
    assert "ＡＩ" in match.entry.text
    assert [match.entry.text[s:e] for s, e in match.spans] == ["ＡＩ赋能"]


def test_synonym_abbreviation_finds_full_form(library: Library) -> None:
    matches = search(library, "高企")
    assert matches and matches[0].entry.text == HIGHTECH
    assert all("高新技术企业" in HIGHTECH[s:e] for s, e in matches[0].spans)


def test_user_synonyms_extend_the_table(library: Library, home) -> None:
    assert not search(library, "道硬")
    (home / "config").mkdir(parents=True)
    (home / "config" / "synonyms.yaml").write_text(
        "groups:\n  - [道路进行硬化, 道硬]\n", encoding="utf-8"
    )
    assert search(library, "道硬")[0].entry.text == ROADS


def test_title_frame_is_stripped(library: Library) -> None:
    matches = search(library, "关于加快建设乡村道路维修及维护的提案")
    assert matches[0].entry.text == ROADS


def test_keywords_with_spaces(library: Library) -> None:
    matches = search(library, "人才引进 青年")
    assert matches[0].entry.text == TALENT


def test_edited_fragment_refinds_paragraph(library: Library) -> None:
    edited = "推动科技型中小企业认定为高新技术企业，完善高企培育路径，落实2024年税收优惠政策"
    assert search(library, edited)[0].entry.text == HIGHTECH


def test_figures_count_less_than_words() -> None:
    old = "至2021年，我市有效高新技术企业数量达到484家，各级企业研发机构数量达到1287家。"
    lib = Library(
        [entry(old), entry("至2021年，我市新增规上企业2021家。"), entry(SCHOOL)], None, ""
    )
    query = "至2024年，我市有效高新技术企业数量达到1032家，各级企业研发机构数量达到1500家。"
    assert search(lib, query)[0].entry.text == old


def test_requested_section_is_preferred() -> None:
    status = entry("我市科技金融工作成效明显，科技贷款余额持续增长。", section="status")
    steps = entry("下步将大力发展科技金融，扩大科技贷款规模。", section="next_steps")
    lib = Library([status, steps], None, "")
    assert search(lib, "科技金融", section="status")[0].entry is status
    assert search(lib, "科技金融", section="next_steps")[0].entry is steps


def test_unknown_section_is_an_error(library: Library) -> None:
    with pytest.raises(ReplydraftError, match="不认识的部分"):
        search(library, "科技金融", section="problems")


def test_pinned_ranks_up_and_retired_drops_out() -> None:
    a = entry("推动科技金融发展，扩大科技信贷规模，支持科技型企业融资。")
    b = entry("深化科技金融改革，探索科技金融服务新模式，推动科技金融产品落地。")
    lib = Library([a, b], None, "")
    assert search(lib, "科技金融")[0].entry is b
    a.pinned = True
    assert search(lib, "科技金融")[0].entry is a
    a.retired = True
    assert [m.entry for m in search(lib, "科技金融")] == [b]


def test_newer_year_wins_a_tie() -> None:
    text = "推动科技金融发展，扩大科技信贷规模。"
    old, new = entry(text, year=2015, ident="m-old"), entry(text, year=2024, ident="m-new")
    lib = Library([old, new], None, "")
    assert search(lib, "科技金融")[0].entry is new


def test_unit_and_since_year_filters() -> None:
    a = entry("推动科技金融发展。", unit="慈溪市科学技术局", year=2020)
    b = entry("推动科技金融发展，扩大规模。", unit="余姚市科技局", year=2024)
    lib = Library([a, b], None, "")
    assert [m.entry for m in search(lib, "科技金融", unit="余姚")] == [b]
    assert [m.entry for m in search(lib, "科技金融", since_year=2021)] == [b]


def test_old_wording_refinds_its_entry_once() -> None:
    old_text = "实施规上企业专利清零行动，引导龙头企业加大知识产权布局。"
    source = Source(file="old.txt", unit=None, date=None, year=2019, proposal_title=None)
    current = entry(
        "实施规上企业发明专利全覆盖行动，推动龙头企业开展专利导航。",
        versions=[Version(old_text, source)],
    )
    lib = Library([current, entry(SCHOOL)], None, "")
    matches = search(lib, "专利清零行动 加大知识产权布局")
    assert matches[0].entry is current
    assert [m.entry for m in matches].count(current) == 1


@pytest.mark.parametrize("query", ["", "   ", "\u3000\n\t", "，。！"])
def test_empty_or_punctuation_query_returns_nothing(library: Library, query: str) -> None:
    assert search(library, query) == []


def test_single_character_query(library: Library) -> None:
    matches = search(library, "桥")
    assert matches == []
    assert search(library, "校")[0].entry.text == SCHOOL


def test_ten_thousand_char_query_returns_fast(library: Library) -> None:
    query = (FINANCE + TALENT + HIGHTECH) * 40
    query = query[:10_000]
    search(library, "预热")  # the index is built once per library, not per query
    start = time.perf_counter()
    matches = search(library, query)
    assert time.perf_counter() - start < 0.2
    assert matches and matches[0].entry.text in {FINANCE, TALENT, HIGHTECH}


def test_top_limits_results(library: Library) -> None:
    assert len(search(library, "科技", top=2)) == 2
    assert search(library, "科技", top=0) == []


def test_index_is_cached_on_disk_and_invalidated(tmp_path, monkeypatch) -> None:
    path = tmp_path / "library.yaml"
    lib = Library([entry(FINANCE), entry(ROADS)], None, "")
    lib.save(path)
    first = Library.load(path)
    assert search(first, "科技金融")[0].entry.text == FINANCE
    cached = cache_path(first.path, first.cache_key)
    assert cached is not None and cached.is_file()

    def no_entries() -> list[Entry]:
        raise AssertionError("entries were read although the saved index is fresh")

    again = Library.load(path)
    # A new process's store maps the saved index and reads no entry.
    assert IndexStore().for_file(again.path, again.cache_key, no_entries).loaded_from_disk
    assert search(again, "科技金融")[0].entry.text == FINANCE

    changed = Library.load(path)
    changed.entries.append(entry(SCHOOL))
    changed.save(path)
    reopened = Library.load(path)
    assert reopened.cache_key != again.cache_key
    fresh = IndexStore().for_file(reopened.path, reopened.cache_key, reopened.read_entries)
    assert not fresh.loaded_from_disk
    assert search(reopened, "学校建设")[0].entry.text == SCHOOL
    assert not cached.exists()  # the old index was pruned


def test_stale_disk_index_is_not_trusted(tmp_path) -> None:
    lib = Library([entry(FINANCE)], None, "same-key")
    search(lib, "科技金融")
    other = Library([entry(SCHOOL)], None, "same-key")
    assert search(other, "学校")[0].entry.text == SCHOOL


def test_in_memory_edit_rebuilds(library: Library) -> None:
    search(library, "科技金融")
    library.entries.append(entry("新建乡镇卫生院，改善群众就医条件。"))
    assert search(library, "卫生院")[0].entry.text.startswith("新建乡镇卫生院")


def test_saved_index_maps_back_identical_and_junk_is_ignored(tmp_path) -> None:
    from replydraft.matching.index import SearchIndex, build_index

    texts = [FINANCE, TALENT, HIGHTECH, ROADS]
    index = build_index(texts, np.arange(len(texts), dtype=np.int32), "print")
    path = tmp_path / "index.cache"
    index.save(path)
    loaded = SearchIndex.load(path)
    assert loaded is not None and loaded.fingerprint == "print"
    for name in ("vocab", "indptr", "docs", "weights", "idf", "doc_entry"):
        assert np.array_equal(getattr(loaded, name), getattr(index, name)), name
        assert getattr(loaded, name).dtype == getattr(index, name).dtype
    path.write_bytes(b"not an index")
    assert SearchIndex.load(path) is None
    path.write_bytes(b"")
    assert SearchIndex.load(path) is None
