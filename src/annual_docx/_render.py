"""Fill the Word template with a report in a sandboxed Jinja environment and save it atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import zipfile
from collections.abc import Iterator
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ._context import PictureFactory, build_context
from ._fonts import FANGSONG
from ._images import prepare_pictures
from ._jinja import render_properties, sandbox
from ._ooxml.finish import describe_picture, finish, picture_run_markup
from ._ooxml.repro import fixed_zip
from ._ooxml.template import template_class
from ._text import clean
from .errors import ImageError, OutputError, TemplateError
from .schema import Report

if TYPE_CHECKING:
    from .govinfo import GovinfoReport

_SOURCE_TREE_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "report_template.docx"


def default_template() -> Path:
    """Return the path of the bundled GB/T 9704 report template."""
    bundled = resources.files("annual_docx") / "templates" / "report_template.docx"
    if bundled.is_file():
        return Path(str(bundled))
    return _SOURCE_TREE_TEMPLATE  # editable install: the template sits at the top of the repository


def render(
    report: Report | GovinfoReport, out: str | os.PathLike[str], *, template: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``report`` as a .docx to ``out`` and return its path; on any error ``out`` is left as it was.

    ``template`` is a Word file restyled from the default one (``templates/report_template.docx``). Text is cleaned
    of XML-illegal characters and pictures are checked before anything is written; the same report and template
    give byte-identical files.
    """
    out_path = Path(out)
    template_path = Path(template) if template is not None else default_template()
    if not out_path.parent.is_dir():
        raise OutputError(f"{out_path}: 输出目录不存在 / the output folder does not exist: {out_path.parent}")
    if out_path.exists() and template_path.exists() and out_path.resolve() == template_path.resolve():
        raise OutputError(f"{out_path}: 不能覆盖模板文件 / refusing to write over the template")
    from .govinfo import as_report

    plain: Report = clean(as_report(report))
    pictures = prepare_pictures(plain)
    tpl = _open_template(template_path)
    context = build_context(plain, _picture_factory(tpl, pictures))
    fill(tpl, context, template_path, plain.date)
    buffer = BytesIO()
    tpl.save(buffer)
    with _atomic_target(out_path) as tmp:
        tmp.write_bytes(fixed_zip(buffer.getvalue()))
    return out_path


def fill(tpl: Any, context: dict[str, Any], template_path: Path, date: dt.date | None = None) -> None:
    """Render ``context`` into the opened template ``tpl`` in the sandbox and apply the post-render fixes."""
    # docxtpl would XML-escape the (plain-text) core properties; ours renders them as plain text, also sandboxed
    tpl.render_properties = lambda ctx, _env=None: render_properties(tpl.docx.core_properties, ctx, date)
    try:
        tpl.render(context, sandbox(), autoescape=True)
    except jinja2.TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        line = f"（第 {lineno} 行 / line {lineno}）" if lineno else ""
        raise TemplateError(
            f"{template_path}: 模板渲染失败{line} / the template failed to render: {exc.message or exc}"
        ) from exc
    finish(tpl.docx, context.get("signature"), FANGSONG)


def _open_template(path: Path) -> Any:
    DocxTemplate = template_class()

    if not path.is_file():
        raise TemplateError(f"{path}: 模板文件不存在 / template not found")
    if not zipfile.is_zipfile(path):
        raise TemplateError(f"{path}: 模板不是 .docx 文件 / the template is not a .docx file")
    try:
        tpl = DocxTemplate(path)
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several unrelated types for a broken package
        raise TemplateError(f"{path}: 无法打开模板 / cannot open the template: {exc}") from exc
    return tpl


def _picture_factory(tpl: Any, prepared: dict[tuple[Path, float], bytes]) -> PictureFactory:
    from docx.shared import Mm
    from docxtpl import InlineImage

    class DescribedImage(InlineImage):  # type: ignore[misc]
        """An InlineImage whose ``docPr`` carries alt text."""

        def __init__(self, source: Any, width_mm: float, alt: str) -> None:
            super().__init__(tpl, source, width=Mm(width_mm))
            self.alt = alt

        def inline(self) -> Any:
            """Add the picture to the part being rendered and return its described ``wp:inline`` element."""
            part = self.tpl.current_rendering_part
            try:
                inline = part.new_pic_inline(self.image_descriptor, self.width, self.height)
            except Exception as exc:  # python-docx raises its own and PIL's errors for unreadable images
                raise ImageError(f"无法读取图片 / cannot read the picture {self.alt!r}: {exc}") from exc
            return describe_picture(inline, self.alt, self.alt[:40])

        def _insert_image(self) -> str:
            return picture_run_markup(self.inline(), self.alt, self.alt[:40])

    def make(source: bytes | Path, width_mm: float, alt: str) -> Any:
        if isinstance(source, Path):  # checked, upright, downscaled bytes; a gallery places them narrower
            same_file = (data for (path, _), data in prepared.items() if path == source)
            source = prepared.get((source, width_mm)) or next(same_file, source)
        return DescribedImage(BytesIO(source) if isinstance(source, bytes) else str(source), width_mm, alt)

    return make


def _exclusive_temp(out: Path) -> Path:
    """Create and return an empty temporary file beside ``out`` with the permissions a new file gets (umask)."""
    for _ in range(100):
        tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"{out}: 无法写入 / cannot write in {out.parent}: {exc.strerror or exc}") from exc
        return tmp
    raise OutputError(f"{out}: 无法创建临时文件 / cannot create a temporary file")


@contextlib.contextmanager
def _atomic_target(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; rename it onto ``out`` when the block succeeds, delete it otherwise."""
    tmp = _exclusive_temp(out)
    try:
        yield tmp
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: 无法写入 / cannot write the document: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
