"""The cheap per-line paths of ``check`` (issue 22 item 4): a plain body line is decided by the recogniser before
its memo key is built, and the kind's evidence tests a line's last character or a blank's characters before its
patterns — each must find what the full path finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from annual_docx._ooxml import reader
from annual_docx._ooxml.body_facts import Para
from annual_docx._ooxml.drawings import FigureCollector
from annual_docx._output._check_kind import HEAD, KindEvidence
from annual_docx._roles import Plain, recognise
from tests.test_check_fast import BODY as BODY_XML
from tests.test_check_fast import Recorder, example, with_body

__all__ = ["example"]  # the rendered example (a fixture of test_check_fast)

BODY = "我们按计划完成了全年的各项工作任务。"


def _closing(date: str) -> list[str]:
    lines = [Plain("关于做好年度工作的通知"), Plain("各单位：")] + [Plain(BODY)] * 40 + [
        Plain("某某市人民政府"), Plain(date), Plain("（此件公开发布）")] + [Plain(BODY)] * 3
    return [role.kind for role in recognise(lines)][-6:]


def test_a_closing_date_in_full_width_digits_after_the_head_is_the_date() -> None:
    """A 成文日期 in full-width digits (its first character opens no part, so it takes the plain path) past the head
    buffer, with text after it, is still the date under its signature."""
    assert _closing("２０２０年１２月３１日") == ["signature", "date", "body", "body", "body", "body"]
    assert _closing("2020年12月31日") == ["signature", "date", "body", "body", "body", "body"]


def test_lines_the_plain_path_must_leave_to_the_full_decision() -> None:
    """Past the head buffer: a line in a caption style, a 附件 label and its title, a 印发 line, an outline heading
    each get their own role, and so does a contents' title (目 录); 第一条 (not plain: the full decision) and a 第N项
    sentence (第 with no article after it: plain) are body text."""
    lines = [Plain(BODY)] * 41 + [
        Plain("全市主要指标", style="Caption"), Plain("第一条 本办法适用于全市。"), Plain(BODY), Plain("附件"),
        Plain("某某表格"), Plain("某某办公室2020年1月1日印发"), Plain("正文", outline=0),
        Plain("第3项工作按计划完成。"), Plain("目 录"), Plain(BODY), Plain("目次")]
    kinds = [role.kind for role in recognise(lines)][41:]
    assert kinds == ["caption", "body", "body", "label", "attachment_title", "record", "heading", "body",
                     "contents", "body", "contents"]


def _evidence(texts: list[str]) -> KindEvidence:
    evidence = KindEvidence()
    for n, text in enumerate([BODY] * HEAD + texts):  # past the head's words: only the counters read them
        evidence.add(Para(n, text, "", "body", 0))
    return evidence


def test_blanks_and_fields_are_counted() -> None:
    """Each kind of blank (its hint character: _ ＿ U+3000 □ ☐ 签 盖 年) and a field whose line ends in a colon or a
    bracketed hint (spaces after it) counts; a line of plain text, and one ending in a colon that is a heading, do
    not."""
    blanks = ["姓名___", "单位＿＿", "地址\u3000\u3000\u3000\u3000。", "□同意", "☐不同意", "（ 签字 ）",
              "（盖章）", "2020年  月  日", "联系电话：（优先填写手机号）  ", "队伍名称：\u3000"]
    assert _evidence(blanks).blanks == len(blanks)
    assert _evidence([BODY, "（一）主要做法：", "2020年12月31日"]).blanks == 0


def test_standard_headings_with_spaces_are_found() -> None:
    """A standard's section headings, spaced or numbered (「1 范 围 」, 「前言」), are found past the head."""
    evidence = _evidence(["1 范 围 ", "前言", "2\u3000规范性引用文件", "3 术语和定义\t", "术语和定义说明"])
    assert evidence.standard_headings == {"范围", "前言", "规范性引用文件", "术语和定义"}


class Loud:
    """A visitor that is never quiet: it must see every paragraph itself."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, block: object) -> None:
        self.seen += 1

    def plain_key(self, block: object) -> object:
        return None

    def plain(self, key: object) -> None:
        self.seen += 1

    def quiet(self) -> bool:
        return False


@pytest.mark.parametrize("visitors", ["", "F", "FF", "FL"])
def test_plain_paragraphs_read_by_shape_with_any_number_of_visitors(
        visitors: str, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading paragraphs by shape (past the paragraphs remembered by their bytes) asks every visitor whether it is
    quiet — none, one or several (F: the figure collector, L: a visitor never quiet): the same paragraphs as the
    element-by-element reading, and none read by shape while a visitor is not quiet."""
    from annual_docx._ooxml import paragraphs, read

    monkeypatch.setattr(read, "MAX_SEEN", 8)  # remember few paragraphs: the others are read by shape
    rereads = []
    original = paragraphs.BodyReader.reread

    def reread(self: paragraphs.BodyReader, like: Para, own_break: bool, text: str) -> None:
        rereads.append(text)
        original(self, like, own_break, text)

    monkeypatch.setattr(paragraphs.BodyReader, "reread", reread)
    path = with_body(example, tmp_path / "built.docx", BODY_XML)
    fast, slow = Recorder(), Recorder()
    for recorder in (fast, slow):
        with reader.open_package(path) as package:
            read.read_facts(package, [FigureCollector() if v == "F" else Loud() for v in visitors], recorder)
        monkeypatch.setattr(reader.Package, "body_spans", lambda self, name: None)
    assert fast.seen == slow.seen
    assert len(fast.seen) > 400
    assert (len(rereads) == 0) == ("L" in visitors)


def test_a_contents_title_is_never_quiet() -> None:
    """Copies of a line are counted, not fed, only while the line is quiet body text: a contents' title (目 录) is
    not, a plain sentence is."""
    from annual_docx._roles.stream import Recogniser

    recogniser: Recogniser[Plain] = Recogniser()
    for line in [Plain(BODY)] * 45:
        recogniser.feed(line)
    assert recogniser.quiet(Plain(BODY))
    assert not recogniser.quiet(Plain("目 录"))
    assert not recogniser.quiet(Plain("目次"))
