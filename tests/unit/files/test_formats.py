"""Input formats beyond .txt and .docx: text PDFs, saved web pages, old Word through LibreOffice,
and the encodings and limits of plain files. Every fixture is made here, in the test."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import run_cli_in
from pdf_fixture import build_pdf

from replydraft.errors import ReplydraftError
from replydraft.files import legacy_word, limits
from replydraft.files.decoding import read_text
from replydraft.parsing import parse_reply

PARAGRAPH = (
    "　　一、加强道路巡查。全年共排查隐患123处，完成农村道路硬化改造工程共计四十五公里，"
    "投入资金4500万元，其中省级补助资金1200万元，县级配套资金3300万元。"
)
REPLY = [
    "关于加强农村道路安全管理的建议的答复",
    "张三代表：",
    "　　您提出的《关于加强农村道路安全管理的建议》收悉，现答复如下：",
    PARAGRAPH,
    "　　二、完善安全设施。在急弯陡坡路段新设护栏八公里，警示标志二百余块。",
    "　　感谢您对交通工作的关心和支持。",
    ">某某县交通运输局",
    ">2024年6月1日",
]


def check_reply(text: str) -> None:
    reply = parse_reply(text)
    assert reply.proposal_title == "关于加强农村道路安全管理的建议"
    assert reply.addressee == "张三"
    assert reply.responding_unit == "某某县交通运输局"
    assert reply.date == "2024-06-01"


# -- PDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per_char", "shuffle", "compress"),
    [(False, False, True), (True, True, True), (True, False, False)],
)
def test_text_pdf_reads_in_reading_order_with_wrapped_paragraphs_joined(
    tmp_path: Path, per_char: bool, shuffle: bool, compress: bool
) -> None:
    pdf = tmp_path / "答复.pdf"
    # Six rows a page: the first measure wraps over rows and across a page break.
    pdf.write_bytes(
        build_pdf(
            REPLY,
            per_char=per_char,
            shuffle=shuffle,
            compress=compress,
            rows_per_page=6,
            page_numbers=True,
        )
    )
    lines = read_text(pdf).split("\n")
    assert lines[:2] == ["关于加强农村道路安全管理的建议的答复", "张三代表："]
    assert PARAGRAPH.strip("\u3000") in lines, "a wrapped paragraph is one line again"
    assert not any(line.strip("- ").isdigit() for line in lines), "page numbers are dropped"
    assert lines[-2:] == ["某某县交通运输局", "2024年6月1日"]
    check_reply("\n".join(lines))


def test_right_aligned_date_does_not_swallow_the_next_line(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(build_pdf([*REPLY, "联系人：李四，联系电话：12345678"]))
    assert read_text(pdf).split("\n")[-2:] == ["2024年6月1日", "联系人：李四，联系电话：12345678"]


def test_pdf_without_a_text_layer_is_one_line_error(tmp_path: Path) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(build_pdf([]))
    with pytest.raises(ReplydraftError, match="没有文字层.*扫描件"):
        read_text(scan)
    result = run_cli_in(tmp_path, "parse", str(scan))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "扫描件.pdf" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_pdf_is_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(build_pdf(REPLY)[:300])
    with pytest.raises(ReplydraftError, match="PDF"):
        read_text(broken)


# -- web pages ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于加强农村道路安全管理的建议的答复_某某县人民政府</title>
<style>p {{ text-indent: 2em; }}</style>
<script>var tracker = "不是正文";</script></head>
<body><div class="nav">首页 &gt; 建议提案</div>
<h1>关于加强农村道路安全管理的建议的答复</h1>
<p>张三代表：</p>
<!--StartFragment-->
<p>　　您提出的《关于加强农村道路安全管理的建议》收悉，
现答复如下：</p>
<p>{paragraph}</p>
<div style="display: none">澳门赌场 www.spam.example <span>隐藏</span></div>
<p>　　二、完善安全设施。在急弯陡坡路段新设护栏八公里，警示标志二百余块。</p>
<p>　　感谢您对交通工作的关心和支持。</p>
<!--EndFragment-->
<table><tr><td>联系人：</td><td>李四</td></tr></table>
<p align="right">某某县交通运输局<br>2024年6月1日</p>
</body></html>
"""


