"""What one editor run works on: the report file, its folder, the page's checks, saves, pictures, imports and the
renders beside the form. The HTTP layer (``_server``) only decodes requests and calls these methods."""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from annual_docx.editor._worker import run_job, stop
from annual_docx.editor._yamldoc import YamlDocument, version_of, write_atomic
from annual_docx.errors import AnnualDocxError, InputError, Problem, ReportValidationError

MB = 1024 * 1024
PICTURE_CAP = 20 * MB
DOCX_CAP = 64 * MB
JSON_CAP = 16 * MB
RENDER_TIMEOUT_S = 180.0
PICTURE_TYPES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
_UNSAFE = re.compile(r"[^\w.\-]+")


CONFLICT = ("文件已在别处（另一个标签页或编辑器）保存过，本次保存未写入。"
            "请复制你的修改，重新打开页面后再改。 / The file was saved elsewhere (another tab or "
            "editor) since this page loaded it; this save was refused. Reload the page and make your "
            "change again.")


class Refused(Exception):
    """A request the editor refuses: ``status`` is the HTTP status, the message is shown on the page."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class Session:
    """The report being edited and everything the page asks about it."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.folder = self.path.parent
        self.document = YamlDocument(self.path)
        self.work = Path(tempfile.mkdtemp(prefix="annual_docx_editor_"))
        self._save_lock = threading.Lock()
        self._render_lock = threading.Lock()
        self._renders = 0
        self._running: set[int] = set()

    def close(self) -> None:
        """Stop any worker still running and remove the editor's work folder."""
        for pid in list(self._running):
            stop(pid)
        shutil.rmtree(self.work, ignore_errors=True)

    # --- reading -------------------------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What the page starts from: the file's name, its data and version."""
        return {"name": self.path.name, "folder": str(self.folder), "data": self.document.data,
                "version": self.document.version,
                "libreoffice": shutil.which("soffice") is not None or shutil.which("libreoffice") is not None}

    def inside(self, relative: str) -> Path:
        """Return ``relative`` as a path inside the report's folder, or refuse it (absolute, ``..``, a link out)."""
        if not relative or "\x00" in relative or Path(relative).is_absolute() or ".." in Path(relative).parts:
            raise Refused(403, f"{relative!r}: 只能使用报告所在文件夹中的文件 / only files in the report's folder")
        target = (self.folder / relative).resolve()
        if not target.is_relative_to(self.folder):
            raise Refused(403, f"{relative!r}: 只能使用报告所在文件夹中的文件 / only files in the report's folder")
        return target

    # --- checking ------------------------------------------------------------------------------------------------
    def _text_file(self, data: dict[str, Any]) -> Path:
        """The bytes a save would write, in the editor's own folder (read back by the library's loader)."""
        if not isinstance(data, dict):
            raise Refused(400, "数据应为键值表 / the data must be a mapping")
        target = Path(tempfile.mkstemp(suffix=self.path.suffix, dir=self.work)[1])
        target.write_bytes(self.document.text_for(data))
        return target

    def problems(self, data: dict[str, Any]) -> list[dict[str, str]]:
        """Validation errors and lint warnings of ``data`` as the library reports them, each with its field path."""
        import annual_docx
        from annual_docx._input._load import parse  # load() as it is, with the report's folder as the base

        text_file = self._text_file(data)
        try:
            report = annual_docx.validate(parse(text_file), base_dir=self.folder)
        except ReportValidationError as exc:
            return [_problem(p, "error") for p in exc.problems]
        except AnnualDocxError as exc:
            return [{"path": getattr(exc, "path", ""), "message": str(exc).replace(str(text_file), self.path.name),
                     "level": "error", "code": ""}]
        finally:
            text_file.unlink(missing_ok=True)
        return [_problem(p, "warning") for p in annual_docx.lint(report)]

    # --- saving --------------------------------------------------------------------------------------------------
    def save(self, data: dict[str, Any], version: str) -> dict[str, Any]:
        """Write ``data`` to the report file if it is still at ``version``; refuse a save that started from an older
        version (another tab, or a hand edit, saved in between)."""
        with self._save_lock:
            try:
                on_disk = version_of(self.path.read_bytes())
            except OSError:
                on_disk = ""
            if version != on_disk or version != self.document.version:
                raise Refused(409, CONFLICT)
            text = self.document.text_for(data)
            if text != self.document.raw:
                write_atomic(self.path, text)
            self.document = YamlDocument(self.path)
            return {"version": self.document.version, "data": self.document.data}

    # --- rendering -----------------------------------------------------------------------------------------------
    def render(self, data: dict[str, Any], *, pdf: bool = True, pages: bool = True) -> dict[str, Any]:
        """Render ``data`` in a worker: the .docx, `check`'s findings and, with LibreOffice, the PDF and page PNGs.
        One render at a time; each gets a folder ``r<N>`` of the editor's work folder (the last two are kept)."""
        with self._render_lock:
            self._renders += 1
            number = self._renders
            out = self.work / f"r{number}"
            out.mkdir()
            yaml_file = self._text_file(data)
            try:
                answer = run_job({"op": "render", "yaml": str(yaml_file), "base_dir": str(self.folder),
                                  "out_dir": str(out), "name": self.path.name, "pdf": pdf, "pages": pages,
                                  "check": pages}, RENDER_TIMEOUT_S, self._running)
            finally:
                yaml_file.unlink(missing_ok=True)
            for old in self.work.glob("r*"):
                if old.is_dir() and old.name[1:].isdigit() and int(old.name[1:]) < number - 1:
                    shutil.rmtree(old, ignore_errors=True)
            answer["render"] = number
            if "error" in answer:
                answer["error"] = answer["error"].replace(str(yaml_file), self.path.name)
            return answer

    def output(self, number: int, name: str) -> Path:
        """A file a render wrote (``pages/report-1.png``, ``report.docx``, ``report.pdf``)."""
        if not re.fullmatch(r"(pages/report-\d+\.png|report\.docx|report\.pdf)", name):
            raise Refused(404, f"{name}: 没有这个文件 / no such file")
        target = self.work / f"r{number}" / name
        if not target.is_file():
            raise Refused(404, f"{name}: 没有这个文件（已有更新的预览）/ no such file (a newer preview replaced it)")
        return target

    # --- pictures and imports ------------------------------------------------------------------------------------
    def add_picture(self, name: str, body: bytes) -> str:
        """Save an uploaded picture into ``images/`` of the report's folder; return its path as the report names it.
        Only PNG and JPEG (checked by their first bytes); an identical file already there is reused."""
        suffix = Path(name).suffix.lower()
        magic = PICTURE_TYPES.get(suffix)
        if magic is None or not body.startswith(magic):
            raise Refused(415, f"{name}: 只能上传 PNG 或 JPEG 图片 / only PNG or JPEG pictures")
        folder = self.inside("images")
        folder.mkdir(exist_ok=True)
        stem = _UNSAFE.sub("_", Path(name).stem).strip("._") or "picture"
        for n in range(1, 1000):
            target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
            if target.exists() and target.read_bytes() == body:
                break
            if not target.exists():
                write_atomic(target, body)
                break
        else:
            raise Refused(409, f"{name}: 同名图片太多 / too many pictures of that name")
        return target.relative_to(self.folder).as_posix()

    def import_docx(self, name: str, body: bytes) -> dict[str, Any]:
        """Import an uploaded .docx into a new report file beside this one (``<name>.yaml``, pictures in
        ``<name>_assets/``) and edit that file from now on."""
        stem = _UNSAFE.sub("_", Path(name).stem).strip("._") or "imported"
        if Path(name).suffix.lower() != ".docx":
            raise Refused(415, f"{name}: 只能导入 .docx 文件 / only .docx files can be imported")
        target = next((self.folder / f"{stem}{'' if n == 1 else f'-{n}'}.yaml" for n in range(1, 1000)
                       if not (self.folder / f"{stem}{'' if n == 1 else f'-{n}'}.yaml").exists()), None)
        if target is None:
            raise Refused(409, f"{name}: 同名文件太多 / too many files of that name")
        upload = self.work / f"upload-{stem}.docx"
        upload.write_bytes(body)
        try:
            answer = run_job({"op": "import", "docx": str(upload), "output": str(target),
                              "assets": str(self.folder / f"{target.stem}_assets"), "out_dir": str(self.work)},
                             RENDER_TIMEOUT_S, self._running)
        finally:
            upload.unlink(missing_ok=True)
        if not answer.get("ok"):
            raise Refused(422, str(answer.get("error", "导入失败 / the import failed")).replace(str(upload), name))
        self.open(target)
        return self.state()

    def open(self, path: Path) -> None:
        """Edit ``path`` (a report file in the same folder) from now on."""
        path = path.resolve()
        if path.parent != self.folder:
            raise InputError(f"{path}: 只能打开报告所在文件夹中的文件 / only files in the report's folder")
        with self._save_lock:
            self.document = YamlDocument(path)
            self.path = path


def _problem(problem: Problem, level: str) -> dict[str, str]:
    return {"path": problem.path, "message": problem.message, "level": level, "code": problem.code}
