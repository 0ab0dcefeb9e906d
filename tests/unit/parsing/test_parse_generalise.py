"""Rules that carry to replies nobody tuned the parser to: the signature found past page
furniture, closings and courtesy never filed as measures, public-record pages, salutations
without a colon or with 您好, one-line and cut-off pages, and texts that are not replies.

Fixtures are small invented texts written here (not corpus copies).
"""

from __future__ import annotations

from replydraft.library.ingest import observations, source_of
from replydraft.parsing import looks_like_reply, parse_reply
from replydraft.parsing.records import restructure
from replydraft.parsing.tail import find_tail


def measures(text: str) -> list[str]:
    """What ingest would keep as measure entries from `text`."""
    reply = parse_reply(text)
    return [o.text for o in observations(reply, source_of(reply, "x.txt")) if o.kind == "measure"]


LETTER = (
    "张三代表:\n"
    "您提出的《关于改善乡村道路的建议》收悉,现答复如下:\n"
    "我局已将该道路纳入2024年改造计划,预计年底前完工。\n"
    "感谢您对交通工作的关心和支持。\n"
    "某县交通运输局\n"
    "2023年6月1日\n"
)


def test_signature_found_past_furniture_after_it() -> None:
    page = LETTER + (
        "(联系人:王五;联系电话:0871-1234567)\n"
        "<!--EndFragment-->\n"
        "上一篇:某县交通运输局对第12号建议的答复\n"
        "相关信息\n"
        "网站地图\n"
        "主办:某县人民政府办公室 滇ICP备05000302号 网站标识码:5326000023\n"
        "春节假期怎么玩?这份攻略请收好\n"
    )
    reply = parse_reply(page)
    assert reply.responding_unit == "某县交通运输局"
    assert reply.date == "2023-06-01"
    assert reply.contacts.handler == "王五"
    assert measures(page) == ["我局已将该道路纳入2024年改造计划,预计年底前完工。"]


def test_tail_roles_from_the_anchor() -> None:
    texts = ["正文。", "感谢您的关心和支持。", "某县水务局", "2020年1月2日", "相关信息", "X"]
    tail = find_tail(texts, 0)
    assert tail.body_end == 1
    assert tail.closing == [1]
    assert tail.signature == [2, 3]
    assert tail.furniture == [4, 5]


def test_closing_sentences_are_not_measures() -> None:
    page = LETTER.replace(
        "感谢您对交通工作的关心和支持。\n",
        "在此恳请您一如既往地关心交通建设事业。\n以上回复,不妥之处请予批评。\n顺致 工作顺利!\n",
    )
    assert measures(page) == ["我局已将该道路纳入2024年改造计划,预计年底前完工。"]


def test_courtesy_split_from_the_first_paragraph() -> None:
    page = LETTER.replace(
        "我局已将",
        "首先感谢您对交通工作的关心。您的建议很有针对性。我局已将",
    )
    assert measures(page) == ["我局已将该道路纳入2024年改造计划,预计年底前完工。"]


def test_praise_of_the_suggestion_is_not_a_measure() -> None:
    page = LETTER.replace(
        "我局已将",
        "一、您的这一建议提的很好,具有一定的参考价值。\n二、我局已将",
    )
    assert [m.text for m in parse_reply(page).measures] == [
        "我局已将该道路纳入2024年改造计划,预计年底前完工。"
    ]


def test_last_heading_with_nothing_under_it_is_not_a_measure() -> None:
    page = LETTER.replace("感谢您", "二、下步工作方向\n感谢您")
    assert measures(page) == ["我局已将该道路纳入2024年改造计划,预计年底前完工。"]


def test_salutation_with_hello() -> None:
    reply = parse_reply(LETTER.replace("张三代表:", "张三代表您好:"))
    assert (reply.addressee, reply.addressee_title) == ("张三", "代表")


def test_co_handling_opinion_salutation_without_colon() -> None:
    page = (
        "某区人民政府对市十五届人大一次会议第0124号代表建议的会办意见\n"
        "市交通委\n"
        "你委转来的王芳代表提出的关于“优化公交线路”的代表建议收悉。现将会办意见函告如下:\n"
        "我区已会同相关街道对沿线站点进行了排摸,梳理出需要调整的站点12处。\n"
        "特此函告。\n"
    )
    reply = parse_reply(page)
    assert looks_like_reply(reply)
    assert reply.doc_type == "co_opinion"
    assert reply.addressee == "市交通委"
    assert reply.proposer == "王芳"
    assert reply.number == 124


