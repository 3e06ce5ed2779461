"""The editor's HTTP side: a standard-library ``ThreadingHTTPServer`` on 127.0.0.1, every request checked for the
run's token (header ``X-Token`` or query ``token``) and the Host it was sent to, bodies capped by size, and the routes
that call :class:`~annual_docx.editor._session.Session`."""

from __future__ import annotations

import hmac
import json
import mimetypes
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from annual_docx.editor._session import DOCX_CAP, JSON_CAP, PICTURE_CAP, Refused, Session
from annual_docx.errors import AnnualDocxError

STATIC = ("editor.js", "editor.css", "form.js")
FORBIDDEN = ("缺少或错误的访问令牌：请使用启动时显示的完整地址 / missing or wrong token: open the full address printed "
             "when the editor started")
FORBIDDEN_PAGE = (f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>403</title>'
                  f"<p>{FORBIDDEN}</p><p>annual-docx edit 启动时打印的地址形如 / the address looks like "
                  "http://127.0.0.1:PORT/?token=…</p></html>")


class EditorServer(ThreadingHTTPServer):
    """The server of one editor run: its session and token."""

    daemon_threads = True

    def __init__(self, session: Session, token: str, port: int = 0) -> None:
        self.session = session
        self.token = token
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/?token={self.token}"


class Handler(BaseHTTPRequestHandler):
    """One request: token and Host checked first, then the route."""

    server: EditorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the address and errors, not every page image."""

    # --- plumbing ------------------------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob:; "
                         "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self.close_connection = True
        self._json(status, {"ok": False, "error": message})

    def _allowed(self, query: dict[str, list[str]]) -> bool:
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]
        if host not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            return False  # a page elsewhere reaching us through DNS rebinding
        given = self.headers.get("X-Token") or (query.get("token") or [""])[0]
        return hmac.compare_digest(given.encode(), self.server.token.encode())

    def _body(self, cap: int) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise Refused(411, "缺少 Content-Length / Content-Length required")
        if int(length) > cap:
            limit = cap // (1024 * 1024)
            raise Refused(413, f"文件太大（上限 {limit} MB）/ too large (limit {limit} MB)")
        return self.rfile.read(int(length))

    def _data(self) -> dict[str, Any]:
        try:
            value = json.loads(self._body(JSON_CAP).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "请求不是有效的 JSON / the request is not valid JSON") from None
        if not isinstance(value, dict):
            raise Refused(400, "请求应为键值表 / the request must be a JSON object")
        return value

    def _route(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if not self._allowed(query):
            if url.path == "/":  # a person at the address bar: a page, not JSON
                self.close_connection = True
                self._send(HTTPStatus.FORBIDDEN, FORBIDDEN_PAGE.encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._error(HTTPStatus.FORBIDDEN, FORBIDDEN)
            return
        try:
            self._dispatch(url.path, query)
        except Refused as exc:
            self._error(exc.status, str(exc))
        except AnnualDocxError as exc:
            self._error(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc))

    def do_GET(self) -> None:
        self._route()

    def do_HEAD(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    # --- routes --------------------------------------------------------------------------------------------------
    def _dispatch(self, path: str, query: dict[str, list[str]]) -> None:
        session = self.server.session
        name = (query.get("name") or [""])[0]
        get = self.command in ("GET", "HEAD")
        if get and path == "/":
            self._page()
        elif get and path.startswith("/static/") and path[len("/static/"):] in STATIC:
            self._static(path[len("/static/"):])
        elif get and path == "/api/state":
            self._json(200, session.state())
        elif get and path == "/api/schema":
            from annual_docx import json_schema

            self._json(200, json_schema())
        elif get and path == "/api/file":
            target = session.inside((query.get("path") or [""])[0])
            if not target.is_file():
                raise Refused(404, "没有这个文件 / no such file")
            self._file(target)
        elif get and path.startswith("/api/out/"):
            number, _, rest = path[len("/api/out/"):].partition("/")
            if not number.isdigit():
                raise Refused(404, "没有这个文件 / no such file")
            self._file(session.output(int(number), rest), download=rest.startswith("report."))
        elif not get and path == "/api/check":
            self._json(200, {"problems": session.problems(self._data().get("data"))})  # type: ignore[arg-type]
        elif not get and path == "/api/save":
            request = self._data()
            self._json(200, session.save(request.get("data"), str(request.get("version", ""))))  # type: ignore[arg-type]
        elif not get and path == "/api/render":
            request = self._data()
            self._json(200, session.render(request.get("data"), pdf=bool(request.get("pdf", True)),  # type: ignore[arg-type]
                                           pages=bool(request.get("pages", True))))
        elif not get and path == "/api/picture":
            self._json(200, {"path": session.add_picture(name, self._body(PICTURE_CAP))})
        elif not get and path == "/api/import":
            self._json(200, session.import_docx(name, self._body(DOCX_CAP)))
        else:
            raise Refused(404, "没有这个地址 / not found")

    def _page(self) -> None:
        html = (resources.files("annual_docx.editor") / "static" / "index.html").read_text(encoding="utf-8")
        html = html.replace("{{TOKEN}}", self.server.token)
        self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")

    def _static(self, name: str) -> None:
        body = (resources.files("annual_docx.editor") / "static" / name).read_bytes()
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        self._send(200, body, f"{kind}; charset=utf-8")

    def _file(self, target: Path, *, download: bool = False) -> None:
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        extra = {}
        if download:
            stem = Path(self.server.session.path.name).stem
            filename = urllib.parse.quote(f"{stem}{target.suffix}")
            extra["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
        self._send(200, target.read_bytes(), kind, extra)
