"""Officers' templates override the shipped ones; their mistakes are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from replydraft.anatomy import PART_KINDS
from replydraft.compose.skeleton import build_skeleton
from replydraft.compose.templates import TEMPLATE_FOR, render_parts, short_session
from replydraft.draft.model import ProposalMeta
from replydraft.errors import ReplydraftError
from replydraft.files import locations, resources

META = ProposalMeta(
    title="关于加快人工智能产业发展的建议",
    number=12,
    session="市十八届人大二次会议",
    proposer="张三",
)


@pytest.fixture(autouse=True)
def user_templates(home: Path) -> Path:
    folder = locations.user_templates_dir()
    folder.mkdir(parents=True)
    return folder


def write(folder: Path, text: str, name: str = "suggestion_reply.txt.j2") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_templates_name_their_parts_in_reply_order() -> None:
    for name in set(TEMPLATE_FOR.values()):
        text = (resources.templates_dir() / name).read_text(encoding="utf-8")
        blocks = [line.split()[2] for line in text.splitlines() if line.startswith("{% block ")]
        assert blocks == [k for k in PART_KINDS if k in blocks], name
        assert {
            "title",
            "salutation",
            "acknowledgement",
            "status",
            "next_steps",
            "closing",
            "signature",
        } <= set(blocks)


def test_an_officers_template_of_the_same_name_wins(user_templates: Path) -> None:
    write(user_templates, "{% block title %}{{ unit }}关于{{ session }}第{{ number }}号建议的答复意见{% endblock %}\n"
          "{% block closing %}真诚希望您今后多提宝贵意见。{% endblock %}")  # fmt: skip
    draft = build_skeleton(ProposalMeta(**{**META.__dict__, "unit": "海宁市科学技术局"}), None)
    assert [p.kind for p in draft.parts] == ["title", "closing"]
    assert (
        draft.parts[0].paragraphs[0].text
        == "海宁市科学技术局关于市十八届人大二次会议第12号建议的答复意见"
    )


def test_a_missing_field_names_the_file_the_line_and_the_field(user_templates: Path) -> None:
    path = write(
        user_templates,
        "{% block title %}\n答复\n{% endblock %}\n{% block closing %}\n{{ deputy_phone }}\n{% endblock %}\n",
    )
    with pytest.raises(ReplydraftError) as caught:
        build_skeleton(META, None)
    message = caught.value.one_line()
    assert str(path) in message and "“deputy_phone”" in message and "第 5 行" in message


def test_a_syntax_error_names_the_file_and_line(user_templates: Path) -> None:
    path = write(user_templates, "{% block title %}\n{{ title }\n{% endblock %}\n")
    with pytest.raises(ReplydraftError) as caught:
        build_skeleton(META, None)
    message = caught.value.one_line()
    assert str(path) in message and "第 2 行" in message and "模板语法错误" in message


def test_templates_are_sandboxed(user_templates: Path) -> None:
    write(user_templates, "{% block title %}{{ title.__class__.__mro__ }}{% endblock %}")
    with pytest.raises(ReplydraftError):
        build_skeleton(META, None)
    write(user_templates, "{% block title %}{{ ''.__class__.__subclasses__() }}{% endblock %}")
    with pytest.raises(ReplydraftError, match="不允许|字段"):
        build_skeleton(META, None)


def test_a_block_that_is_not_a_part_is_refused(user_templates: Path) -> None:
    write(user_templates, "{% block title %}答复{% endblock %}{% block footer %}x{% endblock %}")
    with pytest.raises(ReplydraftError, match="footer"):
        build_skeleton(META, None)


def test_an_officers_template_may_extend_a_shipped_one(user_templates: Path) -> None:
    write(
        user_templates,
        '{% extends "proposal_reply.txt.j2" %}{% block closing %}谨此致谢！{% endblock %}',
        "mine.txt.j2",
    )
    parts = render_parts("mine.txt.j2", _context())
    assert [p.kind for p in parts][:2] == ["title", "salutation"]
    assert [p.paragraphs for p in parts if p.kind == "closing"] == [["谨此致谢！"]]


def _context() -> dict:
    from replydraft.compose.skeleton import complete_meta, template_context

    return template_context(complete_meta(META, None))


def test_cli_reports_a_broken_template_on_one_line(user_templates: Path) -> None:
    write(user_templates, "{% block title %}{{ nonsense }}{% endblock %}")
    result = run_cli("skeleton", "--title", META.title, "--no-library")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "suggestion_reply.txt.j2" in result.stderr and "“nonsense”" in result.stderr


def test_the_body_names_the_session_without_the_city() -> None:
    assert short_session("余姚市政协十四届四次会议") == "市政协十四届四次会议"
    assert short_session("市十八届人大一次会议") == "市十八届人大一次会议"
