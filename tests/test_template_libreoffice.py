"""End-to-end with LibreOffice: the exported template saved by LibreOffice (docx → docx, and docx → odt → docx) and
an agency's restyle of it (issuer text, body font, a logo in the header, saved by LibreOffice) render every example
to a document that passes ``check`` and has as many pages as with the default template (issue 23).

LibreOffice renames the template's custom style ids (AttachmentLabel → Style10…), drops the table style through
.odt, writes the grid's charSpace unsigned (4294966271) and drops the punctuation compression; the first test
makes sure the saved templates still show that, so the others test what they claim. Each template is converted
once per session; each render is exported to PDF once to count its pages.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

import annual_docx
from annual_docx import Grid
from annual_docx._ooxml.style_ids import style_names
from annual_docx.cli import main

from .conftest import require_tools
from .docxcheck import NS, q

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.yaml"))
AGENCY_ISSUER = "某某区文化馆文件"
AGENCY_FONT = "仿宋"
WORD = "docx:MS Word 2007 XML"


def soffice(src: Path, target: str, outdir: Path, profile: Path) -> Path:
    """Convert ``src`` with LibreOffice headless (a private profile) and return the file it wrote."""
    outdir.mkdir(parents=True, exist_ok=True)
    program = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    result = subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", target,
         "--outdir", str(outdir), str(src)], capture_output=True, text=True, timeout=180, check=False)
    made = outdir / f"{src.stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and made.is_file(), result.stderr
    return made


def _logo(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 240), "white")
    ImageDraw.Draw(image).ellipse((10, 10, 230, 230), outline="red", width=16)
    image.save(path)
    return path


def restyle(template: Path, out: Path, logo: Path) -> Path:
    """An agency's edits: the 发文机关标志 as fixed text, the body style's Chinese font changed, a logo in the
    header of odd and even pages, 15 mm from the top edge."""
    document = docx.Document(str(template))
    for paragraph in document.paragraphs:
        if paragraph.text == "{{ official.issuer }}":
            paragraph.runs[0].text = AGENCY_ISSUER
            for run in paragraph.runs[1:]:
                run.text = ""
    normal = next(s for s in document.styles if s.name == "Normal")
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(q("eastAsia"), AGENCY_FONT)
    section = document.sections[0]
    section.header_distance = Mm(15)  # LibreOffice saved 0 for a page without a header; the agency sets one
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        header.paragraphs[0].add_run().add_picture(str(logo), width=Mm(12))
    document.save(str(out))
    return out


@pytest.fixture(scope="session")
def saved_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The exported template saved by LibreOffice docx → docx and docx → odt → docx, and the agency's restyle of
    the first, saved by LibreOffice again."""
    require_tools("soffice", "pdfinfo")
    work = tmp_path_factory.mktemp("lo-templates")
    profile = work / "profile"
    exported = work / "exported.docx"
    assert main(["template", "export", str(exported)]) == 0
    as_docx = soffice(exported, WORD, work / "docx", profile)
    via_odt = soffice(soffice(exported, "odt", work / "odt", profile), WORD, work / "odt-docx", profile)
    edited = restyle(as_docx, work / "agency.docx", _logo(work / "logo.png"))
    agency = soffice(edited, WORD, work / "agency", profile)
    return {"docx": as_docx, "odt": via_odt, "agency": agency}


def _styles(template: Path) -> etree._Element:
    with zipfile.ZipFile(template) as z:
        return etree.fromstring(z.read("word/styles.xml"))


def test_libreoffice_saves_the_template_the_way_the_issue_describes(saved_templates: dict[str, Path]) -> None:
    """The saved templates have the custom styles under new ids (names kept), no table style through .odt and the
    grid's charSpace unsigned: what the render has to cope with."""
    for kind in ("docx", "odt"):
        styles = _styles(saved_templates[kind])
        by_name = {name: s.get(q("styleId")) for s in styles.iterfind("w:style", NS) for name in style_names(s)}
        assert by_name["附件标签"] != "AttachmentLabel" and by_name["抄送"] != "RecordCc"
        with zipfile.ZipFile(saved_templates[kind]) as z:
            grid = etree.fromstring(z.read("word/document.xml")).find(".//w:docGrid", NS)
        assert int(grid.get(q("charSpace"))) > 2**31
    assert "公文表格" not in {name for s in _styles(saved_templates["odt"]).iterfind("w:style", NS)
                          for name in style_names(s)}


