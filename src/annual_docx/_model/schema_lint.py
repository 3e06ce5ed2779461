"""The lint warning codes and the report's ``lint:`` settings, which silence codes for the whole report or one field.

Every warning :func:`annual_docx.lint` gives carries one of :data:`LINT_CODES`. A report silences the ones it has
checked::

    lint:
      ignore: [W-PUNCT]                              # everywhere in the report
      ignore_at:
        2021年工作打算: [W-YEAR]                     # a section by its title: it mentions next year on purpose
        sections[2].blocks[0].rows[3][1]: [W-YEAR]   # one cell
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from annual_docx._model.schema_parts import MODEL_CONFIG, new_dict, new_list

LINT_CODES: dict[str, str] = {
    "W-CONTROL": "不可见的控制字符 / invisible control characters",
    "W-TOTAL": "分类合计与在职人数不符 / categories not adding up to the staff",
    "W-POSTS": "编制少于在职人数 / establishment below the staff",
    "W-SHARE": "同一段中“占…%”合计超过 100% / shares over 100% in one paragraph",
    "W-YEAR": "与报告年度不同的年份 / a year other than the report year",
    "W-DATE": "晚于成文日期的日期 / a date after the report's date",
    "W-DATE-INVALID": "不存在的日期 / a date that does not exist",
    "W-PUNCT": "中文句中的半角标点 / half-width punctuation in Chinese text",
    "W-PLACEHOLDER": "未替换的占位文字（××、某某、XX…）/ starter placeholders left in",
    "W-DUP-TITLE": "重复的节标题 / a section title used twice",
    "W-EMPTY": "没有内容的节 / a section with nothing under its title",
    "W-NUMBERING": "节的序号样式与上级节相同 / a section numbered in its parent's style",
    "W-TYPED-NUMBER": "标题中手写了序号 / a heading number typed into the title",
    "W-IGNORE-PATH": "lint.ignore_at 中的键不是字段路径或节标题 / a lint.ignore_at key naming no field or section",
    "W-QUOTED-NUMBER": "政府信息公开年报：正文数字与统计表不符 / govinfo: a number in the text differs from the tables",
    "W-HEADING": "政府信息公开年报：标题不是国家格式的措辞 / govinfo: a heading not in the national wording",
}
"""Every lint warning code, with what it flags (Chinese / English)."""


def _known_code(code: str) -> str:
    code = code.strip().upper().replace("_", "-")
    code = code if code.startswith("W-") else f"W-{code}"  # year → W-YEAR
    if code not in LINT_CODES:
        import difflib  # only for a misspelt code

        close = difflib.get_close_matches(code, LINT_CODES, n=1, cutoff=0.5)
        zh, en = (f"，是否应为 {close[0]}？", f"; did you mean {close[0]}?") if close else ("", "")
        raise ValueError(f"未知的警告代码 {code}{zh} / unknown warning code {code}{en} "
                         f"（可用 / valid codes: {', '.join(LINT_CODES)}）")
    return code


Code = Annotated[str, Field(min_length=1, description="警告代码，如 W-YEAR / a warning code such as W-YEAR",
                            examples=list(LINT_CODES)),
                 AfterValidator(_known_code)]


class LintSettings(BaseModel):
    """不再提示的检查警告 / Warning codes the report has checked and silences: everywhere (``ignore``) or under one
    field or section (``ignore_at``: a field path as the warning prints it, or a section title → codes). A path
    silences its field and all in it."""

    model_config = MODEL_CONFIG

    ignore: list[Code] = Field(
        default_factory=new_list, description="全文不再提示的警告代码 / codes silenced everywhere"
    )
    ignore_at: dict[str, list[Code]] = Field(
        default_factory=new_dict,
        description="字段路径或节标题 → 该处不再提示的警告代码，如 sections[5]: [W-YEAR]、2021年工作打算: [W-YEAR] / "
                    "field path or section title → codes silenced there",
    )


def ancestors(path: str) -> Iterator[str]:
    """Yield ``path`` and every field path holding it: ``sections[2].blocks[0]`` → itself, ``sections[2].blocks``,
    ``sections[2]``, ``sections``."""
    yield path
    yield from (path[:i] for i in range(len(path) - 1, 0, -1) if path[i] in ".[")
