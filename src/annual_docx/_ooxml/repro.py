"""Make a saved .docx reproducible: the same parts give the same bytes, whatever the clock says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from annual_docx._ooxml.ns import CT_NS
from annual_docx._ooxml.zipwrite import zip_parts

_TYPES_NS = CT_NS


def _content_types(parts: list[Any]) -> bytes:
    """Return ``[Content_Types].xml`` for ``parts`` as python-docx writes it: a Default for rels, xml and each
    extension whose content type is that extension's usual one, an Override for every other part, each sorted."""
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.spec import default_content_types

    defaults = {"rels": CONTENT_TYPE.OPC_RELATIONSHIPS, "xml": CONTENT_TYPE.XML}
    overrides = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    root = etree.Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})  # type: ignore[dict-item]
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Default", Extension=ext, ContentType=defaults[ext])
    for name in sorted(overrides):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Override", PartName=name, ContentType=overrides[name])
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def package_bytes(document: Any) -> bytes:
    """Return the python-docx ``Document`` as a .docx written once: its parts in python-docx's order (content
    types, package relationships, each part followed by its relationships), every entry dated 1980-01-01."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()

    def entries() -> Iterator[tuple[str, bytes]]:
        yield "[Content_Types].xml", _content_types(parts)
        yield "_rels/.rels", package.rels.xml
        for part in parts:
            yield part.partname.membername, part.blob
            if len(part.rels):
                yield part.partname.rels_uri.membername, part.rels.xml

    return zip_parts(entries())
