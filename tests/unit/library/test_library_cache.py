"""The derived cache: used when the YAML is unchanged, rebuilt whenever it is not, never trusted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from replydraft.files import cachefiles
from replydraft.library import cache as library_cache
from replydraft.library.model import Entry, Source
from replydraft.library.store import Library


def make_library(path: Path, texts: list[str]) -> Library:
    source = Source(
        "a.txt", "余姚市科学技术局", "2025-05-14", 2025, "关于加强高新技术企业高质量提升的建议"
    )
    entries = [
        Entry(f"m-{i:012x}", "measure", "next_steps", ["三、下步举措"], text, source, tags=["人才"])
        for i, text in enumerate(texts)
    ]
    library = Library(entries)
    library.save(path)
    return library


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("library-*.cache"))


def test_saving_writes_a_cache_that_loading_uses(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.yaml"
    saved = make_library(path, ["加快人才承载平台建设。", "探索成立人才基金。"])
    assert len(cache_files(home)) == 1
    assert saved.cache_key == cachefiles.cache_key(path)

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was parsed although the cache is fresh")

    monkeypatch.setattr("replydraft.library.cache.parse_library_text", no_yaml)
    loaded = Library.load(path)
    assert loaded.entries == saved.entries
    assert loaded.cache_key == saved.cache_key
    # Entries from one reply share one Source again.
    assert loaded.entries[0].source is loaded.entries[1].source


def test_edit_of_the_same_size_and_mtime_invalidates_the_cache(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "library.yaml"
    make_library(path, ["加快人才承载平台建设。", "探索成立人才基金。"])
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("探索成立人才基金", "探索设立人才基金")
    assert len(edited.encode()) == before.st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns

    loaded = Library.load(path)
    assert [e.text for e in loaded.entries] == ["加快人才承载平台建设。", "探索设立人才基金。"]
    assert len(cache_files(home)) == 1  # the stale cache was replaced, not kept


def test_corrupt_cache_is_rebuilt(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "library.yaml"
    saved = make_library(path, ["加快人才承载平台建设。"])
    (cache,) = cache_files(home)
    cache.write_bytes(b"\x00garbage")
    assert Library.load(path).entries == saved.entries
    assert cache.read_bytes() != b"\x00garbage"


def test_cache_of_another_key_is_not_trusted(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "library.yaml"
    make_library(path, ["加快人才承载平台建设。"])
    key = cachefiles.cache_key(path)
    other = Library([Entry("m-1", "measure", "other", [], "别的文字", Source("b.txt"))])
    # A cache file under this key's name but holding another key's content is ignored.
    library_cache.write_cache(cachefiles.cache_file(key, "x"), "another-key", other.entries)
    assert library_cache.read_cache(cachefiles.cache_file(key, "x"), key) is None


def test_unwritable_cache_folder_still_loads(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "library.yaml"
    saved = make_library(path, ["加快人才承载平台建设。"])
    for file in cache_files(home):
        file.unlink()
    (home / "cache").rmdir()
    (home / "cache").write_text("not a folder")  # the cache folder cannot be created
    assert Library.load(path).entries == saved.entries


def test_cache_file_lives_in_the_cache_dir(home: Path) -> None:
    first = cachefiles.cache_file("k1", "index")
    assert first.parent == home / "cache" and first.name.startswith("index-")
    assert cachefiles.cache_file("k2", "index") != first
