"""The default Word template: GB/T 9704-2012 page, styles and the docxtpl tags that lay out a report.

``build_template(path)`` writes ``templates/report_template.docx`` byte for byte the same on every run
(``python tools/build_template.py``). Agencies restyle the result in Word, WPS or LibreOffice; the render writes
the style ids below and finds a restyled template's styles by their names (``_template_adopt``), adding from
:func:`builtin_styles` those it lacks; the look is theirs to change.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from annual_docx import gbt9704 as g
from annual_docx._charts._fonts import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG
from annual_docx._ooxml import package as pkg
from annual_docx._ooxml.char_grid import char_space
from annual_docx._ooxml.props import (
    Element,
    ParagraphFormat,
    RunFormat,
    font_table,
    qn,
    style,
    styles_part,
    table_properties,
)
from annual_docx._ooxml.theme import theme
from annual_docx._output import _template_official as official
from annual_docx.gbt9704 import BODY_PT, CHARS_PER_LINE, LINE, SIHAO_PT, TITLE_PT

PAGE = pkg.PageSetup(
    width=g.PAGE_WIDTH, height=g.PAGE_HEIGHT, top=g.MARGIN_TOP, bottom=g.MARGIN_BOTTOM, left=g.MARGIN_LEFT,
    right=g.MARGIN_RIGHT, header=g.HEADER, footer=g.FOOTER, line_pitch=LINE,
    char_space=char_space(g.TYPE_WIDTH, CHARS_PER_LINE, BODY_PT),  # −842, see char_grid
)
BODY = ParagraphFormat(align="both", first_line_chars=200, line_twips=LINE, before=0, after=0, widow_control=False)
NO_INDENT = ParagraphFormat(first_line_chars=0, left_chars=0, right_chars=0)
SINGLE = ParagraphFormat(
    align="center", first_line_chars=0, left_chars=0, right_chars=0, line_twips=0, snap_to_grid=False
)


def _heading(level: int, font: str, bold: bool) -> Element:
    return style(
        f"Heading{level}",
        f"heading {level}",
        based_on="Normal",
        next_style="Normal",
        ui_priority=9,
        quick=True,
        paragraph=ParagraphFormat(keep_next=True, keep_lines=True, outline_level=level - 1),
        run=RunFormat(east_asia=font, latin=LATIN, bold=bold),
    )


def styles() -> Element:
    """Return the styles part: 正文 仿宋_GB2312 三号, 标题 小标宋 二号, headings 黑体/楷体/仿宋, captions, footer."""
    defaults = RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=BODY_PT, lang=True)
    return styles_part(
        defaults,
        [
            style("Normal", "Normal", default=True, quick=True, paragraph=BODY, run=RunFormat(FANGSONG, LATIN, 16)),
            style("DefaultParagraphFont", "Default Paragraph Font", kind="character", default=True, ui_priority=1,
                  semi_hidden=True),
            style("TableNormal", "Normal Table", kind="table", default=True, ui_priority=99, semi_hidden=True),
            style("NoList", "No List", kind="numbering", default=True, ui_priority=99, semi_hidden=True),
            style(
                "Title",
                "Title",
                based_on="Normal",
                next_style="Normal",
                ui_priority=10,
                quick=True,
                paragraph=ParagraphFormat(align="center", first_line_chars=0, after=LINE, keep_next=True),
                run=RunFormat(east_asia=XIAOBIAOSONG, latin=LATIN, size_pt=TITLE_PT),
            ),
            *(_heading(level, face, bold) for level, (face, bold) in g.HEADING_FACES.items()),
            style("BodyKeep", "正文（与下段同页）", based_on="Normal", next_style="Normal", quick=True,
                  paragraph=ParagraphFormat(keep_next=True, keep_lines=True)),
            style("Figure", "图片", based_on="Normal", next_style="Caption", quick=True,
                  paragraph=replace(SINGLE, keep_next=True)),
            style("FigureAlone", "图片（无图题）", based_on="Normal", next_style="Normal", quick=True,
                  paragraph=SINGLE),
            style("Caption", "caption", based_on="Normal", next_style="Normal", ui_priority=35, quick=True,
                  paragraph=ParagraphFormat(align="center", first_line_chars=0),
                  run=RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=SIHAO_PT)),
            style("GroupTitle", "组织名称", based_on="Normal", next_style="RoleList", quick=True,
                  paragraph=ParagraphFormat(align="center", first_line_chars=0, keep_next=True),
                  run=RunFormat(east_asia=HEITI, latin=LATIN)),
            style("RoleList", "名单", based_on="Normal", quick=True,
                  paragraph=ParagraphFormat(align="center", first_line_chars=0, keep_lines=True)),
            style("Signature", "Signature", based_on="Normal", next_style="Date",
                  paragraph=ParagraphFormat(align="left", first_line_chars=0, keep_next=True)),
            style("Date", "Date", based_on="Normal", next_style="Normal",
                  paragraph=ParagraphFormat(align="left", first_line_chars=0)),
            style("TableText", "表格文字", based_on="Normal", quick=True, paragraph=SINGLE,
                  run=RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=SIHAO_PT)),
            style("TableHeader", "表头", based_on="TableText", quick=True,
                  run=RunFormat(east_asia=HEITI, latin=LATIN)),
            style("TableTitle", "表题", based_on="Normal", next_style="Normal", quick=True,
                  paragraph=ParagraphFormat(align="center", first_line_chars=0, keep_next=True),
                  run=RunFormat(east_asia=HEITI, latin=LATIN)),
            style("OfficialTable", "公文表格", kind="table", based_on="TableNormal", ui_priority=59,
                  paragraph=SINGLE, run=RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=SIHAO_PT),
                  table=table_properties()),
            style("Footer", "footer", based_on="Normal", ui_priority=99,
                  paragraph=replace(SINGLE, align=None, char_pt=SIHAO_PT),
                  run=RunFormat(east_asia=SONGTI, latin=SONGTI, size_pt=SIHAO_PT)),
            *official.official_styles(),
        ],
    )


#: the names other than the built-in English one that editors give the styles (Word's Chinese UI names, which WPS and
#: some converters write as ``w:name``); the template's styles are found by these too (``_ooxml.style_ids``)
LOCALISED: dict[str, tuple[str, ...]] = {
    "Normal": ("正文",),
    **{f"Heading{n}": (f"标题 {n}",) for n in range(1, 5)},
    "Title": ("标题",),
    "Caption": ("题注",),
    "Footer": ("页脚",),
    "Signature": ("签名",),
    "Date": ("日期",),
    "DefaultParagraphFont": ("默认段落字体",),
    "TableNormal": ("普通表格",),
    "NoList": ("无列表",),
}


@functools.cache
def builtin_styles() -> tuple[Element, ...]:
    """Return the default template's ``w:style`` definitions: what a restyled template that lacks one of them gets
    (copies: ``_ooxml.style_ids.add_missing``)."""
    return tuple(styles().iterchildren(qn("w:style")))


FACES: dict[str, tuple[str | None, int, str, str]] = {
    FANGSONG: ("仿宋", 0x86, "modern", "fixed"),
    KAITI: ("楷体", 0x86, "modern", "fixed"),
    HEITI: ("SimHei", 0x86, "modern", "fixed"),
    XIAOBIAOSONG: ("方正小标宋_GBK", 0x86, "script", "variable"),
    SONGTI: ("SimSun", 0x86, "auto", "variable"),
    LATIN: (None, 0x00, "roman", "variable"),
}

def block_layout(blocks: str) -> list[tuple[str | None, str]]:
    """Return the tags that lay out the template blocks in the context list ``blocks``, one paragraph style per
    block ``kind`` (the body and each attachment page use the same)."""
    return [
        (None, f"{{%p for b in {blocks} %}}"),
        (None, '{%p if b.kind == "heading1" %}'),
        ("Heading1", "{{ b.text }}"),
        (None, '{%p elif b.kind == "heading2" %}'),
        ("Heading2", "{{ b.text }}"),
        (None, '{%p elif b.kind == "heading3" %}'),
        ("Heading3", "{{ b.text }}"),
        (None, '{%p elif b.kind == "heading4" %}'),
        ("Heading4", "{{ b.text }}"),
        (None, '{%p elif b.kind == "paragraph" %}'),
        (None, "{%p if b.keep %}"),
        ("BodyKeep", "{{ b.text }}"),
        (None, "{%p else %}"),
        ("Normal", "{{ b.text }}"),
        (None, "{%p endif %}"),
        (None, '{%p elif b.kind == "figure" %}'),
        (None, "{%p if b.text %}"),
        ("Figure", "{{ b.image }}"),
        ("Caption", "{{ b.text }}"),
        (None, "{%p else %}"),
        ("FigureAlone", "{{ b.image }}"),
        (None, "{%p endif %}"),
        (None, '{%p elif b.kind == "xml" %}'),
        ("Normal", "{{p b.xml }}"),
        (None, '{%p elif b.kind == "group" %}'),
        ("GroupTitle", "{{ b.text }}"),
        (None, '{%p elif b.kind == "role" %}'),
        ("RoleList", "{{ b.text }}"),
        (None, "{%p endif %}"),
        (None, "{%p endfor %}"),
    ]


# (style id, text) of each template paragraph. {%p … %} paragraphs are removed by docxtpl when it renders.
BODY_LAYOUT: list[tuple[str | None, str]] = [
    *official.HEAD,
    (None, "{%p if title_text %}"),  # a report without a title has no title paragraph
    ("Title", "{{ title_text }}"),
    (None, "{%p endif %}"),
    *official.AFTER_TITLE,
    (None, "{%p for p in opening %}"),
    ("Normal", "{{ p }}"),
    (None, "{%p endfor %}"),
    *block_layout("blocks"),
    *official.NOTES,
    (None, "{%p if signature %}"),
    ("BodyKeep", ""),
    (None, "{%p if signature.name %}"),
    ("Signature", "{{ signature.name }}"),
    (None, "{%p endif %}"),
    (None, "{%p if signature.date %}"),
    ("Date", "{{ signature.date }}"),
    (None, "{%p endif %}"),
    (None, "{%p endif %}"),
    *official.tail(block_layout("a.blocks")),
]


def _page_number(align: str) -> Element:
    side = {"right_chars": 100} if align == "right" else {"left_chars": 100}
    fmt = ParagraphFormat(align="right" if align == "right" else "left", char_pt=SIHAO_PT, **side)  # type: ignore[arg-type]
    return pkg.footer(pkg.page_number_paragraph("Footer", fmt, RunFormat()))


def build_template(path: Path) -> None:
    """Write the default report template to ``path`` (deterministic bytes)."""
    footers = ["footer1.xml", "footer2.xml"]
    odd_rid, even_rid = pkg.footer_rel_ids(footers)
    body = [pkg.paragraph(text, style_id) for style_id, text in BODY_LAYOUT]
    sect_pr = pkg.section_properties(PAGE, {"default": odd_rid, "even": even_rid})
    parts = {
        "word/document.xml": pkg.document(body, sect_pr),
        "word/styles.xml": styles(),
        "word/settings.xml": pkg.settings(even_and_odd_footers=True),
        "word/fontTable.xml": font_table(FACES),
        "word/theme/theme1.xml": theme(LATIN, FANGSONG, HEITI),
        "word/footer1.xml": _page_number("right"),
        "word/footer2.xml": _page_number("left"),
        "docProps/core.xml": pkg.core_properties("{{ title }}", "{{ organisation }}", "2021-01-01T00:00:00Z"),
        "docProps/app.xml": pkg.app_properties(),
    }
    pkg.write_package(path, parts, footers)
