"""An attachment (附件) may hold sections like the body: its headings start again at level 1 on its own page, are
numbered per the report's ``numbering``, set in the heading styles (run-in ones too), read back by ``import`` as the
attachment's sections and pass ``check`` (issue 21: 「一、稳定和扩大就业」 in an attachment came back as a 仿宋 body
paragraph and failed check ten times)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx._import import read_report
from annual_docx.errors import ReportValidationError

from .conftest import small_report
from .roles_docs import import_data
from .test_official import styled
from .test_roles_realcn import CORPUS

YUNNAN = CORPUS / "2025年云南省政府工作报告.docx"
# the ten headings of its 附件「2025年10件惠民实事」, written down by reading the document (python-docx paragraph text)
YUNNAN_ATTACHMENT_HEADINGS = [
    "稳定和扩大就业", "深化“一老一小”关爱服务", "实施银龄人才计划", "实施学校体育美育浸润行动计划",
    "实施校园食品安全放心工程", "实施儿童健康护佑和生物疫苗惠民工程", "推动法律援助扩面提质",
    "解决一批群众身边的突出生态环境问题", "持续整治提升农村人居环境", "实施交通惠民工程",
]

ATTACHMENTS: list[dict[str, Any]] = [
    {"title": "2021年度读者活动说明", "paragraphs": ["本附件说明全年读者活动。"], "sections": [
        {"title": "阅读推广", "paragraphs": ["全年开展阅读推广活动。"], "sections": [
            {"title": "少儿阅读", "paragraphs": ["举办少儿阅读活动。"]},
            {"title": "数字阅读。", "run_in": True, "paragraphs": ["上线数字资源。"]},
        ]},
        {"title": "分馆建设", "paragraphs": ["新建分馆两个。"]},
    ]},
    {"title": "2021年度分馆名单", "sections": [{"title": "城区分馆", "paragraphs": ["城区分馆三个。"]}]},
]


def _report(**overrides: Any) -> dict[str, Any]:
    return small_report(official={"attachments": ATTACHMENTS}, signature="某县图书馆", date="2022-01-05",
                        **overrides)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return annual_docx.render(annual_docx.validate(_report()), tmp_path_factory.mktemp("att") / "att.docx")


def test_attachment_headings_are_numbered_from_level_1_in_heading_styles(rendered: Path) -> None:
    paragraphs = styled(rendered)
    first = next(i for i, (_, text) in enumerate(paragraphs) if text == "附件1")
    page = [(style, text) for style, text in paragraphs[first:] if text]
    assert ("Heading1", "一、阅读推广") in page
    assert ("Heading2", "（一）少儿阅读") in page
    assert ("Heading1", "二、分馆建设") in page
    second = page.index(next(p for p in page if p[1] == "附件2"))
    assert ("Heading1", "一、城区分馆") in page[second:]  # the count starts again in each attachment
    run_in = next(p for p in page if p[1].startswith("（二）数字阅读。"))
    assert run_in[1] == "（二）数字阅读。上线数字资源。"  # run-in: the heading opens its paragraph
    texts = [text for _, text in page]  # the attachment's paragraphs come before its first heading
    assert texts.index("本附件说明全年读者活动。") < texts.index("一、阅读推广")


def test_a_report_with_attachment_sections_passes_check(rendered: Path) -> None:
    assert [f"{f.item}: {f.found}" for f in annual_docx.check(rendered) if not f.ok] == []


def test_attachment_sections_round_trip(rendered: Path, tmp_path: Path) -> None:
    back = read_report(rendered, tmp_path / "assets", tmp_path).report
    assert isinstance(back, annual_docx.Report) and back.official is not None

    def tree(sections: Any) -> Any:
        return [(s.title, bool(s.run_in), list(s.paragraphs), tree(s.sections)) for s in sections]

    want = annual_docx.validate(_report()).official
    assert want is not None
    assert [(a.title, list(a.paragraphs), tree(a.sections)) for a in back.official.attachments] == \
        [(a.title, list(a.paragraphs), tree(a.sections)) for a in want.attachments]


def test_attachment_sections_nest_at_most_four_levels() -> None:
    deep: dict[str, Any] = {"title": "五级", "paragraphs": ["正文。"]}
    for n in range(4):
        deep = {"title": f"第{n}级", "sections": [deep]}
    with pytest.raises(ReportValidationError, match=r"official\.attachments\[0\]\.sections"):
        annual_docx.validate(small_report(official={"attachments": [{"title": "附件", "sections": [deep]}]}))


def test_a_run_in_attachment_heading_must_end_its_sentence() -> None:
    page = {"title": "附件", "sections": [{"title": "没有句号", "run_in": True, "paragraphs": ["正文。"]}]}
    with pytest.raises(ReportValidationError, match=r"official\.attachments\[0\]\.sections\[0\]\.title"):
        annual_docx.validate(small_report(official={"attachments": [page]}))


@pytest.mark.skipif(not YUNNAN.is_file(), reason="the realcn dev corpus is not here")
def test_yunnan_attachment_imports_its_ten_headings_as_sections_and_rerenders_clean(tmp_path: Path) -> None:
    data = import_data(YUNNAN, tmp_path)
    (page,) = data["official"]["attachments"]
    assert page["title"] == "2025年10件惠民实事"
    assert [s["title"] for s in page["sections"]] == YUNNAN_ATTACHMENT_HEADINGS
    assert all(s.get("numbered", True) for s in page["sections"])
    assert not any(p.startswith(("一、", "十、")) for p in page.get("paragraphs", []))
    assert page["sections"][0]["paragraphs"][0].startswith("年度目标：全省农村劳动力转移就业1500万人以上")
    out = annual_docx.render(annual_docx.validate(data), tmp_path / "yn.docx")
    assert [f"{f.item}: {f.found}" for f in annual_docx.check(out) if not f.ok] == []
