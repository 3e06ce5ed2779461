"""Turn a template from outside into a package docxtpl and python-docx can open without surprises.

``template_bytes(package)`` reads every part through the hardened reader (size caps, zip checks) and parses every
XML part with the hardened parser, so python-docx, which parses them again, only ever sees sound, DTD-free XML of
bounded size. Then it repairs what python-docx cannot cope with but Word can: a second core-properties relationship
(kept: the first), a core-properties relationship of the officeDocument namespace (LibreOffice's "Office Open XML
Text" filter writes it; python-docx looks for the package one only, adds a second docProps/core.xml and the saved
package has two entries of one name) and a Word template (.dotx) main part, which is given the document content
type so the result is a .docx. Macro-enabled files (.docm, .dotm) are refused: a report template has no use for
macros, and a .docx with a macro part is not valid.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from annual_docx._ooxml.props import W_NS
from annual_docx._ooxml.reader import CT_NS, MAIN_KINDS, REL_NS, SAVE_AS, Package
from annual_docx._ooxml.zipwrite import zip_parts

_DOCUMENT_TYPE = next(t for t, kind in MAIN_KINDS.items() if kind == "document")
_CORE = "/metadata/core-properties"
_PACKAGE_CORE = REL_NS + _CORE  # the package relationships namespace is also the prefix of package types


def _is_xml(package: Package, name: str) -> bool:
    ctype = package.content_type(name) or ""
    return name.lower().endswith((".xml", ".rels")) or ctype.endswith("xml")


def _one_core_properties(root: etree._Element) -> bool:
    """Keep one core-properties relationship, the first, of the package type python-docx reads; return whether
    anything changed."""
    found = [r for r in root.iter(f"{{{REL_NS}}}Relationship") if (r.get("Type") or "").endswith(_CORE)]
    for extra in found[1:]:
        root.remove(extra)
    retyped = bool(found) and found[0].get("Type") != _PACKAGE_CORE
    if retyped:
        found[0].set("Type", _PACKAGE_CORE)
    return len(found) > 1 or retyped


def _as_document(root: etree._Element, main: str) -> bool:
    """Give the main part the document content type; return whether it changed."""
    changed = False
    for node in root.iter(f"{{{CT_NS}}}Override"):
        if (node.get("PartName") or "").lstrip("/").lower() == main.lower() and node.get("ContentType") != \
                _DOCUMENT_TYPE:
            node.set("ContentType", _DOCUMENT_TYPE)
            changed = True
    return changed


def template_bytes(package: Package) -> bytes:
    """Return the template ``package`` as checked, repaired .docx bytes (see the module docstring); raise
    DocumentError for what cannot be used."""
    if package.kind.startswith("macro"):
        raise package.fail(None, "启用宏的文件（.docm/.dotm）不能作模板", f"a macro-enabled file (.docm/.dotm) "
                            f"cannot be a template; {SAVE_AS}")
    for source in ["", *package.names()]:  # every internal relationship must point to a part that exists
        if not source.endswith(".rels"):
            for rel in package.rels(source):
                if not rel.external and not package.has(rel.target):
                    raise package.fail(rel.target, f"{source or '包'} 的关系 {rel.id} 指向的部件不存在",
                                        f"relationship {rel.id} of {source or 'the package'} points to a missing part")

    def entries() -> Iterator[tuple[str, bytes]]:
        for name in package.names():
            data = package.part(name)
            if _is_xml(package, name):
                root = package.xml(name)
                if name == package.main_part and (root.tag != f"{{{W_NS}}}document" or root.find(f"{{{W_NS}}}body")
                                                  is None):
                    raise package.fail(name, "主文档部件没有正文（w:document/w:body）", "the main part has no "
                                       "document body (w:document/w:body)")
                changed = (name == "_rels/.rels" and _one_core_properties(root)) or (
                    name == "[Content_Types].xml" and _as_document(root, package.main_part))
                if changed:
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            yield name, data

    return zip_parts(entries())
