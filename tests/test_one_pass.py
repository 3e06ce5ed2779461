"""A render reads and writes each big part as few times as it can: counted, not timed (see docs/architecture.md,
"One pass"). The counts are of lxml's parse and serialise calls whose root is the part's root."""

from __future__ import annotations

import collections
import json
import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

import annual_docx
from annual_docx._ooxml import pictures as pictures_module
from annual_docx._output import _docxtpl, _template_cache

from .conftest import ROOT

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PART_OF_ROOT = {f"{_W}document": "document.xml", f"{_W}body": "document.xml", f"{_W}ftr": "footer",
                 f"{_WP}inline": "picture"}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[collections.Counter[tuple[str, str]]]:
    """Count ``(parse|write, part)`` for every lxml parse and serialisation of a document, a body, a footer or a
    picture's ``wp:inline`` (python-docx and docxtpl call these module functions too)."""
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    fromstring, xml, tostring = etree.fromstring, etree.XML, etree.tostring

    def parsed(parse: Any) -> Any:
        def counting(*args: Any, **kwargs: Any) -> Any:
            root = parse(*args, **kwargs)
            if root.tag in _PART_OF_ROOT:
                counts["parse", _PART_OF_ROOT[root.tag]] += 1
            return root
        return counting

    def written(element: Any, *args: Any, **kwargs: Any) -> Any:
        tag = getattr(element, "tag", None)
        if tag in _PART_OF_ROOT:
            counts["write", _PART_OF_ROOT[tag]] += 1
        return tostring(element, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", parsed(fromstring))
    monkeypatch.setattr(etree, "XML", parsed(xml))
    monkeypatch.setattr(etree, "tostring", written)
    yield counts


def _render_counted(counts: collections.Counter[tuple[str, str]], monkeypatch: pytest.MonkeyPatch,
                   report: annual_docx.Report) -> tuple[dict[tuple[str, str], int], int, int]:
    """Render ``report`` with the counts cleared first; return the counts (the pictures' parses left out: python-docx
    builds each new inline from a parsed snippet), the pictures a ``{{ }}`` tag placed and the pictures in all."""
    placed = [0]

    def markup(inline: Any) -> str:
        placed[0] += 1
        return pictures_module.picture_run_markup(inline)

    monkeypatch.setattr(_docxtpl, "picture_run_markup", markup)
    counts.clear()
    data = annual_docx.render(report)
    found = dict(counts)
    found.pop(("parse", "picture"), None)
    pictures = sum(1 for _ in Document(BytesIO(data)).element.body.iter(f"{_WP}inline"))
    return found, placed[0], pictures


FOOTERS = 2  # the bundled template's odd and even page footers


def test_a_render_parses_and_writes_document_and_footers_once_and_each_picture_once(
        counted: collections.Counter[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """From the template cache (here a new process's: the entry on disk, memory cleared), document.xml and each
    footer are parsed once (what Jinja returns) and written once (into the package): python-docx never parses the
    template's own, nothing writes them out as Jinja's source or to look for drawing ids, and a picture's inline is
    written once (python-docx's ``xml`` property, tested with ``hasattr`` and read again, wrote it twice)."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    annual_docx.render(report)  # the prepared template on disk, as a render before this process left it
    monkeypatch.setattr(_template_cache, "_memory", {})
    counts, placed, pictures = _render_counted(counted, monkeypatch, report)
    assert pictures >= 2
    assert 1 <= placed <= pictures  # pictures a ``{{ }}`` tag places as run markup (a gallery builds its own)
    assert counts == {("parse", "document.xml"): 1, ("write", "document.xml"): 1,
                      ("parse", "footer"): FOOTERS, ("write", "footer"): FOOTERS, ("write", "picture"): placed}


def test_without_the_disk_cache_the_first_render_in_a_process_parses_twice_and_the_next_once(
        counted: collections.Counter[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cache off (``ANNUAL_DOCX_NO_CACHE``) a process's first render prepares the template: its
    document.xml and footers parsed and written out as Jinja's source once more; the next render of the same
    template (another 落款 is another variant, prepared again) takes the sources this process kept."""
    monkeypatch.setenv("ANNUAL_DOCX_NO_CACHE", "1")
    monkeypatch.setattr(_template_cache, "_memory", {})
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    first, placed, _ = _render_counted(counted, monkeypatch, report)
    assert first == {("parse", "document.xml"): 2, ("write", "document.xml"): 2, ("parse", "footer"): 2 * FOOTERS,
                     ("write", "footer"): 2 * FOOTERS, ("write", "picture"): placed}
    again, placed, _ = _render_counted(counted, monkeypatch, report)
    assert again == {("parse", "document.xml"): 1, ("write", "document.xml"): 1, ("parse", "footer"): FOOTERS,
                     ("write", "footer"): FOOTERS, ("write", "picture"): placed}
    signed = report.model_copy(update={"signature": "另一个单位名称很长的文化馆"})
    other, placed, _ = _render_counted(counted, monkeypatch, signed)
    assert other[("parse", "document.xml")] == 2 and other[("parse", "footer")] == FOOTERS


def test_a_template_table_loop_over_cells_still_gets_its_columns_fixed(tmp_path: Path) -> None:
    """docxtpl's column fix of the filled tables runs when the template's own tables hold tags (a ``{%tc %}`` loop
    making more cells than the grid has columns); the tables the context builds are final and skip it."""
    template = Document(str(ROOT / "templates" / "report_template.docx"))
    table = template.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["{%tc for i in range(5) %}", "{{ i }}", "{%tc endfor %}"],
                          strict=True):
        cell.text = text
    path = tmp_path / "looping.docx"
    template.save(str(path))
    data = annual_docx.render(annual_docx.load(ROOT / "examples" / "culture_centre.yaml"), template=path,
                              allow_noncompliant=True)
    body = Document(BytesIO(data)).element.body
    looped = [t for t in body.iter(f"{_W}tbl") if len(t.findall(f"{_W}tr/{_W}tc")) == 5]
    assert len(looped) == 1
    assert len(looped[0].findall(f"{_W}tblGrid/{_W}gridCol")) == 5


def test_a_template_footnote_is_rendered_once_without_reading_the_sections(tmp_path: Path) -> None:
    """A custom template's footnotes part is filled like the body (docxtpl looked for it once per section of the
    filled body; it is looked for once among the package's parts)."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    source = ROOT / "templates" / "report_template.docx"
    path = tmp_path / "footnoted.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {w}>'
                     f'<w:footnote w:id="1"><w:p><w:r><w:t>注：{{{{ title_text }}}}</w:t></w:r></w:p></w:footnote>'
                     "</w:footnotes>")
    data = annual_docx.render(annual_docx.load(ROOT / "examples" / "culture_centre.yaml"), template=path,
                              allow_noncompliant=True)
    with zipfile.ZipFile(BytesIO(data)) as package:
        notes = package.read("word/footnotes.xml").decode()
    assert "{{" not in notes
    assert "注：2023年度某市文化馆" in notes


def test_the_render_command_pauses_the_collector_and_turns_it_back_on(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``annual-docx render`` loads and renders with the cyclic collector paused (it walked the start-up's
    objects again and again), and turns it back on for whoever called :func:`annual_docx.cli.main`."""
    import gc

    from annual_docx import cli

    seen: list[bool] = []
    real = annual_docx.render

    def render(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(annual_docx, "render", render)
    assert gc.isenabled()
    code = cli.main(["render", str(ROOT / "examples" / "culture_centre.yaml"), "-o", str(tmp_path / "out.docx")])
    assert code == 0
    assert seen == [False]
    assert gc.isenabled()


# ---------------------------------------------------------------- the prepared-template cache


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("templates/*.prepared"))


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, and nothing kept in memory."""
    monkeypatch.setenv("ANNUAL_DOCX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNUAL_DOCX_NO_CACHE", raising=False)
    monkeypatch.setattr(_template_cache, "_memory", {})
    monkeypatch.setattr(_template_cache, "_packages", {})
    return tmp_path / "cache"


def _uncached(report: annual_docx.Report, monkeypatch: pytest.MonkeyPatch, **options: Any) -> bytes:
    """Render ``report`` with every cache off and nothing kept in memory (the template prepared afresh)."""
    with monkeypatch.context() as m:
        m.setenv("ANNUAL_DOCX_NO_CACHE", "1")
        m.setattr(_template_cache, "_memory", {})
        m.setattr(_template_cache, "_packages", {})
        return annual_docx.render(report, **options)


def test_each_variant_from_the_cache_renders_as_a_render_that_prepares_afresh(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """落款 indents and grid are variants of one entry: renders from the entry (in memory and from disk) give the
    bytes a render that prepares the template afresh gives, for each variant, and a new variant does not take
    another's document.xml."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    cases = [(report, "word"), (report, "portable"),
             (report.model_copy(update={"signature": "另一个名称长得多的某市文化馆"}), "word"),
             (report.model_copy(update={"signature": None}), "word")]
    expected = [_uncached(r, monkeypatch, grid=grid) for r, grid in cases]
    assert len(set(expected)) == len(cases)
    assert [annual_docx.render(r, grid=grid) for r, grid in cases] == expected  # each prepared, kept
    [entry] = _entries(fresh_cache)
    assert len(json.loads(json.loads(entry.read_bytes())["entry"])["variants"]) == len(cases)
    assert [annual_docx.render(r, grid=grid) for r, grid in cases] == expected  # from memory
    monkeypatch.setattr(_template_cache, "_memory", {})
    assert [annual_docx.render(r, grid=grid) for r, grid in cases] == expected  # from disk


def test_a_damaged_or_altered_entry_is_prepared_again(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry cut short, or whose content no longer matches its checksum (a changed source), is not used: the
    template is prepared again, the document is the same, and the entry is written anew."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    expected = annual_docx.render(report)
    [entry] = _entries(fresh_cache)
    good = entry.read_bytes()
    outer = json.loads(good)
    altered = json.dumps({**outer, "entry": outer["entry"].replace("Signature", "Signed")}).encode()
    for bad in (good[: len(good) // 2], altered):
        entry.write_bytes(bad)
        monkeypatch.setattr(_template_cache, "_memory", {})
        assert annual_docx.render(report) == expected
        assert entry.read_bytes() == good


def test_the_entry_is_named_by_the_template_the_code_and_the_libraries(tmp_path: Path) -> None:
    """Another template, a module of the preparing code changed (its size or time of change, as Python checks
    its bytecode) or another library version names another entry."""
    assert _template_cache.template_key(b"one") != _template_cache.template_key(b"two")
    files = _template_cache.preparing_files()
    names = {f"{f.parent.name}/{f.name}" for f in files}
    assert {"_ooxml/prepare.py", "_ooxml/char_grid.py", "_ooxml/record.py", "_ooxml/lazy_parts.py",
            "_output/_docxtpl.py", "_output/_render.py", "_output/_template_cache.py"} <= names
    module = tmp_path / "prepare.py"
    module.write_text("A = 1\n")
    versions = ("3.11", "0.20.2", "1.2.0", (6, 0))
    before = _template_cache.code_hash([module], versions)
    assert _template_cache.code_hash([module], ("3.11", "0.20.3", "1.2.0", (6, 0))) != before
    os.utime(module, ns=(1, 1))
    assert _template_cache.code_hash([module], versions) != before
    touched = _template_cache.code_hash([module], versions)
    module.write_text("A = 22\n")
    os.utime(module, ns=(1, 1))
    assert _template_cache.code_hash([module], versions) != touched


def test_no_entry_where_others_may_write(fresh_cache: Path, tmp_path: Path) -> None:
    """An entry is Jinja source: none is read or written in a folder others can write to (as for compiled code),
    for the bundled template or one from outside."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    folder = fresh_cache / "templates"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    annual_docx.render(report)
    custom = tmp_path / "custom.docx"
    custom.write_bytes((ROOT / "templates" / "report_template.docx").read_bytes())
    annual_docx.render(report, template=custom, allow_noncompliant=True)
    assert _entries(fresh_cache) == [] and _packages(fresh_cache) == []
    folder.chmod(0o700)


# ---------------------------------------------------------------- a template from outside, from the cache


def _packages(folder: Path) -> list[Path]:
    return sorted(folder.glob("templates/*.package"))


def _restyled(path: Path, *, text: str = "") -> Path:
    """The bundled template as another editor leaves it (what ``template check`` adopts): its custom style ids
    renamed in styles.xml and document.xml (LibreOffice's ``Style10``…), its character grid turned into a plain
    line grid (a second LibreOffice save), the punctuation compression gone; ``text`` added as a paragraph of the
    template's own after the 发文机关标志's."""
    import zipfile

    names = ("BodyKeep", "TableText", "TableHeader", "TableTitle", "DocNumber", "AttachmentLabel", "RecordCc",
             "RecordPrint", "Signature", "Date")
    new = {sid: f"Style{n}" for n, sid in enumerate(names, start=10)}

    def renamed(data: bytes) -> bytes:
        root = etree.fromstring(data)
        for node in root.iter(f"{_W}style", f"{_W}pStyle", f"{_W}basedOn", f"{_W}next", f"{_W}link"):
            attr = f"{_W}styleId" if node.tag == f"{_W}style" else f"{_W}val"
            node.set(attr, new.get(node.get(attr) or "", node.get(attr) or ""))
        if root.tag == f"{_W}document":
            for grid in root.iter(f"{_W}docGrid"):
                grid.set(f"{_W}type", "lines")
                del grid.attrib[f"{_W}charSpace"]
            if text:
                body = root.find(f"{_W}body")
                assert body is not None
                body.insert(3, etree.fromstring(f'<w:p xmlns:w="{_W[1:-1]}"><w:r><w:t>{text}</w:t></w:r></w:p>'))
        for compress in root.iter(f"{_W}characterSpacingControl"):
            compress.getparent().remove(compress)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    with zipfile.ZipFile(ROOT / "templates" / "report_template.docx") as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in ("word/styles.xml", "word/document.xml", "word/settings.xml"):
                data = renamed(data)
            dst.writestr(item, data)
    return path


def _custom_cases(report: annual_docx.Report) -> list[tuple[annual_docx.Report, str]]:
    """Three variants of one template's entry: the 落款 as the report has it, another 落款, the portable grid."""
    return [(report, "word"), (report.model_copy(update={"signature": "另一个名称长得多的某市文化馆"}), "word"),
            (report, "portable")]


def test_a_template_from_outside_renders_from_the_cache_as_it_renders_afresh(
        fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A restyled template from outside is kept like the bundled one (its package as the hardened reader returned
    it, its tags, its sources made after the adoption): renders from the entry — in memory, from disk, and from
    disk for a variant the entry lacks (document.xml then adopted and prepared from the kept package) — give the
    bytes a render that adopts and prepares it afresh gives."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")
    cases = _custom_cases(report)
    expected = [_uncached(r, monkeypatch, grid=grid, template=template, allow_noncompliant=True) for r, grid in cases]
    assert len(set(expected)) == len(cases)
    from annual_docx._output._template_adopt import adopt_template

    adoption = adopt_template(_docxtpl.open_template(template).docx)  # what the renders must each do
    assert len(adoption.styles.renamed) == 10 and adoption.grids == 1 and adoption.punctuation
    first, *rest = cases
    assert annual_docx.render(first[0], grid=first[1], template=template, allow_noncompliant=True) == expected[0]
    assert len(_entries(fresh_cache)) == 1 and len(_packages(fresh_cache)) == 1
    for (r, grid), want in zip(rest, expected[1:], strict=True):  # a new variant from the package on disk
        monkeypatch.setattr(_template_cache, "_memory", {})
        monkeypatch.setattr(_template_cache, "_packages", {})
        assert annual_docx.render(r, grid=grid, template=template, allow_noncompliant=True) == want
    renders = [annual_docx.render(r, grid=grid, template=template, allow_noncompliant=True) for r, grid in cases]
    assert renders == expected  # from memory
    monkeypatch.setattr(_template_cache, "_memory", {})
    monkeypatch.setattr(_template_cache, "_packages", {})
    renders = [annual_docx.render(r, grid=grid, template=template, allow_noncompliant=True) for r, grid in cases]
    assert renders == expected  # from disk


def test_a_changed_template_at_the_same_path_is_not_rendered_stale(
        fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The entry of a template from outside is named by the file's bytes: the same path holding another template
    (a paragraph added, the same tags) renders what that template gives, from disk and from memory."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")
    annual_docx.render(report, template=template, allow_noncompliant=True)
    _restyled(template, text="本单位自加的说明")
    expected = _uncached(report, monkeypatch, template=template, allow_noncompliant=True)
    assert "本单位自加的说明".encode() in _document_xml(expected)
    monkeypatch.setattr(_template_cache, "_memory", {})
    assert annual_docx.render(report, template=template, allow_noncompliant=True) == expected
    assert annual_docx.render(report, template=template, allow_noncompliant=True) == expected
    assert len(_entries(fresh_cache)) == 2


def test_a_template_changed_while_it_is_read_is_not_kept(
        fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The entry is named by the bytes read first and the hardened reader reads the file again: when the file
    changed in between, what the render made of it is kept nowhere (it would be named by the other bytes)."""
    from annual_docx._output import _render

    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")
    real = _render.open_template

    def changing(path: Path, **options: Any) -> Any:
        opened = real(path, **options)
        _restyled(template, text="本单位自加的说明")  # saved again by the editor just after the reader read it
        return opened

    monkeypatch.setattr(_render, "open_template", changing)
    annual_docx.render(report, template=template, allow_noncompliant=True)
    assert _entries(fresh_cache) == [] and _packages(fresh_cache) == [] and _template_cache._packages == {}
    assert all(entry == {"variants": {}} for entry in _template_cache._memory.values())  # looked up, left empty
    monkeypatch.setattr(_render, "open_template", real)
    expected = _uncached(report, monkeypatch, template=template, allow_noncompliant=True)
    assert annual_docx.render(report, template=template, allow_noncompliant=True) == expected


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(BytesIO(data)) as package:
        return package.read("word/document.xml")


def test_a_damaged_package_entry_is_read_through_the_hardened_reader_again(
        fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept package cut short or altered (its checksum no longer matches) is not opened: the template is read
    through the hardened reader again, the document is the same and the package is kept anew."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")
    expected = annual_docx.render(report, template=template, allow_noncompliant=True)
    [package] = _packages(fresh_cache)
    good = package.read_bytes()
    opened: list[bytes | None] = []
    real = _docxtpl.open_template
    monkeypatch.setattr(_docxtpl, "open_template", lambda *a, **k: opened.append(k.get("checked")) or real(*a, **k))
    from annual_docx._output import _render

    monkeypatch.setattr(_render, "open_template", _docxtpl.open_template)
    for bad in (good[: len(good) // 2], good[:64] + good[64:].replace(b"word/", b"word:", 1)):
        package.write_bytes(bad)
        monkeypatch.setattr(_template_cache, "_memory", {})
        monkeypatch.setattr(_template_cache, "_packages", {})
        opened.clear()
        assert annual_docx.render(report, template=template, allow_noncompliant=True) == expected
        assert opened == [None]
        assert package.read_bytes() == good


def test_a_template_package_past_the_size_limit_is_not_kept(
        fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template package larger than ``MAX_PACKAGE_BYTES`` is not kept (a template may be up to 64 MB): each render
    reads it through the hardened reader, and gives the same bytes."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")
    monkeypatch.setattr(_template_cache, "MAX_PACKAGE_BYTES", template.stat().st_size - 1)
    first = annual_docx.render(report, template=template, allow_noncompliant=True)
    assert _packages(fresh_cache) == [] and _template_cache._packages == {}
    assert annual_docx.render(report, template=template, allow_noncompliant=True) == first


def test_a_template_from_outside_parses_and_writes_each_part_once_from_the_cache(
        counted: collections.Counter[tuple[str, str]], fresh_cache: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Through a template from outside, a first render (nothing kept) parses document.xml and each footer 3 times
    (the hardened reader, python-docx, what Jinja returns) and writes them 3 times (the tag check's source, Jinja's
    source, the package); a later render — another process: the entry and the package on disk — once and once,
    as through the bundled template; a variant the entry lacks parses and writes document.xml twice."""
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = _restyled(tmp_path / "agency.docx")

    def rendered(r: annual_docx.Report) -> dict[tuple[str, str], int]:
        counted.clear()
        annual_docx.render(r, template=template, allow_noncompliant=True)
        found = dict(counted)
        found.pop(("parse", "picture"), None)
        found.pop(("write", "picture"), None)
        return found

    assert rendered(report) == {("parse", "document.xml"): 3, ("write", "document.xml"): 3,
                                ("parse", "footer"): 3 * FOOTERS, ("write", "footer"): 3 * FOOTERS}
    monkeypatch.setattr(_template_cache, "_memory", {})
    monkeypatch.setattr(_template_cache, "_packages", {})
    once = {("parse", "document.xml"): 1, ("write", "document.xml"): 1, ("parse", "footer"): FOOTERS,
            ("write", "footer"): FOOTERS}
    assert rendered(report) == once
    assert rendered(report) == once  # from memory
    signed = report.model_copy(update={"signature": "另一个名称长得多的某市文化馆"})
    assert rendered(signed) == {**once, ("parse", "document.xml"): 2, ("write", "document.xml"): 2}


def test_compressed_pictures_are_deflated_at_the_fastest_level_and_the_xml_at_the_default() -> None:
    """A PNG or JPEG no longer shrinks at the default level: it is deflated at level 1 (faster, and on the
    examples' pictures smaller); the XML parts keep the default level."""
    import zipfile
    import zlib

    data = annual_docx.render(annual_docx.load(ROOT / "examples" / "qufu_2020.yaml"))

    def deflated(raw: bytes, level: int) -> int:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return len(packer.compress(raw) + packer.flush())

    with zipfile.ZipFile(BytesIO(data)) as package:
        infos = package.infolist()
        pictures = [i for i in infos if i.filename.endswith((".png", ".jpg", ".jpeg"))]
        assert {i.filename.rsplit(".", 1)[1] for i in pictures} == {"png", "jpg"}
        for info in pictures:
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.compress_size == deflated(package.read(info), 1), info.filename
        document = package.getinfo("word/document.xml")
        assert document.compress_size == deflated(package.read(document), zlib.Z_DEFAULT_COMPRESSION)


def test_the_template_package_leaves_document_headers_and_footers_as_bytes_until_asked() -> None:
    """python-docx's package with document.xml and the footers parsed on first use: every other part as
    python-docx opens it, the lazy ones giving the same tree and the same bytes once asked for; a template from
    outside is parsed whole as it opens (a part python-docx cannot read is refused there, as before)."""
    import docx

    from annual_docx._ooxml import lazy_parts

    data = (ROOT / "templates" / "report_template.docx").read_bytes()
    lazy = lazy_parts.open_document(data)
    plain = docx.Document(BytesIO(data))
    parts = {str(p.partname): p for p in lazy.part.package.iter_parts()}
    lazy_ones = {name for name, p in parts.items() if isinstance(p, lazy_parts._LazyXml)}
    assert lazy_ones == {"/word/document.xml", "/word/footer1.xml", "/word/footer2.xml"}
    assert not any(parts[name].parsed for name in lazy_ones)
    assert all(lazy_parts.has_content(parts[name]) for name in lazy_ones) and not parts["/word/footer1.xml"].parsed
    assert lazy.core_properties.title == plain.core_properties.title  # other parts: python-docx's
    for part in plain.part.package.iter_parts():
        assert parts[str(part.partname)].blob == part.blob, part.partname  # parsed when written
    assert all(parts[name].parsed for name in lazy_ones)
    assert lazy.element.body is not None and lazy.styles.element is not None

    broken = lazy_parts.open_document(data)
    broken.part._source = b"<w:document"  # what a reader would refuse
    with pytest.raises(etree.XMLSyntaxError):
        lazy_parts.parse_all(broken)
    assert all(p.parsed for p in _docxtpl.open_template(ROOT / "templates" / "report_template.docx").docx.part
               .package.iter_parts() if isinstance(p, lazy_parts._LazyXml))


def test_a_custom_templates_tags_are_found_once_per_process_and_a_changed_one_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing and walking a custom template's tags was half of a render through it: the tags of one source are
    found once per process; a template whose source differs (a tag it lacks) is looked at afresh and refused."""
    import docx

    from annual_docx._output import _authoring
    from annual_docx.errors import TemplateError

    found: list[int] = []
    real = _authoring._source_tags
    monkeypatch.setattr(_authoring, "_source_tags", lambda xml, path: found.append(1) or real(xml, path))
    monkeypatch.setattr(_authoring, "_found_tags", {})
    report = annual_docx.load(ROOT / "examples" / "culture_centre.yaml")
    template = tmp_path / "agency.docx"
    template.write_bytes((ROOT / "templates" / "report_template.docx").read_bytes())
    first = annual_docx.render(report, template=template, allow_noncompliant=True)
    assert annual_docx.render(report, template=template, allow_noncompliant=True) == first
    assert found == [1]
    untitled = docx.Document(str(template))
    for paragraph in untitled.paragraphs:
        if "title" in paragraph.text:
            paragraph.text = ""
    untitled.save(str(tmp_path / "untitled.docx"))
    with pytest.raises(TemplateError, match="title"):
        annual_docx.render(report, template=tmp_path / "untitled.docx", allow_noncompliant=True)
    assert found == [1, 1]
