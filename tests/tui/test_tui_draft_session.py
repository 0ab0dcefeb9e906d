"""DraftSession (no Textual): what a save would do to the file there, and when a draft is
really saved."""

from __future__ import annotations

from pathlib import Path

from replydraft.draft.model import Draft, DraftPart, Paragraph, ProposalMeta
from replydraft.draft.session import DraftSession, FileStamp, copy_path, safe_name


def saved_draft(path: Path, text: str = "现状一段。") -> Draft:
    draft = Draft(ProposalMeta(title="关于某某的建议"), [DraftPart("status", [Paragraph(text)])])
    draft.save(path)
    return draft


def test_a_new_session_on_a_missing_file_is_free_and_saved_when_empty(tmp_path: Path) -> None:
    target = tmp_path / "新.draft.yaml"
    session = DraftSession.start(target, ProposalMeta(title=""))
    assert session.path == target and session.stamp is None
    assert session.save_check(target) == "free"
    assert session.really_saved("")
    assert not session.really_saved("正文")


def test_a_file_this_session_did_not_load_is_replace(tmp_path: Path) -> None:
    other = tmp_path / "别人的.draft.yaml"
    saved_draft(other)
    session = DraftSession.start(None, ProposalMeta(title="关于某某的建议"))
    assert session.save_check(other) == "replace"


def test_our_file_is_ours_until_someone_else_changes_it(tmp_path: Path) -> None:
    path = tmp_path / "答复.draft.yaml"
    saved_draft(path)
    session = DraftSession.start(path, ProposalMeta())
    text = session.initial_text
    assert session.save_check(path) == "ours"
    assert session.really_saved(text)
    path.touch()  # a new mtime, the same bytes: still ours
    assert session.save_check(path) == "ours"
    saved_draft(path, "别人写的。")
    assert session.save_check(path) == "conflict"
    assert session.changed_on_disk() and not session.really_saved(text)
    session.saved(path, text)  # after we overwrite it, it is ours again
    assert session.save_check(path) == "ours"
    path.unlink()
    assert session.changed_on_disk()  # removed: not saved any more


def test_a_symlink_to_our_file_is_our_file(tmp_path: Path) -> None:
    real = tmp_path / "team" / "答复.draft.yaml"
    real.parent.mkdir()
    saved_draft(real)
    link = tmp_path / "link.draft.yaml"
    link.symlink_to(real)
    session = DraftSession.start(link, ProposalMeta())
    assert session.save_check(real) == "ours"
    assert session.save_check(link) == "ours"


def test_recovered_session_knows_the_file_only_by_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "答复.draft.yaml"
    draft = saved_draft(path)
    known = FileStamp.of(path)
    assert known is not None
    session = DraftSession.start(None, ProposalMeta())
    session.recovered(draft, path, known.sha256)
    assert session.save_check(path) == "ours"
    assert session.dirty and session.has_unsaved(session.initial_text)
    unknown = DraftSession.start(None, ProposalMeta())
    unknown.recovered(draft, path, None)
    assert unknown.save_check(path) == "replace"  # nothing known about it: ask
    saved_draft(path, "之后又被改过。")
    assert session.save_check(path) == "conflict"


def test_copy_names_keep_the_suffix_and_never_collide(tmp_path: Path) -> None:
    draft = tmp_path / "答复.draft.yaml"
    assert copy_path(draft) == tmp_path / "答复（副本）.draft.yaml"
    (tmp_path / "答复（副本）.draft.yaml").write_text("x", encoding="utf-8")
    assert copy_path(draft) == tmp_path / "答复（副本2）.draft.yaml"
    assert copy_path(tmp_path / "答复.body.txt") == tmp_path / "答复（副本）.body.txt"
    assert copy_path(tmp_path / "答复.docx") == tmp_path / "答复（副本）.docx"


def test_default_path_is_a_safe_name_in_the_folder(tmp_path: Path) -> None:
    session = DraftSession.start(None, ProposalMeta(title='关于/某 某:"的建议'))
    assert session.default_path(tmp_path) == tmp_path / "关于某某的建议.draft.yaml"
    assert safe_name("") == ""
