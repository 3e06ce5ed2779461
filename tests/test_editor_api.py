"""The editor's server, in process: the token, the report folder as the only place it reads or writes, upload caps,
saves that keep the file as written, refused conflicting saves, messages with field paths, and renders that are the
library's own."""

from __future__ import annotations

import copy
import http.client
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

import annual_docx
from annual_docx.editor import Editor
from annual_docx.editor._session import PICTURE_CAP
from tests.conftest import EXAMPLE
from tests.editor_client import Client

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
       b"\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the examples folder (the seed report and its pictures)."""
    shutil.copytree(EXAMPLE.parent, tmp_path / "examples")
    return tmp_path / "examples"


@pytest.fixture
def editor(folder: Path) -> Iterator[Editor]:
    with Editor(folder / EXAMPLE.name) as running:
        yield running


@pytest.fixture
def client(editor: Editor) -> Client:
    return Client(editor.url, editor.token)


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#") or " # " in line]


# --- the token ---------------------------------------------------------------------------------------------------

def test_requests_without_the_token_are_refused(client: Client, folder: Path) -> None:
    before = (folder / EXAMPLE.name).read_bytes()
    for path in ("/", "/api/state", "/static/editor.js", "/api/file?path=images/service.jpg"):
        assert client.get(path, token=None).status == 403, path
        assert client.get(path, token="wrong-token").status == 403, path
    data = client.get("/api/state").json()["data"]
    data["year"] = 2021
    refused = client.post("/api/save", {"data": data, "version": "x"}, token=None)
    assert refused.status == 403
    assert "令牌" in refused.json()["error"]
    assert (folder / EXAMPLE.name).read_bytes() == before


def test_the_token_in_the_address_opens_the_page(client: Client) -> None:
    page = client.get(f"/?token={client.token}", token=None)
    assert page.status == 200
    assert f'content="{client.token}"' in page.body.decode()
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_a_request_to_another_host_name_is_refused(client: Client) -> None:
    """A page elsewhere that rebinds its DNS name to 127.0.0.1 sends its own Host: refused even with the token."""
    assert client.get("/api/state", headers={"Host": "evil.example:80"}).status == 403


def test_the_server_listens_on_loopback_only(editor: Editor) -> None:
    assert editor.server.server_address[0] == "127.0.0.1"
    assert editor.server.server_address[1] > 0


# --- the report's folder ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["../secret.txt", "/etc/passwd", "images/../../secret.txt", "images/link.txt"])
def test_no_file_outside_the_report_folder(client: Client, folder: Path, path: str) -> None:
    (folder.parent / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "images" / "link.txt").symlink_to(folder.parent / "secret.txt")
    reply = client.get(f"/api/file?path={path}")
    assert reply.status == 403
    assert b"secret" not in reply.body.replace(b"secret.txt", b"")


def test_a_picture_of_the_report_is_served(client: Client, folder: Path) -> None:
    reply = client.get("/api/file?path=images/service.jpg")
    assert reply.status == 200
    assert reply.body == (folder / "images" / "service.jpg").read_bytes()


def test_uploaded_pictures_go_into_the_folder(client: Client, folder: Path) -> None:
    reply = client.request("POST", "/api/picture?name=" + quote("../../活动 照片.png"), PNG)
    assert reply.status == 200
    saved = reply.json()["path"]
    assert saved == "images/活动_照片.png"
    assert (folder / saved).read_bytes() == PNG
    assert client.request("POST", "/api/picture?name=same.png", PNG).json()["path"] == "images/same.png"
    assert client.request("POST", "/api/picture?name=x.png", b"<svg>").status == 415


def test_an_upload_over_the_cap_is_refused_unread(client: Client, folder: Path) -> None:
    conn = http.client.HTTPConnection(client.host, client.port, timeout=30)
    conn.putrequest("POST", "/api/picture?name=big.png")
    conn.putheader("X-Token", client.token)
    conn.putheader("Content-Length", str(PICTURE_CAP + 1))
    conn.endheaders()
    conn.send(PNG)  # the rest never comes: the server answers from the header alone
    reply = conn.getresponse()
    assert reply.status == 413
    assert "20 MB" in reply.read().decode()
    conn.close()
    assert not (folder / "images" / "big.png").exists()


# --- saving -------------------------------------------------------------------------------------------------------

def test_saving_without_a_change_keeps_the_file_byte_identical(client: Client, folder: Path) -> None:
    before = (folder / EXAMPLE.name).read_bytes()
    state = client.get("/api/state").json()
    reply = client.post("/api/save", {"data": state["data"], "version": state["version"]})
    assert reply.status == 200
    assert (folder / EXAMPLE.name).read_bytes() == before


def test_saving_a_change_keeps_the_comments(client: Client, folder: Path) -> None:
    before = (folder / EXAMPLE.name).read_text(encoding="utf-8")
    state = client.get("/api/state").json()
    data = state["data"]
    data["year"] = 2021
    data["sections"][0]["items"][0]["title"] = "文献借阅服务稳中有升"
    assert client.post("/api/save", {"data": data, "version": state["version"]}).status == 200
    after = (folder / EXAMPLE.name).read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("year: 2020", "year: 2021"),
                       ("      - title: 文献借阅服务保持稳定", "      - title: 文献借阅服务稳中有升")]
    assert annual_docx.load(folder / EXAMPLE.name).year == 2021


