"""Merging observations into entries: ids, near-duplicates as versions, officer fields kept."""

from __future__ import annotations

from replydraft.library.ingest import Merger, observations, source_of, year_in_text
from replydraft.library.keys import entry_id, normalise
from replydraft.library.store import Library
from replydraft.parsing.reply import Measure, Part, Reply

FINANCE_2021 = "大力发展科技金融。至2021年，科技贷款余额达到484亿元，同比增长15.2%。"
FINANCE_2022 = "大力发展科技金融。至2022年，科技贷款余额达到520亿元，同比增长17.1%。"
TALENT = "加快本土人才培养。继续组织实施上林人才培养工程、上林工匠行动计划等市本级人才培养工程。"
TALENT_EDITED = (
    "加快本土人才培养。继续组织实施上林人才培养工程、上林工匠行动计划等本级人才培养工程。"
)


def reply(
    date: str | None, *texts: str, closing: str = "最后，再次感谢您对我们科技工作的关心和支持！"
) -> Reply:
    return Reply(
        date=date,
        responding_unit="慈溪市科学技术局",
        proposal_title="关于加强企业创新的建议",
        parts=[
            Part("thanks", "首先，感谢您对我们科技工作的关心和支持！"),
            Part("closing", closing),
        ],
        measures=[
            Measure("next_steps", ["三、完善创新生态环境"], f"{i + 1}、", t)
            for i, t in enumerate(texts)
        ],
    )


def merge(library: Library, file: str, item: Reply) -> tuple[int, int, int]:
    merger = Merger(library)
    for obs in observations(item, source_of(item, file)):
        merger.add(obs)
    return merger.counts()


def test_normalised_text_ignores_ordinal_punctuation_width_and_figures() -> None:
    assert normalise("一是大力发展科技金融。至2021年") == normalise(
        "（一）大力发展科技金融,至２０２２年"
    )
    assert entry_id("measure", normalise(FINANCE_2021)) == entry_id(
        "measure", normalise(FINANCE_2022)
    )
    assert entry_id("measure", normalise(FINANCE_2021)) != entry_id(
        "closing", normalise(FINANCE_2021)
    )
    assert normalise(TALENT) != normalise(TALENT_EDITED)


def test_set_phrases_and_measures_become_entries_of_their_kind() -> None:
    library = Library()
    assert merge(library, "a.txt", reply("2022-06-22", FINANCE_2021, TALENT)) == (4, 0, 0)
    assert [e.kind for e in library.entries] == ["thanks", "measure", "measure", "closing"]
    assert [e.section for e in library.entries] == ["thanks", "next_steps", "next_steps", "closing"]
    finance = library.entries[1]
    assert finance.headings == ["三、完善创新生态环境"]
    assert finance.text == FINANCE_2021  # without its ordinal `1、`
    assert finance.tags == ["科技金融"]
    assert finance.source.file == "a.txt" and finance.source.year == 2022
    assert finance.source.proposal_title == "关于加强企业创新的建议"


def test_changed_figures_make_a_version_not_a_new_entry() -> None:
    library = Library()
    merge(library, "2022.txt", reply("2022-06-22", FINANCE_2021))
    first_id = library.entries[1].id
    # The same thanks and closing seen in a newer reply take its source: three entries updated.
    assert merge(library, "2023.txt", reply("2023-05-10", FINANCE_2022)) == (0, 3, 0)
    assert library.entries[0].source.file == "2023.txt" and library.entries[0].versions == []
    finance = library.get(first_id)
    assert finance.text == FINANCE_2022 and finance.source.file == "2023.txt"
    assert [(v.text, v.source.file) for v in finance.versions] == [(FINANCE_2021, "2022.txt")]
    assert len(library.entries) == 3


def test_an_older_reply_arriving_later_becomes_an_older_version() -> None:
    library = Library()
    merge(library, "2023.txt", reply("2023-05-10", FINANCE_2022, TALENT_EDITED))
    merge(library, "2022.txt", reply("2022-06-22", FINANCE_2021, TALENT))
    finance, talent = library.entries[1], library.entries[2]
    assert finance.text == FINANCE_2022 and [v.text for v in finance.versions] == [FINANCE_2021]
    # A small edit (not only figures) is grouped by the rapidfuzz near-duplicate check.
    assert talent.text == TALENT_EDITED and [v.text for v in talent.versions] == [TALENT]
    assert len(library.entries) == 4


def test_merging_the_same_replies_again_changes_nothing() -> None:
    library = Library()
    merge(library, "2022.txt", reply("2022-06-22", FINANCE_2021, TALENT))
    merge(library, "2023.txt", reply("2023-05-10", FINANCE_2022, TALENT_EDITED))
    from replydraft.library.yaml_format import dump_library

    before = dump_library(library.entries)
    assert merge(library, "2022.txt", reply("2022-06-22", FINANCE_2021, TALENT)) == (0, 0, 4)
    assert merge(library, "2023.txt", reply("2023-05-10", FINANCE_2022, TALENT_EDITED)) == (0, 0, 4)
    assert dump_library(library.entries) == before


def test_officer_fields_survive_a_newer_version() -> None:
    library = Library()
    merge(library, "2022.txt", reply("2022-06-22", FINANCE_2021))
    finance = library.entries[1]
    finance.notes, finance.pinned, finance.retired = "核实贷款余额", True, True
    finance.tags.append("我的标签")
    merge(library, "2023.txt", reply("2023-05-10", FINANCE_2022))
    assert (finance.notes, finance.pinned, finance.retired) == ("核实贷款余额", True, True)
    assert finance.text == FINANCE_2022 and "我的标签" in finance.tags


def test_different_paragraphs_stay_apart() -> None:
    library = Library()
    merge(
        library,
        "a.txt",
        reply(
            "2022-06-22",
            FINANCE_2021,
            TALENT,
            "推动企业研发机构建设，实施企业研发机构扩面提质行动。",
        ),
    )
    assert len({e.id for e in library.entries}) == len(library.entries) == 5


def test_near_duplicates_within_one_reply_are_not_versions_of_each_other() -> None:
    library = Library()
    merge(library, "a.txt", reply("2022-06-22", TALENT, TALENT_EDITED))
    assert [e.text for e in library.entries if e.kind == "measure"] == [TALENT, TALENT_EDITED]


def test_year_comes_from_the_date_else_from_the_text() -> None:
    assert source_of(reply("2024-05-22"), "x.txt").year == 2024
    undated = reply(None)
    undated.parts.append(Part("status", "至2021年，2016年，3000年"))
    assert source_of(undated, "x.txt").year == 2021
    assert year_in_text("没有年份") is None
