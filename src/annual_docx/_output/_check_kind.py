"""What kind of document ``check`` is looking at, told first so that items which do not apply are marked so, not
violated: a 公文 with 版头 (upward, naming its 签发人, or downward), a 公文 without 版头, a report (a 政府工作报告
or 工作年报 with neither 版头 nor 主送), or no 公文 at all — a standard in GB/T 1.1 layout (前言, 范围, 规范性引用文件,
术语和定义), a form (mostly tables and blanks), a thesis template (学号, 指导教师, 摘要).

The evidence is gathered paragraph by paragraph (:class:`KindEvidence`, bounded: the first ``HEAD`` paragraphs'
words and a few counts), then weighed with the parts the recogniser found (:func:`decide`)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Final, Literal, TypeGuard

from annual_docx._ooxml.body_facts import Para
from annual_docx._output._check_roles import Parts, compact
from annual_docx._output._finding import NOT_APPLICABLE, Finding

CheckKind = Literal["gongwen-upward", "gongwen-downward", "gongwen", "report", "standard", "form", "thesis"]
"""The kinds of document ``check`` tells apart (public as ``annual_docx.CheckKind``; ``check(kind=…)`` and
``annual-docx check --kind`` take one): a 公文 with 版头 going up or down, a 公文 without 版头, a report, and three
that are no 公文."""
UPWARD: Final = "gongwen-upward"
DOWNWARD: Final = "gongwen-downward"
GONGWEN: Final = "gongwen"
REPORT: Final = "report"
STANDARD: Final = "standard"
FORM: Final = "form"
THESIS: Final = "thesis"
KINDS: dict[CheckKind, str] = {
    UPWARD: "公文（有版头，上行文，标注签发人）/ a 公文 with 版头, upward (names its 签发人)",
    DOWNWARD: "公文（有版头，下行文或平行文）/ a 公文 with 版头, downward or to peers",
    GONGWEN: "公文（无版头）/ a 公文 without 版头",
    REPORT: "报告（无版头、无主送，如政府工作报告、工作年报）/ a report (no 版头, no addressees)",
    STANDARD: "标准（GB/T 1.1 版式），不是公文 / a standard (GB/T 1.1 layout), not a 公文",
    FORM: "表格（以表格和填空为主），不是公文 / a form (mostly tables and blanks), not a 公文",
    THESIS: "论文模板（学号、指导教师、摘要），不是公文 / a thesis template, not a 公文",
}
NOT_GONGWEN = (STANDARD, FORM, THESIS)
# the clauses that do not apply to a kind (prefixes): no 版头 without one, no 签发人 going down, no 主送 in a report
# (a report's 落款 and 版记, when it has them, are checked as a 公文's)
NOT_APPLICABLE_CLAUSES = {GONGWEN: ("7.2",), REPORT: ("7.2", "7.3.2"), DOWNWARD: ("7.2.6",)}
HEAD = 80  # paragraphs read for the words of a cover, a title block, a standard's first sections
TAIL = 8  # body paragraphs at the end read for a 公文's closing phrases

_STANDARD_HEADINGS = re.compile(
    r"^(?:\d{1,2}\s*)?(前言|引言|范围|规范性引用文件|术语和定义|术语、定义和缩略语)$")
# a standard's number (GB/T 1.1—2020, DB37/T 1234—2023, T/CECS 123—2020, NB/T XXXXX—XXXX: a draft's placeholders
# too) or its classification lines (ICS 27.120.99, CCS F 69)
_STANDARD_COVER = re.compile(
    r"(?<![A-Za-z])(?:GB|DB\d*|T/[A-Z]{2,10}|[A-Z]{2,4})(?:/[TZ])?\s*[\dXx]+(?:\.\d+)*\s*[—\-－–]\s*"
    r"(?:\d{4}|[\dXxYy]{4})|ICS\s*\d|CCS\s*[A-Z]\s*\d")
# a standard's companion papers: its 编制说明 (or 征求意见稿, 送审稿, 报批稿) under a standard's number
_STANDARD_PAPER = re.compile(r"编制说明|征求意见稿|送审稿|报批稿")
_THESIS_WORDS = ("学号", "指导教师", "指导老师", "导师", "学位论文", "毕业论文", "毕业设计", "摘要", "关键词",
                 "Abstract", "ABSTRACT", "学院", "专业", "培养单位", "答辩")
_THESIS_STRONG = ("学号", "指导教师", "指导老师", "学位论文", "毕业论文", "毕业设计", "答辩")
_BLANK = re.compile(r"_{3,}|＿{2,}|\u3000{4,}|□|☐|（\s*签字\s*）|（\s*盖章\s*）|签字：|盖章：|年\s+月\s+日")
# a character every blank holds (a cheap test before _BLANK: most lines have none)
_BLANK_HINT = re.compile("[_＿\u3000□☐签盖年]")
# the last character (spaces aside) of a standard's section heading and of a form's field: a cheap test before the
# patterns below, which read the compact text (no spaces, so its last character is the stripped text's)
_STANDARD_HEADING_ENDS = frozenset("言围件义语")
_LABEL_ENDS = frozenset("：:）)")
# a form's field with nothing filled in: a short label and its colon, at most a hint in brackets after it
# (「*队伍名称：」, 「联系电话：（优先填写队长手机号）」), not a numbered heading (「（一）主要做法：」); a 主送
# (各科室：) reads as one too, but one line is no form (five, and a fifth of the paragraphs, are)
_LABEL = re.compile(r"^[*＊]?(?![一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]|\d+[.、．])"
                    r"[^：:，。；、]{2,12}[：:]\s*(?:[（(][^（）()]*[）)])?$")
_REPORT_TITLE = re.compile(r"报告|年报|总结|白皮书|公报")
# a report even with a salutation (各位代表：) that reads as a 主送
_NAMED_REPORT = re.compile(r"工作报告|年报|年度报告|公报|白皮书|工作总结")
_GENRES = re.compile(r"(通知|通报|请示|批复|意见|决定|函|纪要|公告|通告|议案|命令|令|决议|报告|条例|规定|办法|细则"
                     r"|措施|方案|规则|章程|准则|纲要|规划)[）)]?$")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+[章节]")  # 第一节 声明与提示: a document in chapters (its 目录)
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+[条章]")  # a regulation's text: 第一条, 第一章
_ADDRESSEES = re.compile(r"^(各|[^。；]{2,}[、，][^。；]*)：$")  # 各区、市、县人民政府，…：
_FORM_TITLE = re.compile(r"(表|登记表|申请表|审批表|汇总表|统计表|一览表|清单)$")
# a label 附件3: above an attached form's title
_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[:：]?$")
_TRAILING = re.compile(r"[（(][^（）()]{1,12}[）)]$")  # （试行）, (2016), （2003年） after the genre
# the set phrases of a 公文's own text — how it opens (特制定本办法, 提出如下意见) and closes (本措施自发布之日起施行):
# they tell a 公文 whose title is missing (only in the file name) from a report
_FORMULA = re.compile(
    r"本(?:办法|规定|细则|措施|政策|意见|方案|决定|条例|通知|实施意见|暂行办法)(?:自|由|所称|适用|中所称|所指)"
    r"|自(?:发布|印发|公布)之日起(?:施行|实施|执行)|(?:特制定|制定本|现提出|提出如下|现就)[^。]{0,40}"
    r"(?:办法|规定|细则|措施|意见|方案|通知如下|意见如下|如下)")
_FORMULA_END = re.compile(r"制定(?:以下|如下|本)?[^。，；]{0,30}(?:措施|办法|规定|细则|意见|方案)[。：:]$")


@dataclass
class KindEvidence:
    """What tells the kinds apart, gathered one paragraph at a time in reading order (bounded)."""

    head: list[str] = field(default_factory=list)  # the compact text of the first HEAD non-empty paragraphs
    body_text: int = 0  # non-empty paragraphs outside tables
    table_text: int = 0  # non-empty paragraphs in table cells
    blanks: int = 0  # paragraphs with fill-in blanks (____, □, （盖章）, 年 月 日)
    standard_headings: set[str] = field(default_factory=set)
    formula: bool = False  # a body paragraph in a 公文's set phrases (本办法自…施行, 特制定本措施)
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=TAIL))  # the last body paragraphs (bounded)

    def _formula(self, raw: str) -> None:
        if not self.formula and (_FORMULA.search(raw[:400]) or _FORMULA_END.search(raw[-60:].rstrip())):
            self.formula = True

    def finish(self) -> None:
        """The body ended: the closing paragraphs (本办法自发布之日起施行) are looked at once."""
        for raw in self.tail:
            self._formula(raw)

    def add(self, p: Para) -> None:
        raw = p.text
        if not raw or raw.isspace():
            return
        if len(self.head) < HEAD:
            self.head.append(compact(raw)[:80])
        if p.place == "table":
            self.table_text += 1
        else:
            self.body_text += 1
            if self.body_text <= HEAD:  # the opening paragraphs, then only the last few (the closing ones)
                self._formula(raw)
            else:
                self.tail.append(raw[:200] if len(raw) < 200 else raw[:100] + raw[-100:])
            if len(raw) <= 40 and raw.rstrip()[-1] in _STANDARD_HEADING_ENDS and (
                    m := _STANDARD_HEADINGS.match(compact(raw))):
                self.standard_headings.add(m.group(1))
        if (_BLANK_HINT.search(raw) and _BLANK.search(raw)) or (
                len(raw) <= 80 and raw.rstrip()[-1] in _LABEL_ENDS and _LABEL.match(compact(raw))):
            self.blanks += 1


@dataclass(frozen=True)
class Kind:
    """A document's kind (one of ``KINDS``), why it was so judged, and whether ``--kind`` gave it."""

    name: CheckKind
    why: str
    given: bool = False

    @property
    def label(self) -> str:
        return KINDS[self.name]


