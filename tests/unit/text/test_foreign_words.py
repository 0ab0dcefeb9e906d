"""Foreign-content marks fall on place names, never inside ordinary words that contain a place
ending (培育路径, 开拓市场, 区域协调, 县域经济)."""

from replydraft.text.foreign import mark_foreign


def test_words_starting_with_a_place_ending_are_not_places() -> None:
    for text in (
        "探索科技成果转化的培育路径。",
        "支持企业开拓国际市场。",
        "推动区域协调发展和县域经济。",
        "完善村级组织运转经费保障。",
    ):
        assert "【待核】" not in mark_foreign(text), text


def test_real_place_names_are_still_marked() -> None:
    marked = mark_foreign("白水镇既庶村道路已硬化，人民路改造已完工。")
    assert "白水镇【待核】" in marked and "人民路【待核】" in marked
