"""End-to-end: the 落款 (署名 and 成文日期) never stands alone on its page (GB/T 9704 7.3.5) — body text is on its page
in LibreOffice's layout, also when the body ends with a chart, a photo, a gallery, a table or a party block (its
branch chart after the branch's name and role lines).

Each generated case fills a page with one-line paragraphs after a page break, then ends with the shape, so that
without keeping the body's end with the 落款 the shape would end its page and the 落款 start the next alone (the
filler counts were found by rendering before the fix: each of these was alone then). Body text is what the .docx
holds before the 署名 in the body, heading and table styles (read with the standard library,
``tests/docfacts.py``); captions, table titles, the 附件说明 and the page number are not body text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import annual_docx

from .conftest import require_tools
from .docfacts import facts
from .pdfpage import Page, read_pages
from .test_pdf_keep import filled

pytestmark = pytest.mark.libreoffice

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PHOTO = EXAMPLES / "images" / "service.jpg"
BODY_STYLES = ("Normal", "BodyKeep", "Heading1", "Heading2", "Heading3", "Heading4")
DATE = "2022年1月10日"

ENDINGS: dict[str, list[dict[str, Any]]] = {
    "breakdown": [{"type": "breakdown", "title": "岗位结构", "chart": "bar",
                   "categories": {"专业技术岗位": 24, "管理岗位": 5, "工勤技能岗位": 3}}],
    "chart": [{"type": "paragraph", "text": "图表之前的一段正文。"},
              {"type": "chart", "title": "年度读者人次", "chart": "bar", "labels": ["2021", "2022", "2023"],
               "series": {"人次": [10, 20, 30]}, "caption": "年度读者人次"}],
    "photo": [{"type": "paragraph", "text": "照片之前的一段正文。"},
              {"type": "photos", "photos": [{"path": str(PHOTO), "caption": "公益培训"}]}],
    "gallery": [{"type": "paragraph", "text": "照片之前的一段正文。"},
                {"type": "photos", "per_row": 2, "photos": [{"path": str(PHOTO), "caption": "公益培训"},
                                                            {"path": str(PHOTO), "caption": "文艺演出"}]}],
    "party": [{"type": "paragraph", "text": "党组织建设方面的一段正文。"},
              {"type": "party", "caption": "党组织架构",
               "branches": [{"name": "中共某区文化馆支部委员会",
                             "roles": [{"title": "书记", "name": "张三"}, {"title": "组织委员", "name": "李四"},
                                       {"title": "宣传委员", "name": "王五"}]}]}],
    "table": [{"type": "paragraph", "text": "表格之前的一段正文。"},
              {"type": "table", "title": "统计", "header": ["活动", "场次"],
               "rows": [["展览", 1], ["讲座", 2], ["培训", 3]]}],
}
# the filler lines after which the 落款 stood alone before the fix (22 lines a page: the heading, then these)
CASES = [("breakdown", 13), ("chart", 11), ("photo", 10), ("gallery", 13), ("table", 15), ("party", 10), ("party", 14)]


def body_texts(docx: Path) -> list[str]:
    """The texts of the body before the 署名: paragraphs and headings, and each table cell."""
    out: list[str] = []
    for fact in facts(docx):
        if fact[0] == "p" and fact[1] == "Signature":
            break
        if fact[0] == "p" and fact[1] in BODY_STYLES:
            out.append("".join(fact[2].split()))
        elif fact[0] == "table":
            out += ["".join(cell.split()) for row in fact[1:] for cell in row.split(" | ")]
    return [text for text in out if text]


def closing_page(pages: list[Page]) -> Page:
    return next(page for page in pages if any(line.text.startswith(DATE) for line in page.body))


def body_lines(page: Page, texts: list[str], closing: tuple[str, ...] = ("某区文化馆", DATE)) -> list[str]:
    """The lines of ``page`` that are body text (a piece of one of ``texts``, two characters at least), not a line
    of the 落款 (``closing``: the 署名, which a table cell may also hold, and the date) or the 附件说明."""
    return [line.text for line in page.body if len(line.text) >= 2 and line.text not in closing and
            not line.text.startswith("附件：") and any(line.text in t for t in texts)]


def render_pdf(data: dict[str, Any], folder: Path) -> tuple[Path, list[Page]]:
    docx = annual_docx.render(annual_docx.validate(data), folder / "report.docx")
    return docx, read_pages(annual_docx.to_pdf(docx, folder / "report.pdf"))


@pytest.mark.parametrize(("ending", "lines"), CASES, ids=[f"{e}-{n}" for e, n in CASES])
def test_the_closing_page_holds_body_text(tmp_path: Path, ending: str, lines: int) -> None:
    """With the body ending in ``ending`` at the foot of a page, the 落款's page holds body text, and the text that
    was last before the figure or table (or the heading above it) is on it."""
    require_tools("soffice", "pdftotext")
    data = {"organisation": "某区文化馆", "year": 2021, "signature": "某区文化馆", "date": "2022-01-10",
            "sections": [{"title": "正文", "blocks": [*filled(lines), *ENDINGS[ending]]}]}
    docx, pages = render_pdf(data, tmp_path)
    page = closing_page(pages)
    assert body_lines(page, body_texts(docx)), [line.text for line in page.body]
    if ending == "party":  # the chain reaches over the chart and the role lines to the text above them
        top = [line.text for line in page.body][:3]
        assert top == ["党组织建设方面的一段正文。", "中共某区文化馆支部委员会", "书记：张三"], top


def test_with_an_attachment_note_the_closing_page_holds_body_text(tmp_path: Path) -> None:
    """The 附件说明 between the body and the 落款 is kept in the chain: it is not body text on its own."""
    require_tools("soffice", "pdftotext")
    data = {"organisation": "某区文化馆", "year": 2021, "signature": "某区文化馆", "date": "2022-01-10",
            "sections": [{"title": "正文", "blocks": [*filled(12), *ENDINGS["breakdown"]]}],
            "official": {"attachments": [{"title": "附件标题", "paragraphs": ["附件正文。"]}]}}
    docx, pages = render_pdf(data, tmp_path)
    page = closing_page(pages)
    assert any(line.text.startswith("附件：") for line in page.body)
    assert body_lines(page, body_texts(docx)), [line.text for line in page.body]


def test_culture_centre_closing_page_holds_body_text(tmp_path: Path) -> None:
    """examples/culture_centre.yaml: its body ends with 五、人员结构 and a bar chart; the page of the 附件说明 and
    the 落款 starts with that section, headings and chart together."""
    require_tools("soffice", "pdftotext")
    report = annual_docx.load(EXAMPLES / "culture_centre.yaml")
    docx = annual_docx.render(report, tmp_path / "culture_centre.docx")
    pages = read_pages(annual_docx.to_pdf(docx, tmp_path / "culture_centre.pdf"))
    page = next(p for p in pages if any(line.text.startswith("2024年1月20日") for line in p.body))
    lines = body_lines(page, body_texts(docx), ("某市文化馆", "2024年1月20日"))
    assert lines, [line.text for line in page.body]
    assert "五、人员结构" in lines
