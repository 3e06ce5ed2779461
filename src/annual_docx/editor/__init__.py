"""A local editor for the people who write the report: the report as a form beside its pages.

``annual-docx edit report.yaml`` (or :func:`serve`) starts a server on 127.0.0.1 at a free port and opens the page
in the browser; the address carries a token made for this run, and every request must carry it. The page builds its
form from the report's JSON Schema (Chinese labels), shows validation and lint messages at the fields they name,
renders the pages through the library's own PDF path in a worker process, saves the YAML keeping its comments, and
imports a dropped .docx. Modules: ``_yamldoc`` (round-trip YAML, atomic save), ``_worker`` (renders and imports in
their own process, time-limited), ``_session`` (the file, its folder, saves, pictures), ``_server`` (HTTP, token,
caps), ``static/`` (the page: plain JavaScript and CSS, no build step, nothing fetched from the network).
"""

from __future__ import annotations

import secrets
import threading
import webbrowser
from pathlib import Path

from annual_docx.editor._server import EditorServer
from annual_docx.editor._session import Session

__all__ = ["Editor", "serve"]


class Editor:
    """A running editor: ``url`` (with its token), ``session``; :meth:`start` serves in a thread, :meth:`stop`."""

    def __init__(self, path: str | Path, *, port: int = 0) -> None:
        self.session = Session(Path(path))
        self.token = secrets.token_urlsafe(24)
        self.server = EditorServer(self.session, self.token, port)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The page's address with the token, ``http://127.0.0.1:PORT/?token=…``."""
        return self.server.url

    def start(self) -> Editor:
        """Serve in a background thread and return self."""
        self._thread = threading.Thread(target=self.server.serve_forever, name="annual-docx-editor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and remove the editor's work folder (previews)."""
        self.server.shutdown()
        self.server.server_close()
        if self._thread is not None:
            self._thread.join()
        self.session.close()

    def __enter__(self) -> Editor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(path: str | Path, *, port: int = 0, open_browser: bool = True) -> None:
    """Edit the report file at ``path`` until Ctrl+C: print the address (with its token) and open the browser."""
    editor = Editor(path, port=port)
    print(f"编辑 / editing {editor.session.path}\n在浏览器中打开 / open in your browser:\n  {editor.url}\n"
          "按 Ctrl+C 结束 / press Ctrl+C to stop", flush=True)
    if open_browser:
        threading.Timer(0.3, webbrowser.open, args=(editor.url,)).start()
    try:
        editor.server.serve_forever()
    except KeyboardInterrupt:
        print("已结束 / stopped", flush=True)
    finally:
        editor.server.server_close()
        editor.session.close()