def decide(evidence: KindEvidence, parts: Parts) -> Kind:
    """Weigh the ``evidence`` and the ``parts`` the recogniser found; the most specific kind that fits wins."""
    evidence.finish()
    head = " ".join(evidence.head)
    titles = parts.of("title")
    # a title over several lines reads as one (its genre is at the end of the last)
    # (without one, the first line that is not an attachment's label: 附件3: over …报名表)
    lines = [line for line in evidence.head[:3] if not _ATTACHMENT.match(line)] or evidence.head[:1]
    title = "".join(compact(p.text) for p in titles[:4]) if titles else (lines[0] if lines else "")
    genre_title = _TRAILING.sub("", _TRAILING.sub("", title))
    strong = [w for w in _THESIS_STRONG if w in head]
    thesis_words = [w for w in _THESIS_WORDS if w in head]
    total = evidence.body_text + evidence.table_text
    # a form titled so (…报名表) whose tables ask for 学号 and 指导老师 is a form, not a thesis cover
    form_titled = bool(_FORM_TITLE.search(genre_title)) and evidence.table_text >= 0.5 * total
    if strong and len(thesis_words) >= 3 and not form_titled:
        return Kind(THESIS, f"封面有 / the cover has {'、'.join(thesis_words[:4])}")
    sections = evidence.standard_headings
    has_head = bool(parts.of("issuer") or parts.of("number") or parts.of("signer"))
    cover = _STANDARD_COVER.search(head)
    # 编制说明 or 征求意见稿 on a cover that has the number (or ICS, CCS) on a line of its own — not a 公文 asking for
    # comments on the draft (版头 or 主送), nor a 办法's 征求意见稿 citing a standard in its text
    cover_lines = [line for line in evidence.head[:HEAD // 4] if len(line) <= 30 and _STANDARD_COVER.match(line)]
    paper = None if has_head or parts.of("recipients") or not cover_lines else _STANDARD_PAPER.search(
        " ".join(evidence.head[:HEAD // 4]))
    if len(sections) >= 2 or (cover and (sections or paper or ("发布" in head and "实施" in head))):
        if sections:
            return Kind(STANDARD, f"GB/T 1.1 章节 / sections: {'、'.join(sorted(sections))}")
        shown = f"{paper.group()} / and {paper.group()}" if paper else "发布、实施 / 发布 and 实施"
        number = cover.group() if cover else ""
        return Kind(STANDARD, f"封面有标准编号「{number}」、{shown} / the cover has a standard's number")
    reportish = bool(_REPORT_TITLE.search(title)) and not _FORM_TITLE.search(title)
    # a document in chapters (a company's 年度报告: 第一节…第十节, its tables of figures full of ____ and □) is no form
    chapters = sum(1 for line in evidence.head if _CHAPTER.match(line))
    if not has_head and not reportish and chapters < 3 and total and (
            (evidence.table_text >= 0.6 * total and evidence.body_text <= 40)
            # (blanks alone make no form of a 通知 whose 报名回执 asks 姓名：, 联系电话：)
            or (evidence.blanks >= 5 and evidence.blanks >= 0.2 * total and not _GENRES.search(genre_title))
            or (_FORM_TITLE.search(title) and evidence.table_text >= 0.3 * total)):
        return Kind(FORM, f"表格中的段落 / paragraphs in tables {evidence.table_text}/{total}，填空 / blanks "
                          f"{evidence.blanks}")
    if has_head:
        if parts.of("signer"):
            return Kind(UPWARD, "版头标注签发人 / the 版头 names its 签发人")
        if "请示" in title:
            return Kind(UPWARD, "请示是上行文 / a 请示 goes upward")
        return Kind(DOWNWARD, "有版头，无签发人 / a 版头 without 签发人")
    if reportish and (not parts.of("recipients") or _NAMED_REPORT.search(title)):
        return Kind(REPORT, f"标题「{title[:20]}」，无版头、主送 / no 版头, no addressees")
    opening = evidence.head[:10]
    if parts.of("recipients") or _GENRES.search(genre_title) or parts.of("date") or parts.of("record") or any(
            _ARTICLE.match(line) for line in opening) or (opening and _ADDRESSEES.match(opening[0])):
        return Kind(GONGWEN, "无版头，有主送、落款、版记、条文或公文文种 / no 版头; addressees, a 落款, a 版记, "
                             "articles or a 公文 genre in the title")
    if evidence.formula and not reportish:
        return Kind(GONGWEN, "无版头、标题，正文用公文套语（本办法自……施行、特制定本措施）/ no 版头 or title; the text "
                             "speaks as a 公文 (本办法自……施行)")
    return Kind(REPORT, "无版头、主送、落款，标题不是公文文种 / no 版头, addressees or 落款; the title names no 公文 "
                        "genre")


def is_kind(name: str) -> TypeGuard[CheckKind]:
    """Return whether ``name`` is one of the kinds (:data:`CheckKind`)."""
    return name in KINDS


def given(name: str) -> Kind:
    """The kind named by ``--kind``."""
    if not is_kind(name):
        raise ValueError(f"unknown kind {name!r}; one of {', '.join(KINDS)}")
    return Kind(name, "--kind", True)


def apply(kind: Kind, findings: list[Finding]) -> list[Finding]:
    """Mark the findings that do not apply to ``kind`` 不适用 / not applicable: all of them for a document that is
    not a 公文, the 版头's in a document without one (a report, a 公文 without 版头), the 签发人's going down."""
    skipped = NOT_APPLICABLE_CLAUSES.get(kind.name, ())

    def out(f: Finding) -> bool:
        return kind.name in NOT_GONGWEN or any(f.clause == c or f.clause.startswith(c + ".") for c in skipped)

    return [Finding(f.item, f.expected, f.found, True, f.where, f.clause, NOT_APPLICABLE) if out(f) else f
            for f in findings]
