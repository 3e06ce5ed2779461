"""Template styles and tag layout of the optional official parts (GB/T 9704 7.2–7.4), spliced into the default
template by ``_template_design``: 版头 before the title, the 题注行 (byline, no part of GB/T 9704) and 主送机关 after
it, 附件说明 before the 落款, 附件 pages and the 版记 after it."""

from __future__ import annotations

from dataclasses import replace

from annual_docx._charts._fonts import FANGSONG, HEITI, KAITI, LATIN, XIAOBIAOSONG
from annual_docx._ooxml.props import Element, ParagraphFormat, RunFormat, style
from annual_docx.gbt9704 import BODY_PT, SIHAO_PT, TITLE_PT
from annual_docx.gbt9704 import LINE as LINE  # re-exported: _official takes them from here
from annual_docx.gbt9704 import TYPE_WIDTH as TYPE_WIDTH

RED = "FF0000"


def official_styles() -> list[Element]:
    """Return the paragraph styles of the official parts."""
    plain = ParagraphFormat(first_line_chars=0, left_chars=0, right_chars=0)
    record = ParagraphFormat(first_line_chars=0, left_chars=100, right_chars=100, char_pt=SIHAO_PT, line_twips=0,
                             snap_to_grid=False, keep_next=True)
    return [
        # 发文机关标志: 小标宋 red, centred, its top 35 mm below the top of the 版心 (7.2.3)
        style("Issuer", "发文机关标志", based_on="Normal", next_style="DocNumber",
              paragraph=ParagraphFormat(align="center", first_line_chars=0, before=1984, line_twips=0,
                                        snap_to_grid=False),
              run=RunFormat(east_asia=XIAOBIAOSONG, latin=LATIN, size_pt=36, color=RED)),
        # 发文字号: two lines below the mark, centred; the red rule 4 mm below it (7.2.4, 7.2.6)
        style("DocNumber", "发文字号", based_on="Normal", next_style="Title",
              paragraph=ParagraphFormat(align="center", first_line_chars=0, before=2 * LINE, after=2 * LINE,
                                        borders=(("bottom", 8, RED),))),
        # 题注行 under the title (——date and meeting, speaker, 来源): GB/T 9704 has no such part; centred 楷体 三号 is
        # how speeches and 工作报告 print it
        style("Byline", "题注行", based_on="Normal", next_style="Recipients",
              paragraph=ParagraphFormat(align="center", first_line_chars=0, left_chars=0, right_chars=0,
                                        keep_next=True),
              run=RunFormat(east_asia=KAITI, latin=LATIN, size_pt=BODY_PT)),
        style("Recipients", "主送机关", based_on="Normal", paragraph=plain),
        # 附件说明 keeps with the 落款 after it, so the 落款 never starts a page alone (7.3.5)
        style("AttachmentNote", "附件说明", based_on="Normal", paragraph=ParagraphFormat(keep_next=True)),
        style("AttachmentLabel", "附件标签", based_on="Normal", next_style="AttachmentTitle",
              paragraph=ParagraphFormat(first_line_chars=0, page_break_before=True, keep_next=True, after=LINE),
              run=RunFormat(east_asia=HEITI, latin=LATIN)),
        style("AttachmentTitle", "附件标题", based_on="Normal", next_style="Normal",
              paragraph=ParagraphFormat(align="center", first_line_chars=0, keep_next=True, after=LINE),
              run=RunFormat(east_asia=XIAOBIAOSONG, latin=LATIN, size_pt=TITLE_PT)),
        # 版记: 四号 仿宋, 1 字 in on both sides; a 抄送 line that wraps continues under the first organ after the
        # colon. The rules (0.35 / 0.25 / 0.35 mm) and the place at the foot of the last page come from
        # _ooxml.record, which renders these paragraphs into a table in a text box at the end of the body (7.4)
        style("RecordCc", "抄送", based_on="Normal", paragraph=replace(record, left_chars=400, hanging_chars=300),
              run=RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=SIHAO_PT)),
        style("RecordPrint", "印发", based_on="Normal", paragraph=replace(record, right_tab=TYPE_WIDTH - 280),
              run=RunFormat(east_asia=FANGSONG, latin=LATIN, size_pt=SIHAO_PT)),
    ]


HEAD: list[tuple[str | None, str]] = [
    (None, "{%p if official and official.issuer %}"),
    ("Issuer", "{{ official.issuer }}"),
    (None, "{%p endif %}"),
    (None, "{%p if official and official.signers_xml %}"),
    ("DocNumber", "{{p official.signers_xml }}"),  # 上行文: number left, 签发人 right, same line (7.2.5)
    (None, "{%p elif official and official.number %}"),
    ("DocNumber", "{{ official.number }}"),
    (None, "{%p endif %}"),
]
BYLINE: list[tuple[str | None, str]] = [  # between the title and the 主送
    (None, "{%p if byline %}"),
    (None, "{%p for line in byline %}"),
    ("Byline", "{{ line }}"),
    (None, "{%p endfor %}"),
    (None, "{%p endif %}"),
]
AFTER_TITLE: list[tuple[str | None, str]] = [
    (None, "{%p if official and official.recipients %}"),
    ("Recipients", "{{ official.recipients }}"),
    (None, "{%p endif %}"),
]
NOTES: list[tuple[str | None, str]] = [
    (None, "{%p if official and official.attachment_lines %}"),
    ("BodyKeep", ""),
    (None, "{%p for line in official.attachment_lines %}"),
    ("AttachmentNote", "{{ line }}"),
    (None, "{%p endfor %}"),
    (None, "{%p endif %}"),
]


def tail(attachment_blocks: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Return the tags after the 落款: each attachment's page (label, title, paragraphs, then its blocks laid out
    by ``attachment_blocks``) and the 版记."""
    return [
        (None, "{%p if official %}"),
        (None, "{%p for a in official.attachments %}"),
        ("AttachmentLabel", "{{ a.label }}"),
        ("AttachmentTitle", "{{ a.title }}"),
        (None, "{%p for p in a.paragraphs %}"),
        ("Normal", "{{ p }}"),
        (None, "{%p endfor %}"),
        *attachment_blocks,
        (None, "{%p endfor %}"),
        *RECORD,
    ]


RECORD: list[tuple[str | None, str]] = [  # the 版记, then the end of {%p if official %}
    (None, "{%p if official.record %}"),
    (None, "{%p if official.record.cc %}"),
    ("RecordCc", "{{ official.record.cc }}"),
    (None, "{%p endif %}"),
    (None, "{%p if official.record.printed %}"),
    ("RecordPrint", "{{ official.record.printed }}"),
    (None, "{%p endif %}"),
    (None, "{%p endif %}"),
    (None, "{%p endif %}"),
]
