"""Export a .docx to PDF through LibreOffice headless, with one installed font per official face, and PNG previews.

LibreOffice runs with a private profile folder (so a desktop LibreOffice that is open does not swallow the job), a
timeout, lossless images (optionally PDF/A-2b), and ``FONTCONFIG_FILE`` pointing at a fontconfig file written for
this document by :mod:`annual_docx._output._fontmatch` (each face → the first installed font that has all its
characters).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

from annual_docx._atomic import replacing
from annual_docx._ooxml.char_grid import libreoffice_copy
from annual_docx._ooxml.reader import open_package
from annual_docx._output._fontmatch import fontconfig_text, missing_report, plan
from annual_docx._renamed import renamed
from annual_docx.errors import FontWarning, OutputError, ToolError

PDF_FILTER = 'pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"}}'
PDF_A_FILTER = ('pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"},'
                '"SelectPdfVersion":{"type":"long","value":"2"}}')
"""PDF/A-2b: LibreOffice embeds every font and writes the pdfaid identification into the XMP metadata."""
TIMEOUT_S = 180.0


def _tool(names: tuple[str, ...], package: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise ToolError(
        f"找不到 {names[0]}，请安装 {package} / {names[0]} not found: install {package} "
        f"(apt-get install --no-install-recommends {package})"
    )


def soffice() -> str:
    """Return the path of LibreOffice's ``soffice``, or raise ToolError saying how to install it."""
    return _tool(("soffice", "libreoffice"), "libreoffice-writer")


@renamed(pdf="out")
def to_pdf(docx: str | os.PathLike[str], out: str | os.PathLike[str], *, timeout: float = TIMEOUT_S,
           pdf_a: bool = False) -> Path:
    """Export ``docx`` to ``out`` (the PDF) with LibreOffice headless and return the PDF's path (the keyword
    ``pdf=`` for ``out`` still works, with a DeprecationWarning).

    Each official face is drawn in one installed font (see :mod:`annual_docx._output._fontmatch`); a character no
    installed font of its face has is reported as a :class:`FontWarning` naming it and where it occurs.
    ``pdf_a=True`` writes PDF/A-2b (fonts embedded, as archives ask). ``docx`` is read with the one reader of
    documents from outside: one it cannot read (not a .docx, damaged, over a size cap…) raises its
    :class:`~annual_docx.errors.DocumentError`, before LibreOffice runs.
    """
    src, out = Path(docx), Path(out)
    if not src.is_file():
        raise OutputError(f"{src}: 文件不存在 / file not found")
    if not out.parent.is_dir():
        raise OutputError(f"{out}: 输出目录不存在 / the output folder does not exist: {out.parent}")
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="annual_docx_lo_") as work:
        profile = Path(work) / "profile"
        staged = Path(work) / "in" / (src.stem + ".docx")
        staged.parent.mkdir()
        with open_package(src) as package:  # the one reader: a DocumentError saying what to do if it cannot be read
            choices = plan(package)
            libreoffice_copy(package, staged)  # LibreOffice gets Word's character grid emulated (_ooxml.char_grid)
        for message in missing_report(choices):
            warnings.warn(FontWarning(f"{src}: {message}"), stacklevel=2)
        config = Path(work) / "fonts.conf"
        config.write_text(fontconfig_text(choices), encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(config)}
        env.pop("SAL_USE_VCLPLUGIN", None)
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", PDF_A_FILTER if pdf_a else PDF_FILTER, "--outdir", work, str(staged)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ToolError(f"{src}: LibreOffice 转换超时（{timeout:g} 秒）/ LibreOffice timed out") from exc
        made = Path(work) / (src.stem + ".pdf")
        if result.returncode != 0 or not made.is_file():
            detail = (result.stderr or result.stdout).strip()
            raise ToolError(f"{src}: LibreOffice 未能导出 PDF / LibreOffice did not export a PDF: {detail}")
        try:  # copied beside the target and renamed onto it: never a half-written PDF, even across file systems
            with replacing(out) as tmp:
                shutil.copyfile(made, tmp)
        except OSError as exc:
            raise OutputError(f"{out}: 无法写入 / cannot write the PDF: {exc.strerror or exc}") from exc
    return out


@renamed(out_dir="out")
def preview(docx: str | os.PathLike[str], out: str | os.PathLike[str], *, dpi: int = 100) -> list[Path]:
    """Write one PNG per page of ``docx`` (``NAME-1.png`` …) to the folder ``out`` (created if missing) and return
    their paths (the keyword ``out_dir=`` for ``out`` still works, with a DeprecationWarning)."""
    src, folder = Path(docx), Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    pdftoppm = _tool(("pdftoppm",), "poppler-utils")
    with tempfile.TemporaryDirectory(prefix="annual_docx_pv_") as work:
        pdf = src if src.suffix.lower() == ".pdf" else to_pdf(src, Path(work) / (src.stem + ".pdf"))
        prefix = folder / src.stem
        result = subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(pdf), str(prefix)],
                                capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        if result.returncode != 0:
            raise ToolError(f"{pdf}: pdftoppm 失败 / pdftoppm failed: {result.stderr.strip()}")
    return sorted(folder.glob(f"{src.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
