"""The index store and the array search path: exact pruning, lazy libraries, no hidden cycle."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

import replydraft.matching as matching_package
from replydraft.library import cache as library_cache
from replydraft.library.model import Entry, Source, Version
from replydraft.library.store import Library
from replydraft.matching import ranking, search
from replydraft.matching.index_store import STORE, IndexStore

PHRASES = [
    "大力发展科技金融",
    "推动知识产权质押贷款",
    "加快高新技术企业培育",
    "完善人才引进政策",
    "推进乡村道路硬化",
    "实施学校建设项目",
    "落实税收优惠政策",
    "扩大科技信贷规模",
    "支持科技型中小企业融资",
    "加强研发机构建设",
]
QUERIES = [
    "科技金融",
    "知识产权 质押",
    "关于加快高新技术企业培育的建议",
    "人才引进 税收优惠",
    "道路",
    "校",
    "推动知识产权质押贷款，扩大科技信贷规模，支持科技型中小企业融资，加快高新技术企业培育",
]


def make_entries(count: int, seed: int = 3) -> list[Entry]:
    rng = random.Random(seed)
    sources = [
        Source(f"f{i}.txt", unit, None, year, None)
        for i, (unit, year) in enumerate(
            [("慈溪市科学技术局", 2019), ("余姚市科技局", 2024), (None, None), ("县教育局", 2022)]
        )
    ]
    entries = []
    for i in range(count):
        text = (
            "，".join(rng.sample(PHRASES, rng.randint(1, 4)))
            + f"，全年新增{rng.randint(1, 99)}家。"
        )
        entries.append(
            Entry(
                id=f"m-{i:06d}",
                kind="measure" if i % 7 else "closing",
                section=rng.choice(("status", "next_steps", "other")),
                headings=[f"{i % 5 + 1}、{rng.choice(PHRASES)}"] if i % 3 else [],
                text=text,
                source=rng.choice(sources),
                versions=[Version(rng.choice(PHRASES) + "。", sources[0])] if i % 11 == 0 else [],
                pinned=i % 13 == 0,
                retired=i % 17 == 0,
            )
        )
    return entries


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    STORE.clear()
    yield
    STORE.clear()


def results(library, query: str, **options) -> list[tuple[str, float, list]]:
    return [(m.entry.id, m.score, m.spans) for m in search(library, query, **options)]


@pytest.mark.parametrize("options", [{}, {"section": "status"}, {"unit": "科技", "top": 3}])
def test_pruned_rescoring_gives_the_results_of_rescoring_every_candidate(
    monkeypatch, options
) -> None:
    library = Library(make_entries(400), None, "")
    pruned = {q: results(library, q, **options) for q in QUERIES}
    assert any(pruned.values())
    monkeypatch.setattr(ranking, "FIRST_BATCH", 10_000)  # every candidate in the first batch
    monkeypatch.setattr(ranking, "USE_BOUNDS", False)  # none skipped for its fuzzy bound
    for query in QUERIES:
        assert results(library, query, **options) == pruned[query], query


def test_a_library_opened_from_its_file_is_searched_without_reading_its_entries(
    tmp_path, monkeypatch
) -> None:
    path = tmp_path / "library.yaml"
    Library(make_entries(300)).save(path)
    held = Library.load(path)
    held.entries  # noqa: B018 - read into memory: the reference results
    expected = {q: results(held, q) for q in QUERIES}
    STORE.clear()

    def refuse(self) -> list[Entry]:
        raise AssertionError("all entries were read")

    lazy = Library.load(path)
    assert lazy.held_entries() is None
    results(lazy, "预热")  # builds and saves the index from a fresh read of the cache
    STORE.clear()
    monkeypatch.setattr(library_cache.CachedEntries, "all", refuse)
    reopened = Library.load(path)
    for query in QUERIES:
        assert results(reopened, query) == expected[query], query
    assert reopened.held_entries() is None
    assert len(reopened) == 300
    first = search(reopened, "科技金融")[0].entry
    assert search(reopened, "科技金融")[0].entry is first  # read once, then the same object


def test_entries_read_later_keep_the_identity_of_results_already_shown(tmp_path) -> None:
    path = tmp_path / "library.yaml"
    Library(make_entries(50)).save(path)
    IndexStore().for_file(path, Library.load(path).cache_key, Library.load(path).read_entries)
    lazy = Library.load(path)
    shown = search(lazy, "科技金融")[0].entry
    assert lazy.entries[lazy.entries.index(shown)] is shown


def test_an_index_of_entries_edited_in_memory_is_not_trusted_for_the_file(tmp_path) -> None:
    path = tmp_path / "library.yaml"
    Library(make_entries(40)).save(path)
    edited = Library.load(path)
    edited.entries.append(Entry("m-new", "measure", "status", [], "新建乡镇卫生院。", Source("n")))
    assert search(edited, "卫生院")[0].entry.id == "m-new"  # indexed under the file's key
    STORE.clear()
    assert not search(Library.load(path), "卫生院")  # the file has no such entry


def test_matching_imports_nothing_inside_functions_and_never_the_library_store() -> None:
    folder = Path(matching_package.__file__).parent
    for module in folder.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{module.name}: import inside {node.name}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("replydraft.library.store"), module.name