def test_a_second_save_from_an_older_version_is_refused(client: Client, folder: Path) -> None:
    """Two tabs opened the same file; the first saves, the second's save is refused and changes nothing."""
    state = client.get("/api/state").json()
    first, second = copy.deepcopy(state["data"]), copy.deepcopy(state["data"])
    first["year"] = 2021
    second["organisation"] = "另一个标签页"
    assert client.post("/api/save", {"data": first, "version": state["version"]}).status == 200
    saved = (folder / EXAMPLE.name).read_bytes()
    refused = client.post("/api/save", {"data": second, "version": state["version"]})
    assert refused.status == 409
    assert "另一个标签页" in refused.json()["error"] or "别处" in refused.json()["error"]
    assert (folder / EXAMPLE.name).read_bytes() == saved


def test_a_hand_edit_since_the_page_loaded_is_not_overwritten(client: Client, folder: Path) -> None:
    state = client.get("/api/state").json()
    path = folder / EXAMPLE.name
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2020", "year: 2019"), encoding="utf-8")
    assert client.post("/api/save", {"data": state["data"], "version": state["version"]}).status == 409
    assert "year: 2019" in path.read_text(encoding="utf-8")


# --- messages at their fields ---------------------------------------------------------------------------------------

def test_validation_messages_name_the_field(client: Client) -> None:
    data = client.get("/api/state").json()["data"]
    data["year"] = "abc"
    data["sections"][1]["title"] = ""
    problems = client.post("/api/check", {"data": data}).json()["problems"]
    by_path = {p["path"]: p for p in problems}
    assert by_path["year"]["level"] == "error"
    assert "整数" in by_path["year"]["message"]
    assert "sections[1].title" in by_path


def test_lint_warnings_name_the_field(client: Client) -> None:
    problems = client.post("/api/check", {"data": client.get("/api/state").json()["data"]}).json()["problems"]
    assert {"path": "opening[0]", "level": "warning", "code": "W-PUNCT"}.items() <= next(
        p for p in problems if p["code"] == "W-PUNCT").items()


# --- renders --------------------------------------------------------------------------------------------------------

def test_the_seed_renders_the_document_annual_docx_render_writes(client: Client, folder: Path) -> None:
    data = client.get("/api/state").json()["data"]
    answer = client.post("/api/render", {"data": data, "pdf": False, "pages": False}).json()
    assert answer["ok"], answer
    editor_docx = client.get(f"/api/out/{answer['render']}/report.docx")
    assert editor_docx.status == 200
    assert "filename*=UTF-8''qufu_2020.docx" in editor_docx.headers["Content-Disposition"]
    assert editor_docx.body == annual_docx.render(annual_docx.load(folder / EXAMPLE.name))


def test_a_bad_picture_is_reported_at_its_field(client: Client) -> None:
    data = client.get("/api/state").json()["data"]
    photos = next(i for i, s in enumerate(data["sections"]) if s.get("kind") == "photos")
    data["sections"][photos]["photos"][0]["path"] = "images/missing.jpg"
    answer = client.post("/api/render", {"data": data, "pdf": False, "pages": False}).json()
    assert not answer["ok"]
    assert answer["problems"][0]["path"].startswith(f"sections[{photos}].photos[0]")


def test_render_outputs_are_only_the_renders_files(client: Client) -> None:
    assert client.get("/api/out/1/../../etc/passwd").status == 404
    assert client.get("/api/out/1/job.json").status == 404
    assert client.get("/api/out/1/pages/../report.yaml").status == 404


def test_import_a_docx_into_a_new_report_beside_it(client: Client, folder: Path, tmp_path: Path) -> None:
    docx = annual_docx.render(annual_docx.load(folder / "culture_centre.yaml"))
    reply = client.request("POST", "/api/import?name=" + quote("去年的年报.docx"), docx)
    assert reply.status == 200, reply.body
    state = reply.json()
    assert state["name"] == "去年的年报.yaml"
    assert (folder / "去年的年报.yaml").is_file()
    assert state["data"]["organisation"] == annual_docx.load(folder / "culture_centre.yaml").organisation
    assert client.get("/api/state").json()["name"] == "去年的年报.yaml"
    bad = client.request("POST", "/api/import?name=x.docx", b"not a zip")
    assert bad.status == 422
    assert re.search(r"docx|zip|Word", bad.json()["error"])


def test_without_libreoffice_the_page_says_how_to_install_it_and_docx_still_works(
        client: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # the worker runs sys.executable by its full path
    state = client.get("/api/state").json()
    assert state["libreoffice"] is False
    answer = client.post("/api/render", {"data": state["data"]}).json()
    assert answer["ok"], answer
    assert answer["pages"] == [] and answer["pdf"] is None
    assert "libreoffice-writer" in answer["no_pdf"]
    assert client.get(f"/api/out/{answer['render']}/report.docx").status == 200
