"""The parts blocks are made of: pictures, org units, party roles and honours.

Data only: no formatting, no I/O beyond checking that a named picture exists. Every model forbids unknown keys.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
)

from annual_docx._numbers import source_of
from annual_docx.errors import Problem
from annual_docx.gbt9704 import TYPE_WIDTH_MM

Text = Annotated[str, Field(min_length=1)]



def _keep_written(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Keep a number read from a report file as it is: it remembers how it was written (``156.40``, ``1.0``; the
    loader's ``SourceFloat``), so tables and statistics print it that way."""
    checked = handler(value)  # every constraint of the field applies
    if source_of(value) is not None and checked == value:
        return value
    return checked


WrittenFloat = Annotated[float, WrapValidator(_keep_written)]
"""A float that, read from a report file, keeps the form it was written in (its ``source``)."""

ChartEngine = Literal["image", "native"]
"""How a chart is placed: a drawn picture, or a native Word chart (or group of shapes) whose data can be edited."""
ENGINE_HELP = ("图表形式：image 为图片，native 为可在 Word/WPS 中“编辑数据”的原生图表；默认随报告 chart_engine"
               " / image: a picture; native: a Word chart whose data can be edited; default: the report's chart_engine")


MODEL_CONFIG: Final = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True)


class BlockModel(BaseModel):
    """The base of the block models and their parts: unknown keys refused, text stripped, frozen; and the block's
    own lint rule, declared with its model (:meth:`lint_problems`)."""

    model_config = MODEL_CONFIG

    def lint_problems(self, path: str) -> list[Problem]:
        """Return this block's own consistency warnings, ``path`` being its field path (none, unless its type has a
        rule: :func:`annual_docx.lint` runs it on every block at any level)."""
        return []
"""Every report model's settings: unknown keys are errors, text is stripped, instances are frozen, and a validator
is built the first time a model validates (not when the module is imported: a render builds only ``Report``'s)."""


class _Part(BaseModel):
    model_config = MODEL_CONFIG


def new_list() -> list[Any]:
    """Return a new empty list: the default of list fields. A Python function rather than ``list``, whose signature
    pydantic would parse from text when it builds the models (a measurable part of a render's start-up)."""
    return []


def new_dict() -> dict[Any, Any]:
    """Return a new empty dict: the default of mapping fields (see :func:`new_list`)."""
    return {}


def as_list(value: Any) -> Any:
    """Accept a single string where a list of paragraphs is expected."""
    return [value] if isinstance(value, str) else value


def resolve_path(path: Path, info: ValidationInfo) -> Path:
    """Return ``path`` resolved against the report file's folder (the ``base_dir`` validation context)."""
    base = (info.context or {}).get("base_dir")
    return Path(base) / path if not path.is_absolute() and base is not None else path


#: the files validation found to exist (pictures, font files), noted while a caller is listening: the
#: validated-report cache (``_input/_report_cache.py``) checks they still exist before it gives out a stored report
checked_files: ContextVar[list[Path] | None] = ContextVar("checked_files", default=None)


def existing_file(path: Path, info: ValidationInfo, missing: str) -> Path:
    """Return ``path`` resolved against the report's folder; ``missing`` (``图片文件不存在 / picture file not
    found``) is the error when no such file exists."""
    path = resolve_path(path, info)
    noted = checked_files.get()
    if noted is not None:
        noted.append(path)
    if not path.is_file():
        raise ValueError(f"{missing}: {path}")
    return path


class Picture(_Part):
    """A picture file (PNG or JPEG) with an optional caption and alt text; relative paths are resolved against the
    report file's folder."""

    path: Path = Field(description="图片文件路径 / picture file (PNG or JPEG)")
    caption: str | None = Field(None, description="图题 / caption shown under the picture")
    alt: str | None = Field(None, description="替代文字 / alt text; defaults to the caption")
    width_mm: float = Field(120, gt=10, le=round(TYPE_WIDTH_MM), description="版面宽度（毫米）/ placed width in mm")

    @field_validator("path")
    @classmethod
    def _resolve(cls, path: Path, info: ValidationInfo) -> Path:
        path = existing_file(path, info, "图片文件不存在 / picture file not found")
        if path.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
            raise ValueError(f"只支持 PNG 或 JPEG 图片 / only PNG and JPEG pictures are supported: {path.name}")
        return path


class OrgUnit(_Part):
    """A unit in the organisation tree, with an optional head and sub-units."""

    name: Text
    head: str | None = Field(None, description="负责人 / head of the unit, e.g. 馆长 孔德安")
    children: list[OrgUnit] = Field(default_factory=new_list)
    guides: list[Text] = Field(default_factory=new_list, description="业务指导的同级单位（虚线）/ units it guides")


class Role(_Part):
    """A post in a party branch and the person holding it (书记 孔德安)."""

    title: Text = Field(description="职务 / post, e.g. 书记")
    name: Text = Field(description="姓名 / name")


class PartyBranch(_Part):
    """A party branch (支部) and its committee roles."""

    name: Text
    roles: list[Role] = Field(min_length=1)


class Award(_Part):
    """An honour received, optionally with a picture of the certificate."""

    name: Text = Field(description="荣誉名称 / name of the honour")
    picture: Picture | None = None


