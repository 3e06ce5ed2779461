"""Write a .docx package from parts: content types, relationships, properties, body, settings and footers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from annual_docx._ooxml.ns import CP_NS, DC_NS, DCTERMS_NS, EXT_PROPS_NS, R_NS, WORD_COMPAT_URI, XML_NS, XSI_NS
from annual_docx._ooxml.ns import CT_NS as CT_NS
from annual_docx._ooxml.ns import PKG_REL_NS as PKG_REL_NS
from annual_docx._ooxml.props import Element, ParagraphFormat, RunFormat, el, ppr, qn, rpr, w_text
from annual_docx._ooxml.zipwrite import zip_into

OFFICE_REL = R_NS
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _clark(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


@dataclass(frozen=True)
class PageSetup:
    """Page size, margins, footer distance and line pitch in twips; ``char_space`` (4096ths of a point added to the
    Normal font size) turns the line grid into a lines-and-characters grid."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    line_pitch: int
    char_space: int | None = None


def paragraph(text: str, style: str | None = None, fmt: ParagraphFormat | None = None) -> Element:
    """Return a ``w:p`` with an optional style and one run holding ``text``."""
    props = ppr(fmt or ParagraphFormat(), style=style) if (style or fmt) else None
    run = el("w:r", None, w_text(text)) if text else None
    return el("w:p", None, props, run)




def page_number_paragraph(style: str, fmt: ParagraphFormat, run: RunFormat) -> Element:
    """Return a footer paragraph showing ``— N —`` with N a PAGE field."""

    def r(*children: Element) -> Element:
        return el("w:r", None, rpr(run), *children)

    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set(f"{{{XML_NS}}}space", "preserve")
    return el(
        "w:p",
        None,
        ppr(fmt, style=style),
        r(w_text("— ")),
        r(el("w:fldChar", {"w:fldCharType": "begin"})),
        r(instr),
        r(el("w:fldChar", {"w:fldCharType": "separate"})),
        r(w_text("1")),
        r(el("w:fldChar", {"w:fldCharType": "end"})),
        r(w_text(" —")),
    )


def footer(paragraph_element: Element) -> Element:
    """Return a ``w:ftr`` root holding one paragraph."""
    return el("w:ftr", None, paragraph_element)


def section_properties(page: PageSetup, footers: dict[str, str]) -> Element:
    """Return ``w:sectPr``: footer references (type → rId), A4 size, margins and a line grid."""
    refs = [el("w:footerReference", {"w:type": kind, "r:id": rid}) for kind, rid in footers.items()]
    return el(
        "w:sectPr",
        None,
        *refs,
        el("w:pgSz", {"w:w": page.width, "w:h": page.height}),
        el(
            "w:pgMar",
            {
                "w:top": page.top,
                "w:right": page.right,
                "w:bottom": page.bottom,
                "w:left": page.left,
                "w:header": page.header,
                "w:footer": page.footer,
                "w:gutter": 0,
            },
        ),
        el("w:cols", {"w:space": 425}),
        el("w:docGrid", _grid(page)),
    )


def _grid(page: PageSetup) -> dict[str, str | int]:
    if page.char_space is None:
        return {"w:type": "lines", "w:linePitch": page.line_pitch}
    return {"w:type": "linesAndChars", "w:linePitch": page.line_pitch, "w:charSpace": page.char_space}


def document(paragraphs: Iterable[Element], sect_pr: Element) -> Element:
    """Return a ``w:document`` root whose body holds ``paragraphs`` and ends with ``sect_pr``."""
    return el("w:document", None, el("w:body", None, *paragraphs, sect_pr))


def settings(even_and_odd_footers: bool = True) -> Element:
    """Return ``w:settings`` for Chinese documents: even/odd footers, zh-CN theme language, Word 2013+ mode."""
    compat = el(
        "w:compat",
        None,
        el("w:useFELayout"),
        el(
            "w:compatSetting",
            {"w:name": "compatibilityMode", "w:uri": WORD_COMPAT_URI, "w:val": 15},
        ),
    )
    return el(
        "w:settings",
        None,
        el("w:defaultTabStop", {"w:val": 420}),
        el("w:evenAndOddHeaders") if even_and_odd_footers else None,
        el("w:characterSpacingControl", {"w:val": "compressPunctuation"}),
        compat,
        el("w:themeFontLang", {"w:val": "en-US", "w:eastAsia": "zh-CN"}),
        el("w:decimalSymbol", {"w:val": "."}),
        el("w:listSeparator", {"w:val": ","}),
    )


