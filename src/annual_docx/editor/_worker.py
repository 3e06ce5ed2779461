"""Renders, PDF exports and imports for the editor, each in a process of its own with a time limit.

The server runs ``python -m annual_docx.editor._worker JOB.json`` and reads one JSON answer from its standard output;
a job that overruns its time is killed with its process group (LibreOffice included). A render goes through the
library's own pipeline — the template sandbox and its limits, then LibreOffice and pdftoppm for the pages — and an
import through the hardened reader, so the editor adds no second path to either.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from annual_docx.errors import AnnualDocxError, ReportValidationError, ToolError

PREVIEW_DPI = 60  # page images beside the form: readable headings, small files


def run_job(job: dict[str, Any], timeout: float, running: set[int] | None = None) -> dict[str, Any]:
    """Run ``job`` in a worker process; return its answer, or an error answer when it fails or overruns. The
    worker's process id is in ``running`` while it runs (so the editor can stop it when it stops)."""
    handle, name = tempfile.mkstemp(prefix="job-", suffix=".json", dir=job["out_dir"])  # one per job
    job_file = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8") as out_file:
        json.dump(job, out_file, ensure_ascii=False)
    command = [sys.executable, "-m", "annual_docx.editor._worker", str(job_file)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}) as proc:
        if running is not None:
            running.add(proc.pid)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(proc.pid)
            proc.communicate()
            return {"ok": False, "error": f"生成超时（{timeout:g} 秒）/ the render took longer than {timeout:g} s"}
        finally:
            if running is not None:
                running.discard(proc.pid)
            job_file.unlink(missing_ok=True)
    try:
        answer: dict[str, Any] = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["(no output)"]
        return {"ok": False, "error": f"生成进程出错 / the render process failed: {detail[0]}"}
    return answer


def stop(pid: int) -> None:
    """Kill a worker and everything it started (LibreOffice): its process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _problem_list(exc: Exception) -> list[dict[str, str]]:
    if isinstance(exc, ReportValidationError):
        return [{"path": p.path, "message": p.message} for p in exc.problems]
    path = getattr(exc, "path", "")
    detail = getattr(exc, "detail", str(exc))
    return [{"path": path, "message": detail}]


def _render(job: dict[str, Any]) -> dict[str, Any]:
    import annual_docx
    from annual_docx._input._load import parse  # load() with the report folder as base: the file is a temp copy

    out = Path(job["out_dir"])
    base = Path(job["base_dir"])
    data = parse(Path(job["yaml"]))
    report = annual_docx.validate(data, source=job.get("name"), base_dir=base, check_pictures=True)
    docx = annual_docx.render(report, out / "report.docx")
    answer: dict[str, Any] = {"ok": True, "docx": docx.name, "pages": [], "findings": [], "pdf": None}
    if job.get("check", True):
        answer["findings"] = [
            {"item": f.item, "expected": f.expected, "found": f.found, "ok": f.ok, "where": f.where}
            for f in annual_docx.check(docx)
        ]
    if not job.get("pdf", True):
        return answer
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        answer["no_pdf"] = ("没有找到 LibreOffice，无法显示页面和导出 PDF；仍可保存和导出 .docx。安装：apt-get install "
                            "--no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk / LibreOffice "
                            "is not installed: no page preview or PDF; saving and .docx export still work")
        return answer
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", annual_docx.FontWarning)
        pdf = annual_docx.to_pdf(docx, out / "report.pdf", timeout=float(job.get("timeout", 120)))
    answer["pdf"] = pdf.name
    answer["font_warnings"] = [str(w.message) for w in caught if issubclass(w.category, annual_docx.FontWarning)]
    if job.get("pages", True):
        pages = annual_docx.preview(pdf, out / "pages", dpi=int(job.get("dpi", PREVIEW_DPI)))
        answer["pages"] = [f"pages/{p.name}" for p in pages]
    return answer


def _import(job: dict[str, Any]) -> dict[str, Any]:
    import annual_docx

    yaml_path = annual_docx.import_to_yaml(job["docx"], job["output"], assets=job["assets"])
    return {"ok": True, "yaml": str(yaml_path)}


def main(job_file: str) -> int:
    """Run the job in ``job_file`` and print its answer as one JSON line."""
    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    try:
        answer = _import(job) if job["op"] == "import" else _render(job)
    except ToolError as exc:
        answer = {"ok": False, "error": str(exc), "tool": True}
    except AnnualDocxError as exc:
        answer = {"ok": False, "error": str(exc).splitlines()[0], "problems": _problem_list(exc)}
    except Exception as exc:  # an answer, not a traceback, for anything unforeseen
        answer = {"ok": False, "error": f"内部错误 / internal error: {type(exc).__name__}: {exc}"}
    sys.stdout.write("\n" + json.dumps(answer, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
