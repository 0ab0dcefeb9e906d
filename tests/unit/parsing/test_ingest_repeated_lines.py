"""A short line repeated across many files of one ingest is furniture, never a measure."""

from __future__ import annotations

from pathlib import Path

from replydraft.library.ingest import build_library, repeated_lines

LETTER = (
    "张{n}代表:\n"
    "您提出的《关于改善{place}道路的建议》收悉,现答复如下:\n"
    "我局已将{place}道路纳入{year}年改造计划,计划投资{n}00万元,预计年底前完工。\n"
    "{extra}"
    "感谢您对交通工作的关心和支持。\n"
    "某县交通运输局\n"
    "{year}年6月{n}日\n"
)
PLACES = ("龙潭村", "石桥镇", "青山乡", "白水村", "河口镇")
FOOTER = "本站由某某科技公司维护运营\n"
SET_PARAGRAPH = (
    "下一步,我局将继续积极向上争取项目资金,加大农村公路建设投入力度,"
    "统筹推进农村公路建设、管理、养护和运营工作,切实改善群众出行条件,助力乡村振兴。\n"
)


def _measures(folder: Path, count: int, extra: str) -> list[str]:
    for n in range(1, count + 1):
        text = LETTER.format(n=n, place=PLACES[n - 1], year=2018 + n, extra=extra)
        (folder / f"r{n}.txt").write_text(text, encoding="utf-8")
    library = build_library([folder])
    return [e.text for e in library.entries if e.kind == "measure"]


def test_line_repeated_across_the_ingest_is_not_a_measure(tmp_path: Path) -> None:
    kept = _measures(tmp_path, 5, FOOTER)
    assert not any("维护运营" in text for text in kept)
    assert any("龙潭村" in text or "河口镇" in text for text in kept)


def test_too_few_files_are_no_evidence(tmp_path: Path) -> None:
    assert any("维护运营" in text for text in _measures(tmp_path, 2, FOOTER))


def test_a_long_set_paragraph_stays_a_measure(tmp_path: Path) -> None:
    assert any(
        text.startswith("下一步,我局将继续") for text in _measures(tmp_path, 5, SET_PARAGRAPH)
    )


def test_repeated_lines_thresholds() -> None:
    texts = [f"页脚 甲\n正文{n}" for n in range(3)] + [f"正文{n}" for n in range(3, 10)]
    assert repeated_lines(texts) == {"页脚甲"}  # 3 of 10 files: at least 3 and 30%
    assert repeated_lines(texts + ["正文x"]) == set()  # 3 of 11 is under 30%
    assert repeated_lines(["页脚", "页脚"]) == set()