def core_properties(title: str, creator: str, created: str) -> Element:
    """Return ``cp:coreProperties`` with title, creator and fixed created/modified times (ISO 8601)."""
    ns = {
        "cp": CP_NS,
        "dc": DC_NS,
        "dcterms": DCTERMS_NS,
        "xsi": XSI_NS,
    }
    root = etree.Element(_clark(ns["cp"], "coreProperties"), nsmap=ns)
    for tag, value in (("dc:title", title), ("dc:creator", creator), ("cp:lastModifiedBy", "annual_docx")):
        prefix, local = tag.split(":")
        etree.SubElement(root, _clark(ns[prefix], local)).text = value
    for local in ("created", "modified"):
        stamp = etree.SubElement(root, _clark(ns["dcterms"], local))
        stamp.set(_clark(ns["xsi"], "type"), "dcterms:W3CDTF")
        stamp.text = created
    return root


def app_properties() -> Element:
    """Return extended properties naming annual_docx as the application."""
    ns = EXT_PROPS_NS
    root = etree.Element(_clark(ns, "Properties"), nsmap={None: ns})  # type: ignore[dict-item]
    etree.SubElement(root, _clark(ns, "Application")).text = "annual_docx"
    return root


def write_package(path: Path, parts: dict[str, Element], footer_names: list[str]) -> None:
    """Write a deterministic .docx: ``parts`` maps part names under ``word/`` (including ``word/theme/theme1.xml``)
    and ``docProps/`` to XML roots."""
    overrides = {
        "/word/document.xml": f"{WML_CT}.document.main+xml",
        "/word/styles.xml": f"{WML_CT}.styles+xml",
        "/word/settings.xml": f"{WML_CT}.settings+xml",
        "/word/fontTable.xml": f"{WML_CT}.fontTable+xml",
        "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    overrides.update({f"/word/{name}": f"{WML_CT}.footer+xml" for name in footer_names})
    types = etree.Element(_clark(CT_NS, "Types"), nsmap={None: CT_NS})  # type: ignore[dict-item]
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    defaults.update({"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"})
    for ext, ctype in defaults.items():
        etree.SubElement(types, _clark(CT_NS, "Default"), Extension=ext, ContentType=ctype)
    for name, ctype in overrides.items():
        etree.SubElement(types, _clark(CT_NS, "Override"), PartName=name, ContentType=ctype)

    package_rels = _relationships(
        [
            ("officeDocument", "word/document.xml"),
            ("metadata/core-properties", "docProps/core.xml"),
            ("extended-properties", "docProps/app.xml"),
        ]
    )
    document_rels = _relationships(
        [("styles", "styles.xml"), ("settings", "settings.xml"), ("fontTable", "fontTable.xml")]
        + [("footer", name) for name in footer_names]
        + [("theme", "theme/theme1.xml")]
    )
    members = {
        "[Content_Types].xml": types,
        "_rels/.rels": package_rels,
        "word/_rels/document.xml.rels": document_rels,
        **parts,
    }
    zip_into(path, ((name, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
                    for name, root in members.items()), mode=None)


def footer_rel_ids(footer_names: list[str]) -> list[str]:
    """Return the relationship ids ``write_package`` gives the footers, in order."""
    return [f"rId{4 + i}" for i in range(len(footer_names))]


def _relationships(targets: list[tuple[str, str]]) -> Element:
    root = etree.Element(_clark(PKG_REL_NS, "Relationships"), nsmap={None: PKG_REL_NS})  # type: ignore[dict-item]
    for i, (kind, target) in enumerate(targets, start=1):
        reltype = (
            f"{PKG_REL_NS}/{kind}"
            if kind.startswith("metadata/")
            else f"{OFFICE_REL}/{kind}"
        )
        etree.SubElement(root, _clark(PKG_REL_NS, "Relationship"), Id=f"rId{i}", Type=reltype, Target=target)
    return root


__all__ = [
    "PageSetup",
    "app_properties",
    "core_properties",
    "document",
    "footer",
    "footer_rel_ids",
    "page_number_paragraph",
    "paragraph",
    "qn",
    "section_properties",
    "settings",
    "write_package",
]
