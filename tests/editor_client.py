"""A small client for the editor's HTTP API in tests: the running editor's base address and token."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """Requests to one editor, with its token unless told otherwise."""

    def __init__(self, url: str, token: str) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.token = parts.hostname or "", parts.port or 80, token

    def request(self, method: str, path: str, body: bytes | None = None, *, token: str | None = "",
                headers: dict[str, str] | None = None) -> Reply:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
        sent = dict(headers or {})
        if token is not None:
            sent["X-Token"] = token or self.token
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        reply = Reply(response.status, response.read(), dict(response.getheaders()))
        conn.close()
        return reply

    def post(self, path: str, value: Any, **kw: Any) -> Reply:
        return self.request("POST", path, json.dumps(value, ensure_ascii=False).encode(),
                            headers={"Content-Type": "application/json"}, **kw)

    def get(self, path: str, **kw: Any) -> Reply:
        return self.request("GET", path, **kw)
