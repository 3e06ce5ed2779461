"""Import an existing report (.docx from Word, WPS, LibreOffice…) into report data: ``import_report``, ``import_docx``
and ``import_to_yaml``.

Pipeline: ``_ooxml.reader.open_package`` (the one reader of every .docx from outside, shared with ``check`` and
templates: its limits, its refusals, its :class:`~annual_docx.errors.DocumentError`) → ``_ooxml.docx_in.read_outline``
(paragraphs, tables, pictures, native charts; the body streamed block by block) → ``build.report_data`` (front and
back matter, heading tree, sections) → ``validate``; ``yaml_out`` writes it with comments on what was guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annual_docx._atomic import write_bytes
from annual_docx._import.build import report_data
from annual_docx._import.pieces import Context
from annual_docx._import.yaml_out import to_yaml
from annual_docx._model.report_kind import ReportKind
from annual_docx._ooxml.docx_in import read_outline
from annual_docx._ooxml.reader import open_package
from annual_docx._renamed import keyword_only, renamed
from annual_docx._report_kinds import validate
from annual_docx.errors import AnnualDocxError, InputError, OutputError


@dataclass
class Imported:
    """An imported report: the validated report, its data as written, notes on what was guessed by field path, and
    ``out``, the YAML file written (None when none was asked for)."""

    report: ReportKind
    data: dict[str, Any]
    notes: dict[str, list[str]]
    out: Path | None = None

    @property
    def note_count(self) -> int:
        """Return how many guesses the notes record (each is a ``#`` comment in the YAML)."""
        return sum(len(v) for v in self.notes.values())


def read_report(path: str | Path, assets: str | Path | None = None, base_dir: str | Path | None = None) -> Imported:
    """Import ``path``; pictures go to ``assets`` (default: ``<name>_assets`` beside the .docx), their paths are
    written relative to ``base_dir`` (default: the folder of ``assets``)."""
    source = Path(path)
    folder = Path(assets) if assets is not None else source.with_name(f"{source.stem}_assets")
    base = Path(base_dir) if base_dir is not None else folder.parent
    package = open_package(source)
    ctx = Context(folder, base)
    try:
        outline = read_outline(package)
        data = report_data(outline, ctx)
    except OSError as exc:
        raise OutputError(f"{folder}: 无法保存图片 / cannot save the pictures ({exc.strerror or exc})") from None
    except AnnualDocxError:
        raise
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as exc:  # a structure not foreseen
        raise InputError(f"{source}: 无法识别此文档的结构，请将文件反馈给开发者 / this document's structure could not "
                         f"be read ({type(exc).__name__}: {exc}); please report it with the file") from exc
    finally:
        package.close()
    report = validate(data, source=str(source), base_dir=base)  # a GovinfoReport for `kind: govinfo`
    return Imported(report, data, ctx.notes)


@renamed(path="docx")
@keyword_only("assets")
def import_docx(docx: str | Path, *, assets: str | Path | None = None) -> ReportKind:
    """Return the report an existing .docx holds. Pictures are saved to ``assets`` (default: a folder
    ``<name>_assets`` beside the .docx), keyword-only as in :func:`import_report` (by position it still works, with
    a DeprecationWarning). Raises
    :class:`~annual_docx.errors.DocumentError` (an :class:`~annual_docx.errors.InputError`) for a .doc, an
    encrypted, damaged, oversized or non-Word file, with what to do."""
    return read_report(docx, assets).report


@renamed(output="out", path="docx")
def import_to_yaml(docx: str | Path, out: str | Path, *, assets: str | Path | None = None) -> Path:
    """Import ``docx`` and write the report to ``out`` as YAML with comments; pictures go to ``assets`` (default:
    ``<out name>_assets`` beside it). Writes to a temporary file and renames, never over the input. The keyword
    ``output=`` for ``out`` still works, with a DeprecationWarning."""
    written = import_report(docx, out, assets=assets).out
    assert written is not None
    return written


def import_report(docx: str | Path, out: str | Path | None = None, *, assets: str | Path | None = None) -> Imported:
    """Import ``docx`` and return everything the import found (:class:`Imported`: the report, its data, the notes on
    what was guessed); with ``out``, also write the report there as YAML with the notes as comments (what
    :func:`import_to_yaml` does), ``Imported.out`` then naming the file. Pictures go to ``assets`` (default:
    ``<out name>_assets`` beside ``out``, else ``<name>_assets`` beside the .docx)."""
    if out is None:
        return read_report(docx, assets)
    target = Path(out)
    source = Path(docx)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise OutputError(f"{target}: 不能覆盖要导入的文件 / refusing to write over the imported file")
    folder = Path(assets) if assets is not None else target.with_name(f"{target.stem}_assets")
    imported = read_report(source, folder, target.parent)
    text = to_yaml(imported.data, imported.notes, source.name)
    try:
        write_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{target}: 无法写入 / cannot write ({exc.strerror or exc})") from None
    imported.out = target
    return imported


__all__ = ["Imported", "import_docx", "import_report", "import_to_yaml", "read_report"]
