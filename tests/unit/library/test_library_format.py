"""The library's YAML: written for people, read strictly, never overwritten when unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.errors import ReplydraftError
from replydraft.library.model import Entry, Source, Version
from replydraft.library.store import Library
from replydraft.library.user import library_for_user
from replydraft.library.yaml_format import dump_library


def sample_entries() -> list[Entry]:
    new = Source("b.txt", "慈溪市科学技术局", "2023-05-01", 2023, "关于加强企业创新的建议")
    old = Source("a.txt", "慈溪市科学技术局", None, 2022, None)
    return [
        Entry(
            id="m-000000000001",
            kind="measure",
            section="next_steps",
            headings=["三、完善创新生态环境"],
            text="大力发展科技金融。至2022年，科技贷款余额达到520亿元。",
            source=new,
            versions=[Version("大力发展科技金融。至2021年，科技贷款余额达到484亿元。", old)],
            tags=["科技金融"],
            notes="今年数字要向金融办核实",
            pinned=True,
        ),
        Entry(
            id="h-000000000002",
            kind="handling",
            section="handling",
            headings=[],
            text="我局高度重视该建议办理工作，\n成立了建议办理工作小组。现答复如下：",
            source=old,
            retired=True,
        ),
    ]


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "library.yaml"
    Library(sample_entries()).save(path)
    loaded = Library.load(path)
    assert loaded.entries == sample_entries()
    assert loaded.get("m-000000000001").pinned is True
    assert loaded.get("nope") is None


def test_yaml_is_for_people() -> None:
    text = dump_library(sample_entries())
    sources = (
        "format: 1\nsources:\n"
        "  b.txt:\n    unit: 慈溪市科学技术局\n    date: '2023-05-01'\n    year: 2023\n"
        "    proposal_title: 关于加强企业创新的建议\n"
        "  a.txt:\n    unit: 慈溪市科学技术局\n    year: 2022\n"
        "entries:\n- id: m-000000000001\n  kind: measure\n"
    )
    assert sources in text  # allow_unicode: Chinese is not escaped
    assert "  text: |-\n    我局高度重视该建议办理工作，\n    成立了建议办理工作小组。" in text
    first = text[text.index("- id: m-000000000001") : text.index("- id: h-000000000002")]
    keys = [
        line[2:].split(":")[0]
        for line in first.splitlines()
        if line[2:3] not in (" ", "-", "") and ":" in line
    ]
    assert keys == [
        "id",
        "kind",
        "section",
        "headings",
        "text",
        "source",
        "versions",
        "tags",
        "notes",
        "pinned",
    ]
    assert "  source: b.txt\n  versions:\n  - text: 大力发展科技金融。至2021年" in first
    # Defaults are left out: the second entry has no versions, notes or pinned lines.
    second = text[text.index("- id: h-000000000002") :]
    assert "versions:" not in second and "notes:" not in second and "pinned:" not in second
    assert "retired: true" in second


def test_chunked_writing_equals_one_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    from replydraft.files.yaml import dump_yaml
    from replydraft.library import yaml_format as library_format

    entries = sample_entries()
    labels = library_format.source_labels(entries)
    whole = library_format.HEADER + dump_yaml(
        {
            "format": 1,
            "sources": {
                label: library_format.source_fields(s, label) for s, label in labels.items()
            },
            "entries": [library_format.entry_to_dict(e, labels) for e in entries],
        }
    )
    monkeypatch.setattr(library_format, "_WRITE_CHUNK", 1)
    assert dump_library(entries) == whole


def test_two_replies_with_the_same_file_name_keep_their_own_source(tmp_path: Path) -> None:
    one = Source("答复.docx", "慈溪市科学技术局", None, 2021, None)
    two = Source("答复.docx", "余姚市科学技术局", None, 2023, None)
    entries = [
        Entry("m-1", "measure", "status", [], "第一段文字内容", one),
        Entry("m-2", "measure", "status", [], "第二段文字内容", two),
    ]
    Library(entries).save(tmp_path / "library.yaml")
    text = (tmp_path / "library.yaml").read_text(encoding="utf-8")
    assert "  答复.docx (2):\n    file: 答复.docx\n" in text
    assert [e.source for e in Library.load(tmp_path / "library.yaml").entries] == [one, two]


def test_a_hand_added_entry_needs_only_text(tmp_path: Path) -> None:
    path = tmp_path / "library.yaml"
    path.write_text(
        "format: 1\nentries:\n- text: 加强知识产权保护，设立知识产权保护工作站。\n",
        encoding="utf-8",
    )
    entry = Library.load(path).entries[0]
    assert entry.kind == "measure" and entry.section == "other"
    assert entry.id.startswith("m-") and entry.source.file == ""


def test_unquoted_date_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "library.yaml"
    path.write_text(
        "entries:\n- text: 一段文字内容\n  source: {file: a.txt, date: 2024-05-22, year: 2024}\n",
        encoding="utf-8",
    )
    assert Library.load(path).entries[0].source.date == "2024-05-22"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("format: 1\nentries:\n- id: a\n  text: [unclosed\n", 5, "YAML 格式错误"),
        ("format: 1\nentries:\n  id: a\n  text: hi\n", 2, "`entries` 应为列表"),
        ("- text: hello there\n", 1, "应为含 `format: 1`"),
        (
            "format: 1\nentries:\n- id: a\n  text: 第一段文字\n- id: b\n  kind: measure\n",
            5,
            "第 2 条没有 text",
        ),
        (
            "format: 1\nentries:\n- id: a\n  text: 第一段文字\n  pinned: yes please\n",
            5,
            "pinned 应为 true 或 false",
        ),
        (
            "format: 1\nentries:\n- id: a\n  text: 第一段文字\n  note: 核实\n",
            5,
            "不认识的字段“note”",
        ),
        (
            "format: 1\nentries:\n- id: a\n  text: 第一段文字\n- id: a\n  text: 第二段文字\n",
            5,
            "编号“a”重复",
        ),
        ("format: 2\nentries: []\n", 1, "更新版本"),
        ("entries:\n- text: 第一段文字\n  kind: paragraph\n", 3, "kind 应为"),
        (
            "entries:\n- text: 第一段文字\n  source: {file: a.txt, year: last}\n",
            3,
            "year 应为数字",
        ),
        (
            "sources:\n  a.txt: {year: 2021}\nentries:\n- text: 第一段文字\n  source: b.txt\n",
            5,
            "来源“b.txt”未列在",
        ),
        ("sources:\n  a.txt: {year: 2021, place: here}\nentries: []\n", 2, "不认识的字段“place”"),
    ],
)
def test_bad_library_is_one_line_error_with_line_number(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "library.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReplydraftError) as caught:
        Library.load(path)
    message = caught.value.one_line()
    assert "\n" not in message
    assert str(path) in message and words in message
    assert f"第 {line} 行：" in message
    assert path.read_text(encoding="utf-8") == text


def test_missing_library_for_loading_is_an_error_but_fine_for_ingest(tmp_path: Path) -> None:
    with pytest.raises(ReplydraftError, match="段落库不存在"):
        library_for_user(tmp_path / "none.yaml")
    fresh = library_for_user(tmp_path / "none.yaml", missing_ok=True)
    assert fresh.entries == [] and fresh.path == tmp_path / "none.yaml"


def test_for_user_prefers_the_officers_own_library(home: Path) -> None:
    from replydraft.files import locations

    Library(sample_entries()).save(locations.user_library())
    assert library_for_user().path == locations.user_library()
    assert len(library_for_user()) == 2


def test_default_library_cannot_be_saved_without_a_path() -> None:
    with pytest.raises(ReplydraftError, match="默认段落库"):
        Library([]).save()


def test_chunked_reading_gives_what_safe_load_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from replydraft.library import yaml_format as library_format

    monkeypatch.setattr(library_format, "_CHUNK", 2)
    entries = sample_entries() * 3
    for n, entry in enumerate(entries):
        entries[n] = Entry(**{**{f: getattr(entry, f) for f in entry.__slots__}, "id": f"m-{n}"})
    text = dump_library(entries)
    assert library_format.parse_library_text(text) == yaml.safe_load(text)


def test_chunked_reading_falls_back_to_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from replydraft.library import yaml_format as library_format

    monkeypatch.setattr(library_format, "_CHUNK", 1)
    # A top-level key after the entries is not the usual layout, yet valid YAML.
    odd = dump_library(sample_entries()) + "format: 1\n"
    assert library_format.parse_library_text(odd, "lib.yaml") == yaml.safe_load(odd)
    # A chunk that does not parse on its own: the whole text's error, with its line.
    broken = dump_library(sample_entries()) + "- text: 'unclosed\n- text: x\n"
    with pytest.raises(ReplydraftError, match="YAML 格式错误：第 40 行"):
        library_format.parse_library_text(broken, "lib.yaml")
