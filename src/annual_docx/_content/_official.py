"""The template context of the optional official parts: 版头, 主送机关, 附件说明 and 附件 pages, 版记."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from annual_docx._model.schema_official import OfficialParts
from annual_docx._numbers import chinese_date
from annual_docx.gbt9704 import FULL_SPACE

BuildBlocks = Callable[[int, str, list[Any], list[Any]], list[Any]]
"""``(attachment index, title, blocks, sections) -> template blocks`` of an attachment's blocks and sections."""



def attachment_lines(titles: list[str]) -> list[str]:
    """Return the 附件说明 lines: ``附件：标题`` for one, ``附件：1. 标题`` then ``　　　2. 标题`` for several
    (GB/T 9704 7.3.4), the numbers lined up under each other."""
    if len(titles) == 1:
        return [f"附件：{titles[0]}"]
    return [("附件：" if n == 1 else FULL_SPACE * 3) + f"{n}. {title}" for n, title in enumerate(titles, start=1)]


def signers_markup(number: str, signers: list[str]) -> Markup | str:
    """Return the 发文字号 and 签发人 lines as WordprocessingML for ``{{p official.signers_xml }}``, or ``""``
    without signers (the template then sets the number centred)."""
    if not signers:
        return ""
    from annual_docx._ooxml.body import markup
    from annual_docx._ooxml.signers import signer_paragraphs
    from annual_docx.gbt9704 import KAITI, TYPE_WIDTH

    return Markup(markup(signer_paragraphs(number, signers, TYPE_WIDTH, KAITI)))


def official_context(parts: OfficialParts | None, build: BuildBlocks | None = None) -> dict[str, Any] | None:
    """Return what the template needs for ``parts`` (None when the report has no official parts); ``build`` turns
    an attachment's blocks and sections into template blocks (without it they are left out)."""
    if parts is None:
        return None
    titles = [a.title for a in parts.attachments]
    several = len(parts.attachments) > 1
    pages = [
        {"label": f"附件{n}" if several else "附件", "title": a.title, "paragraphs": list(a.paragraphs),
         "blocks": build(n - 1, a.title, list(a.blocks), list(a.sections)) if build and (a.blocks or a.sections)
         else []}
        for n, a in enumerate(parts.attachments, start=1)
        if a.paragraphs or a.blocks or a.sections
    ]
    printed = ""
    if parts.printer or parts.print_date:
        date = parts.print_date
        when = f"{chinese_date(date)}印发" if date else ""
        printed = f"{parts.printer or ''}\t{when}"
    record = None
    if parts.cc or printed:
        record = {"cc": f"抄送：{'，'.join(parts.cc)}。" if parts.cc else "", "printed": printed}
    return {
        "issuer": parts.issuer or "",
        "number": parts.number or "",
        "signers_xml": signers_markup(parts.number or "", parts.signers),
        "recipients": parts.recipients or "",
        "attachment_lines": attachment_lines(titles) if titles else [],
        "attachments": pages,
        "record": record,
    }
