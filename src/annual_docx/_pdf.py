"""Export a .docx to PDF through LibreOffice headless, with free stand-ins for the official fonts, and PNG previews.

LibreOffice runs with a private profile folder (so a desktop LibreOffice that is open does not swallow the job), a
timeout, lossless images, and ``FONTCONFIG_FILE`` pointing at the mapping shipped in ``annual_docx/fontconfig``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from ._ooxml.char_grid import libreoffice_copy
from .errors import OutputError, ToolError

PDF_FILTER = 'pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"}}'
TIMEOUT_S = 180.0


def fontconfig_file() -> Path:
    """Return the fontconfig file that maps 仿宋/楷体/黑体/宋体/小标宋 to free stand-in faces."""
    return Path(str(resources.files("annual_docx") / "fontconfig" / "fonts.conf"))


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


def to_pdf(docx: str | os.PathLike[str], pdf: str | os.PathLike[str], *, timeout: float = TIMEOUT_S) -> Path:
    """Export ``docx`` to ``pdf`` with LibreOffice headless and return the PDF's path."""
    src, out = Path(docx), Path(pdf)
    if not src.is_file():
        raise OutputError(f"{src}: 文件不存在 / file not found")
    if not out.parent.is_dir():
        raise OutputError(f"{out}: 输出目录不存在 / the output folder does not exist: {out.parent}")
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="annual_docx_lo_") as work:
        profile = Path(work) / "profile"
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}
        env.pop("SAL_USE_VCLPLUGIN", None)
        staged = Path(work) / "in" / (src.stem + ".docx")
        staged.parent.mkdir()
        libreoffice_copy(src, staged)  # LibreOffice gets Word's character grid emulated (see _ooxml.char_grid)
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", PDF_FILTER, "--outdir", work, str(staged)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ToolError(f"{src}: LibreOffice 转换超时（{timeout:g} 秒）/ LibreOffice timed out") from exc
        made = Path(work) / (src.stem + ".pdf")
        if result.returncode != 0 or not made.is_file():
            detail = (result.stderr or result.stdout).strip()
            raise ToolError(f"{src}: LibreOffice 未能导出 PDF / LibreOffice did not export a PDF: {detail}")
        shutil.move(str(made), out)
    return out


def preview(docx: str | os.PathLike[str], out_dir: str | os.PathLike[str], *, dpi: int = 100) -> list[Path]:
    """Write one PNG per page of ``docx`` (``NAME-1.png`` …) to ``out_dir`` and return their paths."""
    src, folder = Path(docx), Path(out_dir)
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