@functools.cache
def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="session")
def default_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Pages of each example rendered with the default template (filled as the tests ask)."""
    return {}


def _render_pages(name: str, template: Path | None, folder: Path) -> tuple[Path, int]:
    report = annual_docx.load(ROOT / "examples" / f"{name}.yaml")
    out = annual_docx.render(report, folder / f"{name}.docx", template=template)
    return out, _pages(annual_docx.to_pdf(out, folder / f"{name}.pdf"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_templates_saved_by_libreoffice_give_the_same_compliant_pages(
        name: str, saved_templates: dict[str, Path], default_pages: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example, rendered through each LibreOffice-saved template and the agency's restyle, passes ``check``
    and has the default template's page count."""
    monkeypatch.chdir(ROOT / "examples")  # pictures are named relative to the examples
    if name not in default_pages:
        default_pages[name] = _render_pages(name, None, tmp_path)[1]
    for kind, template in saved_templates.items():
        folder = tmp_path / kind
        folder.mkdir()
        out, pages = _render_pages(name, template, folder)
        failed = [f for f in annual_docx.check(out) if not f.ok]
        assert not failed, (kind, failed)
        assert pages == default_pages[name], (kind, pages, default_pages[name])


def test_the_agency_restyle_is_kept(saved_templates: dict[str, Path], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The district report through the agency's template shows the agency's issuer text, its body font and its
    header logo, and the 版记 and the red rule of a 公文."""
    monkeypatch.chdir(ROOT / "examples")
    report = annual_docx.load(ROOT / "examples" / "district_culture_centre.yaml")
    out = annual_docx.render(report, tmp_path / "agency.docx", template=saved_templates["agency"])
    document = docx.Document(str(out))
    assert AGENCY_ISSUER in [p.text for p in document.paragraphs]
    normal = document.styles["Normal"].element
    assert normal.rPr.rFonts.get(q("eastAsia")) == AGENCY_FONT
    headers = [document.sections[0].header, document.sections[0].even_page_header]
    assert all(h.part.element.xpath(".//pic:pic") for h in headers)
    with zipfile.ZipFile(out) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
    rows = {f.item.split(" / ")[0]: f for f in annual_docx.check(out)}
    assert rows["版头红色分隔线"].ok and rows["版记分隔线"].ok and rows["版记位置"].ok


def test_template_check_passes_the_saved_templates_and_names_what_it_adapts(
        saved_templates: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """``template check`` passes every LibreOffice-saved template and lists what the render adapts: the styles
    found by name under LibreOffice's ids, and for the .odt way the lost 公文表格 table style."""
    outputs = {}
    for kind, template in saved_templates.items():
        capsys.readouterr()
        assert main(["template", "check", str(template)]) == 0, kind
        outputs[kind] = capsys.readouterr().out
    assert all("附件标签（Style" in out and "✗" not in out for out in outputs.values())
    assert "公文表格" in outputs["odt"] and "公文表格" not in outputs["docx"]


def test_the_saved_templates_render_from_the_template_cache_as_afresh(
        saved_templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each LibreOffice-saved template, kept by the template cache (its checked package, tags and adopted sources),
    renders the bytes a render that reads, adopts and prepares it afresh gives: from memory, from disk, and for a
    variant the entry lacks (the portable grid) from the package on disk; the GB/T 9704 verdict is asked each time."""
    from annual_docx._output import _template_cache

    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT / "examples")
    report = annual_docx.load(ROOT / "examples" / "district_culture_centre.yaml")
    cases: list[Grid] = ["word", "portable"]

    def forget() -> None:
        monkeypatch.setattr(_template_cache, "_memory", {})
        monkeypatch.setattr(_template_cache, "_packages", {})

    for name, template in saved_templates.items():
        expected = []
        with monkeypatch.context() as m:  # read, adopted and prepared afresh: nothing kept, in memory either
            m.setenv("ANNUAL_DOCX_NO_CACHE", "1")
            for grid in cases:
                forget()
                expected.append(annual_docx.render(report, template=template, grid=grid))
        forget()
        assert annual_docx.render(report, template=template, grid="word") == expected[0], name  # kept
        forget()
        portable = annual_docx.render(report, template=template, grid="portable")  # a new variant, from disk
        assert portable == expected[1], name
        renders = [annual_docx.render(report, template=template, grid=grid) for grid in cases]
        assert renders == expected, name  # from memory
        forget()
        assert [annual_docx.render(report, template=template, grid=grid) for grid in cases] == expected, name  # disk
    assert len(list((tmp_path / "cache" / "templates").glob("*.package"))) == len(saved_templates)
