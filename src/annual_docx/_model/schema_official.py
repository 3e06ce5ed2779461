"""Pydantic models of the optional official parts of a 公文 (GB/T 9704 7.2–7.4): 版头, 主送机关, 附件, 版记."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, Field, field_validator

from annual_docx._model.schema_blocks import ContentBlock
from annual_docx._model.schema_parts import MODEL_CONFIG, new_list

if TYPE_CHECKING:
    from annual_docx.schema import Section

Text = Annotated[str, Field(min_length=1)]
_NUMBER = re.compile(r"^(?P<code>.*?)[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*0*(?P<seq>\d+)\s*号$")


class Attachment(BaseModel):
    """An attachment: its title (listed in 附件说明) and, optionally, its content on pages of its own: paragraphs,
    then any blocks (tables, charts, lists…), then sections with numbered headings like the body's (at most four
    levels, numbered per the report's ``numbering``, starting again at level 1 in each attachment)."""

    model_config = MODEL_CONFIG

    title: Text = Field(description="附件名称 / attachment title, without final punctuation")
    paragraphs: list[Text] = Field(default_factory=new_list, description="附件正文 / the attachment's text")
    blocks: list[ContentBlock] = Field(default_factory=new_list, description="附件的内容块（表格等）/ blocks: tables…")
    sections: list[Section] = Field(
        default_factory=new_list,
        description="附件中带标题的各节，与正文的节相同，标题从一级（一、）重新开始 / sections with headings, like the "
                    "body's; their headings start again at level 1 (一、) in each attachment")

    @field_validator("sections", mode="before")
    @classmethod
    def _sections_kind(cls, value: Any) -> Any:
        from annual_docx.schema import _default_kind

        return _default_kind(value)

    @field_validator("paragraphs", mode="before")
    @classmethod
    def _as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("title")
    @classmethod
    def _no_final_punctuation(cls, title: str) -> str:
        return title.rstrip("。.；;，,")


class OfficialParts(BaseModel):
    """版头 (issuer mark in red, document number, red rule), 主送机关, 附件, and 版记 (抄送, 印发机关 and date)."""

    model_config = MODEL_CONFIG

    issuer: str | None = Field(None, description="发文机关标志 / issuer mark, e.g. 曲阜市图书馆文件")
    number: str | None = Field(None, description="发文字号 / document number, e.g. 曲图发〔2021〕3号")
    signers: list[Text] = Field(
        default_factory=new_list,
        description="签发人（上行文）：发文字号居左，签发人居右同一行 / signers of a document sent upward: "
        "the number on the left, 签发人 on the right (7.2.5)",
    )
    recipients: str | None = Field(None, description="主送机关 / addressees, e.g. 曲阜市文化和旅游局")
    attachments: list[Attachment] = Field(default_factory=new_list, description="附件 / attachments")
    cc: list[Text] = Field(default_factory=new_list, description="抄送机关 / copied to")
    printer: str | None = Field(None, description="印发机关 / office that prints the document")
    print_date: dt.date | None = Field(None, description="印发日期 / date printed")

    @field_validator("number")
    @classmethod
    def _normalise_number(cls, number: str | None) -> str | None:
        """Write the year in 六角括号 and the sequence number without leading zeros: ``曲图发〔2021〕3号``."""
        if number is None:
            return None
        m = _NUMBER.match(number.strip())
        if not m:
            raise ValueError(f"发文字号应形如“机关代字〔2021〕3号” / the document number should look like "
                             f"曲图发〔2021〕3号: {number!r}")
        return f"{m['code'].strip()}〔{m['year']}〕{int(m['seq'])}号"

    @field_validator("recipients")
    @classmethod
    def _colon(cls, recipients: str | None) -> str | None:
        """End the addressees with a full-width colon (GB/T 9704 7.3.2)."""
        return None if not recipients else recipients.rstrip(":：") + "："
