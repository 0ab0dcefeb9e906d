"""The topic gate: a paragraph pre-fills a skeleton only when it shares the title's distinctive
bigrams, not merely generic words every reply uses."""

from replydraft.compose.skeleton import fill_items
from replydraft.draft.model import ProposalMeta
from replydraft.library.model import Entry, Source
from replydraft.library.store import Library
from replydraft.text.topic import Topic


def test_generic_words_are_not_topic_evidence() -> None:
    topic = Topic.of("加强农村道路安全管理")
    assert "管理" not in topic.terms and "加强" not in topic.terms
    assert {"农村", "道路", "安全"} <= topic.terms
    assert not topic.covers("健全人才工作和管理机制，加强考核。")
    assert topic.covers("我局对农村公路开展安全隐患排查，增设警示标志。")


def test_a_title_of_generic_words_judges_nothing() -> None:
    assert Topic.of("关于加强工作的建议").covers("任何段落")


def _measure(text: str) -> Entry:
    return Entry(f"m-{abs(hash(text))}", "measure", "status", [], text, Source("a.txt", year=2024))


def test_skeleton_prefills_on_topic_paragraphs_only() -> None:
    library = Library(
        [
            _measure("健全人才工作和管理机制，优化人才工作考核办法，加强管理。"),
            _measure("加强农村道路安全管理，完成村道急弯路段护栏安装120公里。"),
        ]
    )
    meta = ProposalMeta(title="关于加强农村道路安全管理的建议", unit="某县交通运输局")
    status, _next = fill_items(meta, library, min_score=0.0)
    texts = [item.text for item in status]
    assert any("护栏" in t for t in texts)
    assert not any("人才" in t for t in texts)
