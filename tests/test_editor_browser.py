"""The editor end to end in headless Chromium (Debian's chromium + chromium-driver, installed by .ci/run): open the
seed, change a number and see the pages change, save with the comments kept, a wrong value's message at its field,
import a .docx, and a request without the token refused. Skipped only when Chromium is not installed locally."""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import annual_docx
from annual_docx.editor import Editor
from tests.conftest import EXAMPLE, require_tools

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--window-size=1400,1000")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if os.environ.get("CI"):
            pytest.fail(".ci/run must install chromium and chromium-driver")
        pytest.skip("chromium / chromedriver not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="annual_docx_chromium_")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # an explicit driver: Selenium Manager never looks for (or downloads) one
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(60)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE.parent, tmp_path / "examples")
    return tmp_path / "examples" / EXAMPLE.name


def wait(predicate: Callable[[], Any], seconds: float = 120, what: str = "") -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what or predicate}")


def page_png(driver: Any) -> bytes:
    src = driver.execute_script("const i = document.querySelector('#pages img'); return i ? i.src : null")
    with urllib.request.urlopen(src) as response:
        return bytes(response.read())


def field(driver: Any, path: str) -> Any:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, f'[data-path="{path}"] input, [data-path="{path}"] textarea')
    return found[0] if found else None


def test_change_a_number_see_the_pages_change_and_save_with_comments(driver: Any, seed: Path) -> None:
    require_tools("soffice", "pdftoppm")
    before = seed.read_text(encoding="utf-8")
    with Editor(seed) as editor:
        driver.get(editor.url)
        first = wait(lambda: driver.execute_script("return document.getElementById('pages').dataset.render"),
                     what="the first pages")
        old_page = page_png(driver)
        year = field(driver, "year")
        year.clear()
        year.send_keys("2021")
        # the title on page 1 now says 2021: a new render whose first page differs
        wait(lambda: driver.execute_script("return document.getElementById('pages').dataset.render") != first
             and page_png(driver) != old_page, what="the pages to be rendered again, with the new year")
        driver.find_element("id", "save").click()
        wait(lambda: driver.find_element("id", "status").get_attribute("data-state") == "saved", 30, "the save")
    after = seed.read_text(encoding="utf-8")
    assert after == before.replace("year: 2020\n", "year: 2021\n", 1)
    assert annual_docx.load(seed).year == 2021


def test_a_wrong_value_shows_its_message_next_to_the_field(driver: Any, seed: Path) -> None:
    with Editor(seed) as editor:
        driver.get(editor.url)
        year = wait(lambda: field(driver, "year"), 30, "the form")
        year.clear()
        year.send_keys("二〇二〇")
        message = wait(lambda: driver.execute_script(
            "const m = document.querySelector('[data-path=\"year\"] > .msgs .msg.error'); return m && m.textContent"),
            30, "the message at the year field")
        assert "整数" in message


def test_sections_nest_and_come_back(driver: Any, seed: Path) -> None:
    """→ puts a section under the one above it, ← brings it back after its parent; the data follows."""
    from selenium.webdriver.common.by import By

    def titles() -> Any:
        return driver.execute_script(
            "return Form.data.sections.map(s => [s.title, (s.sections || []).map(t => t.title)])")

    def button(path: str, text: str) -> Any:
        return driver.find_element(By.XPATH, f'//details[@data-path="{path}"]/summary//button[text()="{text}"]')

    with Editor(seed) as editor:
        driver.get(editor.url)
        wait(lambda: field(driver, "year"), 30, "the form")
        before = titles()
        button("sections[1]", "→").click()
        assert titles()[0] == [before[0][0], [before[1][0]]]
        assert [t for t, _ in titles()] == [before[0][0], *[t for t, _ in before[2:]]]
        button("sections[0].sections[0]", "←").click()
        assert titles() == before
        assert driver.find_element("id", "status").get_attribute("data-state") == "dirty"


def test_import_a_docx_dropped_on_the_page(driver: Any, seed: Path, tmp_path: Path) -> None:
    old = tmp_path / "去年的年报.docx"
    annual_docx.render(annual_docx.load(seed.parent / "culture_centre.yaml"), old)
    with Editor(seed) as editor:
        driver.get(editor.url)
        wait(lambda: field(driver, "year"), 30, "the form")
        # dropped on the page, as staff do: a real drop event carrying the file
        driver.execute_script("""
            const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], arguments[1]));
            document.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        """, base64.b64encode(old.read_bytes()).decode(), old.name)
        wait(lambda: driver.find_element("id", "file").text == "去年的年报.yaml", 120, "the imported report")
        organisation = field(driver, "organisation").get_attribute("value")
    assert organisation == annual_docx.load(seed.parent / "culture_centre.yaml").organisation
    assert (seed.parent / "去年的年报.yaml").is_file()


def test_the_page_without_the_token_is_refused(driver: Any, seed: Path) -> None:
    with Editor(seed) as editor:
        driver.get(editor.url.split("?")[0])
        body = driver.find_element("tag name", "body").text
        assert "令牌" in body
        assert not driver.find_elements("id", "form")
        driver.get(editor.url.replace("token=", "token=x"))
        assert not driver.find_elements("id", "form")