def test_public_record_page() -> None:
    page = (
        "某县交通运输局对某县十六届人大四次会议第35号建议的答复\n"
        "建议标题:关于解决某村道路建设资金的建议\n"
        "建议内容(摘要):为彻底解决某村群众行路难问题,建议立项实施道路硬化。\n"
        "督办领导:某县交通运输局副局长李四\n"
        "办理复文(摘要):《某县交通运输局对某县十六届人大四次会议第35号建议的答复》"
        "(某交函〔2020〕18号)某村道路全长5.7公里,已纳入规划,待上级资金下达后实施。\n"
        "办结时间:2020年10月29日\n"
        "办理结果:B类\n"
    )
    reply = parse_reply(page)
    assert looks_like_reply(reply)
    assert reply.proposal_title == "关于解决某村道路建设资金的建议"
    assert reply.proposal_text == "为彻底解决某村群众行路难问题,建议立项实施道路硬化。"
    assert (reply.session, reply.number, reply.category) == ("某县十六届人大四次会议", 35, "B")
    assert reply.doc_number == "某交函〔2020〕18号"
    assert measures(page) == ["某村道路全长5.7公里,已纳入规划,待上级资金下达后实施。"]


def test_one_label_is_not_a_record() -> None:
    lines = ["张三代表:", "内容:见附件", "您提出的建议收悉。"]
    assert restructure(lines).lines == lines


def test_whole_page_on_one_line() -> None:
    page = (
        "某县水利局对县十七届人大二次会议第094号建议的答复 王五等代表: 你们提出的“关于加快河道整治”"
        "的建议收悉,现答复如下: 首先感谢你们对水利事业的关心与支持。近年来,县水利局一直在积极谋划"
        "争取投资,目前整治工程已正式获批立项,预计今冬明春即可开工建设。 感谢你们对水利事业的关心和"
        "支持。 某县水利局 2018年7月30日\n"
    )
    reply = parse_reply(page)
    assert (reply.addressee, reply.number, reply.date) == ("王五", 94, "2018-07-30")
    assert reply.responding_unit == "某县水利局"
    assert len(measures(page)) == 1 and measures(page)[0].startswith("近年来")


def test_reply_cut_off_mid_sentence_is_kept() -> None:
    page = (
        "赵六委员:\n"
        "你在政协某县第八届委员会第一次会议期间提出的《关于某中心学校校舍建设的提案》已交我局研究办理,"
        "现答复如下:\n"
        "运动场的建设问题,已列入2008年教育费附加改造项目,待政府批准即可实施。关于综合楼的建设,暂时\n"
    )
    reply = parse_reply(page)
    assert looks_like_reply(reply)
    assert reply.session == "政协某县第八届委员会第一次会议"
    assert measures(page)[0].startswith("运动场的建设问题")


def test_session_forms() -> None:
    for title, session, number in [
        (
            "某省交通运输厅关于某省第十三届人大四次会议闭会期间第6036号代表建议答复的函",
            "某省第十三届人大四次会议",
            6036,
        ),
        (
            "某县交通运输局关于对某县第十七届人民代表大会第五次会议代表第28号建议的答复",
            "某县第十七届人民代表大会第五次会议",
            28,
        ),
        ("某县水务局关于对县政协第九届委员会第33号提案的答复", "县政协第九届委员会", 33),
    ]:
        reply = parse_reply(f"{title}\n李四代表:\n您提出的建议收悉,现答复如下:\n已办理完毕。\n")
        assert (reply.session, reply.number) == (session, number), title


def test_body_session_without_its_meeting_word() -> None:
    reply = parse_reply(
        "王五代表:\n你们在某县第十七届人民代表大会上提出的《关于某事的建议》收悉,现答复如下:\n已办。\n"
    )
    assert reply.session == "某县第十七届人民代表大会"


def test_page_metadata_is_a_fallback_for_date_and_unit() -> None:
    page = "成文日期:2018-05-17\n承办单位:某县水务局\n" + LETTER.replace(
        "某县交通运输局\n2023年6月1日\n", ""
    )
    reply = parse_reply(page)
    assert (reply.responding_unit, reply.date) == ("某县水务局", "2018-05-17")


def test_lone_category_letter_in_the_header() -> None:
    assert parse_reply("C\n" + LETTER).category == "C"


def test_not_replies_are_recognised() -> None:
    readme = "# replydraft\nA tool to draft replies.\n## Usage\nRun replydraft --help.\n"
    news = "大年初一晚某县沸腾了!\n昨晚,某县迎新春文艺晚会在县体育馆举行。\n（记者 张三）\n"
    for text in (readme, news):
        assert not looks_like_reply(parse_reply(text))
