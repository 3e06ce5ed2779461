"""``check`` tells what it is looking at before judging it (``_check_kind``): a 公文 with 版头 (upward or downward),
a 公文 without 版头, a report, or no 公文 at all (a standard, a form, a thesis template); items that do not apply to
the kind are 不适用 / not applicable, never violations; ``--kind`` overrides; ``--json`` carries the kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import annual_docx
from annual_docx.cli import main
from tests.gongwen_docx import Doc, para

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realcn-dev"
if not DEV.is_dir():
    DEV = Path("/work/shared/corpus/realcn-dev")
CENTRE = '<w:jc w:val="center"/>'
RED_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="FF0000"/></w:pBdr>'


def cells(*texts: str) -> str:
    """A one-row table of ``texts``."""
    row = "".join(f"<w:tc>{para(t)}</w:tc>" for t in texts)
    return f'<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/></w:tblPr><w:tr>{row}</w:tr></w:tbl>'


STANDARD = [para("ICS 27.010", ppr=CENTRE), para("GB/T 12345—2024", ppr=CENTRE),
            para("能源管理体系 要求", "Title"), para("前言", "Heading1"), para("本文件按照GB/T 1.1—2020起草。"),
            para("1 范围", "Heading1"), para("本文件规定了能源管理体系的要求。"),
            para("2 规范性引用文件", "Heading1"), para("下列文件中的内容构成本文件必不可少的条款。"),
            para("3 术语和定义", "Heading1"), para("下列术语和定义适用于本文件。")]
FORM = [para("职工培训登记表", "Title"), cells("姓名", "", "性别", ""), cells("单位", "", "职务", ""),
        cells("学历", "", "电话", ""), cells("培训内容", ""), cells("单位意见", "（盖章）"),
        para("填表日期：    年  月  日")]
THESIS = [para("硕士学位论文", "Title"), para("学号：220231234"), para("指导教师：某某 教授"), para("学院：信息学院"),
          para("摘要"), para("本文研究了某问题。"), para("关键词：某；某")]
HEAD = [para("某县图书馆文件", ppr=CENTRE, east_asia="方正小标宋简体", size_pt=36, color="FF0000"),
        para("某图发〔2021〕3号", ppr=CENTRE + RED_RULE), para("关于某事的通知", "Title"),
        para("各科室：", ppr='<w:ind w:firstLineChars="0"/>'), para("正文。")]
REPORT = [para("2024年某县图书馆工作年报", "Title"), para("一、基本情况", "Heading1"), para("正文。")]


def kind_of(body: list[str], tmp_path: Path, name: str = "k.docx") -> str:
    return annual_docx.check(Doc(body=body).save(tmp_path / name)).kind.name


@pytest.mark.parametrize(("body", "kind"), [(STANDARD, "standard"), (FORM, "form"), (THESIS, "thesis"),
                                            (HEAD, "gongwen-downward"), (REPORT, "report"),
                                            ([para("关于某事的通知", "Title"), para("各科室："), para("正文。")],
                                             "gongwen")])
def test_kind_is_told(tmp_path: Path, body: list[str], kind: str) -> None:
    """Each kind from the shape of a small document of that kind."""
    assert kind_of(body, tmp_path) == kind


def test_a_signer_makes_the_head_upward(tmp_path: Path) -> None:
    """A 版头 with 签发人 (the number then on the left) is an upward 公文."""
    signer = para("某图发〔2021〕3号\u3000\u3000\u3000\u3000签发人：张三", "DocNumber")
    body = [HEAD[0], signer, *HEAD[2:]]
    assert kind_of(body, tmp_path) == "gongwen-upward"


def test_a_standard_is_not_held_to_the_gongwen_format(tmp_path: Path) -> None:
    """A standard in GB/T 1.1 layout (its headings in 黑体 by its own rules, its title not in 小标宋): every row is
    不适用, the check passes and says why first; as a 公文 (``--kind gongwen``) the same file fails."""
    body = list(STANDARD)
    body[2] = para("能源管理体系 要求", ppr=CENTRE, east_asia="黑体", size_pt=26)
    path = Doc(body=body, lang="en-US").save(tmp_path / "standard.docx")
    path_bad = Doc(body=body).save(tmp_path / "standard2.docx")
    rows = annual_docx.check(path)
    assert rows.kind.name == "standard" and rows and all(f.severity == "not_applicable" for f in rows)
    assert [f for f in annual_docx.check(path_bad, kind="gongwen") if not f.ok]
    assert main(["check", str(path)]) == 0


def test_kind_override_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` carries the kind told; ``--kind`` replaces it, and the table says it was given."""
    body = [*STANDARD[:2], para("能源管理体系 要求", ppr=CENTRE, east_asia="黑体", size_pt=26), *STANDARD[3:]]
    path = Doc(body=body).save(tmp_path / "s.docx")
    assert main(["check", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "standard"
    assert main(["check", "--json", "--kind", "gongwen", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "gongwen" and not any(f["severity"] == "not_applicable" for f in data["findings"])
    assert main(["check", "--kind", "report", str(path)]) == 1
    assert "由 --kind 指定 / given by --kind" in capsys.readouterr().out.splitlines()[0]
    assert main(["check", "--kind", "letter", str(path)]) == 2


def test_a_report_has_no_head_to_check(tmp_path: Path) -> None:
    """A report (no 版头, no 主送) has no 版头 rows to fail; its headings and body are still checked."""
    report = [para("2024年某县图书馆工作年报", "Title"), para("一、基本情况", "Heading1", east_asia="宋体"),
              para("正文。")]
    rows = annual_docx.check(Doc(body=report).save(tmp_path / "r.docx"))
    assert rows.kind.name == "report"
    assert [f.item for f in rows if not f.ok] == ["一级标题「一、」 / heading 1 字体字号 / font"]


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is not on this machine")
def test_the_dev_reports_are_reports() -> None:
    """The 19 provincial 政府工作报告 (no 版头, no 主送, read by hand: tests/data/realcn_dev_expected.json) are
    reports, and none of their rows is a violation of a non-requirement or of the 版头."""
    expected = json.loads((Path(__file__).parent / "data" / "realcn_dev_expected.json").read_text(encoding="utf-8"))
    files = sorted(DEV.glob("*.docx"))
    assert len(files) == 19
    for path in files:
        assert path.name in expected
        rows = annual_docx.check(path)
        assert rows.kind.name == "report", path.name
        bad = [f for f in rows if not f.ok]
        assert all(f.clause not in ("—", "") and not f.clause.startswith(("7.2", "7.3.2")) for f in bad)


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is not on this machine")
def test_the_dev_reports_margins_as_their_xml_says() -> None:
    """Each dev report's margins, read here straight from its document.xml (the body's own w:pgMar, no code of the
    library), are what check reports — and a margin off GB/T 9704's by more than 1 mm is a 5.2.1 violation."""
    import re
    import zipfile

    wanted = {"top": 37, "bottom": 35, "left": 28, "right": 26}
    names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
    for path in sorted(DEV.glob("*.docx")):
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        margin = re.findall(r"<w:pgMar ([^>]*)/>", xml)[-1]
        rows = {f.item: f for f in annual_docx.check(path)}
        for side, mm in wanted.items():
            found = int(re.search(rf'w:{side}="(-?\d+)"', margin).group(1)) / (1440 / 25.4)  # type: ignore[union-attr]
            row = rows[f"{names[side]}边距 / {side} margin"]
            assert row.found == f"{found:.1f} mm" and row.clause == "5.2.1", path.name
            assert row.ok is (abs(found - mm) <= 1), path.name


# the shapes of the fetched standards and forms that check named wrong (tests/data/check_heldout.tsv), built small
# 编制说明 of a standard draft: its cover a table of the number (placeholders), 编制说明, （征求意见稿）; then a report
EXPLANATION = [cells("NB/T XXXX－20YY"), cells("某某安全评价 第1部分：通用要求"), cells("编制说明"),
               cells("（征求意见稿）"), cells("（2023年3月）"), para("一、任务来源及计划要求", "Heading1"),
               para("本标准来源于2021年下达的能源行业标准制修订计划。"), para("二、编制过程", "Heading1"),
               para("2023年2月完成了讨论稿编写。")]
# a group standard's draft cover: only its CCS line (the number not yet given), 征求意见稿, text before any section
GROUP_DRAFT = [para("CCS Z 04"), para("T/CAEPI", ppr=CENTRE),
               para("某某设备技术要求", "Title"), para("（征求意见稿）", ppr=CENTRE), para("目次"),
               para("本文件规定了某某设备的技术要求。")]
# an attached 报名表: 附件3: over its title, a table asking for 学院, 学号 and 指导教师 (a thesis cover's words),
# notes under it
ENTRY_FORM = [para("附件3:"), para("2026年某大学物理实验作品创新竞赛报名表", ppr=CENTRE),
              cells("作品名称", ""), cells("所在学院", ""), cells("参赛队员", "姓名", "学号", "手机号"),
              cells("队长", "", "", ""),
              cells("指导教师", "姓名", "职称", "手机号"), cells("", "", "", ""), para("注："),
              para("1、作品赛道仅能选择1个。")]
# a 报名表 without a table: its title, then one field a line, each a label and a colon with at most a hint after it
LINE_FORM = [para("某某评测任务报名表", ppr=CENTRE), para("（Some Evaluation Task）", ppr=CENTRE),
             para("*队伍名称："), para("*参赛人员：（人名之间用逗号分隔）"), para("指导老师：（可以指导多个队伍）"),
             para("*隶属单位全称："), para("*联系电话：（优先填写队长手机号）"), para("*联系邮箱：")]


@pytest.mark.parametrize(("body", "kind"), [(EXPLANATION, "standard"), (GROUP_DRAFT, "standard"),
                                            (ENTRY_FORM, "form"), (LINE_FORM, "form")],
                         ids=["explanation", "group-draft", "entry-form", "line-form"])
def test_standard_papers_and_forms_from_real_shapes(tmp_path: Path, body: list[str], kind: str) -> None:
    """A standard's 编制说明 and a draft's cover (a number with placeholders, CCS, 征求意见稿) are a standard's; an
    attached 报名表 asking for 学号 is a form, not a thesis cover; so is one whose fields are label lines."""
    assert kind_of(body, tmp_path) == kind


@pytest.mark.parametrize(("body", "kind"), [
    ([para("关于征求《某设备技术要求（征求意见稿）》意见的函", "Title"), para("各有关单位："),
      para("现将团体标准T/CAEPI 12—2024（征求意见稿）印发给你们，请提出意见。"), para("某协会"),
      para("2024年5月6日")], "gongwen"),
    ([para("某馆2024年服务情况", "Title"), para("一、主要做法：", "Heading1"), para("（一）阅读推广：", "Heading2"),
      para("1.线上活动：", "Heading3"), para("正文。"), para("2.线下活动：", "Heading3"), para("正文。"),
      para("（二）数字服务：", "Heading2"), para("正文。"), para("二、下步打算：", "Heading1"), para("正文。"),
      para("联系人："), para("联系电话：")], "report"),
    ([para("某馆数字化发展报告", "Title"), para("一、总体情况", "Heading1"),
      para("本馆对照VISION 2020-2025和Plan 2021-2025，发布了服务目录，实施了数字阅读推广。"),
      para("二、下步打算", "Heading1"),
      para("正文。")], "report"),
    ([para("关于举办2024年古籍修复培训班的通知", "Title"), para("各县（市、区）图书馆："),
      para("为提升古籍修复水平，定于6月举办培训班。请于5月20日前报名。"), para("附件：报名回执"), para("某市图书馆"),
      para("2024年5月6日"), para("报名回执"), para("单位名称："), para("姓名："), para("职务："), para("联系电话："),
      para("电子邮箱：")], "gongwen"),
    ([para("某市公共建筑消防安全管理办法（征求意见稿）", "Title"), para("第一章 总则"),
      para("第一条 为加强公共建筑消防安全管理，依据GB 50016—2014《建筑设计防火规范》，制定本办法。"),
      para("第二条 本办法适用于本市行政区域内的公共建筑。")], "gongwen"),
], ids=["letter-about-a-draft", "headings-with-colons", "words-before-years", "notice-with-a-reply-slip",
        "rules-draft-citing-a-standard"])
def test_what_the_new_signals_leave_alone(tmp_path: Path, body: list[str], kind: str) -> None:
    """A 函 with 主送 asking for comments on a standard's 征求意见稿 stays a 公文; numbered headings ending in ： are
    no form's fields (two contact lines under them do not make a form); a word before a span of years
    (VISION 2020-2025, Plan 2021-2025) with 发布 and 实施 is no standard's number; a short 通知 ending in a 报名回执
    of label lines stays a 公文 (its title names a 公文 genre); a 办法's 征求意见稿 citing a standard in its text
    (not on a line of its own, as on a standard's cover) stays a 公文."""
    assert kind_of(body, tmp_path) == kind


def test_a_report_in_chapters_full_of_figures_is_no_form(tmp_path: Path) -> None:
    """A company's 年度报告 (the NEEQ layout): 大事记, a 目录 of 第一节…第十节, then chapters of tables with labels
    and boxes to tick — mostly table paragraphs and blanks, yet a report, not a form."""
    toc = [para(f"第{n}节 {name}\t{page}") for n, name, page in (
        ("一", "声明与提示", 5), ("二", "公司概况", 7), ("三", "会计数据和财务指标摘要", 9), ("四", "重要事项", 15))]
    figures = [cells("董事会人数：", "5"), cells("监事会人数：", "3"), cells("审计意见类型：", "标准无保留意见"),
               cells("是否存在重大诉讼", "□是 √否"), cells("营业收入", "____"), cells("净利润", "____")] * 3
    body = [para("公 司 年 度 大 事 记", ppr=CENTRE), para("2015年1月，公司设立财富中心。"), para("目录"), *toc,
            para("第一节 声明与提示"), *figures, para("第二节 公司概况"), *figures]
    assert kind_of(body, tmp_path) == "report"
