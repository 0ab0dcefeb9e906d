"""Issue 10: fuzzing draft YAML shapes, parse input and command-line text: a `ReplydraftError`
(one line) or success, never a traceback; a draft that saves loads back the same."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replydraft import cli
from replydraft.draft.model import Draft
from replydraft.errors import ReplydraftError

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.text(max_size=20),
    st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)),
    st.sampled_from(["status", "reply", "suggestion", "2026-05-20", "2026-02-30", "x\x85y"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
meta_keys = st.sampled_from(
    ["title", "kind", "number", "co_proposers", "role", "date", "phone", "unit", "demands", "x"]
)
paragraphs = st.one_of(
    values,
    st.lists(
        st.one_of(st.text(max_size=30), st.fixed_dictionaries({"text": values}), values), max_size=3
    ),
)
parts = st.one_of(
    values,
    st.lists(
        st.fixed_dictionaries(
            {"kind": st.one_of(st.sampled_from(["status", "next_steps", "title"]), values)},
            optional={"paragraphs": paragraphs, "comment": values},
        ),
        max_size=3,
    ),
)
drafts = st.fixed_dictionaries(
    {"meta": st.one_of(st.dictionaries(meta_keys, values, max_size=5), values)},
    optional={"format": st.one_of(st.integers(0, 3), values), "parts": parts, "extra": values},
)


@FUZZ
@given(document=drafts)
def test_any_draft_shape_loads_or_is_one_line(tmp_path: Path, document: dict) -> None:
    path = tmp_path / "fuzz.draft.yaml"
    try:
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    except UnicodeEncodeError:
        return
    try:
        draft = Draft.load(path)
    except ReplydraftError as exc:
        assert "\n" not in exc.one_line()
        return
    draft.save(path)
    assert Draft.load(path).to_dict() == draft.to_dict()


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_parses_without_a_traceback(text: str) -> None:
    from replydraft.parsing import parse_reply

    parse_reply(text)


@FUZZ
@given(
    words=st.lists(
        st.text(st.characters(blacklist_categories=("Cc",)), min_size=1, max_size=12),
        min_size=1,
        max_size=3,
    ),
    command=st.sampled_from(["search", "config-set", "skeleton"]),
)
def test_any_command_line_text_is_handled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, words: list[str], command: str
) -> None:
    monkeypatch.setenv("REPLYDRAFT_HOME", str(tmp_path / "home"))
    if command == "search":
        args = ["search", "--", *words]
    elif command == "config-set":
        args = ["config", "set", "unit", words[0]]
    else:
        args = ["skeleton", "--no-library", "--title", words[0]]
    try:
        code = cli.main(args)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    _out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert code in (0, 2), err
