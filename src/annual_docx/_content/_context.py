"""Turn a :class:`Report` into what the template needs: a flat list of blocks with literal numbers and pictures.

The template walks ``blocks`` once; each block has a ``kind`` (``heading1``–``heading4``, ``paragraph``, ``figure``,
``group``, ``role``, ``xml``) that picks its Word style, a ``text`` and, for figures, an ``image``. The tree walk is
in ``_sections``, the blocks' builders are found through ``_registry``. Pictures are made by a factory the caller
passes in, so this module stays free of docxtpl.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from annual_docx import schema as s
from annual_docx._content._build_figures import quoted, role_lines, spread
from annual_docx._content._build_text import breaks_before_headings, plain_text, scripted_texts
from annual_docx._content._closing import keep_to_closing
from annual_docx._content._drawing import Drawer, NativeFactory, PictureFactory, chart_error_at
from annual_docx._content._figures import number_figures
from annual_docx._content._official import official_context
from annual_docx._content._piece import Block
from annual_docx._content._sections import Tree
from annual_docx._content._title import title_lines
from annual_docx._numbers import chinese_date
from annual_docx._textwidth import text_width

__all__ = ["Block", "NativeFactory", "PictureFactory", "Signature", "build_context", "chart_error_at",
           "chinese_date", "quoted", "role_lines", "signature", "spread", "text_width"]



@dataclass(frozen=True)
class Signature:
    """落款: the signing organisation and the date, with right indents (in characters) per GB/T 9704 7.3.5.2."""

    name: str
    date: str
    name_right: float
    date_right: float


def build_context(report: s.Report, picture: PictureFactory, native: NativeFactory | None = None) -> dict[str, Any]:
    """Return the template context for ``report``: title, opening paragraphs, blocks and the signature; charts are
    native through ``native`` where the report or the chart asks for it (without ``native``, all are pictures)."""
    tree = Tree(report.numbering, Drawer(picture, report.chart_font, native, report.chart_engine),
                report.run_in_levels)

    def attachment(i: int, title: str, blocks: list[Any], sections: list[Any]) -> list[Block]:
        path = f"official.attachments[{i}]"
        return scripted_texts(number_figures(breaks_before_headings(tree.attachment(blocks, path, title,
                                                                                    sections))))

    blocks = scripted_texts(number_figures(breaks_before_headings(list(tree.sections(report.sections)))))
    sign = signature(report.signature, report.date)
    if sign:  # the body's end, text included, goes with the 落款, which never stands alone on a page (7.3.5)
        blocks = keep_to_closing(blocks)
    return {
        "title": report.full_title,  # "" when the report has no title: no title paragraph
        "title_text": "\n".join(title_lines(report.full_title)) if report.full_title else "",  # 7.3.1 trapezoid
        "organisation": report.organisation or "",  # unknown: empty, never a placeholder
        "year": report.year if report.year is not None else "",
        "byline": [plain_text(line) for line in report.byline],  # 题注行, centred under the title
        "opening": [plain_text(p) for p in report.opening],  # 10^{6}: runs in place of the tag
        "blocks": blocks,
        "signature": sign,
        "official": official_context(report.official, attachment),
    }


def signature(name: str | None, date: dt.date | None) -> Signature | None:
    """Return the 落款 layout: name 2 characters from the right, the date starting 2 characters right of the name;
    a date longer than that sits 2 characters from the right and pushes the name left (GB/T 9704 7.3.5.2)."""
    if not name and not date:
        return None
    name = name or ""
    date_text = chinese_date(date) if date else ""
    name_w, date_w = text_width(name), text_width(date_text)
    name_right = 2.0
    date_right = name_right + name_w - 2 - date_w
    if date_text and date_right < 2:
        date_right = 2.0
        name_right = date_right + date_w + 2 - name_w
    return Signature(name, date_text, name_right, max(date_right, 0.0))