def test_gbk_web_page_with_meta_charset(tmp_path: Path) -> None:
    page = tmp_path / "答复.htm"
    page.write_bytes(PAGE.format(paragraph=PARAGRAPH).encode("gbk"))
    text = read_text(page)
    lines = text.split("\n")
    for dropped in ("不是正文", "澳门赌场", "隐藏", "Fragment", "_某某县人民政府", "text-indent"):
        assert dropped not in text
    assert "您提出的《关于加强农村道路安全管理的建议》收悉，现答复如下：" in text
    assert "联系人： 李四" in lines, "a table row is one line"
    assert lines[-2:] == ["某某县交通运输局", "2024年6月1日"]
    check_reply(text)


def test_page_without_charset_is_detected_and_content_wins_over_suffix(tmp_path: Path) -> None:
    page = PAGE.format(paragraph=PARAGRAPH).replace("; charset=gb2312", "")
    saved_as_doc = tmp_path / "答复.doc"  # Word's "web page" saved with a .doc name
    saved_as_doc.write_bytes(page.encode("gb18030"))
    check_reply(read_text(saved_as_doc))


def test_mhtml_single_file_page(tmp_path: Path) -> None:
    import quopri

    html = PAGE.format(paragraph=PARAGRAPH).encode("utf-8")
    archive = (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="----B"\r\n\r\n------B\r\n'
        b'Content-Type: text/html; charset="utf-8"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(html)
        + b"\r\n------B--\r\n"
    )
    page = tmp_path / "答复.mhtml"
    page.write_bytes(archive)
    check_reply(read_text(page))


# -- old Word and WPS through LibreOffice ---------------------------------------------------------


def test_doc_without_libreoffice_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: None)
    old = tmp_path / "答复.wps"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ReplydraftError, match="LibreOffice") as caught:
        read_text(old)
    assert "答复.wps" in caught.value.one_line() and "\n" not in caught.value.one_line()


def fake_soffice(folder: Path, body: str) -> Path:
    """A stand-in `soffice` (a Python script) that does `body` with the parsed arguments."""
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "source = pathlib.Path(args[-1])\n" + body,
        encoding="utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a POSIX script")
def test_doc_is_converted_to_docx_by_soffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = fake_soffice(
        tmp_path / "bin",
        "assert '--headless' in args and args[args.index('--convert-to') + 1] == 'docx'\n"
        "import docx\n"
        "document = docx.Document()\n"
        "for line in source.read_bytes()[8:].decode('utf-8').splitlines():\n"
        "    document.add_paragraph(line)\n"
        "document.save(out / (source.stem + '.docx'))\n",
    )
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: str(program))
    old = tmp_path / "二〇二四年 答复.doc"
    plain = "\n".join(line.lstrip(">") for line in REPLY)
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + plain.encode("utf-8"))
    text = read_text(old)
    check_reply(text)
    assert not list(tmp_path.glob("*.docx")), "nothing is written beside the officer's file"


@pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a POSIX script")
def test_failed_or_hung_conversion_is_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "答复.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    failing = fake_soffice(tmp_path / "bin1", "sys.exit(1)\n")
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: str(failing))
    with pytest.raises(ReplydraftError, match="无法转换"):
        read_text(old)
    hanging = fake_soffice(tmp_path / "bin2", "import time\ntime.sleep(60)\n")
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: str(hanging))
    monkeypatch.setattr(legacy_word, "TIMEOUT_S", 1)
    with pytest.raises(ReplydraftError, match="超时"):
        read_text(old)


@pytest.mark.skipif(legacy_word.find_soffice() is None, reason="LibreOffice is not installed")
def test_real_libreoffice_round_trip(tmp_path: Path) -> None:
    import subprocess

    import docx

    document = docx.Document()
    for line in REPLY:
        document.add_paragraph(line.lstrip(">"))
    document.save(tmp_path / "reply.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [legacy_word.find_soffice(), f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(tmp_path / "reply.docx")],
        check=True, timeout=180, capture_output=True,
    )  # fmt: skip
    check_reply(read_text(tmp_path / "doc" / "reply.doc"))


