"""Shared fixtures: the example report, a rendered copy of it, and a tiny report builder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import annual_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qufu_2020.yaml"


@pytest.fixture(autouse=True, scope="session")
def _private_chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the chart cache of the test run (and of its subprocesses) in a temporary folder, not in ~/.cache."""
    saved = {k: os.environ.get(k) for k in ("ANNUAL_DOCX_CACHE_DIR", "ANNUAL_DOCX_NO_CACHE")}
    os.environ["ANNUAL_DOCX_CACHE_DIR"] = str(tmp_path_factory.mktemp("chart-cache"))
    os.environ.pop("ANNUAL_DOCX_NO_CACHE", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def example_report() -> annual_docx.Report:
    """Return the 曲阜市图书馆 2020 report loaded from the example YAML."""
    report = annual_docx.load(EXAMPLE)
    assert isinstance(report, annual_docx.Report)
    return report


@pytest.fixture(scope="session")
def example_docx(tmp_path_factory: pytest.TempPathFactory, example_report: annual_docx.Report) -> Path:
    """Return the example rendered once to a .docx."""
    return annual_docx.render(example_report, tmp_path_factory.mktemp("example") / "qufu_2020.docx")


def require_tools(*tools: str) -> None:
    """Skip the test when one of ``tools`` (e.g. soffice, pdftotext) is not on PATH; on CI, fail instead, since
    .ci/run installs them."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f".ci/run must install what provides {', '.join(missing)} (libreoffice-writer, poppler-utils)")
        pytest.skip(f"not installed: {', '.join(missing)}")


def small_report(**overrides: Any) -> dict[str, Any]:
    """Return the data of a minimal valid report with one text section."""
    data: dict[str, Any] = {
        "organisation": "某县图书馆",
        "year": 2021,
        "opening": ["开头段落。"],
        "sections": [{"kind": "text", "title": "工作概况", "paragraphs": ["正文段落。"]}],
    }
    data.update(overrides)
    return data