# -- encodings and limits ---------------------------------------------------------------------

TRADITIONAL = "關於加強農村道路安全管理的建議的答覆\n張三代表：\n您提出的建議收悉，現答覆如下。\n"


def test_big5_is_not_read_as_gb18030_mojibake(tmp_path: Path) -> None:
    file = tmp_path / "big5.txt"
    file.write_bytes(TRADITIONAL.encode("big5"))
    assert read_text(file) == TRADITIONAL


def test_gbk_traditional_text_stays_gbk(tmp_path: Path) -> None:
    file = tmp_path / "gbk.txt"
    file.write_bytes(TRADITIONAL.encode("gbk"))
    assert read_text(file) == TRADITIONAL


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(tmp_path: Path, encoding: str) -> None:
    file = tmp_path / "utf16.txt"
    text = "\n".join(line.lstrip(">") for line in REPLY) + "\n"
    file.write_bytes(text.encode(encoding))
    assert read_text(file) == text


def test_control_characters_word_cannot_hold_are_removed(tmp_path: Path) -> None:
    file = tmp_path / "controls.txt"
    file.write_text("张三\x0b代表：\x01\n您好\x0c再见\t！\n", encoding="utf-8")
    assert read_text(file) == "张三代表：\n您好\n再见\t！\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReplydraftError, match="不是普通文件"):
        read_text(fifo)
    if Path("/dev/zero").exists():
        with pytest.raises(ReplydraftError, match="不是普通文件"):
            read_text("/dev/zero")


def _docx_with_paragraphs(path: Path, count: int) -> None:
    import docx

    document = docx.Document()
    for n in range(count):
        document.add_paragraph(f"第{n}段")
    document.save(path)


def test_docx_paragraph_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "many.docx"
    _docx_with_paragraphs(file, 60)
    monkeypatch.setattr(limits, "MAX_PARAGRAPHS", 50)
    with pytest.raises(ReplydraftError, match="段落过多"):
        read_text(file)
    monkeypatch.setattr(limits, "MAX_PARAGRAPHS", 100)
    assert read_text(file).count("段") == 60


def test_docx_uncompressed_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "bomb.docx"
    _docx_with_paragraphs(file, 3)
    with zipfile.ZipFile(file, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/padding.bin", b"\0" * (4 * 1024 * 1024))
    assert file.stat().st_size < 200_000
    monkeypatch.setattr(limits, "MAX_DOCX_UNCOMPRESSED", 2 * 1024 * 1024)
    with pytest.raises(ReplydraftError, match="解压后过大"):
        read_text(file)


# -- the same formats for skeleton --proposal-text -----------------------------------------------


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_skeleton_reads_the_proposal_text_in_every_format(tmp_path: Path, suffix: str) -> None:
    proposal = [
        "关于加强农村道路安全管理的建议",
        "　　建议一：加快农村道路硬化，提高通行能力。",
        "　　建议二：在急弯陡坡路段增设护栏和警示标志。",
    ]
    file = tmp_path / f"建议全文{suffix}"
    if suffix == ".pdf":
        file.write_bytes(build_pdf(proposal))
    else:
        body = "".join(f"<p>{line}</p>" for line in proposal)
        file.write_bytes(f'<html><meta charset="gbk"><body>{body}</body></html>'.encode("gbk"))
    (tmp_path / "home").mkdir()
    result = run_cli_in(
        tmp_path,
        "skeleton", "--title", "关于加强农村道路安全管理的建议", "--no-library",
        "--proposal-text", str(file), "--out", str(tmp_path / "d.yaml"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    saved = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "增设护栏和警示标志" in saved and "<p>" not in saved


def test_folder_suffixes_include_the_new_formats() -> None:
    from replydraft.library.ingest import REPLY_SUFFIXES

    for suffix in (".pdf", ".html", ".htm", ".mht", ".mhtml", ".doc", ".wps"):
        assert suffix in REPLY_SUFFIXES
    assert shutil.which  # the module imports cleanly without LibreOffice
